import { z } from 'zod';
import { foldName, searchTextOf } from '../../../shared/names.js';
import type { TImportField } from '../../../shared/schemas/pupil-import.js';

/**
 * Pure row checks of the import: what one CSV row means, or why it cannot become a pupil.
 * Lookups (schools, groups, gemeenten) come in as maps so this file needs no database.
 */

/** One reason a row was not imported. `rule` is an i18n key under `imports.reject.` */
export interface TRowProblem {
  row: number;
  /** null: the row as a whole (a duplicate). */
  field: TImportField | null;
  rule: string;
  value: string;
  params?: Record<string, string | number>;
}

/** A row that passed every check that needs no other rows: ready to become a pupil. */
export interface TCandidate {
  row: number;
  externalRef: string | null;
  firstName: string;
  namePrefix: string | null;
  lastName: string;
  searchText: string;
  dateOfBirth: string;
  schoolId: string;
  groupId: string | null;
  gemeenteId: string | null;
  enrolledOn: string;
  guardian: { name: string; email: string | null; phone: string | null; hasGezag: boolean } | null;
}

export interface TLookups {
  /** "BRIN|vestiging" → school id (active schools of the region) */
  schools: Map<string, string>;
  /** BRIN → ids of its vestigingen */
  schoolsByBrin: Map<string, string[]>;
  /** "schoolId|folded group name" → group id (the latest school year wins) */
  groups: Map<string, string>;
  /** folded gemeente name (with and without "Gemeente ") → id */
  gemeenten: Map<string, string>;
}

/** YYYY-MM-DD, or the Dutch DD-MM-YYYY (also with / or .), optionally with a time Excel adds. */
export function parseDate(text: string): string | null {
  const s = text.trim().replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$/, '');
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** ja/nee, yes/no, 1/0, true/false, j/n, y/n; empty means the default (true). */
export function parseGezag(text: string): boolean | null | undefined {
  const s = text.trim().toLowerCase();
  if (s === '') return undefined;
  if (['ja', 'j', 'yes', 'y', '1', 'true', 'waar', 'x'].includes(s)) return true;
  if (['nee', 'n', 'no', '0', 'false', 'onwaar'].includes(s)) return false;
  return null;
}

/** "Groep 7", "groep 7" and "7" name the same group. */
export function groupKeys(name: string): string[] {
  const f = foldName(name);
  const bare = f.replace(/^(groep|klas|group|class)\s+/, '');
  return bare === f ? [f] : [f, bare];
}

/** "Gemeente Waardenburg" and "Waardenburg" name the same gemeente. */
export function gemeenteKeys(name: string): string[] {
  const f = foldName(name);
  const bare = f.replace(/^gemeente\s+/, '');
  return bare === f ? [f] : [f, bare];
}

/** Spreadsheets drop leading zeros ("00" → "0"); a BRIN may come with its vestiging ("12AB00"). */
export function schoolKey(brinText: string, vestigingText: string): { brin: string; vestiging: string | null } {
  let brin = brinText.replace(/\s+/g, '').toUpperCase();
  let vestiging: string | null = vestigingText.replace(/\s+/g, '') || null;
  if (!vestiging && /^\d{2}[A-Z0-9]{2}\d{2}$/.test(brin)) {
    vestiging = brin.slice(4);
    brin = brin.slice(0, 4);
  }
  if (vestiging && /^\d$/.test(vestiging)) vestiging = vestiging.padStart(2, '0');
  return { brin, vestiging };
}

const ZEmail = z.email();
const PHONE = /^\+?[\d\s\-().]{6,30}$/;
const MAX = { name: 100, prefix: 20, externalRef: 50, guardianName: 200, email: 254, phone: 30 };

/**
 * Checks one row on its own. Every problem is reported (the user fixes the file once), and a
 * row with any problem is not imported.
 */
