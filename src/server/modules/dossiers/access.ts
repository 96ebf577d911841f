import { expect } from 'vitest';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

type TPupilKey = 'ownGroupPupil' | 'ownSchoolPupil' | 'otherSchoolPupil' | 'selfPupil' | 'consentPupil' | 'expiredConsentPupil' | 'withdrawnConsentPupil' | 'noConsentPupil' | 'olderPupil' | 'otherRegionPupil';

/**
 * Who may open each world pupil's dossier: the school that keeps it (IB'er, director), the
 * teacher of the group, the kernteam's consultant, a care partner only with a valid consent, the
 * family. Nobody else — not the admin, not another school, not another region.
 */
const READERS: Record<TPupilKey, TActorKey[]> = {
  ownGroupPupil: ['school_care_coordinator', 'school_director', 'teacher'],
  ownSchoolPupil: ['school_care_coordinator', 'school_director', 'parent'],
  otherSchoolPupil: [],
  selfPupil: ['school_care_coordinator', 'school_director', 'pupil'],
  consentPupil: ['swv_consultant', 'care_partner'],
  expiredConsentPupil: ['swv_consultant'],
  withdrawnConsentPupil: ['swv_consultant'],
  noConsentPupil: ['swv_consultant'],
  olderPupil: ['pupil16'],
  otherRegionPupil: [],
};
/** Readers of attachments: the same, less the care partner (the world's consents cover dossier and OPP only). */
const ATTACHMENT_READERS = (k: TPupilKey) => READERS[k].filter((a) => a !== 'care_partner' && a !== 'pupil' && a !== 'pupil16');

/** A visible record the actor may not change answers 403; one they cannot see, 404. */
const denyFor = (readers: TActorKey[]) => (a: TActorKey) => (readers.includes(a) ? 403 : 404);
const url = (w: TWorld, k: TPupilKey, rest = '') => `/api/v1/pupils/${w[k]}/dossier${rest}`;

async function version(t: TTestApp, pupilId: string): Promise<number> {
  const [r] = await t.database.raw<{ version: number }>('select version from dossiers where pupil_id = $1', [pupilId]);
  return r?.version ?? 0;
}

async function aGoal(t: TTestApp, w: TWorld, k: TPupilKey): Promise<{ id: string; version: number }> {
  const pupilId = w[k] as string;
  const [g] = await t.database.raw<{ id: string; version: number }>('select id, version from dossier_goals where pupil_id = $1 order by created_at limit 1', [pupilId]);
  if (g) return g;
  const [n] = await t.database.raw<{ id: string; version: number }>(
    `insert into dossier_goals (region_id, pupil_id, goal, criterion, target_date, created_by)
     select region_id, id, 'Leest zelfstandig een tekst van niveau E4', '4 van de 5 teksten', current_date + 60, $2 from pupils where id = $1
     returning id, version`,
    [pupilId, w.users.school_care_coordinator],
  );
  return n!;
}

async function anAttachment(t: TTestApp, w: TWorld, k: TPupilKey): Promise<string> {
  const [a] = await t.database.raw<{ id: string }>(
    `insert into attachments (region_id, pupil_id, category, file_name, content_type, size_bytes, data, uploaded_by)
     select region_id, id, 'dossier', 'verslag.pdf', 'application/pdf', 9, '\\x255044462d312e340a'::bytea, $2 from pupils where id = $1
     returning id`,
    [w[k], w.users.school_care_coordinator],
  );
  return a!.id;
}

const PDF_BASE64 = Buffer.from('%PDF-1.4\n%test\n').toString('base64');

