import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { TRequestStatus, TRequestType } from '../../../shared/support-request.js';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import { freshRequest, type TRequestPupilKey } from '../../testing/requests.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

const LEADS = ['school_director', 'school_care_coordinator'] as const;
const A1_PUPILS: readonly TRequestPupilKey[] = ['ownPupil', 'ownGroupPupil', 'selfPupil'];

interface TRel {
  pupil: TRequestPupilKey;
  status: TRequestStatus;
  type?: TRequestType;
  expert?: boolean;
}
const describe = (r: TRel) => `a ${r.status} ${r.type ?? 'arrangement'} request of ${r.pupil}${r.expert ? ' with the expert assigned' : ''}`;

/**
 * Who reads a request: the school that filed it (its IB'er and director, drafts too); once filed
 * the SWV office, the assigned expert and the parent with access. Another region's request is
 * only its own office's; everyone else gets a 404.
 */
function readers(r: TRel): TActorKey[] {
  if (r.pupil === 'otherRegionPupil') return r.status === 'draft' ? [] : ['b_consultant'];
  const leads: TActorKey[] = A1_PUPILS.includes(r.pupil) ? [...LEADS] : [];
  if (r.status === 'draft') return leads;
  return [...leads, 'swv_consultant', 'swv_board', ...(r.expert ? (['swv_expert'] as const) : []), ...(r.pupil === 'ownPupil' ? (['parent'] as const) : [])];
}
/** The school–SWV conversation and files: the readers without the parents. */
const inConversation = (r: TRel) => readers(r).filter((a) => a !== 'parent');
/** A readable request: refused actions are 403 for those who see it, 404 for everyone else. */
const denyFor = (r: TRel) => (a: TActorKey) => (readers(r).includes(a) ? 403 : 404);
const schoolOf = (r: TRel): TActorKey[] => (A1_PUPILS.includes(r.pupil) ? [...LEADS] : []);
const officeOf = (r: TRel): TActorKey[] => (r.pupil === 'otherRegionPupil' ? ['b_consultant'] : ['swv_consultant']);

const fresh = (w: TWorld, t: TTestApp, r: TRel) => freshRequest(w, t, { ...r, consultant: r.status !== 'draft' && r.status !== 'submitted' });
const url = (id: string, action = '') => `/api/v1/support-requests/${id}${action}`;
const PDF = { fileName: 'verslag.pdf', contentBase64: Buffer.from('%PDF-1.4\n%verslag\n').toString('base64') };

/** A file sent with the request, written as the owner. */
async function withFile(w: TWorld, t: TTestApp, r: TRel) {
  const f = await fresh(w, t, r);
  const author = r.pupil === 'otherRegionPupil' ? w.users.b_admin : w.users.school_care_coordinator;
  const [a] = await t.database.raw<{ id: string }>(
    `insert into attachments (region_id, pupil_id, category, file_name, content_type, size_bytes, data, uploaded_by)
     values ($1, $2, 'request', 'verslag.pdf', 'application/pdf', 10, $3, $4) returning id`,
    [f.regionId, f.pupilId, Buffer.from('%PDF-1.4\n'), author],
  );
  await t.database.raw('insert into support_request_attachments (region_id, request_id, attachment_id) values ($1, $2, $3)', [f.regionId, f.requestId, a!.id]);
  return { ...f, attachmentId: a!.id };
}

