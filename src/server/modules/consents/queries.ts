import { type SQL, sql } from 'drizzle-orm';
import { PUPIL_SELF_DECIDES_AGE, type TLegalBasis } from '../../../shared/consent.js';
import type { TPartnerKind, TRole } from '../../../shared/roles.js';
import type { TConsentStatus } from '../../../shared/schemas/consent.js';
import { query, type Tx } from '../../platform/db.js';
import { TODAY } from '../pupils/relation.js';

/** Drivers differ: PGlite and pg may hand json back parsed or as text. */
export function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}
export const iso = (v: unknown): string => new Date(v as string).toISOString();
export const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));

/** Consent `c` is in force today (the same test as the relation loader in pupils/relation.ts). */
export const CONSENT_IN_FORCE = sql`c.withdrawn_at is null and c.valid_from <= ${TODAY} and (c.valid_until is null or c.valid_until >= ${TODAY})`;

/** Consent `c` shares with organisation `o`: by name, or by the organisation's partner kind. */
const SHARES_WITH_O = sql`(o.id = any(c.recipient_organisation_ids) or o.partner_kind = any(c.recipient_kinds))`;

const STATUS = sql`case when c.replaced_by_id is not null then 'replaced' when c.withdrawn_at is not null then 'withdrawn'
  when c.valid_from > ${TODAY} then 'not_yet' when c.valid_until < ${TODAY} then 'expired' else 'valid' end`;

// ---- consents ------------------------------------------------------------------------------

export interface TPersonRow {
  kind: 'guardian' | 'pupil' | 'staff';
  name: string | null;
}

/** Who a user is to this child: one of its guardians (their name as the school knows it), the pupil, or staff. */
function personOf(userCol: SQL): SQL {
  return sql`case when ${userCol} is null then null else json_build_object(
    'kind', case when p.user_id = ${userCol} then 'pupil'
      when exists (select 1 from guardians g where g.region_id = c.region_id and g.pupil_id = c.pupil_id and g.user_id = ${userCol}) then 'guardian'
      else 'staff' end,
    'name', case when p.user_id = ${userCol} then null
      else coalesce((select g.name from guardians g where g.region_id = c.region_id and g.pupil_id = c.pupil_id and g.user_id = ${userCol} limit 1),
        (select u.name from users u where u.id = ${userCol})) end) end`;
}

export interface TConsentRow {
  id: string;
  pupil_id: string;
  status: TConsentStatus;
  organisations: unknown;
  recipient_kinds: unknown;
  categories: unknown;
  purpose: string;
  legal_basis: TLegalBasis;
  valid_from: string;
  valid_until: string | null;
  given_by_kind: 'guardian' | 'pupil';
  given_by_name: string | null;
  recorded_by: unknown;
  created_at: unknown;
  replaces_id: string | null;
  replaced_by_id: string | null;
  withdrawn_at: unknown;
  withdrawn_by: unknown;
}

async function selectConsents(tx: Tx, where: SQL): Promise<TConsentRow[]> {
  return query<TConsentRow>(
    tx,
    sql`select c.id, c.pupil_id, ${STATUS} as status,
      coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name, 'partnerKind', o.partner_kind) order by o.name)
        from organisations o where o.region_id = c.region_id and o.id = any(c.recipient_organisation_ids)), '[]'::json) as organisations,
      to_json(c.recipient_kinds) as recipient_kinds, to_json(c.categories) as categories, c.purpose, c.legal_basis,
      c.valid_from::text as valid_from, c.valid_until::text as valid_until, c.given_by_kind, gb.name as given_by_name,
      ${personOf(sql`c.recorded_by`)} as recorded_by, c.created_at, c.replaces_id, c.replaced_by_id, c.withdrawn_at,
      ${personOf(sql`c.withdrawn_by`)} as withdrawn_by
    from consents c
    join pupils p on p.region_id = c.region_id and p.id = c.pupil_id
    left join guardians gb on gb.region_id = c.region_id and gb.id = c.given_by_guardian_id
    where ${where}
    order by c.created_at desc, c.id`,
  );
}

