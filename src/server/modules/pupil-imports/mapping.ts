import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type TImportField,
  type TImportMapping,
} from '../../../shared/schemas/pupil-import.js';
import type { TFieldIssue } from '../../../shared/errors.js';
import { AppError } from '../../platform/errors.js';

/** Header text reduced to lower-case words: "E-mail ouder/verzorger 1" → "e mail ouder verzorger 1". */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const GUARDIAN = /\b(ouders?|verzorgers?|ouder verzorger|guardians?|parents?|wettelijk vertegenwoordiger|contactpersoon)\b/;
/** A second (or third…) guardian's column: the import takes the first guardian only. */
const LATER_GUARDIAN = /\b([2-9])\b/;

/**
 * Rules in order: the first rule that matches a header claims it, with a rank (1 is a sure
 * match, higher is a weaker one). Guardian columns come first so "Naam ouder 1" is not taken
 * for the pupil's name.
 */
const RULES: { field: TImportField; rank: number; test: (h: string) => boolean }[] = [
  { field: 'guardianEmail', rank: 1, test: (h) => GUARDIAN.test(h) && /\b(e ?mail|mailadres|e mailadres|emailadres)\b/.test(h) },
  { field: 'guardianPhone', rank: 1, test: (h) => GUARDIAN.test(h) && /\b(telefoon\w*|tel|telnr|phone|mobiel\w*|gsm)\b/.test(h) },
  { field: 'guardianHasGezag', rank: 1, test: (h) => /\b(gezag\w*|custody|parental authority)\b/.test(h) },
  { field: 'guardianName', rank: 1, test: (h) => GUARDIAN.test(h) && /\b(naam|name|achternaam|volledige naam)\b/.test(h) },
  { field: 'guardianName', rank: 2, test: (h) => /^(ouder|verzorger|ouder verzorger|guardian|parent)( 1)?$/.test(h) },
  { field: 'enrolledOn', rank: 1, test: (h) => /\b(inschrijving\w*|inschrijf\w*|enrol\w*|enroll\w*)\b/.test(h) },
  {
    field: 'enrolledOn',
    rank: 2,
    test: (h) => /\b(datum binnenkomst|begindatum|start ?datum|start date|datum instroom)\b/.test(h),
  },
  {
    field: 'dateOfBirth',
    rank: 1,
    test: (h) => /\b(geboortedatum|geb ?datum|gebdat|date of birth|birth ?date|dob|birthday)\b/.test(h),
  },
  { field: 'gemeente', rank: 1, test: (h) => /\b(gemeente|woongemeente|municipality)\b/.test(h) },
  { field: 'gemeente', rank: 2, test: (h) => /^(woonplaats|plaats|city|residence)$/.test(h) },
  {
    field: 'externalRef',
    rank: 1,
    test: (h) =>
      /\b(leerlingnummer|leerling ?nr|llnr|ll nr|leerling ?id|leerlingcode|student (number|id|no)|pupil (number|id|no)|external ref\w*|externe ref\w*|externe id)\b/.test(
        h,
      ),
  },
  { field: 'externalRef', rank: 2, test: (h) => /^(id|nummer|nr|number|key|sleutel)$/.test(h) },
  { field: 'brin', rank: 1, test: (h) => /^(school )?brin( ?nummer| code| nr)?$/.test(h) },
  { field: 'brin', rank: 2, test: (h) => /\bbrin\b/.test(h) && !/vestiging/.test(h) },
  {
    field: 'vestiging',
    rank: 1,
    test: (h) =>
      /^(brin )?(vestiging|vestigings ?nummer|vestigings ?code|vestiging nr|vestigingnr|branch( number| code)?|location code)$/.test(
        h,
      ),
  },
  { field: 'groupName', rank: 1, test: (h) => /^(stam)?(groep|klas|group|class|basisgroep|lesgroep)( ?naam| name)?$/.test(h) },
  { field: 'groupName', rank: 2, test: (h) => /^(jaargroep|leerjaar|grade|year group)$/.test(h) },
  { field: 'namePrefix', rank: 1, test: (h) => /\b(tussenvoegsels?|voorvoegsels?|name prefix|prefix|infix)\b/.test(h) },
  {
    field: 'lastName',
    rank: 1,
    test: (h) => /\b(achternaam|geslachtsnaam|last ?name|surname|family name|familienaam)\b/.test(h),
  },
  { field: 'firstName', rank: 1, test: (h) => /\b(roepnaam|nickname|called)\b/.test(h) },
  { field: 'firstName', rank: 2, test: (h) => /\b(voornaam|voornamen|first ?name|given name)\b/.test(h) },
];

function classify(header: string): { field: TImportField; rank: number } | null {
  const h = normaliseHeader(header);
  if (!h) return null;
  for (const rule of RULES) {
    if (!rule.test(h)) continue;
    // "Telefoon ouder 2" is the second guardian's: the import has room for one guardian
    if (rule.field.startsWith('guardian') && LATER_GUARDIAN.test(h)) return null;
    return { field: rule.field, rank: rule.rank };
  }
  return null;
}

/** For each field the best matching column by its header (Dutch or English), or null. */
export function suggestMapping(columns: string[]): Record<TImportField, string | null> {
  const best = new Map<TImportField, { column: string; rank: number }>();
  for (const column of columns) {
    const c = classify(column);
    if (!c) continue;
    const current = best.get(c.field);
    if (!current || c.rank < current.rank) best.set(c.field, { column, rank: c.rank });
  }
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, best.get(f)?.column ?? null])) as Record<TImportField, string | null>;
}

/** Column index per field (absent: not mapped). Refuses a mapping that names no column for a required field or a column the file lacks. */
export function resolveMapping(columns: string[], mapping: TImportMapping): Partial<Record<TImportField, number>> {
  const out: Partial<Record<TImportField, number>> = {};
  const issues: TFieldIssue[] = [];
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === undefined || column === null || column === '') {
      if ((REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field))
        issues.push({ field: `mapping.${field}`, rule: 'import_column_required', message: '' });
      continue;
    }
    const index = columns.indexOf(column);
    if (index < 0) issues.push({ field: `mapping.${field}`, rule: 'import_unknown_column', message: '' });
    else out[field] = index;
  }
  if (issues.length) throw new AppError('validation', 'errors.validation', issues);
  return out;
}
