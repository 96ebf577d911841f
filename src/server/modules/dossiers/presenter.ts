import type { TDossier } from '../../../shared/schemas/dossier.js';
import type { TMemberActor } from '../../platform/context.js';
import { type TChildRelation, childFilePolicy } from '../../policies/child-file.js';
import type { TDossierRow, TVersionRow } from './queries.js';

/** Parents and pupils see which organisation and role made a change, not the person's name. */
const seesStaffNames = (a: TMemberActor) => a.membership.role !== 'parent' && a.membership.role !== 'pupil';

export function presentChangedBy(a: TMemberActor, by: { name: string; role: string | null; organisationName: string | null }) {
  return { name: seesStaffNames(a) ? by.name : null, role: by.role ?? '', organisationName: by.organisationName };
}

export function presentVersion(a: TMemberActor, v: TVersionRow) {
  return { ...v, changedBy: presentChangedBy(a, v.changedBy) };
}

export function presentDossier(a: TMemberActor, rel: TChildRelation, d: TDossierRow): TDossier {
  const readable = childFilePolicy.readable(a, rel);
  return {
    ...d.content,
    pupil: d.pupil,
    version: d.version,
    updatedAt: d.updatedAt,
    updatedBy: d.updatedBy ? presentChangedBy(a, d.updatedBy) : null,
    attachments: readable.includes('attachments') ? d.attachments : null,
    readable,
    policies: {
      edit: childFilePolicy.editDossier(a, rel),
      editPupilView: childFilePolicy.editPupilView(a, rel),
      editParentView: childFilePolicy.editParentView(a, rel),
      upload: childFilePolicy.uploadAttachment(a, rel),
    },
  };
}
