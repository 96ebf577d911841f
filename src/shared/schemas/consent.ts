import { z } from 'zod';
import { DATA_CATEGORIES, LEGAL_BASES } from '../consent.js';
import { PARTNER_KINDS, ROLES, type TRole } from '../roles.js';
import { ZDate, ZPageQuery, ZText, ZUuid } from './common.js';

/** A list of distinct choices: sending the same one twice is a client slip, not a second value. */
const distinct = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .transform((xs) => [...new Set(xs)] as z.output<T>[]);

// ---- consent -------------------------------------------------------------------------------

export const CONSENT_STATUSES = ['valid', 'not_yet', 'expired', 'withdrawn', 'replaced'] as const;
export type TConsentStatus = (typeof CONSENT_STATUSES)[number];

export const ZConsentInput = z
  .object({
    recipientOrganisationIds: distinct(ZUuid, 20).default([]),
    recipientKinds: distinct(z.enum(PARTNER_KINDS), 10).default([]),
    categories: z
      .array(z.enum(DATA_CATEGORIES))
      .min(1, { message: 'rule:category_required' })
      .max(DATA_CATEGORIES.length * 2)
      .transform((xs) => [...new Set(xs)]),
    purpose: ZText(500),
    legalBasis: z.enum(LEGAL_BASES),
    validFrom: ZDate,
    validUntil: ZDate.nullish(),
    /** Staff recording a paper form name the guardian who signed it. */
    givenByGuardianId: ZUuid.nullish(),
    /** A change of terms is a new record that ends this (valid) one. */
    replacesId: ZUuid.nullish(),
  })
  .superRefine((o, ctx) => {
    if (o.recipientOrganisationIds.length === 0 && o.recipientKinds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['recipientOrganisationIds'], message: 'rule:recipient_required' });
    // ISO dates compare as strings
    if (o.validUntil && o.validUntil < o.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'rule:until_before_from' });
  });
export type TConsentInput = z.infer<typeof ZConsentInput>;

/** Who did something to a record: staff names are shown to staff only (`name` null for the family). */
const ZPerson = z.object({ kind: z.enum(['guardian', 'pupil', 'staff']), name: z.string().nullable() });

export const ZConsent = z.object({
  id: z.string(),
  pupilId: z.string(),
  status: z.enum(CONSENT_STATUSES),
  recipients: z.object({
    organisations: z.array(z.object({ id: z.string(), name: z.string(), partnerKind: z.enum(PARTNER_KINDS).nullable() })),
    kinds: z.array(z.enum(PARTNER_KINDS)),
  }),
  categories: z.array(z.enum(DATA_CATEGORIES)),
  purpose: z.string(),
  legalBasis: z.enum(LEGAL_BASES),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  /** kind 'guardian' with their name (null when unknown), or 'pupil' ("de leerling"). */
  givenBy: z.object({ kind: z.enum(['guardian', 'pupil']), name: z.string().nullable() }),
  recordedBy: ZPerson,
  createdAt: z.string(),
  replacesId: z.string().nullable(),
  replacedById: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: ZPerson.nullable(),
  policies: z.object({ withdraw: z.boolean(), change: z.boolean() }),
});
export type TConsent = z.infer<typeof ZConsent>;

export const ZConsentList = z.object({ items: z.array(ZConsent), policies: z.object({ give: z.boolean() }) });

// ---- kernteam ------------------------------------------------------------------------------

/** Roles that work with a child and so can be in a kernteam (figures-only roles and the family cannot). */
export const CARE_TEAM_ROLES = [
  'swv_consultant',
  'swv_expert',
  'school_director',
  'school_care_coordinator',
  'teacher',
  'care_partner',
  'attendance_officer',
  'parent_support',
] as const satisfies readonly TRole[];

export const ZCareTeamInput = z.object({
  userId: z.string().trim().min(1, { message: 'rule:required' }).max(100),
  /** Only needed when the person works for more than one organisation in this region. */
  organisationId: ZUuid.nullish(),
  task: z.string().trim().max(200).nullish(),
});

