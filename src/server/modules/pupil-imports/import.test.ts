import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../shared/limits.js';
import { searchTextOf } from '../../../shared/names.js';
import { addMembership, ensureAccount } from '../../seed/accounts.js';
import { createTestApp, type TestClient, type TTestApp } from '../../testing/app.js';
import { buildWorld, type TWorld, WORLD_PASSWORD } from '../../testing/world.js';

let t: TTestApp;
let w: TWorld;
let admin: TestClient;
let teacher: TestClient;
let bAdmin: TestClient;
/** A second admin of region A who reads English. */
let otherAdmin: TestClient;
/** School A1 and A2 as a pupil administration knows them. */
let A1: { brin: string; vestiging: string };
let A2: { brin: string; vestiging: string };
let groupA1Name: string;
let gemeenteName: string;
let existing: { externalRef: string; brin: string; vestiging: string };

const HEADER = [
  'Leerlingnummer',
  'Roepnaam',
  'Tussenvoegsel',
  'Achternaam',
  'Geboortedatum',
  'BRIN',
  'Vestiging',
  'Groep',
  'Woonplaats gemeente',
  'Datum inschrijving',
  'Naam ouder/verzorger 1',
  'E-mail ouder 1',
  'Telefoon ouder 1',
  'Gezag ouder 1',
];
const MAPPING = {
  externalRef: 'Leerlingnummer',
  firstName: 'Roepnaam',
  namePrefix: 'Tussenvoegsel',
  lastName: 'Achternaam',
  dateOfBirth: 'Geboortedatum',
  brin: 'BRIN',
  vestiging: 'Vestiging',
  groupName: 'Groep',
  gemeente: 'Woonplaats gemeente',
  enrolledOn: 'Datum inschrijving',
  guardianName: 'Naam ouder/verzorger 1',
  guardianEmail: 'E-mail ouder 1',
  guardianPhone: 'Telefoon ouder 1',
  guardianHasGezag: 'Gezag ouder 1',
};