const each = (rels: TRel[], c: (r: TRel) => TAccessCase): TAccessCase[] => rels.map(c);
const SUBMITTED: TRel[] = [
  { pupil: 'ownPupil', status: 'submitted' },
  { pupil: 'otherSchoolPupil', status: 'submitted' },
  { pupil: 'otherRegionPupil', status: 'submitted' },
];
const READ_RELS: TRel[] = [
  ...SUBMITTED,
  { pupil: 'ownPupil', status: 'draft' },
  { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', expert: true },
  { pupil: 'otherSchoolPupil', status: 'in_assessment', type: 'tlv', expert: true },
  // a 17-year-old who refused their parents access
  { pupil: 'olderPupil', status: 'submitted' },
];
const INTAKE: TRel[] = [{ pupil: 'ownPupil', status: 'draft' }, ...SUBMITTED];
const ids = (res: { json(): unknown }) => (res.json() as { items: { id: string }[] }).items.map((i) => i.id);

export const supportRequestAccess: TAccessCase[] = [
  {
    route: 'GET /api/v1/support-requests',
    relation: 'the requests in scope: own school (drafts too), the region (filed), assigned (expert), own child (parent)',
    async request(w, t) {
      const own = await fresh(w, t, { pupil: 'ownPupil', status: 'submitted' });
      await t.database.raw(`insert into request_experts (region_id, request_id, pupil_id, expert_id, expert_kind, assigned_by) values ($1, $2, $3, $4, 'psycholoog', $5)`, [
        own.regionId, own.requestId, own.pupilId, w.users.swv_expert, w.users.swv_consultant,
      ]);
      await fresh(w, t, { pupil: 'ownGroupPupil', status: 'draft' });
      await fresh(w, t, { pupil: 'otherSchoolPupil', status: 'submitted' });
      await fresh(w, t, { pupil: 'otherRegionPupil', status: 'submitted' });
      return { url: '/api/v1/support-requests?pageSize=100' };
    },
    allow: [...LEADS, 'swv_consultant', 'swv_board', 'swv_expert', 'parent', 'b_consultant'],
    deny: 403,
    check(res, a, w) {
      const pupils = (res.json() as { items: { pupil: { id: string } }[] }).items.map((i) => i.pupil.id);
      const sees = (k: TRequestPupilKey) => pupils.includes(w[k]);
      expect(sees('ownPupil')).toBe(a !== 'b_consultant');
      expect(sees('ownGroupPupil')).toBe((LEADS as readonly string[]).includes(a));
      expect(sees('otherSchoolPupil')).toBe(a === 'swv_consultant' || a === 'swv_board');
      expect(sees('otherRegionPupil')).toBe(a === 'b_consultant');
    },
  },
  {
    route: 'GET /api/v1/support-requests',
    relation: 'another school asked for by name (A2)',
    request: (w) => ({ url: `/api/v1/support-requests?schoolId=${w.schoolA2}` }),
    allow: ['swv_consultant', 'swv_board', 'swv_expert', 'parent'],
    // the school may not look at another school; region B does not know school A2
    deny: (a) => (a === 'b_consultant' ? 400 : 403),
    // the parent's child and the expert's request are at school A1
    check: (res, a) => (a === 'parent' || a === 'swv_expert' ? expect(ids(res)).toEqual([]) : undefined),
  },
  ...[...SUBMITTED, { pupil: 'olderPupil', status: 'submitted' } as TRel].map(
    (r): TAccessCase => ({
      route: 'GET /api/v1/pupils/:id/support-requests',
      relation: `the requests of ${r.pupil}`,
      async request(w, t) {
        await fresh(w, t, r);
        return { url: `/api/v1/pupils/${w[r.pupil]}/support-requests` };
      },
      allow: readers(r).filter((a) => a !== 'swv_expert'),
      deny: 404,
      check(res, a) {
        expect(ids(res)).toHaveLength(1);
        expect((res.json() as { policies: { create: boolean } }).policies.create).toBe(schoolOf(r).includes(a));
      },
    }),
  ),
  {
    route: 'GET /api/v1/pupils/:id/support-requests',
    relation: 'a draft of ownPupil in the list of the child',
    async request(w, t) {
      await fresh(w, t, { pupil: 'ownPupil', status: 'draft' });
      return { url: `/api/v1/pupils/${w.ownPupil}/support-requests` };
    },
    allow: [...LEADS, 'swv_consultant', 'swv_board', 'parent'],
    deny: 404,
    check: (res, a) => expect(ids(res)).toHaveLength((LEADS as readonly string[]).includes(a) ? 1 : 0),
  },
  ...(['ownPupil', 'otherSchoolPupil', 'otherRegionPupil'] as const).map(
    (k): TAccessCase => ({
      route: 'POST /api/v1/pupils/:id/support-requests',
      relation: `a new request for ${k}`,
      request: (w) => ({ url: `/api/v1/pupils/${w[k]}/support-requests`, body: { clientKey: randomUUID(), type: 'advice', question: 'Hoe helpen we hem?' } }),
      allow: k === 'ownPupil' ? LEADS : [],
      ok: 201,
      deny: (a) => (readers({ pupil: k, status: 'submitted' }).includes(a) && a !== 'swv_expert' ? 403 : 404),
      check: (res) => expect(res.json()).toMatchObject({ status: 'draft', type: 'advice', policies: { edit: true } }),
    }),
  ),
  ...each(READ_RELS, (r) => ({
    route: 'GET /api/v1/support-requests/:id',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId) };
    },
    allow: readers(r),
    deny: 404,
    check(res, a) {
      const body = res.json() as { status: string; policies: Record<string, boolean>; checklist: unknown[] };
      expect(body.status).toBe(r.status);
      expect(body.policies.readComments).toBe(a !== 'parent');
      expect(body.policies.edit).toBe(schoolOf(r).includes(a) && (r.status === 'draft' || r.status === 'submitted'));
      if (a === 'parent') expect(body.checklist).toEqual([]);
    },
  })),
  ...each(INTAKE, (r) => ({
    route: 'PATCH /api/v1/support-requests/:id',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId), body: { rowVersion: 1, parentsView: 'Ouders vinden het een goed idee' } };
    },
    allow: schoolOf(r),
    deny: denyFor(r),
    check: (res) => expect(res.json()).toMatchObject({ rowVersion: 2, parentsView: 'Ouders vinden het een goed idee' }),
  })),
  ...each([{ pupil: 'ownPupil', status: 'draft' }, { pupil: 'otherSchoolPupil', status: 'draft' }], (r) => ({
    route: 'POST /api/v1/support-requests/:id/submit',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/submit'), body: { rowVersion: 1 } };
    },
    allow: schoolOf(r),
    deny: denyFor(r),
    check: (res) => expect(res.json().status).toBe('submitted'),
  })),
  ...each(SUBMITTED.map((r) => ({ ...r, type: 'advice' as const })), (r) => ({
    route: 'POST /api/v1/support-requests/:id/complete',
    relation: `${describe(r)} whose checklist is met`,
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/complete'), body: {} };
    },
    allow: officeOf(r),
    deny: denyFor(r),
    check: (res) => expect(res.json().status).toBe('complete'),
  })),
  ...each([{ pupil: 'ownPupil', status: 'complete' }, { pupil: 'otherRegionPupil', status: 'complete' }], (r) => ({
    route: 'POST /api/v1/support-requests/:id/start-assessment',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/start-assessment'), body: {} };
    },
    allow: officeOf(r),
    deny: denyFor(r),
    check: (res) => expect(res.json().status).toBe('in_assessment'),
  })),
  ...each([{ pupil: 'ownPupil', status: 'decided' }, { pupil: 'otherRegionPupil', status: 'decided' }], (r) => ({
    route: 'POST /api/v1/support-requests/:id/close',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/close'), body: { note: 'Afgerond' } };
    },
    allow: officeOf(r),
    deny: denyFor(r),
    check: (res) => expect(res.json().status).toBe('closed'),
  })),
  ...each([{ pupil: 'ownPupil', status: 'in_assessment' }, ...SUBMITTED.slice(1)], (r) => ({
    route: 'POST /api/v1/support-requests/:id/withdraw',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/withdraw'), body: { reason: 'Niet meer nodig' } };
    },
    allow: schoolOf(r),
    deny: denyFor(r),
    check: (res) => expect(res.json().status).toBe('withdrawn'),
  })),
  ...each(SUBMITTED, (r) => ({
    route: 'PUT /api/v1/support-requests/:id/consultant',
    relation: describe(r),
    async request(w, t) {
      const consultantId = r.pupil === 'otherRegionPupil' ? w.users.b_consultant : w.users.swv_consultant;
      return { url: url((await fresh(w, t, r)).requestId, '/consultant'), body: { consultantId } };
    },
    allow: officeOf(r),
    deny: denyFor(r),
    check: (res) => expect(res.json().consultant).toBeTruthy(),
  })),
  {
    route: 'GET /api/v1/swv-consultants',
    relation: 'the consultants of the own region',
    request: () => ({ url: '/api/v1/swv-consultants' }),
    allow: ['swv_consultant', 'swv_board', 'b_consultant'],
    deny: 403,
    check: (res, a, w) => expect(ids(res)).toEqual([a === 'b_consultant' ? w.users.b_consultant : w.users.swv_consultant]),
  },
  ...each([...SUBMITTED, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', expert: true }], (r) => ({
    route: 'GET /api/v1/support-requests/:id/comments',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/comments') };
    },
    allow: inConversation(r),
    deny: denyFor(r),
    check: (res) => expect(ids(res)).toEqual([]),
  })),
  ...each([...SUBMITTED, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', expert: true }], (r) => ({
    route: 'POST /api/v1/support-requests/:id/comments',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/comments'), body: { body: 'Kunt u het verslag nog sturen?' } };
    },
    // the board reads along but does not take part
    allow: inConversation(r).filter((a) => a !== 'swv_board'),
    ok: 201,
    deny: denyFor(r),
    check: (res) => expect(ids(res)).toHaveLength(1),
  })),
  ...each(INTAKE, (r) => ({
    route: 'POST /api/v1/support-requests/:id/attachments',
    relation: describe(r),
    async request(w, t) {
      return { url: url((await fresh(w, t, r)).requestId, '/attachments'), body: { file: PDF } };
    },
    allow: schoolOf(r),
    ok: 201,
    deny: denyFor(r),
    check: (res) => expect((res.json() as { attachments: unknown[] }).attachments).toHaveLength(1),
  })),
  ...each([...SUBMITTED, { pupil: 'ownPupil', status: 'in_assessment', type: 'tlv', expert: true }], (r) => ({
    route: 'GET /api/v1/support-requests/:id/attachments/:attachmentId',
    relation: `a file of ${describe(r)} (a download)`,
    async request(w, t) {
      const f = await withFile(w, t, r);
      return { url: url(f.requestId, `/attachments/${f.attachmentId}`) };
    },
    allow: inConversation(r),
    deny: denyFor(r),
    check(res) {
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="aanvraag-bijlage-/);
      expect(res.headers['cache-control']).toBe('no-store');
    },
  })),
  ...each(INTAKE, (r) => ({
    route: 'DELETE /api/v1/support-requests/:id/attachments/:attachmentId',
    relation: `a file of ${describe(r)}`,
    async request(w, t) {
      const f = await withFile(w, t, r);
      return { url: url(f.requestId, `/attachments/${f.attachmentId}`) };
    },
    allow: schoolOf(r),
    deny: denyFor(r),
    check: (res) => expect((res.json() as { attachments: unknown[] }).attachments).toEqual([]),
  })),
  // the region's intake checklists are a setting of functioneel beheer; each region its own
  {
    route: 'GET /api/v1/request-checklists',
    relation: 'the own region’s checklists',
    request: () => ({ url: '/api/v1/request-checklists' }),
    allow: ['swv_admin', 'b_admin'],
    deny: 403,
    check: (res) => expect((res.json() as { items: unknown[] }).items).toHaveLength(5),
  },
  {
    route: 'PUT /api/v1/request-checklists/:type',
    relation: 'the own region’s MDO checklist (set to what it was)',
    request: () => ({ url: '/api/v1/request-checklists/mdo', body: { items: [{ kind: 'parents_informed' }] } }),
    allow: ['swv_admin', 'b_admin'],
    deny: 403,
    check: (res) =>
      expect((res.json() as { items: { type: string; custom: boolean }[] }).items.find((i) => i.type === 'mdo')).toMatchObject({ custom: true }),
  },
  {
    route: 'DELETE /api/v1/request-checklists/:type',
    relation: 'the own region’s MDO checklist (back to the default)',
    request: () => ({ url: '/api/v1/request-checklists/mdo' }),
    allow: ['swv_admin', 'b_admin'],
    deny: 403,
    check: (res) =>
      expect((res.json() as { items: { type: string; custom: boolean }[] }).items.find((i) => i.type === 'mdo')).toMatchObject({ custom: false }),
  },
];
