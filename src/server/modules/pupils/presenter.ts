import { displayName } from '../../../shared/names.js';
import type { TPupil } from '../../../shared/schemas/pupil.js';
import type { TPupilRow } from './queries.js';

export function presentPupilListItem(r: TPupilRow) {
  const name = { firstName: r.first_name, namePrefix: r.name_prefix, lastName: r.last_name };
  return {
    id: r.id,
    displayName: displayName(name),
    ...name,
    dateOfBirth: r.date_of_birth,
    school: { id: r.school_id, name: r.school_name },
    group: r.group_id ? { id: r.group_id, name: r.group_name ?? '' } : null,
  };
}

export function presentPupil(
  r: TPupilRow,
  guardians: { id: string; name: string; email: string | null; phone: string | null; has_gezag: boolean }[],
  policies: TPupil['policies'],
): TPupil {
  return {
    ...presentPupilListItem(r),
    enrolledOn: r.enrolled_on,
    gemeente: r.gemeente_id ? { id: r.gemeente_id, name: r.gemeente_name ?? '' } : null,
    guardians: guardians.map((g) => ({ id: g.id, name: g.name, email: g.email, phone: g.phone, hasGezag: g.has_gezag })),
    policies,
  };
}