export const ZCareTeamParams = z.object({ id: ZUuid, memberId: ZUuid });

export const ZCareTeamMember = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string(), kind: z.string(), partnerKind: z.enum(PARTNER_KINDS).nullable() }),
  /** The person's role at that organisation; null when that membership has ended. */
  role: z.enum(ROLES).nullable(),
  task: z.string().nullable(),
  since: z.string(),
  /** Care partners only: does a valid consent share anything with their organisation now? */
  consentCovers: z.boolean().nullable(),
  policies: z.object({ remove: z.boolean() }),
});
export const ZCareTeam = z.object({ items: z.array(ZCareTeamMember), policies: z.object({ add: z.boolean() }) });

/** Finding a colleague to add to the kernteam: by name, among the region's people in working roles. */
export const ZCareTeamCandidateQuery = z.object({ q: z.string().trim().max(100).default('') });
export const ZCareTeamCandidates = z.object({
  items: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      role: z.string(),
      organisation: z.object({ id: z.string(), name: z.string() }),
    }),
  ),
});
export type TCareTeamCandidates = z.infer<typeof ZCareTeamCandidates>;

// ---- break-the-glass -----------------------------------------------------------------------

export const BREAK_GLASS_REASON_MIN = 20;
export const ZBreakGlassInput = z.object({
  reason: z.string().trim().min(BREAK_GLASS_REASON_MIN, { message: 'rule:reason_too_short' }).max(2000),
});
export const ZBreakGlassOpened = z.object({ id: z.string(), pupilId: z.string(), startedAt: z.string(), expiresAt: z.string() });

/** `reviewed=false`: the openings still to review; left out: all. */
export const ZBreakGlassListQuery = ZPageQuery.extend({ reviewed: z.enum(['true', 'false']).optional() });
export const ZBreakGlassReviewInput = z.object({ note: ZText(2000) });
export const ZBreakGlass = z.object({
  id: z.string(),
  user: z.object({ id: z.string(), name: z.string() }),
  pupil: z.object({ id: z.string(), displayName: z.string() }),
  reason: z.string(),
  startedAt: z.string(),
  expiresAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  reviewNote: z.string().nullable(),
  policies: z.object({ review: z.boolean() }),
});

// ---- access log, sharing, parents' access ---------------------------------------------------

/** The access log leaves out the viewer's own actions unless they ask for them. */
export const ZAccessLogQuery = ZPageQuery.extend({
  includeOwn: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});

export const ZAccessLogEntry = z.object({
  at: z.string(),
  /** Never a person's name: the organisation and the role key (the UI translates roles.*). */
  organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  role: z.string().nullable(),
  action: z.string(),
  /** Opened with break-the-glass ("met spoedtoegang"); the reason itself is for the SWV's review only. */
  breakGlass: z.boolean(),
});

export const ZSharing = z.object({
  consents: z.array(ZConsent.pick({ id: true, recipients: true, categories: true, purpose: true, legalBasis: true, validFrom: true, validUntil: true })),
  careTeam: z.array(
    z.object({
      organisation: z.object({ id: z.string(), name: z.string(), kind: z.string(), partnerKind: z.enum(PARTNER_KINDS).nullable() }),
      /** What a valid consent shares with this organisation (by name or kind); the school and SWV need none. */
      consentCategories: z.array(z.enum(DATA_CATEGORIES)),
    }),
  ),
  /** Whether the guardians still see the file: from 16 the pupil decides (PUT …/parents-access). */
  parents: z.object({ keepAccess: z.boolean(), refusedAt: z.string().nullable() }),
  policies: z.object({ setParentsAccess: z.boolean() }),
});

export const ZParentsAccessInput = z.object({ parentsKeepAccess: z.boolean() });
export const ZParentsAccess = z.object({ parentsKeepAccess: z.boolean(), refusedAt: z.string().nullable() });
