import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import type { TWorld } from '../../testing/world.js';

/** A file whose rows name a school no region has: nothing is ever imported by these rows. */
const CSV = 'Leerlingnummer;Roepnaam;Achternaam;Geboortedatum;BRIN;Vestiging\nX1;Matrix;Test;01-02-2016;99ZZ;00\n';
const MAPPING = {
  externalRef: 'Leerlingnummer',
  firstName: 'Roepnaam',
  lastName: 'Achternaam',
  dateOfBirth: 'Geboortedatum',
  brin: 'BRIN',
  vestiging: 'Vestiging',
};

/** One ended import of region A, made once per world (as its admin would have). */
const stored = new WeakMap<TWorld, string>();
async function regionAImport(w: TWorld, t: TTestApp): Promise<string> {
  let id = stored.get(w);
  if (!id) {
    id = randomUUID();
    await t.database.raw(
      `insert into pupil_imports (region_id, id, created_by, file_name, status, total_rows, imported_rows, report)
       values ($1, $2, $3, 'leerlingen.csv', 'done', 1, 0, $4)`,
      [
        w.a.regionId,
        id,
        w.users.swv_admin,
        JSON.stringify({
          processedRows: 1,
          rejected: [{ row: 2, field: 'brin', rule: 'unknown_school', value: '99ZZ' }],
          failure: null,
        }),
      ],
    );
    stored.set(w, id);
  }
  return id;
}

export const pupilImportAccess: TAccessCase[] = [
  {
    route: 'POST /api/v1/pupil-imports/preview',
    relation: 'a file to read; only a region admin imports pupils',
    request: () => ({ url: '/api/v1/pupil-imports/preview', body: { csv: CSV, fileName: 'leerlingen.csv' } }),
    allow: ['swv_admin', 'b_admin'],
    deny: 403,
    check: (res) => expect(res.json().suggestedMapping.firstName).toBe('Roepnaam'),
  },
  {
    route: 'POST /api/v1/pupil-imports',
    relation: 'an import into the actor’s own region',
    request: () => ({ url: '/api/v1/pupil-imports', body: { csv: CSV, fileName: 'leerlingen.csv', mapping: MAPPING } }),
    allow: ['swv_admin', 'b_admin'],
    ok: 202,
    deny: 403,
  },
  {
    route: 'GET /api/v1/pupil-imports/:id',
    relation: 'an import of region A (its report quotes rejected rows)',
    request: async (w, t) => ({ url: `/api/v1/pupil-imports/${await regionAImport(w, t)}` }),
    allow: ['swv_admin'],
    deny: 404,
    check: (res) => expect(res.json().rejected[0]).toMatchObject({ row: 2, rule: 'unknown_school' }),
  },
];
