import type { TDecisionOutcome, TExpertKind, TObjectionStatus, TRequestStatus, TRequestType, TTlvCategory, TTlvSchoolType } from '../../../shared/support-request.js';

/** The fixed Dutch wording of the decision letter and the objection dossier (set-up in platform/pdf.ts). */
export { documentFrame, facts, field, heading, onDate, onDay, orEmpty, para, renderPdf, subheading } from '../../platform/pdf.js';

export const REQUEST_TYPE_NL: Record<TRequestType, string> = {
  advice: 'Advies of consultatie',
  arrangement: 'Arrangement',
  tlv: 'Toelaatbaarheidsverklaring (TLV)',
  mdo: 'Bespreking in een MDO',
  education_care: 'Onderwijszorgarrangement',
};
export const OUTCOME_NL: Record<TDecisionOutcome, string> = {
  granted: 'Toegekend',
  partly: 'Gedeeltelijk toegekend',
  refused: 'Afgewezen',
};
export const SCHOOL_TYPE_NL: Record<TTlvSchoolType, string> = {
  SBO: 'speciaal basisonderwijs (SBO)',
  SO: 'speciaal onderwijs (SO)',
  VSO: 'voortgezet speciaal onderwijs (VSO)',
};
export const CATEGORY_NL: Record<TTlvCategory, string> = { laag: 'laag', midden: 'midden', hoog: 'hoog' };
export const EXPERT_KIND_NL: Record<TExpertKind, string> = {
  orthopedagoog: 'orthopedagoog',
  psycholoog: 'psycholoog',
  kinderpsychiater: 'kinder- en jeugdpsychiater',
  jeugdarts: 'jeugdarts',
  maatschappelijk_werker: 'maatschappelijk werker',
  onderwijsspecialist: 'onderwijsspecialist',
};
export const STATUS_NL: Record<TRequestStatus, string> = {
  draft: 'Concept',
  submitted: 'Ingediend (ontvangen)',
  complete: 'Compleet',
  in_assessment: 'In behandeling',
  decided: 'Besloten',
  closed: 'Afgesloten',
  withdrawn: 'Ingetrokken',
};
export const OBJECTION_STATUS_NL: Record<TObjectionStatus, string> = {
  received: 'Ontvangen',
  forwarded: 'Doorgestuurd naar de commissie',
  upheld: 'Gegrond',
  rejected: 'Ongegrond',
  withdrawn: 'Ingetrokken',
};
