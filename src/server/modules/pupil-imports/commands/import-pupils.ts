import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { TImportField } from '../../../../shared/schemas/pupil-import.js';
import { query, type Tx } from '../../../platform/db.js';
import { bulk } from '../../../seed/generate.js';
import type { TCsvRow } from '../csv.js';
import { type TCandidate, type TLookups, type TRowProblem, checkRow, gemeenteKeys, groupKeys } from '../rows.js';

/** Rows are checked and inserted this many at a time; progress moves per chunk. */
export const IMPORT_CHUNK = 1000;

export interface TImportOutcome {
  importedRows: number;
  guardians: number;
  rejected: TRowProblem[];
}

async function loadLookups(tx: Tx): Promise<TLookups> {
  const schools = await query<{ id: string; brin: string; vestiging: string | null }>(
    tx,
    sql`select id, upper(brin) as brin, vestiging from organisations
      where kind = 'school' and brin is not null and archived_at is null`,
  );
  const lookups: TLookups = { schools: new Map(), schoolsByBrin: new Map(), groups: new Map(), gemeenten: new Map() };
  for (const s of schools) {
    lookups.schools.set(`${s.brin}|${s.vestiging ?? ''}`, s.id);
    lookups.schoolsByBrin.set(s.brin, [...(lookups.schoolsByBrin.get(s.brin) ?? []), s.id]);
  }
  const groups = await query<{ id: string; school_id: string; name: string }>(
    tx,
    sql`select id, school_id, name from groups order by school_year desc, created_at desc`,
  );
  for (const g of groups)
    for (const k of groupKeys(g.name)) {
      const key = `${g.school_id}|${k}`;
      if (!lookups.groups.has(key)) lookups.groups.set(key, g.id);
    }
  const gemeenten = await query<{ id: string; name: string }>(
    tx,
    sql`select id, name from organisations where kind = 'gemeente'`,
  );
  for (const g of gemeenten) for (const k of gemeenteKeys(g.name)) if (!lookups.gemeenten.has(k)) lookups.gemeenten.set(k, g.id);
  return lookups;
}

/** Which of these candidates are already pupils of the region: same external key, or same name and date of birth, at the same school. */
async function alreadyKnown(tx: Tx, cs: TCandidate[]): Promise<Set<number>> {
  if (!cs.length) return new Set();
  const rows = await query<{ i: number }>(
    tx,
    sql`select k.i from unnest(${sql.param(cs.map((_, i) => i))}::int[], ${sql.param(cs.map((c) => c.schoolId))}::uuid[],
        ${sql.param(cs.map((c) => c.externalRef))}::text[], ${sql.param(cs.map((c) => c.lastName))}::text[],
        ${sql.param(cs.map((c) => c.searchText))}::text[], ${sql.param(cs.map((c) => c.dateOfBirth))}::date[])
        as k(i, school_id, ref, last_name, search_text, dob)
      where (k.ref is not null and exists (select 1 from pupils p where p.school_id = k.school_id and p.external_ref = k.ref))
         or exists (select 1 from pupils p where p.school_id = k.school_id and p.last_name = k.last_name
              and p.search_text = k.search_text and p.date_of_birth = k.dob)`,
  );
  return new Set(rows.map((r) => Number(r.i)));
}

/**
 * Imports the rows into the request's transaction: every row is checked, good rows become pupils
 * (with their first guardian), bad rows are reported with a reason. Throws only on the
 * unexpected, and then the caller's transaction takes everything back.
 */
export async function importPupils(
  tx: Tx,
  o: {
    regionId: string;
    rows: TCsvRow[];
    cols: Partial<Record<TImportField, number>>;
    today: string;
    onProgress?: (processedRows: number, importedRows: number, rejected: TRowProblem[]) => void;
  },
): Promise<TImportOutcome> {
  // one import per region at a time, across processes: a second one waits, then sees the first's pupils as duplicates
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`pupil-import:${o.regionId}`}, 0))`);
  const lookups = await loadLookups(tx);
  const rejected: TRowProblem[] = [];
  const byRef = new Map<string, number>();
  const byName = new Map<string, number>();
  let importedRows = 0;
  let guardians = 0;
  let processed = 0;

  for (let start = 0; start < o.rows.length; start += IMPORT_CHUNK) {
    const chunk = o.rows.slice(start, start + IMPORT_CHUNK);
    const candidates: TCandidate[] = [];
    for (const r of chunk) {
      const checked = checkRow(r.row, r.cells, o.cols, lookups, o.today);
      if ('problems' in checked) rejected.push(...checked.problems);
      else candidates.push(checked.candidate);
    }
    const known = await alreadyKnown(tx, candidates);
    const accepted: TCandidate[] = [];
    candidates.forEach((c, i) => {
      const value = c.externalRef ?? [c.firstName, c.namePrefix, c.lastName].filter(Boolean).join(' ');
      if (known.has(i)) {
        rejected.push({ row: c.row, field: c.externalRef ? 'externalRef' : null, rule: 'already_in_rondom', value });
        return;
      }
      const refKey = c.externalRef ? `${c.schoolId}|${c.externalRef}` : null;
      const nameKey = `${c.schoolId}|${c.searchText}|${c.dateOfBirth}`;
      const first = (refKey ? byRef.get(refKey) : undefined) ?? byName.get(nameKey);
      if (first !== undefined) {
        rejected.push({
          row: c.row,
          field: refKey && byRef.has(refKey) ? 'externalRef' : null,
          rule: 'duplicate_in_file',
          value,
          params: { row: first },
        });
        return;
      }
      if (refKey) byRef.set(refKey, c.row);
      byName.set(nameKey, c.row);
      accepted.push(c);
    });

    const ids = accepted.map(() => randomUUID());
    await bulk(
      tx,
      'pupils',
      [
        ['region_id', 'uuid'],
        ['id', 'uuid'],
        ['first_name', 'text'],
        ['name_prefix', 'text'],
        ['last_name', 'text'],
        ['search_text', 'text'],
        ['date_of_birth', 'date'],
        ['school_id', 'uuid'],
        ['group_id', 'uuid'],
        ['gemeente_id', 'uuid'],
        ['enrolled_on', 'date'],
        ['external_ref', 'text'],
      ],
      accepted.map((c, i) => [
        o.regionId,
        ids[i],
        c.firstName,
        c.namePrefix,
        c.lastName,
        c.searchText,
        c.dateOfBirth,
        c.schoolId,
        c.groupId,
        c.gemeenteId,
        c.enrolledOn,
        c.externalRef,
      ]),
    );
    const guardianRows = accepted.flatMap((c, i) =>
      c.guardian
        ? [[o.regionId, randomUUID(), ids[i], c.guardian.name, c.guardian.email, c.guardian.phone, c.guardian.hasGezag]]
        : [],
    );
    await bulk(
      tx,
      'guardians',
      [
        ['region_id', 'uuid'],
        ['id', 'uuid'],
        ['pupil_id', 'uuid'],
        ['name', 'text'],
        ['email', 'text'],
        ['phone', 'text'],
        ['has_gezag', 'bool'],
      ],
      guardianRows,
    );
    importedRows += accepted.length;
    guardians += guardianRows.length;
    processed += chunk.length;
    o.onProgress?.(processed, importedRows, rejected);
  }
  rejected.sort((a, b) => a.row - b.row);
  return { importedRows, guardians, rejected };
}
