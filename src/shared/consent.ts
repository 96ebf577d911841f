/** What a consent can cover: the parts of a child's file that may cross to another organisation. */
export const DATA_CATEGORIES = ['dossier', 'opp', 'attachments', 'meeting_notes', 'absence'] as const;
export type TDataCategory = (typeof DATA_CATEGORIES)[number];

/** The ground a sharing rests on (AVG art. 6). Consent is the usual one for care partners. */
export const LEGAL_BASES = ['consent', 'legal_obligation', 'public_task', 'vital_interest'] as const;
export type TLegalBasis = (typeof LEGAL_BASES)[number];

/** A pupil decides on their own consent, and on their parents' access, from this age. */
export const PUPIL_SELF_DECIDES_AGE = 16;

/** How long a break-the-glass opening lasts. */
export const BREAK_GLASS_HOURS = 24;
