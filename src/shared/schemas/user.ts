import { z } from 'zod';
import { ROLES } from '../roles.js';
import { ZEmail, ZText, ZUuid } from './common.js';

export const ZMembershipRef = z.object({
  id: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
});

export const ZUser = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  deactivated: z.boolean(),
  memberships: z.array(ZMembershipRef),
});
export type TUser = z.infer<typeof ZUser>;

export const ZInviteUser = z.object({
  name: ZText(200),
  email: ZEmail,
  role: z.enum(ROLES),
  organisationId: ZUuid.nullish(),
});

export const ZMembershipInput = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(ROLES),
  organisationId: ZUuid.nullish(),
});

export const ZMe = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: z.enum(['nl', 'en']) }),
  activeMembership: z
    .object({
      id: z.string(),
      role: z.enum(ROLES),
      regionId: z.string(),
      regionName: z.string(),
      organisationId: z.string().nullable(),
      organisationName: z.string().nullable(),
    })
    .nullable(),
  memberships: z.array(
    z.object({
      id: z.string(),
      role: z.enum(ROLES),
      regionId: z.string(),
      regionName: z.string(),
      organisationId: z.string().nullable(),
      organisationName: z.string().nullable(),
    }),
  ),
  secondFactor: z.object({ required: z.boolean(), enabled: z.boolean() }),
  /** The active region's independent ouder- en jeugdsteunpunt (shown on the help page); null when the region has not set it. */
  parentSupport: z.object({ name: z.string(), email: z.string(), phone: z.string() }).nullable(),
});
