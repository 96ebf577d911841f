import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { searchTextOf } from '../../shared/names.js';
import type { TSchoolType } from '../../shared/roles.js';
import type { TRegionSettings } from '../db/schema/region.js';
import type { Database, Tx } from '../platform/db.js';
import { FIRST_NAMES, LAST_NAMES, NAME_PREFIXES, PLACES, SCHOOL_WORDS, rng } from './names.js';

export interface TGeneratedRegion {
  regionId: string;
  swvId: string;
  gemeenteIds: string[];
  partnerIds: string[];
  oprId: string;
  schools: { id: string; type: TSchoolType; groupIds: string[] }[];
  pupilIds: string[];
}

export interface TRegionSpec {
  slug: string;
  name: string;
  schools: number;
  pupils: number;
  gemeenten?: number;
  seed?: number;
  settings?: Partial<TRegionSettings>;
}

const SCHOOL_TYPE_CYCLE: TSchoolType[] = ['PO', 'PO', 'PO', 'PO', 'PO', 'PO', 'PO', 'PO', 'PO', 'PO', 'PO', 'PO', 'SBO', 'SO', 'VO', 'VO', 'VO', 'VO', 'VSO', 'PO'];
const BATCH = 5000;

/**
 * Inserts rows through unnest() in batches: one statement per batch with one array parameter per
 * column, fast on both PGlite and PostgreSQL. `target` is the owner connection (seeding) or a
 * request's transaction (imports; RLS applies there).
 */
export async function bulk(target: Database | Tx, table: string, columns: [string, string][], rows: unknown[][], batch = BATCH) {
  const list = columns.map(([n]) => n).join(', ');
  for (let i = 0; i < rows.length; i += batch) {
    const chunk = rows.slice(i, i + batch);
    const params = columns.map((_, c) => chunk.map((r) => r[c]));
    if ('raw' in target) {
      const unnest = columns.map(([, type], c) => `$${c + 1}::${type}[]`).join(', ');
      await target.raw(`insert into ${table} (${list}) select * from unnest(${unnest})`, params);
    } else {
      const unnest = sql.join(columns.map(([, type], c) => sql`${sql.param(params[c])}::${sql.raw(type)}[]`), sql`, `);
      await target.execute(sql`insert into ${sql.identifier(table)} (${sql.raw(list)}) select * from unnest(${unnest})`);
    }
  }
}

/** The group that fits the age: groep 1/2 at 4–5 up to groep 8 at 11; VO year 1 at 12. */
function groupForAge(groupIds: string[], age: number, isVo: boolean): string {
  const index = isVo ? Math.floor((age - 12) * 1.2) : Math.max(0, age - 5);
  return groupIds[Math.min(groupIds.length - 1, Math.max(0, index))]!;
}

function isoDate(d: Date) {
  return d.toISOString().slice(0, 10);
}

/**
 * Makes one region with organisations, groups, pupils and guardians. Deterministic for a seed.
 * Used by the demo seed, the tests' fixtures and the national-scale benchmark.
 */
