import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { BREAK_GLASS_HOURS } from '../../../shared/consent.js';
import type { TAccessCase } from '../../testing/access.js';
import type { TTestApp } from '../../testing/app.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

// ---- fixtures: written as the owner, fresh for every request of a write row -----------------

let n = 0;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * A new pupil, so a row that writes never depends on the order of the rows. At school A1 (no
 * group: the teacher has no relation), A2 (the kernteam school) or B1. Its gezag guardian is the
 * world's `parent` when `parent` is set, else a guardian without an account. Sorted last in lists.
 */
export async function freshPupil(
  t: TTestApp,
  w: TWorld,
  o: { school?: 'A1' | 'A2' | 'B1'; parent?: boolean; careTeam?: boolean; consent?: 'valid' | 'expired'; age?: number } = {},
) {
  const school = o.school ?? 'A1';
  const regionId = school === 'B1' ? w.b.regionId : w.a.regionId;
  const schoolId = { A1: w.schoolA1, A2: w.schoolA2, B1: w.schoolB1 }[school];
  const k = ++n;
  const [p] = await t.database.raw<{ id: string }>(
    `insert into pupils (region_id, first_name, last_name, search_text, date_of_birth, school_id, enrolled_on)
     values ($1, 'Proef', $2, $3, current_date - make_interval(years => $4), $5, current_date) returning id`,
    [regionId, `Zzzz-proef ${k}`, `proef zzzz proef ${k}`, o.age ?? 10, schoolId],
  );
  const [g] = await t.database.raw<{ id: string }>(
    `insert into guardians (region_id, pupil_id, name, has_gezag, user_id) values ($1, $2, 'Ouder Proef', true, $3) returning id`,
    [regionId, p!.id, o.parent ? w.users.parent : null],
  );
  if (o.careTeam) {
    for (const [user, org] of [[w.users.care_partner, w.partnerOrg], [w.users.swv_consultant, w.a.swvId]] as const)
      await t.database.raw(
        'insert into care_team_members (region_id, pupil_id, user_id, organisation_id, added_by) values ($1, $2, $3, $4, $3)',
        [regionId, p!.id, user, org],
      );
  }
  if (o.consent) await freshConsent(t, w, p!.id, { regionId, until: o.consent === 'expired' ? 'past' : null, guardianId: g!.id });
  return { pupilId: p!.id, guardianId: g!.id };
}

/** A consent sharing dossier and OPP with the world's partner organisation. */
export async function freshConsent(
  t: TTestApp,
  w: TWorld,
  pupilId: string,
  o: { regionId?: string; until?: 'past' | null; withdrawn?: boolean; byPupil?: boolean; guardianId?: string | null } = {},
) {
  const [c] = await t.database.raw<{ id: string }>(
    `insert into consents (region_id, pupil_id, given_by_kind, given_by_guardian_id, recorded_by, recipient_organisation_ids,
       categories, purpose, legal_basis, valid_from, valid_until, withdrawn_at, withdrawn_by)
     values ($1, $2, $3, $4, $5, array[$6]::uuid[], array['dossier', 'opp'], 'Begeleiding thuis en op school afstemmen', 'consent',
       current_date - 30, case when $7 then current_date - 3 end, case when $8 then now() end, case when $8 then $5 end)
     returning id`,
    [o.regionId ?? w.a.regionId, pupilId, o.byPupil ? 'pupil' : 'guardian', o.byPupil ? null : (o.guardianId ?? null),
      w.users.school_care_coordinator, w.partnerOrg, o.until === 'past', !!o.withdrawn],
  );
  return c!.id;
}

/** A new person with one active role in region A, to add to a kernteam. */
export async function freshStaff(t: TTestApp, w: TWorld, role = 'care_partner', organisationId = w.partnerOrg) {
  const id = randomUUID().replace(/-/g, '');
  await t.database.raw('insert into users (id, name, email, email_verified) values ($1, $2, $3, true)', [id, `Kernteamlid ${++n}`, `kt-${id}@fixture.test`]);
  await t.database.raw('insert into memberships (region_id, user_id, organisation_id, role) values ($1, $2, $3, $4)', [w.a.regionId, id, organisationId, role]);
  return id;
}