/** Every consent of the child, history included, newest first. */
export const listConsents = (tx: Tx, pupilId: string) => selectConsents(tx, sql`c.pupil_id = ${pupilId}`);
export const listConsentsInForce = (tx: Tx, pupilId: string) => selectConsents(tx, sql`c.pupil_id = ${pupilId} and ${CONSENT_IN_FORCE}`);
export async function loadConsent(tx: Tx, id: string): Promise<TConsentRow | null> {
  return (await selectConsents(tx, sql`c.id = ${id}`))[0] ?? null;
}

/** The consent's state, locked until commit so two requests cannot both end or replace it. */
export async function lockConsent(tx: Tx, id: string) {
  const [row] = await query<{ id: string; pupil_id: string; given_by_kind: 'guardian' | 'pupil'; status: TConsentStatus }>(
    tx,
    sql`select c.id, c.pupil_id, c.given_by_kind, ${STATUS} as status from consents c where c.id = ${id} for update`,
  );
  return row ?? null;
}

// ---- kernteam ------------------------------------------------------------------------------

export interface TCareTeamRow {
  id: string;
  user_id: string;
  user_name: string | null;
  organisation_id: string;
  organisation_name: string;
  organisation_kind: string;
  partner_kind: TPartnerKind | null;
  role: TRole | null;
  task: string | null;
  added_at: unknown;
  consent_covers: boolean | null;
}

export async function listCareTeam(tx: Tx, pupilId: string, memberId?: string): Promise<TCareTeamRow[]> {
  return query<TCareTeamRow>(
    tx,
    sql`select ct.id, ct.user_id, u.name as user_name, o.id as organisation_id, o.name as organisation_name,
      o.kind as organisation_kind, o.partner_kind, ct.task, ct.added_at,
      (select m.role from memberships m where m.user_id = ct.user_id and m.organisation_id = ct.organisation_id
        and m.ended_at is null order by m.created_at limit 1) as role,
      case when o.kind = 'partner' then exists (select 1 from consents c where c.region_id = ct.region_id
        and c.pupil_id = ct.pupil_id and ${CONSENT_IN_FORCE} and ${SHARES_WITH_O}) end as consent_covers
    from care_team_members ct
    join organisations o on o.region_id = ct.region_id and o.id = ct.organisation_id
    left join users u on u.id = ct.user_id
    where ct.pupil_id = ${pupilId} and ct.removed_at is null ${memberId ? sql`and ct.id = ${memberId}` : sql``}
    order by ct.added_at, ct.id`,
  );
}

/** The organisations of the kernteam, with what a valid consent shares with each. */
/**
 * People who could join this child's kernteam: an active membership in a working role, not in it
 * already, whose name contains `q`. One row per membership, so the organisation comes with it.
 */
export async function listCareTeamCandidates(tx: Tx, pupilId: string, q: string, roles: readonly string[]) {
  const rows = await query<{ user_id: string; name: string; role: string; org_id: string; org_name: string }>(
    tx,
    sql`select m.user_id, u.name, m.role, o.id as org_id, o.name as org_name
      from memberships m
      join users u on u.id = m.user_id
      join organisations o on o.region_id = m.region_id and o.id = m.organisation_id
      where m.ended_at is null and u.deactivated_at is null
        and m.role in (${sql.join(roles.map((r) => sql`${r}`), sql`, `)})
        and (${q} = '' or lower(u.name) like ${`%${q.toLowerCase()}%`})
        and not exists (select 1 from care_team_members ct where ct.pupil_id = ${pupilId} and ct.user_id = m.user_id and ct.removed_at is null)
      order by u.name, o.name limit 20`,
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role, organisation: { id: r.org_id, name: r.org_name } }));
}

export async function careTeamOrganisations(tx: Tx, pupilId: string) {
  return query<{ id: string; name: string; kind: string; partner_kind: TPartnerKind | null; categories: unknown }>(
    tx,
    sql`select o.id, o.name, o.kind, o.partner_kind,
      coalesce((select to_json(array_agg(distinct cat order by cat)) from consents c, unnest(c.categories) cat
        where c.region_id = o.region_id and c.pupil_id = ${pupilId} and ${CONSENT_IN_FORCE} and ${SHARES_WITH_O}), '[]'::json) as categories
    from organisations o
    where o.id in (select ct.organisation_id from care_team_members ct where ct.pupil_id = ${pupilId} and ct.removed_at is null)
    order by o.name, o.id`,
  );
}