export async function generateRegion(database: Database, spec: TRegionSpec): Promise<TGeneratedRegion> {
  const r = rng(spec.seed ?? 1);
  const regionId = randomUUID();
  const settings: TRegionSettings = { requireSecondFactorForStaff: false, ...spec.settings };
  await database.raw('insert into regions (id, slug, name, settings) values ($1, $2, $3, $4)', [regionId, spec.slug, spec.name, JSON.stringify(settings)]);

  const orgs: unknown[][] = [];
  const swvId = randomUUID();
  orgs.push([regionId, swvId, 'swv', spec.name, null, null, null, null, null, null]);
  const gemeenteIds: string[] = [];
  for (let i = 0; i < (spec.gemeenten ?? 2); i++) {
    const id = randomUUID();
    gemeenteIds.push(id);
    orgs.push([regionId, id, 'gemeente', `Gemeente ${PLACES[i % PLACES.length]}${i >= PLACES.length ? ` ${i}` : ''}`, null, null, null, null, null, null]);
  }
  const partnerIds = (['cjg', 'jeugdhulp', 'smw'] as const).map((kind, i) => {
    const id = randomUUID();
    const names = { cjg: 'CJG', jeugdhulp: 'Jeugdhulp Rivierenland', smw: 'Schoolmaatschappelijk werk' };
    orgs.push([regionId, id, 'partner', `${names[kind]} ${PLACES[i % PLACES.length]}`, null, null, null, null, gemeenteIds[0], kind]);
    return id;
  });
  const oprId = randomUUID();
  orgs.push([regionId, oprId, 'opr', `Ondersteuningsplanraad ${spec.name}`, null, null, null, null, null, null]);
  const schools: TGeneratedRegion['schools'] = [];
  const brinBase = r.int(10, 99);
  for (let i = 0; i < spec.schools; i++) {
    const id = randomUUID();
    const type = SCHOOL_TYPE_CYCLE[i % SCHOOL_TYPE_CYCLE.length] as TSchoolType;
    const prefix = { PO: 'Basisschool', SBO: 'SBO', SO: 'SO', VO: 'College', VSO: 'VSO' }[type];
    const name = `${prefix} ${SCHOOL_WORDS[i % SCHOOL_WORDS.length]}${i >= SCHOOL_WORDS.length ? ` ${Math.floor(i / SCHOOL_WORDS.length) + 1}` : ''}`;
    const brin = `${String((brinBase + Math.floor(i / 26)) % 100).padStart(2, '0')}${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`;
    orgs.push([regionId, id, 'school', name, brin, '00', type, `Stichting ${PLACES[i % 3]} Onderwijs`, gemeenteIds[i % gemeenteIds.length], null]);
    schools.push({ id, type, groupIds: [] });
  }
  await bulk(
    database,
    'organisations',
    [['region_id', 'uuid'], ['id', 'uuid'], ['kind', 'text'], ['name', 'text'], ['brin', 'text'], ['vestiging', 'text'], ['school_type', 'text'], ['school_board', 'text'], ['gemeente_id', 'uuid'], ['partner_kind', 'text']],
    orgs,
  );

  const groupRows: unknown[][] = [];
  for (const s of schools) {
    const names = s.type === 'PO' || s.type === 'SBO' || s.type === 'SO' ? ['1/2a', '3', '4', '5', '6', '7', '8'] : ['1A', '1B', '2A', '2B', '3A', '4A'];
    for (const n of names) {
      const id = randomUUID();
      s.groupIds.push(id);
      groupRows.push([regionId, id, s.id, `Groep ${n}`, '2026-2027']);
    }
  }
  await bulk(database, 'groups', [['region_id', 'uuid'], ['id', 'uuid'], ['school_id', 'uuid'], ['name', 'text'], ['school_year', 'text']], groupRows);

  const pupilRows: unknown[][] = [];
  const guardianRows: unknown[][] = [];
  const pupilIds: string[] = [];
  for (let i = 0; i < spec.pupils; i++) {
    const id = randomUUID();
    pupilIds.push(id);
    const school = schools[i % schools.length]!;
    const isVo = school.type === 'VO' || school.type === 'VSO';
    const age = isVo ? r.int(12, 17) : r.int(4, 12);
    const dob = new Date(Date.UTC(2026 - age, r.int(0, 11), r.int(1, 28)));
    const enrolled = new Date(Date.UTC(2026 - r.int(0, Math.min(age - 4, isVo ? 5 : 8)), 7, r.int(15, 31)));
    const p = { firstName: r.pick(FIRST_NAMES), namePrefix: r.pick(NAME_PREFIXES), lastName: r.pick(LAST_NAMES) };
    pupilRows.push([regionId, id, p.firstName, p.namePrefix, p.lastName, searchTextOf(p), isoDate(dob), school.id, groupForAge(school.groupIds, age, isVo), gemeenteIds[r.int(0, gemeenteIds.length - 1)], isoDate(enrolled), `LL${String(i + 1).padStart(7, '0')}`]);
    const family = [p.namePrefix, p.lastName].filter(Boolean).join(' ');
    guardianRows.push([regionId, randomUUID(), id, `${r.pick(FIRST_NAMES)} ${family}`, null, true]);
    if (r.next() < 0.7) guardianRows.push([regionId, randomUUID(), id, `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`, null, r.next() < 0.9]);
  }
  await bulk(
    database,
    'pupils',
    [['region_id', 'uuid'], ['id', 'uuid'], ['first_name', 'text'], ['name_prefix', 'text'], ['last_name', 'text'], ['search_text', 'text'], ['date_of_birth', 'date'], ['school_id', 'uuid'], ['group_id', 'uuid'], ['gemeente_id', 'uuid'], ['enrolled_on', 'date'], ['external_ref', 'text']],
    pupilRows,
  );
  await bulk(database, 'guardians', [['region_id', 'uuid'], ['id', 'uuid'], ['pupil_id', 'uuid'], ['name', 'text'], ['email', 'text'], ['has_gezag', 'bool']], guardianRows);
  return { regionId, swvId, gemeenteIds, partnerIds, oprId, schools, pupilIds };
}