async function freshMember(t: TTestApp, w: TWorld, pupilId: string) {
  const userId = await freshStaff(t, w);
  const [m] = await t.database.raw<{ id: string }>(
    'insert into care_team_members (region_id, pupil_id, user_id, organisation_id, added_by) values ($1, $2, $3, $4, $3) returning id',
    [w.a.regionId, pupilId, userId, w.partnerOrg],
  );
  return m!.id;
}

async function freshBreakGlass(t: TTestApp, w: TWorld, o: { region?: 'A' | 'B'; reviewed?: boolean } = {}) {
  const b = o.region === 'B';
  const { pupilId } = await freshPupil(t, w, { school: b ? 'B1' : 'A1' });
  const [bg] = await t.database.raw<{ id: string }>(
    `insert into break_glass_accesses (region_id, pupil_id, user_id, reason, expires_at, reviewed_at, reviewed_by, review_note)
     values ($1, $2, $3, 'Melding van acute zorgen door de wijkagent', now() + interval '24 hours',
       case when $4 then now() end, case when $4 then $5 end, case when $4 then 'Terecht' end) returning id`,
    [b ? w.b.regionId : w.a.regionId, pupilId, b ? w.users.b_consultant : w.users.swv_consultant, !!o.reviewed, b ? w.users.b_admin : w.users.swv_admin],
  );
  return bg!.id;
}

// ---- who sees which world child's file --------------------------------------------------------

type TPupilKey = 'consentPupil' | 'expiredConsentPupil' | 'withdrawnConsentPupil' | 'noConsentPupil' | 'ownSchoolPupil' | 'ownGroupPupil' | 'selfPupil' | 'olderPupil' | 'otherRegionPupil';
const DIR_IB = ['school_director', 'school_care_coordinator'] as const;

/** Who may open anything of the file (childFilePolicy.readable): the others may not know it exists (404). */
const SEES_FILE: Record<TPupilKey, TActorKey[]> = {
  consentPupil: ['swv_consultant', 'care_partner'],
  expiredConsentPupil: ['swv_consultant'],
  withdrawnConsentPupil: ['swv_consultant'],
  noConsentPupil: ['swv_consultant'],
  ownSchoolPupil: [...DIR_IB, 'parent'],
  ownGroupPupil: [...DIR_IB, 'teacher'],
  selfPupil: [...DIR_IB, 'pupil'],
  // 17 and refused their parents access
  olderPupil: ['pupil16'],
  // b_consultant is a consultant of that region, but not in this child's kernteam
  otherRegionPupil: [],
};
const seesOr404 = (who: readonly TActorKey[]) => (a: TActorKey) => (who.includes(a) ? 403 : 404);
const KERNTEAM_ONLY = { consentPupil: [], expiredConsentPupil: [], withdrawnConsentPupil: [], noConsentPupil: [] };

/** A read route over every world child: `allow` per child, 403 for those who see the file otherwise. */
function readRows(
  route: string,
  suffix: string,
  allow: Record<TPupilKey, TActorKey[]>,
  check?: (key: TPupilKey) => TAccessCase['check'],
): TAccessCase[] {
  return (Object.keys(allow) as TPupilKey[]).map((key) => ({
    route: `GET /api/v1/pupils/:id/${route}`,
    relation: key,
    request: (w: TWorld) => ({ url: `/api/v1/pupils/${w[key]}/${route}${suffix}` }),
    allow: allow[key],
    deny: seesOr404(SEES_FILE[key]),
    check: check?.(key),
  }));
}

