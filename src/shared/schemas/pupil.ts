import { z } from 'zod';
import { SEARCH_MIN_LENGTH } from '../limits.js';
import { ZPageQuery, ZUuid } from './common.js';

export const ZPupilListQuery = ZPageQuery.extend({
  q: z.string().trim().max(100).optional(),
  schoolId: ZUuid.optional(),
  groupId: ZUuid.optional(),
});

const ZRef = z.object({ id: z.string(), name: z.string() });

export const ZPupilListItem = z.object({
  id: z.string(),
  displayName: z.string(),
  firstName: z.string(),
  namePrefix: z.string().nullable(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  school: ZRef,
  group: ZRef.nullable(),
});

export const ZPupil = ZPupilListItem.extend({
  enrolledOn: z.string(),
  gemeente: ZRef.nullable(),
  guardians: z.array(
    z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), hasGezag: z.boolean() }),
  ),
  policies: z.object({
    update: z.boolean(),
    dossier: z.boolean(),
    opp: z.boolean(),
    sharing: z.boolean(),
    accessLog: z.boolean(),
    /** a consultant without a relation may ask for emergency access to the file */
    breakGlass: z.boolean(),
    /** support requests and decisions, and arrangements, of this child */
    requests: z.boolean(),
    arrangements: z.boolean(),
    /** MDO / ondersteuningsteam meetings about this child */
    meetings: z.boolean(),
    /** the regievoerder and the signaleringsplan */
    caseLead: z.boolean(),
    /** verzuim and thuiszitters: the child's absence episodes and case */
    absence: z.boolean(),
  }),
});
export type TPupil = z.infer<typeof ZPupil>;
export { SEARCH_MIN_LENGTH };