export const dossierAccess: TAccessCase[] = [
  ...(Object.keys(READERS) as TPupilKey[]).map(
    (k): TAccessCase => ({
      route: 'GET /api/v1/pupils/:id/dossier',
      relation: k,
      request: (w) => ({ url: url(w, k) }),
      allow: READERS[k],
      deny: 404,
      check(res, _a, w) {
        expect(res.json().pupil.id).toBe(w[k]);
      },
    }),
  ),
  {
    route: 'GET /api/v1/pupils/:id/dossier',
    relation: 'care partner with consent for dossier and OPP does not see attachments',
    request: (w) => ({ url: url(w, 'consentPupil') }),
    allow: READERS.consentPupil,
    deny: 404,
    check(res, a) {
      expect(res.json().attachments === null).toBe(a === 'care_partner');
    },
  },
  ...(['ownGroupPupil', 'consentPupil', 'olderPupil'] as const).map(
    (k): TAccessCase => ({
      route: 'GET /api/v1/pupils/:id/dossier/versions',
      relation: k,
      request: (w) => ({ url: url(w, k, '/versions') }),
      allow: READERS[k],
      deny: 404,
    }),
  ),
  {
    route: 'GET /api/v1/pupils/:id/dossier/versions/:version',
    relation: 'a version of ownSchoolPupil',
    async request(w, t) {
      // as the app leaves it: a dossier at version 1 and its snapshot
      await t.database.raw('insert into dossiers (region_id, pupil_id, version) select region_id, id, 1 from pupils where id = $1 on conflict do nothing', [w.ownSchoolPupil]);
      await t.database.raw(
        `insert into dossier_versions (region_id, pupil_id, version, snapshot, changed_fields, changed_by, changed_by_role)
         select region_id, id, 1, '{"needs":[],"promotingFactors":[],"hinderingFactors":[],"pupilView":null,"parentView":null,"extraSupportSince":null,"goals":[]}', '{needs}', $2, 'teacher'
         from pupils where id = $1 on conflict do nothing`,
        [w.ownSchoolPupil, w.users.teacher],
      );
      return { url: url(w, 'ownSchoolPupil', '/versions/1') };
    },
    allow: READERS.ownSchoolPupil,
    deny: 404,
    check(res, a) {
      // parents see the role and organisation of who changed it, not the person
      expect(res.json().changedBy.name === null).toBe(a === 'parent');
    },
  },
  {
    route: 'PATCH /api/v1/pupils/:id/dossier',
    relation: 'needs of a pupil in the teacher’s group',
    request: async (w, t) => ({ url: url(w, 'ownGroupPupil'), body: { baseVersion: await version(t, w.ownGroupPupil), needs: ['Heeft korte instructie nodig'] } }),
    allow: ['school_care_coordinator', 'teacher'],
    deny: denyFor(READERS.ownGroupPupil),
  },
  {
    route: 'PATCH /api/v1/pupils/:id/dossier',
    relation: 'the parents’ view of their own child',
    request: async (w, t) => ({ url: url(w, 'ownSchoolPupil'), body: { baseVersion: await version(t, w.ownSchoolPupil), parentView: 'Thuis gaat het goed.' } }),
    allow: ['school_care_coordinator', 'parent'],
    deny: denyFor(READERS.ownSchoolPupil),
  },
  {
    route: 'PATCH /api/v1/pupils/:id/dossier',
    relation: 'the pupil’s own view',
    request: async (w, t) => ({ url: url(w, 'selfPupil'), body: { baseVersion: await version(t, w.selfPupil), pupilView: 'Ik werk graag met een koptelefoon.' } }),
    allow: ['school_care_coordinator', 'pupil'],
    deny: denyFor(READERS.selfPupil),
  },
  {
    route: 'PATCH /api/v1/pupils/:id/dossier',
    relation: 'needs of a kernteam pupil: the consultant writes, the care partner only reads',
    request: async (w, t) => ({ url: url(w, 'consentPupil'), body: { baseVersion: await version(t, w.consentPupil), needs: ['Rust in de klas'] } }),
    allow: ['swv_consultant'],
    deny: denyFor(READERS.consentPupil),
  },
  {
    route: 'POST /api/v1/pupils/:id/dossier/goals',
    relation: 'a goal for a pupil in the teacher’s group',
    request: (w) => ({
      url: url(w, 'ownGroupPupil', '/goals'),
      body: { goal: 'Leest zelfstandig een tekst van niveau E4', criterion: '4 van de 5 teksten zonder hulp', targetDate: '2099-06-30' },
    }),
    allow: ['school_care_coordinator', 'teacher'],
    ok: 201,
    deny: denyFor(READERS.ownGroupPupil),
  },
  {
    route: 'PATCH /api/v1/pupils/:id/dossier/goals/:goalId',
    relation: 'a goal of a kernteam pupil',
    async request(w, t) {
      const g = await aGoal(t, w, 'consentPupil');
      return { url: url(w, 'consentPupil', `/goals/${g.id}`), body: { version: g.version, status: 'active' } };
    },
    allow: ['swv_consultant'],
    deny: denyFor(READERS.consentPupil),
  },
  {
    route: 'POST /api/v1/pupils/:id/dossier/goals/:goalId/evaluations',
    relation: 'an evaluation of a goal of the teacher’s pupil',
    async request(w, t) {
      const g = await aGoal(t, w, 'ownGroupPupil');
      return {
        url: url(w, 'ownGroupPupil', `/goals/${g.id}/evaluations`),
        body: { evaluatedOn: '2026-01-15', result: 'partly', whatWorked: 'Voorlezen met een maatje', nextStep: 'Doorgaan, elke dag 10 minuten' },
      };
    },
    allow: ['school_care_coordinator', 'teacher'],
    ok: 201,
    deny: denyFor(READERS.ownGroupPupil),
  },
  {
    route: 'POST /api/v1/pupils/:id/attachments',
    relation: 'a report for a pupil in the teacher’s group',
    request: (w) => ({ url: `/api/v1/pupils/${w.ownGroupPupil}/attachments`, body: { fileName: 'verslag.pdf', contentBase64: PDF_BASE64 } }),
    allow: ['school_care_coordinator', 'teacher'],
    ok: 201,
    deny: denyFor(ATTACHMENT_READERS('ownGroupPupil')),
  },
  ...(['ownGroupPupil', 'consentPupil', 'otherRegionPupil'] as const).map(
    (k): TAccessCase => ({
      route: 'GET /api/v1/pupils/:id/attachments/:attachmentId',
      relation: `an attachment of ${k}`,
      request: async (w, t) => ({ url: `/api/v1/pupils/${w[k]}/attachments/${await anAttachment(t, w, k)}` }),
      allow: ATTACHMENT_READERS(k),
      deny: 404,
      check(res) {
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      },
    }),
  ),
  {
    route: 'DELETE /api/v1/pupils/:id/attachments/:attachmentId',
    relation: 'an attachment of a pupil in the teacher’s group',
    request: async (w, t) => ({ url: `/api/v1/pupils/${w.ownGroupPupil}/attachments/${await anAttachment(t, w, 'ownGroupPupil')}` }),
    allow: ['school_care_coordinator', 'teacher'],
    ok: 204,
    deny: denyFor(ATTACHMENT_READERS('ownGroupPupil')),
  },
];
