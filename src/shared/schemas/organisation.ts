import { z } from 'zod';
import { ORGANISATION_KINDS, PARTNER_KINDS, SCHOOL_TYPES } from '../roles.js';
import { ZText, ZUuid } from './common.js';

export const ZBrin = z.string().trim().toUpperCase().regex(/^\d{2}[A-Z0-9]{2}$/, { message: 'rule:invalid_brin' });
export const ZVestiging = z.string().trim().regex(/^\d{2}$/, { message: 'rule:invalid_vestiging' });

export const ZOrganisationInput = z
  .object({
    kind: z.enum(ORGANISATION_KINDS),
    name: ZText(200),
    brin: ZBrin.nullish(),
    vestiging: ZVestiging.nullish(),
    schoolType: z.enum(SCHOOL_TYPES).nullish(),
    schoolBoard: z.string().trim().max(200).nullish(),
    gemeenteId: ZUuid.nullish(),
    partnerKind: z.enum(PARTNER_KINDS).nullish(),
  })
  .superRefine((o, ctx) => {
    if (o.kind === 'school') {
      for (const f of ['brin', 'vestiging', 'schoolType', 'gemeenteId'] as const)
        if (!o[f]) ctx.addIssue({ code: 'custom', path: [f], message: 'rule:required' });
    }
    if (o.kind === 'partner' && !o.partnerKind)
      ctx.addIssue({ code: 'custom', path: ['partnerKind'], message: 'rule:required' });
  });
export type TOrganisationInput = z.infer<typeof ZOrganisationInput>;

export const ZOrganisationPatch = z.object({
  name: ZText(200).optional(),
  schoolBoard: z.string().trim().max(200).nullish(),
  archived: z.boolean().optional(),
});

export const ZOrganisation = z.object({
  id: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  brin: z.string().nullable(),
  vestiging: z.string().nullable(),
  schoolType: z.enum(SCHOOL_TYPES).nullable(),
  schoolBoard: z.string().nullable(),
  gemeenteId: z.string().nullable(),
  gemeenteName: z.string().nullable(),
  partnerKind: z.enum(PARTNER_KINDS).nullable(),
  archived: z.boolean(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;
