import type { TFunction } from 'i18next';
import type { TChangedBy, TGoal } from './data.js';

/**
 * Who made a change, as the server presents it: staff see the name, parents and pupils see the
 * role and organisation (the server leaves the name out for them).
 */
export function whoText(t: TFunction, by: TChangedBy): string {
  const role = by.role ? t(`roles.${by.role}`, { defaultValue: by.role }) : '';
  const organisation = by.organisationName ?? '';
  if (by.name) {
    if (role && organisation) return t('dossier.who.nameRoleOrganisation', { name: by.name, role, organisation });
    if (role) return t('dossier.who.nameRole', { name: by.name, role });
    return by.name;
  }
  if (role && organisation) return t('dossier.who.roleOrganisation', { role, organisation });
  return role || organisation || t('common.unknown');
}

/**
 * A changed part as a version lists it: a dossier field ("needs"), a goal ("goal:<id>") or a goal's
 * evaluation ("goal:<id>:evaluation").
 */
export function changedPartLabel(t: TFunction, field: string, goals: readonly TGoal[] = []): string {
  if (field.startsWith('goal:')) {
    const goal = goals.find((g) => g.id === field.split(':')[1]);
    const title = goal ? (goal.goal.length > 50 ? `${goal.goal.slice(0, 48)}…` : goal.goal) : null;
    const evaluation = field.endsWith(':evaluation');
    if (title) return t(evaluation ? 'dossier.parts.evaluationOf' : 'dossier.parts.goalNamed', { goal: title });
    return evaluation ? t('dossier.parts.evaluation') : t('dossier.parts.goal');
  }
  return t(`dossier.parts.${field}`, { defaultValue: field });
}

/** The changed parts of one version, each named once; goals by their text when it is known. */
export function changedPartsText(t: TFunction, fields: string[], goals: readonly TGoal[] = []): string {
  const names = [...new Set(fields.map((f) => changedPartLabel(t, f, goals)))];
  return names.join(', ') || t('common.unknown');
}

/** Did this version change the part? (goals: any goal or evaluation) */
export function changedIn(fields: string[], part: string): boolean {
  return part === 'goals' ? fields.some((f) => f.startsWith('goal:')) : fields.includes(part);
}

/** A line of the error summary: "Streefdatum: Kies …", or "Wat werkte? Vul …" when the label is a question. */
export function summaryLine(label: string, message: string): string {
  const l = label.trim();
  return /[?!.:]$/.test(l) ? `${l} ${message}` : `${l}: ${message}`;
}
