import { displayName } from '../../../shared/names.js';
import type {
  TChecklistEntry,
  TRequest,
  TRequestComment,
  TRequestListItem,
  TRequestPolicies,
  TRequestSummary,
} from '../../../shared/schemas/support-request.js';
import { REQUEST_STATUSES, type TChecklistItem } from '../../../shared/support-request.js';
import type { TMemberActor } from '../../platform/context.js';
import { supportRequestPolicy as policy, type TRequestSubject } from '../../policies/support-request.js';
import { evaluateChecklist } from './checklist.js';
import type { TCommentRow, TRequestDetail, TRequestListRow } from './queries.js';
import type { TRequestRow } from './relation.js';

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const isoOrNull = (v: Date | string | null) => (v === null ? null : iso(v));
const numOrNull = (v: number | string | null) => (v === null ? null : Number(v));
const nameOf = (r: { first_name: string; name_prefix: string | null; last_name: string }) =>
  displayName({ firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name });

/** Parents read the question, the type, the status, the timeline and the school: not the school–SWV working papers. */
export const isFamily = (actor: TMemberActor) => actor.membership.role === 'parent';

/** What the actor may do now: the policy (who and when), and for "complete" also the checklist. */
export function requestPolicies(actor: TMemberActor, s: TRequestSubject, checklistMet: boolean): TRequestPolicies {
  return {
    edit: policy.edit(actor, s),
    submit: policy.submit(actor, s),
    withdraw: policy.withdraw(actor, s),
    readComments: policy.readComments(actor, s),
    comment: policy.comment(actor, s),
    readAttachments: policy.readAttachments(actor, s),
    assignConsultant: policy.assignConsultant(actor, s),
    markComplete: policy.markComplete(actor, s) && checklistMet,
    startAssessment: policy.startAssessment(actor, s),
    close: policy.close(actor, s),
    assignExperts: policy.assignExperts(actor, s),
    writeAdvice: policy.writeAdvice(actor, s),
    decide: policy.decide(actor, s),
    readDecision: policy.readDecision(actor, s),
  };
}

/** One list line; `checklist` is the request type's list when the actor may see what is missing. */
export function presentListItem(r: TRequestListRow, checklist: readonly TChecklistItem[] | null): TRequestListItem {
  const open = r.status === 'draft' || r.status === 'submitted';
  return {
    id: r.id,
    pupil: { id: r.pupil_id, name: nameOf(r) },
    school: { id: r.school_id, name: r.school_name },
    type: r.type,
    status: r.status,
    consultant: r.consultant_id ? { id: r.consultant_id, name: r.consultant_name ?? '' } : null,
    createdAt: iso(r.created_at),
    submittedAt: isoOrNull(r.submitted_at),
    completedAt: isoOrNull(r.completed_at),
    decidedAt: isoOrNull(r.decided_at),
    outcome: r.outcome,
    receivedToComplete: numOrNull(r.received_to_complete),
    completeToDecided: numOrNull(r.complete_to_decided),
    receivedToDecided: numOrNull(r.received_to_decided),
    // once complete, the checklist was met: only a request still at intake can miss something
    missing: checklist && open ? evaluateChecklist(checklist, r).filter((c) => !c.met).map(({ met: _, ...c }) => c) : [],
  };
}

export function presentSummary(s: Record<string, unknown>): TRequestSummary {
  return {
    total: Number(s.total ?? 0),
    medians: {
      receivedToComplete: numOrNull(s.m_received_to_complete as number | null),
      completeToDecided: numOrNull(s.m_complete_to_decided as number | null),
      receivedToDecided: numOrNull(s.m_received_to_decided as number | null),
    },
    byStatus: Object.fromEntries(REQUEST_STATUSES.map((st) => [st, Number(s[`n_${st}`] ?? 0)])) as TRequestSummary['byStatus'],
  };
}

const place = (v: unknown): { role: string | null; organisation: string | null } => {
  const o = (typeof v === 'string' ? JSON.parse(v) : v) as { role?: string; organisation?: string | null } | null;
  return { role: o?.role ?? null, organisation: o?.organisation ?? null };
};

export function presentRequest(
  actor: TMemberActor,
  r: TRequestRow,
  s: TRequestSubject,
  d: TRequestDetail,
  checklistItems: readonly TChecklistItem[],
): TRequest {
  const checklist: TChecklistEntry[] = evaluateChecklist(checklistItems, d);
  const checklistMet = checklist.every((c) => c.met);
  const family = isFamily(actor);
  const files = policy.readAttachments(actor, s);
  return {
    id: r.id,
    rowVersion: r.rowVersion,
    pupil: { id: r.pupilId, name: nameOf(d.pupilName) },
    school: { id: r.schoolId, name: d.schoolName },
    type: r.type,
    status: r.status,
    consultant: r.consultantId ? { id: r.consultantId, name: d.consultantName ?? '' } : null,
    createdAt: iso(r.createdAt),
    submittedAt: isoOrNull(r.submittedAt),
    completedAt: isoOrNull(r.completedAt),
    assessmentStartedAt: isoOrNull(r.assessmentStartedAt),
    decidedAt: isoOrNull(r.decidedAt),
    closedAt: isoOrNull(r.closedAt),
    withdrawnAt: isoOrNull(r.withdrawnAt),
    outcome: d.outcome,
    receivedToComplete: numOrNull(d.leadTimes.received_to_complete),
    completeToDecided: numOrNull(d.leadTimes.complete_to_decided),
    receivedToDecided: numOrNull(d.leadTimes.received_to_decided),
    question: r.question,
    tlvSchoolType: r.tlvSchoolType,
    // the school's working notes and the intake are between school and SWV
    tried: family ? null : r.tried,
    parentsInformedOn: family ? null : r.parentsInformedOn,
    parentsView: family ? null : r.parentsView,
    parentsSigned: family ? false : r.parentsSignatureId !== null,
    withdrawnReason: family ? null : r.withdrawnReason,
    checklist: family ? [] : checklist,
    checklistMet,
    timeline: d.timeline.map((e) => ({
      status: e.status,
      at: iso(e.at),
      by: { name: e.by_name ?? '', ...place(e.place) },
      note: family ? null : e.note,
    })),
    attachments: files
      ? d.attachments.map((a) => ({
          id: a.id,
          fileName: a.file_name,
          contentType: a.content_type,
          sizeBytes: Number(a.size_bytes),
          createdAt: iso(a.created_at),
          checklistItemId: a.checklist_item_id,
          uploadedBy: a.uploaded_by,
        }))
      : [],
    policies: requestPolicies(actor, s, checklistMet),
  };
}

export function presentComment(c: TCommentRow): TRequestComment {
  return {
    id: c.id,
    body: c.body,
    author: { name: c.author_name ?? '', role: c.author_role, organisation: c.organisation },
    createdAt: iso(c.created_at),
  };
}
