import { useQuery } from '@tanstack/react-query';
import type { TAttachment } from '../../../shared/schemas/attachment.js';
// types only: zod stays out of the browser bundle
import type { TDossier, TDossierContent, TDossierField, TDossierVersionItem, TGoal } from '../../../shared/schemas/dossier.js';
import { ApiError, api } from '../../api.js';

export type { TAttachment, TDossier, TDossierContent, TDossierField, TDossierVersionItem, TGoal };
export type TGoalStatus = TGoal['status'];
export type TEvaluation = TGoal['evaluations'][number];
export type TEvaluationResult = TEvaluation['result'];
export type TChangedBy = NonNullable<TDossier['updatedBy']>;
export interface TDossierVersion extends TDossierVersionItem {
  content: TDossierContent;
}

/** As in src/shared/schemas/dossier.ts (kept here as plain values so zod is not bundled). */
export const EVALUATION_RESULTS: readonly TEvaluationResult[] = ['achieved', 'partly', 'not_achieved'];
/** The parts of the dossier that are saved with PATCH …/dossier, in the order the page shows them. */
export const LIST_FIELDS = ['needs', 'promotingFactors', 'hinderingFactors'] as const;
export type TListField = (typeof LIST_FIELDS)[number];

export const dossierPath = (pupilId: string) => `/api/v1/pupils/${encodeURIComponent(pupilId)}/dossier`;
export const attachmentPath = (pupilId: string, attachmentId?: string) =>
  `/api/v1/pupils/${encodeURIComponent(pupilId)}/attachments${attachmentId ? `/${encodeURIComponent(attachmentId)}` : ''}`;
export const dossierKey = (pupilId: string) => ['dossier', pupilId] as const;

export function useDossier(pupilId: string) {
  return useQuery({ queryKey: dossierKey(pupilId), queryFn: () => api<TDossier>(dossierPath(pupilId)) });
}

/** Someone else changed the same part (dossier) or the same goal since this person opened it. */
export const isConflict = (e: unknown): e is ApiError => e instanceof ApiError && (e.status === 409 || e.code === 'conflict');