type Row = Partial<Record<keyof typeof MAPPING, string>>;
const cellOf = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
/** A Dutch Excel export: BOM, `;` separated, CRLF. */
function csvOf(rows: (Row | null)[]): string {
  const keys = Object.keys(MAPPING) as (keyof typeof MAPPING)[];
  const lines = [HEADER.join(';'), ...rows.map((r) => (r ? keys.map((k) => cellOf(r[k] ?? '')).join(';') : ''))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function count(table: 'pupils' | 'guardians' | 'pupil_imports' | 'audit_events', regionId = w.a.regionId): Promise<number> {
  const [r] = await t.database.raw<{ n: string }>(`select count(*) as n from ${table} where region_id = $1`, [regionId]);
  return Number(r!.n);
}

interface TReport {
  id: string;
  status: string;
  processedRows: number;
  totalRows: number;
  importedRows: number;
  rejected: { row: number; field: string | null; rule: string; reason: string; value: string }[];
  failure: string | null;
}

async function waitForEnd(client: TestClient, id: string): Promise<TReport> {
  for (let i = 0; i < 400; i++) {
    const res = await client.get(`/api/v1/pupil-imports/${id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as TReport;
    if (body.status !== 'running') return body;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import did not end');
}

async function runImport(client: TestClient, csv: string, mapping: Record<string, string | null> = MAPPING): Promise<TReport> {
  const res = await client.post('/api/v1/pupil-imports', { csv, fileName: 'export.csv', mapping });
  expect(res.statusCode, res.body).toBe(202);
  return waitForEnd(client, res.json().id);
}

const schoolOf = async (id: string) =>
  (
    await t.database.raw<{ brin: string; vestiging: string }>('select brin, vestiging from organisations where id = $1', [id])
  )[0]!;

beforeAll(async () => {
  t = await createTestApp();
  w = await buildWorld(t.database);
  admin = await t.signIn(w.emails.swv_admin!, WORLD_PASSWORD);
  teacher = await t.signIn(w.emails.teacher!, WORLD_PASSWORD);
  bAdmin = await t.signIn(w.emails.b_admin!, WORLD_PASSWORD);
  const other = await ensureAccount(t.database, { name: 'Tweede beheerder', email: 'admin2@w.test', password: WORLD_PASSWORD });
  await addMembership(t.database, { regionId: w.a.regionId, userId: other, role: 'swv_admin', organisationId: w.a.swvId });
  await t.database.raw(`update users set locale = 'en' where id = $1`, [other]);
  otherAdmin = await t.signIn('admin2@w.test', WORLD_PASSWORD);
  A1 = await schoolOf(w.schoolA1);
  A2 = await schoolOf(w.schoolA2);
  groupA1Name = (await t.database.raw<{ name: string }>('select name from groups where id = $1', [w.groupA1]))[0]!.name;
  gemeenteName = (
    await t.database.raw<{ name: string }>('select name from organisations where id = $1', [w.a.gemeenteIds[0]])
  )[0]!.name;
  const [p] = await t.database.raw<{ external_ref: string; brin: string; vestiging: string }>(
    `select p.external_ref, s.brin, s.vestiging from pupils p join organisations s on s.region_id = p.region_id and s.id = p.school_id
      where p.region_id = $1 and p.external_ref is not null order by p.external_ref limit 1`,
    [w.a.regionId],
  );
  existing = { externalRef: p!.external_ref, brin: p!.brin, vestiging: p!.vestiging };
});
afterAll(() => t.close());

describe('preview', () => {
  it('shows the columns, the first five rows and the row count, and suggests the mapping', async () => {
    const rows = Array.from({ length: 7 }, (_, i) => ({
      externalRef: `P${i}`,
      firstName: `Kind${i}`,
      lastName: 'Bakker',
      dateOfBirth: '01-02-2016',
      brin: A1.brin,
    }));
    const res = await admin.post('/api/v1/pupil-imports/preview', { csv: csvOf(rows), fileName: 'export.csv' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.columns).toEqual(HEADER);
    expect(body.totalRows).toBe(7);
    expect(body.sampleRows).toHaveLength(5);
    expect(body.sampleRows[0].slice(0, 6)).toEqual(['P0', 'Kind0', '', 'Bakker', '01-02-2016', A1.brin]);
    expect(body.suggestedMapping).toEqual(MAPPING);
  });
});

describe('import', () => {
  it('imports exactly the good rows and reports every bad row with its reason', async () => {
    const good = { brin: A1.brin, vestiging: A1.vestiging, enrolledOn: '2022-08-22' };
    const rows: (Row | null)[] = [
      /* 2 */ {
        ...good,
        externalRef: 'N1',
        firstName: 'Sanne',
        namePrefix: 'van den',
        lastName: 'Berg',
        dateOfBirth: '31-05-2016',
        groupName: groupA1Name,
        gemeente: gemeenteName,
        guardianName: 'Petra van den Berg',
        guardianEmail: 'Petra@Example.nl',
        guardianPhone: '06-12345678',
        guardianHasGezag: 'nee',
      },
      /* 3 */ {
        ...good,
        externalRef: 'N2',
        firstName: 'Daan',
        lastName: 'Yılmaz',
        dateOfBirth: '2015-01-09',
        vestiging: '0',
        gemeente: gemeenteName.replace(/^Gemeente /, ''),
        guardianName: 'Ali Yılmaz',
      },
      /* 4 */ {
        ...good,
        externalRef: 'N3',
        firstName: 'Emma',
        lastName: 'Bos',
        dateOfBirth: '2014-03-03',
        brin: A2.brin,
        vestiging: A2.vestiging,
      },
      /* 5 */ null,
      /* 6 */ { ...good, externalRef: 'B1', firstName: 'Fout', lastName: 'Datum', dateOfBirth: '31-02-2016' },
      /* 7 */ { ...good, externalRef: 'B2', firstName: 'Nog', lastName: 'Niet', dateOfBirth: '01-01-2999' },
      /* 8 */ { ...good, externalRef: 'B3', firstName: 'Andere', lastName: 'School', dateOfBirth: '2016-01-01', brin: '99ZZ' },
      /* 9 */ {
        ...good,
        externalRef: 'B4',
        firstName: 'Geen',
        lastName: 'Groep',
        dateOfBirth: '2016-01-01',
        groupName: 'Groep 99',
      },
      /* 10 */ {
        ...good,
        externalRef: 'B5',
        firstName: 'Verre',
        lastName: 'Gemeente',
        dateOfBirth: '2016-01-01',
        gemeente: 'Atlantis',
      },
      /* 11 */ { ...good, externalRef: 'B6', firstName: '', lastName: 'Naamloos', dateOfBirth: '2016-01-01' },
      /* 12 */ { ...good, externalRef: 'N1', firstName: 'Sanne', lastName: 'Anders', dateOfBirth: '2016-06-01' },
      /* 13 */ { ...good, externalRef: 'B8', firstName: 'Daan', lastName: 'Yılmaz', dateOfBirth: '09-01-2015' },
      /* 14 */ {
        ...good,
        externalRef: existing.externalRef,
        firstName: 'Al',
        lastName: 'Bekend',
        dateOfBirth: '2016-01-01',
        brin: existing.brin,
        vestiging: existing.vestiging,
      },
      /* 15 */ {
        ...good,
        externalRef: 'B10',
        firstName: 'Twijfel',
        lastName: 'Gezag',
        dateOfBirth: '2016-01-01',
        guardianName: 'Iemand',
        guardianHasGezag: 'misschien',
      },
    ];
    const pupilsBefore = await count('pupils');
    const guardiansBefore = await count('guardians');
    const auditBefore = await count('audit_events');
    const report = await runImport(admin, csvOf(rows));

    expect(report).toMatchObject({ status: 'done', totalRows: 13, processedRows: 13, importedRows: 3, failure: null });
    expect(report.rejected.map((r) => [r.row, r.field, r.rule])).toEqual([
      [6, 'dateOfBirth', 'invalid_date'],
      [7, 'dateOfBirth', 'date_in_future'],
      [8, 'brin', 'unknown_school'],
      [9, 'groupName', 'unknown_group'],
      [10, 'gemeente', 'unknown_gemeente'],
      [11, 'firstName', 'required'],
      [12, 'externalRef', 'duplicate_in_file'],
      [13, null, 'duplicate_in_file'],
      [14, 'externalRef', 'already_in_rondom'],
      [15, 'guardianHasGezag', 'invalid_gezag'],
    ]);
    const byRow = Object.fromEntries(report.rejected.map((r) => [r.row, r]));
    expect(byRow[6]).toMatchObject({
      value: '31-02-2016',
      reason: expect.stringMatching(/Geboortedatum is geen bestaande datum/),
    });
    expect(byRow[13]!.reason).toMatch(/rij 3/);
    expect(byRow[14]!.reason).toMatch(/al in Rondom/);

    expect(await count('pupils')).toBe(pupilsBefore + 3);
    expect(await count('guardians')).toBe(guardiansBefore + 2);
    const imported = await t.database.raw<Record<string, unknown>>(
      `select p.external_ref, p.first_name, p.name_prefix, p.last_name, p.search_text, p.date_of_birth::text as dob, p.enrolled_on::text as enrolled,
              p.school_id, p.group_id, p.gemeente_id, g.name as guardian, g.email, g.phone, g.has_gezag
         from pupils p left join guardians g on g.region_id = p.region_id and g.pupil_id = p.id
        where p.region_id = $1 and p.external_ref in ('N1', 'N2', 'N3') order by p.external_ref`,
      [w.a.regionId],
    );
    expect(imported).toEqual([
      {
        external_ref: 'N1',
        first_name: 'Sanne',
        name_prefix: 'van den',
        last_name: 'Berg',
        search_text: 'sanne van den berg',
        dob: '2016-05-31',
        enrolled: '2022-08-22',
        school_id: w.schoolA1,
        group_id: w.groupA1,
        gemeente_id: w.a.gemeenteIds[0],
        guardian: 'Petra van den Berg',
        email: 'petra@example.nl',
        phone: '06-12345678',
        has_gezag: false,
      },
      {
        external_ref: 'N2',
        first_name: 'Daan',
        name_prefix: null,
        last_name: 'Yılmaz',
        search_text: searchTextOf({ firstName: 'Daan', lastName: 'Yılmaz' }),
        dob: '2015-01-09',
        enrolled: '2022-08-22',
        school_id: w.schoolA1,
        group_id: null,
        gemeente_id: w.a.gemeenteIds[0],
        guardian: 'Ali Yılmaz',
        email: null,
        phone: null,
        has_gezag: true,
      },
      {
        external_ref: 'N3',
        first_name: 'Emma',
        name_prefix: null,
        last_name: 'Bos',
        search_text: 'emma bos',
        dob: '2014-03-03',
        enrolled: '2022-08-22',
        school_id: w.schoolA2,
        group_id: null,
        gemeente_id: null,
        guardian: null,
        email: null,
        phone: null,
        has_gezag: null,
      },
    ]);

    // one audit event for the import (reading the report adds its own), with counts and no names
    const events = await t.database.raw<{ action: string; details: Record<string, unknown> }>(
      'select action, details from audit_events where region_id = $1 and seq > $2 order by seq',
      [w.a.regionId, auditBefore],
    );
    const imports = events.filter((e) => e.action === 'pupil.import');
    expect(imports).toHaveLength(1);
    expect(imports[0]!.details).toEqual({ status: 'done', totalRows: 13, importedRows: 3, rejectedRows: 10, guardians: 2 });
    expect(JSON.stringify(events)).not.toMatch(/Sanne|Berg|Yılmaz/);

    // the stored report, read by another admin of the region, in her language
    const res = await otherAdmin.get(`/api/v1/pupil-imports/${report.id}`);
    expect(res.statusCode).toBe(200);
    const en = res.json() as TReport;
    expect(en.rejected.map((r) => r.rule)).toEqual(report.rejected.map((r) => r.rule));
    expect(en.rejected.find((r) => r.row === 6)!.reason).toMatch(/Date of birth is not a date that exists/);
    expect(en.rejected.find((r) => r.row === 13)!.reason).toMatch(/at row 3/);
  });

  it('a second import of the same file rejects every row as already in Rondom', async () => {
    const rows: Row[] = [
      {
        externalRef: 'R1',
        firstName: 'Roos',
        lastName: 'Maas',
        dateOfBirth: '2017-04-04',
        brin: A1.brin,
        vestiging: A1.vestiging,
      },
      {
        externalRef: 'R2',
        firstName: 'Mees',
        lastName: 'Prins',
        dateOfBirth: '2017-05-05',
        brin: A1.brin,
        vestiging: A1.vestiging,
        guardianName: 'Ouder Prins',
      },
      // no pupil number: recognised by name and date of birth
      { firstName: 'Liv', namePrefix: 'de', lastName: 'Haan', dateOfBirth: '2017-06-06', brin: A2.brin, vestiging: A2.vestiging },
    ];
    const first = await runImport(admin, csvOf(rows));
    expect(first).toMatchObject({ status: 'done', importedRows: 3, rejected: [] });
    const pupils = await count('pupils');
    const guardians = await count('guardians');
    const second = await runImport(admin, csvOf(rows));
    expect(second).toMatchObject({ status: 'done', importedRows: 0, totalRows: 3 });
    expect(second.rejected.map((r) => [r.row, r.field, r.rule])).toEqual([
      [2, 'externalRef', 'already_in_rondom'],
      [3, 'externalRef', 'already_in_rondom'],
      [4, null, 'already_in_rondom'],
    ]);
    expect(await count('pupils')).toBe(pupils);
    expect(await count('guardians')).toBe(guardians);
  });

  it('a failure halfway takes everything back and reports the import as failed', async () => {
    // a database error on the third row's guardian, after the pupils went in
    await t.database.exec(`
      create function test_refuse_guardian() returns trigger language plpgsql as $$
      begin
        if new.name = 'Weiger Mij' then raise exception 'refused by test'; end if;
        return new;
      end $$;
      create trigger test_refuse_guardian before insert on guardians for each row execute function test_refuse_guardian();`);
    try {
      const rows: Row[] = [1, 2, 3].map((i) => ({
        externalRef: `F${i}`,
        firstName: `Fout${i}`,
        lastName: 'Terug',
        dateOfBirth: '2016-02-02',
        brin: A1.brin,
        vestiging: A1.vestiging,
        guardianName: i === 3 ? 'Weiger Mij' : `Ouder ${i}`,
      }));
      const pupils = await count('pupils');
      const guardians = await count('guardians');
      const imports = await count('pupil_imports');
      const report = await runImport(admin, csvOf(rows));
      expect(report).toMatchObject({ status: 'failed', importedRows: 0, totalRows: 3 });
      expect(report.failure).toMatch(/niets geïmporteerd/);
      expect(await count('pupils')).toBe(pupils);
      expect(await count('guardians')).toBe(guardians);
      // only the failed report is stored, and the import is in the audit trail as failed
      expect(await count('pupil_imports')).toBe(imports + 1);
      const [stored] = await t.database.raw<{ status: string }>('select status from pupil_imports where id = $1', [report.id]);
      expect(stored!.status).toBe('failed');
      const [ev] = await t.database.raw<{ details: Record<string, unknown> }>(
        `select details from audit_events where region_id = $1 and action = 'pupil.import' and subject_id = $2`,
        [w.a.regionId, report.id],
      );
      expect(ev!.details).toMatchObject({ status: 'failed', importedRows: 0 });
    } finally {
      await t.database.exec('drop trigger test_refuse_guardian on guardians; drop function test_refuse_guardian();');
    }
  });
});

describe('who may import', () => {
  it('a teacher can neither import nor preview (403) nor read an import (404); another region cannot read it (404)', async () => {
    const csv = csvOf([
      { externalRef: 'T1', firstName: 'Tim', lastName: 'Kok', dateOfBirth: '2016-01-01', brin: A1.brin, vestiging: A1.vestiging },
    ]);
    const pupils = await count('pupils');
    expect((await teacher.post('/api/v1/pupil-imports', { csv, fileName: 'x.csv', mapping: MAPPING })).statusCode).toBe(403);
    expect((await teacher.post('/api/v1/pupil-imports/preview', { csv, fileName: 'x.csv' })).statusCode).toBe(403);

    const started = await admin.post('/api/v1/pupil-imports', { csv, fileName: 'x.csv', mapping: MAPPING });
    const id = started.json().id as string;
    await waitForEnd(admin, id);
    expect((await teacher.get(`/api/v1/pupil-imports/${id}`)).statusCode).toBe(404);
    expect((await bAdmin.get(`/api/v1/pupil-imports/${id}`)).statusCode).toBe(404);
    expect((await admin.get('/api/v1/pupil-imports/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await count('pupils')).toBe(pupils + 1);
  });

  it('an admin of region B importing region A’s schools finds none of them: nothing lands anywhere', async () => {
    const csv = csvOf([
      {
        externalRef: 'X1',
        firstName: 'Isa',
        lastName: 'Veen',
        dateOfBirth: '2016-01-01',
        brin: A1.brin,
        vestiging: A1.vestiging,
      },
    ]);
    const a = await count('pupils');
    const b = await count('pupils', w.b.regionId);
    const report = await runImport(bAdmin, csv);
    expect(report.rejected.map((r) => r.rule)).toEqual(['unknown_school']);
    expect([await count('pupils'), await count('pupils', w.b.regionId)]).toEqual([a, b]);
  });
});

describe('bad input', () => {
  it('refuses a file that is too large (413) or has too many rows (400), and says so', async () => {
    const big = `Roepnaam;Achternaam\n${'x'.repeat(IMPORT_MAX_BYTES)}\n`;
    const res = await admin.post('/api/v1/pupil-imports/preview', { csv: big, fileName: 'groot.csv' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/te groot.*5 MB/);
    const many = `Roepnaam;Achternaam\n${'a;b\n'.repeat(IMPORT_MAX_ROWS + 1)}`;
    const res2 = await admin.post('/api/v1/pupil-imports', { csv: many, fileName: 'lang.csv', mapping: MAPPING });
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.issues[0]).toMatchObject({ field: 'csv', rule: 'import_too_many_rows' });
    expect(res2.json().error.message).toMatch(/20000/);
  });

  it('refuses a mapping without a required field or with a column the file lacks, naming each field', async () => {
    const csv = csvOf([{ firstName: 'A', lastName: 'B', dateOfBirth: '2016-01-01', brin: A1.brin }]);
    const res = await admin.post('/api/v1/pupil-imports', {
      csv,
      fileName: 'x.csv',
      mapping: { ...MAPPING, lastName: null, brin: 'Schoolcode' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule])).toEqual([
      ['mapping.lastName', 'import_column_required'],
      ['mapping.brin', 'import_unknown_column'],
    ]);
    const headerOnly = await admin.post('/api/v1/pupil-imports', {
      csv: `${HEADER.join(';')}\n`,
      fileName: 'x.csv',
      mapping: MAPPING,
    });
    expect(headerOnly.json().error.issues[0].rule).toBe('import_no_rows');
  });

  it('answers random bodies with a clear 4xx and adds no pupils', async () => {
    const pupils = await count('pupils');
    const csvText = fc
      .array(
        fc.array(fc.oneof(fc.string(), fc.constantFrom('"', ';', '\n', A1.brin, '2016-01-01', '31-02-2016')), { maxLength: 6 }),
        { maxLength: 6 },
      )
      .map((rows) => rows.map((r) => r.join(';')).join('\n'));
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      csvText,
      fc.dictionary(fc.string(), fc.string(), { maxKeys: 4 }),
    );
    const body = fc.oneof(
      fc.string(),
      fc.constant('{"csv": '),
      fc.constant([]),
      fc.constant(null),
      fc.record(
        {
          csv: fc.oneof(csvText, value),
          fileName: value,
          mapping: fc.oneof(value, fc.dictionary(fc.constantFrom(...Object.keys(MAPPING), 'extra'), value, { maxKeys: 6 })),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/api/v1/pupil-imports', '/api/v1/pupil-imports/preview'), body, async (url, b) => {
        const payload = typeof b === 'string' ? b : JSON.stringify(b);
        const res = await admin.request('POST', url, payload, { 'content-type': 'application/json' });
        if (res.statusCode < 300) return;
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        const err = res.json().error;
        expect(err.code).toBeTruthy();
        expect(err.message).not.toMatch(/^(errors|validation|imports)\./);
        for (const i of err.issues ?? []) expect(i.message).not.toMatch(/^(validation|imports)\./);
      }),
      { numRuns: 60 },
    );
    expect(await count('pupils')).toBe(pupils);
  });
});
