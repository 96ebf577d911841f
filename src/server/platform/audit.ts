import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Tx } from './db.js';

export interface TAuditActor {
  userId: string | null;
  membershipId: string | null;
  role: string | null;
  organisationId: string | null;
}

export interface TAuditEvent {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  pupilId?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface TAuditRow {
  regionId: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  membershipId: string | null;
  role: string | null;
  organisationId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  pupilId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Stable JSON: keys sorted at every level, so the same row always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

export function hashAuditRow(row: TAuditRow): string {
  const { prevHash, ...rest } = row;
  const body = canonical({ ...rest, occurredAt: new Date(rest.occurredAt).toISOString() });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * Appends one event to the region's chain inside the request's transaction. rondom_audit_head takes
 * the region's advisory lock, which serialises appends until commit, so two requests never fork the chain.
 */
export async function appendAudit(tx: Tx, regionId: string, actor: TAuditActor, event: TAuditEvent): Promise<void> {
  const [head] = await query<{ seq: number | string | null; hash: string | null }>(
    tx,
    sql`select seq, hash from rondom_audit_head(${regionId}::uuid)`,
  );
  const prev = head?.hash ? { seq: head.seq as number | string, hash: head.hash } : null;
  const row: TAuditRow = {
    regionId,
    seq: prev ? Number(prev.seq) + 1 : 1,
    occurredAt: new Date().toISOString(),
    actorUserId: actor.userId,
    membershipId: actor.membershipId,
    role: actor.role,
    organisationId: actor.organisationId,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId ?? null,
    pupilId: event.pupilId ?? null,
    reason: event.reason ?? null,
    details: event.details ?? {},
    prevHash: prev?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditRow(row);
  await tx.execute(sql`insert into audit_events
    (region_id, seq, occurred_at, actor_user_id, membership_id, role, organisation_id, action,
     subject_type, subject_id, pupil_id, reason, details, prev_hash, hash)
    values (${row.regionId}, ${row.seq}, ${row.occurredAt}, ${row.actorUserId}, ${row.membershipId},
     ${row.role}, ${row.organisationId}, ${row.action}, ${row.subjectType}, ${row.subjectId},
     ${row.pupilId}, ${row.reason}, ${JSON.stringify(row.details)}::jsonb, ${row.prevHash}, ${hash})`);
}

export interface TChainBreak {
  regionId: string;
  seq: number;
  problem: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap';
}

/** Checks every region's chain; returns the first break per region (empty when all intact). */
export async function verifyAuditChains(
  raw: <R>(text: string, params?: unknown[]) => Promise<R[]>,
): Promise<{ regions: number; events: number; breaks: TChainBreak[] }> {
  const regions = await raw<{ region_id: string }>('select distinct region_id from audit_events');
  const breaks: TChainBreak[] = [];
  let events = 0;
  for (const { region_id } of regions) {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let lastSeq = 0;
    // page through in seq order; chains can be long
    for (;;) {
      const rows = await raw<Record<string, unknown>>(
        `select region_id, seq, occurred_at, actor_user_id, membership_id, role, organisation_id, action,
                subject_type, subject_id, pupil_id, reason, details, prev_hash, hash
           from audit_events where region_id = $1 and seq > $2 order by seq limit 5000`,
        [region_id, lastSeq],
      );
      if (rows.length === 0) break;
      let broken = false;
      for (const r of rows) {
        events++;
        const seq = Number(r.seq);
        lastSeq = seq;
        const row: TAuditRow = {
          regionId: String(r.region_id),
          seq,
          occurredAt: new Date(r.occurred_at as string).toISOString(),
          actorUserId: (r.actor_user_id as string) ?? null,
          membershipId: (r.membership_id as string) ?? null,
          role: (r.role as string) ?? null,
          organisationId: (r.organisation_id as string) ?? null,
          action: String(r.action),
          subjectType: String(r.subject_type),
          subjectId: (r.subject_id as string) ?? null,
          pupilId: (r.pupil_id as string) ?? null,
          reason: (r.reason as string) ?? null,
          details: (typeof r.details === 'string' ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
          prevHash: String(r.prev_hash),
        };
        const problem: TChainBreak['problem'] | null =
          seq !== expectedSeq
            ? 'gap'
            : row.prevHash !== prevHash
              ? 'prev_hash_mismatch'
              : hashAuditRow(row) !== r.hash
                ? 'hash_mismatch'
                : null;
        if (problem) {
          breaks.push({ regionId: region_id, seq, problem });
          broken = true;
          break;
        }
        prevHash = String(r.hash);
        expectedSeq = seq + 1;
      }
      if (broken) break;
    }
  }
  return { regions: regions.length, events, breaks };
}
