import { type SQL, sql } from 'drizzle-orm';
import { EXEMPTION_KINDS, type TThuiszitterDefinition } from '../../../shared/absence.js';

/**
 * shared/absence.ts's countingSince, daysWithoutEducation and isThuiszitter as SQL over a case
 * alias (`c`, a row of absence_cases), for lists and figures that filter or count on them.
 * Keep the two in step: figures.test.ts compares them on the same episodes.
 */
export function countingSinceSql(c: string, today: SQL, def: TThuiszitterDefinition): SQL {
  const alias = sql.raw(c);
  return sql`(select case when bool_or(e.kind = any(${sql.raw(`'{${EXEMPTION_KINDS.join(',')}}'`)}::text[])) then null
      else min(e.started_on) filter (where e.kind = any(${`{${def.countedKinds.join(',')}}`}::text[])) end
    from absence_episodes e
    where e.region_id = ${alias}.region_id and e.case_id = ${alias}.id
      and e.started_on <= ${today} and (e.ended_on is null or e.ended_on >= ${today}))`;
}

/** Days without education from `since` (an expression) to today, or to the start of an offer before today. */
export function daysWithoutEducationSql(c: string, since: SQL, today: SQL): SQL {
  const alias = sql.raw(c);
  return sql`coalesce(greatest(0, (case when ${alias}.offer_from < ${today} then ${alias}.offer_from else ${today} end) - (${since})), 0)`;
}

export function isThuiszitterSql(since: SQL, today: SQL, def: TThuiszitterDefinition): SQL {
  return sql`coalesce(${today} - (${since}) >= ${def.minDays}, false)`;
}