// ---- break-the-glass -----------------------------------------------------------------------

export interface TBreakGlassRow {
  id: string;
  user_id: string;
  user_name: string | null;
  pupil_id: string;
  first_name: string;
  name_prefix: string | null;
  last_name: string;
  reason: string;
  started_at: unknown;
  expires_at: unknown;
  reviewed_at: unknown;
  reviewed_by: string | null;
  reviewer_name: string | null;
  review_note: string | null;
}

export async function listBreakGlass(
  tx: Tx,
  o: { id?: string; reviewed?: boolean; page: number; pageSize: number },
): Promise<{ rows: TBreakGlassRow[]; total: number }> {
  const conds: SQL[] = [sql`true`];
  if (o.id) conds.push(sql`bg.id = ${o.id}`);
  if (o.reviewed !== undefined) conds.push(o.reviewed ? sql`bg.reviewed_at is not null` : sql`bg.reviewed_at is null`);
  const where = sql.join(conds, sql` and `);
  const rows = await query<TBreakGlassRow>(
    tx,
    sql`select bg.id, bg.user_id, u.name as user_name, bg.pupil_id, p.first_name, p.name_prefix, p.last_name, bg.reason,
      bg.started_at, bg.expires_at, bg.reviewed_at, bg.reviewed_by, ru.name as reviewer_name, bg.review_note
    from break_glass_accesses bg
    join pupils p on p.region_id = bg.region_id and p.id = bg.pupil_id
    left join users u on u.id = bg.user_id
    left join users ru on ru.id = bg.reviewed_by
    where ${where}
    order by bg.started_at desc, bg.id
    limit ${o.pageSize} offset ${(o.page - 1) * o.pageSize}`,
  );
  const [c] = await query<{ total: string }>(tx, sql`select count(*) as total from break_glass_accesses bg where ${where}`);
  return { rows, total: Number(c?.total ?? 0) };
}

// ---- access log ----------------------------------------------------------------------------

export interface TAccessLogRow {
  occurred_at: unknown;
  organisation_id: string | null;
  organisation_name: string | null;
  role: string | null;
  action: string;
  break_glass: boolean;
}

/**
 * The child's audit trail, newest first. A row counts as break-the-glass when it carries a reason
 * (the opening itself) or was done by someone inside their own opening's window.
 */
/** `withoutUser`: leave out that person's own actions (a parent wants to see who else looked). */
export async function listAccessLog(tx: Tx, regionId: string, pupilId: string, page: number, pageSize: number, withoutUser: string | null = null) {
  const mine = withoutUser ? sql`and e.actor_user_id is distinct from ${withoutUser}` : sql``;
  const rows = await query<TAccessLogRow>(
    tx,
    sql`select e.occurred_at, e.organisation_id, o.name as organisation_name, e.role, e.action,
      (e.reason is not null or exists (select 1 from break_glass_accesses bg where bg.region_id = e.region_id
        and bg.pupil_id = e.pupil_id and bg.user_id = e.actor_user_id
        and e.occurred_at >= bg.started_at and e.occurred_at <= bg.expires_at)) as break_glass
    from audit_events e
    left join organisations o on o.region_id = e.region_id and o.id = e.organisation_id
    where e.region_id = ${regionId} and e.pupil_id = ${pupilId} ${mine}
    order by e.seq desc
    limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const [c] = await query<{ total: string }>(
    tx,
    sql`select count(*) as total from audit_events e where e.region_id = ${regionId} and e.pupil_id = ${pupilId} ${mine}`,
  );
  return { rows, total: Number(c?.total ?? 0) };
}

// ---- parents' access -----------------------------------------------------------------------

export async function loadParentsAccess(tx: Tx, pupilId: string) {
  const [r] = await query<{ refused_at: unknown; under_age: boolean }>(
    tx,
    sql`select p.parents_access_refused_at as refused_at, age(${TODAY}, p.date_of_birth) < make_interval(years => ${PUPIL_SELF_DECIDES_AGE}) as under_age
    from pupils p where p.id = ${pupilId}`,
  );
  return r ?? null;
}
