import { expect } from 'vitest';
import { EVERY_MEMBER, type TAccessCase } from '../../testing/access.js';
import type { TActorKey, TWorld } from '../../testing/world.js';

const READ = '/api/v1/pupils/:id';
const LIST = '/api/v1/pupils';

/** Who may see which pupil of the world: the single truth for read, list and search rows. */
const visible: Record<string, (w: TWorld) => TActorKey[]> = {
  ownGroupPupil: () => ['swv_admin', 'swv_consultant', 'school_director', 'school_care_coordinator', 'teacher', 'attendance_officer'],
  ownSchoolPupil: () => ['swv_admin', 'swv_consultant', 'school_director', 'school_care_coordinator', 'parent'],
  otherSchoolPupil: () => ['swv_admin', 'swv_consultant'],
  selfPupil: () => ['swv_admin', 'swv_consultant', 'school_director', 'school_care_coordinator', 'pupil'],
  otherRegionPupil: () => ['b_admin', 'b_consultant'],
  // care partners see a child only through kernteam + a valid consent
  consentPupil: () => ['swv_admin', 'swv_consultant', 'care_partner'],
  expiredConsentPupil: () => ['swv_admin', 'swv_consultant'],
  withdrawnConsentPupil: () => ['swv_admin', 'swv_consultant'],
  noConsentPupil: () => ['swv_admin', 'swv_consultant'],
  // 17 and refused their parents access: the parent no longer sees them
  olderPupil: () => ['swv_admin', 'swv_consultant', 'pupil16'],
};

export const pupilAccess: TAccessCase[] = [
  ...Object.entries(visible).map(([key, who]) => ({
    route: `GET ${READ}`,
    relation: key,
    request: (w: TWorld) => ({ url: `/api/v1/pupils/${w[key as keyof TWorld] as string}` }),
    allow: who({} as TWorld),
    deny: 404,
    check: (res: { json(): { id: string } }, _a: TActorKey, w: TWorld) => expect(res.json().id).toBe(w[key as keyof TWorld]),
  })),
  {
    route: `GET ${LIST}`,
    relation: 'list shows exactly the pupils the read allows',
    request: () => ({ url: `${LIST}?pageSize=100` }),
    allow: ['swv_admin', 'swv_consultant', 'school_director', 'school_care_coordinator', 'teacher', 'attendance_officer', 'parent', 'pupil', 'pupil16', 'b_admin', 'b_consultant', 'swv_expert', 'swv_board', 'care_partner', 'municipality_analyst', 'opr_member', 'parent_support'],
    check(res, actor, w) {
      const ids = new Set((res.json() as { items: { id: string }[] }).items.map((i) => i.id));
      for (const [key, who] of Object.entries(visible)) {
        const id = w[key as keyof TWorld] as string;
        expect(ids.has(id), `${actor} ${who({} as TWorld).includes(actor) ? 'should' : 'must not'} see ${key} in the list`).toBe(
          who({} as TWorld).includes(actor),
        );
      }
    },
  },
  {
    route: `GET ${LIST}`,
    relation: 'search of another school by name finds nothing for a teacher',
    async request(w, t) {
      const [p] = await t.database.raw<{ last_name: string }>('select last_name from pupils where id = $1', [w.otherSchoolPupil]);
      return { url: `${LIST}?q=${encodeURIComponent(p!.last_name)}&pageSize=100` };
    },
    allow: EVERY_MEMBER,
    check(res, actor, w) {
      const ids = (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
      expect(ids.includes(w.otherSchoolPupil)).toBe(actor === 'swv_admin' || actor === 'swv_consultant');
    },
  },
];