export function checkRow(
  row: number,
  cells: string[],
  cols: Partial<Record<TImportField, number>>,
  lookups: TLookups,
  today: string,
): { candidate: TCandidate } | { problems: TRowProblem[] } {
  const cell = (f: TImportField) => (cols[f] === undefined ? '' : (cells[cols[f]!] ?? ''));
  const problems: TRowProblem[] = [];
  const problem = (field: TImportField, rule: string, params?: Record<string, string | number>) =>
    problems.push({ row, field, rule, value: cell(field), ...(params ? { params } : {}) });
  const text = (f: TImportField, max: number, required: boolean): string | null => {
    const v = cell(f);
    if (!v) {
      if (required) problem(f, 'required');
      return null;
    }
    if (v.length > max) {
      problem(f, 'too_long', { max });
      return null;
    }
    return v;
  };

  const firstName = text('firstName', MAX.name, true);
  const namePrefix = text('namePrefix', MAX.prefix, false);
  const lastName = text('lastName', MAX.name, true);
  const externalRef = text('externalRef', MAX.externalRef, false);

  let dateOfBirth: string | null = null;
  if (!cell('dateOfBirth')) problem('dateOfBirth', 'required');
  else {
    dateOfBirth = parseDate(cell('dateOfBirth'));
    if (!dateOfBirth) problem('dateOfBirth', 'invalid_date');
    else if (dateOfBirth > today) {
      problem('dateOfBirth', 'date_in_future');
      dateOfBirth = null;
    }
  }
  let enrolledOn: string | null = today;
  if (cell('enrolledOn')) {
    enrolledOn = parseDate(cell('enrolledOn'));
    if (!enrolledOn) problem('enrolledOn', 'invalid_date');
    else if (dateOfBirth && enrolledOn < dateOfBirth) problem('enrolledOn', 'enrolled_before_birth');
  }

  let schoolId: string | null = null;
  if (!cell('brin')) problem('brin', 'required');
  else {
    const { brin, vestiging } = schoolKey(cell('brin'), cell('vestiging'));
    if (vestiging) schoolId = lookups.schools.get(`${brin}|${vestiging}`) ?? null;
    else {
      const all = lookups.schoolsByBrin.get(brin) ?? [];
      if (all.length === 1) schoolId = all[0]!;
      else if (all.length > 1) problem('vestiging', 'ambiguous_school');
    }
    if (!schoolId && !problems.some((p) => p.rule === 'ambiguous_school')) problem('brin', 'unknown_school');
  }

  let groupId: string | null = null;
  const groupName = cell('groupName');
  if (groupName && schoolId) {
    for (const k of groupKeys(groupName)) {
      groupId = lookups.groups.get(`${schoolId}|${k}`) ?? null;
      if (groupId) break;
    }
    if (!groupId) problem('groupName', 'unknown_group');
  }

  let gemeenteId: string | null = null;
  const gemeente = cell('gemeente');
  if (gemeente) {
    for (const k of gemeenteKeys(gemeente)) {
      gemeenteId = lookups.gemeenten.get(k) ?? null;
      if (gemeenteId) break;
    }
    if (!gemeenteId) problem('gemeente', 'unknown_gemeente');
  }

  let guardian: TCandidate['guardian'] = null;
  const guardianName = text('guardianName', MAX.guardianName, false);
  const emailText = cell('guardianEmail');
  let email: string | null = null;
  if (emailText) {
    const e = emailText.toLowerCase();
    if (e.length > MAX.email || !ZEmail.safeParse(e).success) problem('guardianEmail', 'invalid_email');
    else email = e;
  }
  const phoneText = cell('guardianPhone');
  if (phoneText && !PHONE.test(phoneText)) problem('guardianPhone', 'invalid_phone');
  const gezag = parseGezag(cell('guardianHasGezag'));
  if (gezag === null) problem('guardianHasGezag', 'invalid_gezag');
  if (!guardianName && !cell('guardianName') && (emailText || phoneText)) problem('guardianName', 'guardian_name_required');
  if (guardianName) guardian = { name: guardianName, email, phone: phoneText || null, hasGezag: gezag ?? true };

  if (problems.length) return { problems };
  const name = { firstName: firstName!, namePrefix, lastName: lastName! };
  return {
    candidate: {
      row,
      externalRef,
      ...name,
      searchText: searchTextOf(name),
      dateOfBirth: dateOfBirth!,
      schoolId: schoolId!,
      groupId,
      gemeenteId,
      enrolledOn: enrolledOn!,
      guardian,
    },
  };
}