const familyAndSchool = {
  ...KERNTEAM_ONLY,
  ownSchoolPupil: [...DIR_IB, 'parent'],
  ownGroupPupil: [...DIR_IB],
  selfPupil: [...DIR_IB, 'pupil'],
  olderPupil: ['pupil16'],
  otherRegionPupil: [],
} satisfies Record<TPupilKey, TActorKey[]>;

const consentBody = (guardianId?: string) => ({
  recipientOrganisationIds: [] as string[],
  recipientKinds: ['jeugdhulp'],
  categories: ['dossier'],
  purpose: 'Afstemmen met de jeugdhulp',
  legalBasis: 'consent',
  validFrom: today(),
  ...(guardianId ? { givenByGuardianId: guardianId } : {}),
});
const gezagGuardian = async (t: TTestApp, pupilId: string) =>
  (await t.database.raw<{ id: string }>('select id from guardians where pupil_id = $1 and has_gezag order by id limit 1', [pupilId]))[0]!.id;
const REASON = { reason: 'Acute zorgen gemeld door de huisarts, ouders onbereikbaar' };

let lastBreakGlass = { a: '', b: '' };

export const consentAccess: TAccessCase[] = [
  // ---- reads over every world child
  ...readRows('consents', '', {
    ...familyAndSchool,
    consentPupil: ['swv_consultant'],
    expiredConsentPupil: ['swv_consultant'],
    withdrawnConsentPupil: ['swv_consultant'],
    noConsentPupil: ['swv_consultant'],
  }, (key) => (res, _a, w) => {
    for (const c of (res.json() as { items: { pupilId: string }[] }).items) expect(c.pupilId).toBe(w[key]);
  }),
  // the kernteam: whoever reads the dossier; the school sees whether consent covers each partner
  ...readRows('care-team', '', SEES_FILE, (key) => (res, _a, w) => {
    const items = (res.json() as { items: { organisation: { id: string }; consentCovers: boolean | null }[] }).items;
    const partner = items.find((i) => i.organisation.id === w.partnerOrg);
    if (key.endsWith('onsentPupil')) expect(partner?.consentCovers).toBe(key === 'consentPupil');
  }),
  ...readRows('access-log', '?pageSize=100', familyAndSchool, () => (res) => {
    // organisation and role only: never a name, never the break-the-glass reason
    for (const e of (res.json() as { items: Record<string, unknown>[] }).items)
      expect(Object.keys(e).sort()).toEqual(['action', 'at', 'breakGlass', 'organisation', 'role']);
  }),
  ...readRows('sharing', '', familyAndSchool),

  // ---- give consent
  {
    route: 'POST /api/v1/pupils/:id/consents',
    relation: 'a child of school A1 whose guardian is `parent` (fresh)',
    async request(w, t) {
      const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
      return { url: `/api/v1/pupils/${pupilId}/consents`, body: consentBody(guardianId) };
    },
    allow: [...DIR_IB, 'parent'],
    ok: 201,
    deny: 404,
  },
  ...(['consentPupil', 'noConsentPupil', 'otherRegionPupil'] as const).map((key) => ({
    route: 'POST /api/v1/pupils/:id/consents',
    relation: `${key}: the kernteam may not give consent`,
    request: (w: TWorld) => ({ url: `/api/v1/pupils/${w[key]}/consents`, body: consentBody() }),
    allow: [],
    deny: seesOr404(SEES_FILE[key]),
  })),
  {
    route: 'POST /api/v1/pupils/:id/consents',
    relation: 'selfPupil (14): the school records it, the pupil may not yet',
    request: async (w, t) => ({ url: `/api/v1/pupils/${w.selfPupil}/consents`, body: consentBody(await gezagGuardian(t, w.selfPupil)) }),
    allow: [...DIR_IB],
    ok: 201,
    deny: seesOr404(SEES_FILE.selfPupil),
  },
  {
    route: 'POST /api/v1/pupils/:id/consents',
    relation: 'olderPupil (17): the pupil decides',
    request: (w) => ({ url: `/api/v1/pupils/${w.olderPupil}/consents`, body: consentBody() }),
    allow: ['pupil16'],
    ok: 201,
    deny: 404,
  },

  // ---- withdraw (a consent is as visible as the child's consent list)
  {
    route: 'POST /api/v1/consents/:id/withdraw',
    relation: 'valid consent of a child of school A1 whose guardian is `parent`',
    async request(w, t) {
      const { pupilId, guardianId } = await freshPupil(t, w, { parent: true });
      return { url: `/api/v1/consents/${await freshConsent(t, w, pupilId, { guardianId })}/withdraw` };
    },
    allow: [...DIR_IB, 'parent'],
    deny: 404,
    check: (res) => expect(res.json().status).toBe('withdrawn'),
  },
  {
    route: 'POST /api/v1/consents/:id/withdraw',
    relation: 'valid consent of a kernteam child at A2: the kernteam cannot end it',
    async request(w, t) {
      const { pupilId } = await freshPupil(t, w, { school: 'A2', careTeam: true });
      return { url: `/api/v1/consents/${await freshConsent(t, w, pupilId)}/withdraw` };
    },
    allow: [],
    deny: (a) => (a === 'swv_consultant' ? 403 : 404),
  },
  {
    route: 'POST /api/v1/consents/:id/withdraw',
    relation: 'an expired consent cannot end again',
    async request(w, t) {
      const { pupilId } = await freshPupil(t, w, { parent: true });
      return { url: `/api/v1/consents/${await freshConsent(t, w, pupilId, { until: 'past' })}/withdraw` };
    },
    allow: [...DIR_IB, 'parent'],
    ok: 409,
    deny: 404,
  },
  {
    route: 'POST /api/v1/consents/:id/withdraw',
    relation: 'a consent the pupil (17) gave: their guardian cannot end it',
    async request(w, t) {
      const { pupilId } = await freshPupil(t, w, { parent: true, age: 17 });
      return { url: `/api/v1/consents/${await freshConsent(t, w, pupilId, { byPupil: true })}/withdraw` };
    },
    allow: [...DIR_IB],
    deny: (a) => (a === 'parent' ? 403 : 404),
  },
  {
    route: 'POST /api/v1/consents/:id/withdraw',
    relation: 'olderPupil (17): the pupil ends their own consent',
    request: async (w, t) => ({ url: `/api/v1/consents/${await freshConsent(t, w, w.olderPupil, { byPupil: true })}/withdraw` }),
    allow: ['pupil16'],
    deny: 404,
  },
  {
    route: 'POST /api/v1/consents/:id/withdraw',
    relation: 'selfPupil (14) sees the consent but may not end it',
    request: async (w, t) => ({ url: `/api/v1/consents/${await freshConsent(t, w, w.selfPupil, { guardianId: await gezagGuardian(t, w.selfPupil) })}/withdraw` }),
    allow: [...DIR_IB],
    deny: seesOr404(['pupil']),
  },
  {
    route: 'POST /api/v1/consents/:id/withdraw',
    relation: 'a consent in region B',
    request: async (w, t) => ({ url: `/api/v1/consents/${await freshConsent(t, w, w.otherRegionPupil, { regionId: w.b.regionId })}/withdraw` }),
    allow: [],
    deny: 404,
  },

  // ---- kernteam: finding a colleague to add (names of the region's working staff; never other regions')
  {
    route: 'GET /api/v1/pupils/:id/care-team/candidates',
    relation: 'ownSchoolPupil: the school leads look up colleagues',
    request: (w) => ({ url: `/api/v1/pupils/${w.ownSchoolPupil}/care-team/candidates?q=test` }),
    allow: [...DIR_IB],
    deny: seesOr404(SEES_FILE.ownSchoolPupil),
    check(res) {
      const items = (res.json() as { items: { name: string; role: string }[] }).items;
      expect(items.map((i) => i.role)).toContain('care_partner');
      // figures-only roles and the family are never offered; region B's people are not visible at all
      expect(items.some((i) => ['municipality_analyst', 'opr_member', 'parent', 'pupil', 'swv_admin'].includes(i.role))).toBe(false);
      expect(items.some((i) => /Test B /.test(i.name))).toBe(false);
    },
  },
  {
    route: 'GET /api/v1/pupils/:id/care-team/candidates',
    relation: 'consentPupil: the consultant in its kernteam',
    request: (w) => ({ url: `/api/v1/pupils/${w.consentPupil}/care-team/candidates` }),
    allow: ['swv_consultant'],
    deny: seesOr404(SEES_FILE.consentPupil),
  },
  {
    route: 'GET /api/v1/pupils/:id/care-team/candidates',
    relation: 'otherRegionPupil',
    request: (w) => ({ url: `/api/v1/pupils/${w.otherRegionPupil}/care-team/candidates` }),
    allow: [],
    deny: 404,
  },

  // ---- kernteam: add and remove
  {
    route: 'POST /api/v1/pupils/:id/care-team',
    relation: 'a child of school A1 whose guardian is `parent` (fresh)',
    request: async (w, t) => ({
      url: `/api/v1/pupils/${(await freshPupil(t, w, { parent: true })).pupilId}/care-team`,
      body: { userId: await freshStaff(t, w), task: 'CJG-coach' },
    }),
    allow: [...DIR_IB],
    ok: 201,
    deny: seesOr404(['parent']),
  },
  ...(['valid', null] as const).map((consent) => ({
    route: 'POST /api/v1/pupils/:id/care-team',
    relation: `a kernteam child at A2 with ${consent ? 'a valid' : 'no'} consent: the consultant in it manages it`,
    request: async (w: TWorld, t: TTestApp) => ({
      url: `/api/v1/pupils/${(await freshPupil(t, w, { school: 'A2', careTeam: true, consent: consent ?? undefined })).pupilId}/care-team`,
      body: { userId: await freshStaff(t, w) },
    }),
    allow: ['swv_consultant'] as TActorKey[],
    ok: 201,
    deny: seesOr404(consent ? ['care_partner'] : []),
  })),
  {
    route: 'POST /api/v1/pupils/:id/care-team',
    relation: 'selfPupil (14)',
    request: async (w, t) => ({ url: `/api/v1/pupils/${w.selfPupil}/care-team`, body: { userId: await freshStaff(t, w) } }),
    allow: [...DIR_IB],
    ok: 201,
    deny: seesOr404(['pupil']),
  },
  {
    route: 'POST /api/v1/pupils/:id/care-team',
    relation: 'otherRegionPupil',
    request: (w) => ({ url: `/api/v1/pupils/${w.otherRegionPupil}/care-team`, body: { userId: w.users.b_consultant } }),
    allow: [],
    deny: 404,
  },
  {
    route: 'DELETE /api/v1/pupils/:id/care-team/:memberId',
    relation: 'a member of a child of school A1 whose guardian is `parent` (fresh)',
    async request(w, t) {
      const { pupilId } = await freshPupil(t, w, { parent: true });
      return { url: `/api/v1/pupils/${pupilId}/care-team/${await freshMember(t, w, pupilId)}` };
    },
    allow: [...DIR_IB],
    ok: 204,
    deny: seesOr404(['parent']),
  },
  {
    route: 'DELETE /api/v1/pupils/:id/care-team/:memberId',
    relation: 'a member of a kernteam child at A2 with a valid consent',
    async request(w, t) {
      const { pupilId } = await freshPupil(t, w, { school: 'A2', careTeam: true, consent: 'valid' });
      return { url: `/api/v1/pupils/${pupilId}/care-team/${await freshMember(t, w, pupilId)}` };
    },
    allow: ['swv_consultant'],
    ok: 204,
    deny: seesOr404(['care_partner']),
  },
  {
    route: 'DELETE /api/v1/pupils/:id/care-team/:memberId',
    relation: 'a member of another child, through a child the actor manages',
    async request(w, t) {
      const { pupilId } = await freshPupil(t, w, { parent: true });
      const other = (await freshPupil(t, w)).pupilId;
      return { url: `/api/v1/pupils/${pupilId}/care-team/${await freshMember(t, w, other)}` };
    },
    allow: [],
    deny: seesOr404(['parent']),
  },

  // ---- break-the-glass
  {
    route: 'POST /api/v1/pupils/:id/break-glass',
    relation: 'a child of school A1 without a kernteam (fresh)',
    request: async (w, t) => ({ url: `/api/v1/pupils/${(await freshPupil(t, w, { parent: true })).pupilId}/break-glass`, body: REASON }),
    allow: ['swv_consultant'],
    ok: 201,
    deny: seesOr404([...DIR_IB, 'parent']),
    check(res) {
      const b = res.json() as { startedAt: string; expiresAt: string };
      expect(Date.parse(b.expiresAt) - Date.parse(b.startedAt)).toBe(BREAK_GLASS_HOURS * 3600_000);
    },
  },
  {
    route: 'POST /api/v1/pupils/:id/break-glass',
    relation: 'consentPupil: the consultant is in the kernteam already',
    request: (w) => ({ url: `/api/v1/pupils/${w.consentPupil}/break-glass`, body: REASON }),
    allow: [],
    deny: seesOr404(SEES_FILE.consentPupil),
  },
  {
    route: 'POST /api/v1/pupils/:id/break-glass',
    relation: 'a child of region B (fresh)',
    request: async (w, t) => ({ url: `/api/v1/pupils/${(await freshPupil(t, w, { school: 'B1' })).pupilId}/break-glass`, body: REASON }),
    allow: ['b_consultant'],
    ok: 201,
    deny: 404,
  },
  {
    route: 'GET /api/v1/break-glass',
    relation: 'the openings of the actor’s own region',
    async request(w, t) {
      lastBreakGlass = { a: await freshBreakGlass(t, w), b: await freshBreakGlass(t, w, { region: 'B' }) };
      return { url: '/api/v1/break-glass?reviewed=false&pageSize=100' };
    },
    allow: ['swv_admin', 'b_admin'],
    check(res, actor) {
      const ids = (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids.includes(lastBreakGlass.a)).toBe(actor === 'swv_admin');
      expect(ids.includes(lastBreakGlass.b)).toBe(actor === 'b_admin');
    },
  },
  {
    route: 'POST /api/v1/break-glass/:id/review',
    relation: 'an opening in region A, not yet reviewed',
    request: async (w, t) => ({ url: `/api/v1/break-glass/${await freshBreakGlass(t, w)}/review`, body: { note: 'Terecht geopend' } }),
    allow: ['swv_admin'],
    deny: 404,
  },
  {
    route: 'POST /api/v1/break-glass/:id/review',
    relation: 'an opening already reviewed',
    request: async (w, t) => ({ url: `/api/v1/break-glass/${await freshBreakGlass(t, w, { reviewed: true })}/review`, body: { note: 'Nog eens' } }),
    allow: ['swv_admin'],
    ok: 409,
    deny: 404,
  },

  // ---- parents' access: the pupil from 16 decides (the row keeps the world as it is: still refused)
  ...(['olderPupil', 'selfPupil', 'ownSchoolPupil', 'otherRegionPupil'] as const).map((key) => ({
    route: 'PUT /api/v1/pupils/:id/parents-access',
    relation: key,
    request: (w: TWorld) => ({ url: `/api/v1/pupils/${w[key]}/parents-access`, body: { parentsKeepAccess: key !== 'olderPupil' } }),
    allow: (key === 'olderPupil' ? ['pupil16'] : []) as TActorKey[],
    deny: seesOr404(SEES_FILE[key]),
  })),
];
