import type { TFunction } from 'i18next';
import { formatDate } from '../../format.js';
import type { Audience, TConsent, TDataCategory } from './data.js';

/** "en" list in the person's language: "CJG Lekstroom, Jeugdhulp en Wijkteam". */
export function listText(t: TFunction, parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return t('sharing.list', { items: parts.slice(0, -1).join(', '), last: parts[parts.length - 1] });
}

/** Who may receive: named organisations, and "alle organisaties voor jeugdhulp" for a kind. */
export function recipientsText(t: TFunction, r: TConsent['recipients']): string {
  const names = r.organisations.map((o) => o.name);
  const kinds = r.kinds.map((k) => t('sharing.recipientKind', { kind: t(`partnerKinds.${k}`) }));
  return listText(t, [...names, ...kinds]) || t('common.unknown');
}

export function categoriesText(t: TFunction, categories: TDataCategory[]): string {
  return listText(t, categories.map((c) => t(`sharing.categories.${c}.label`)));
}

/** "van 1 maart 2026 tot en met 28 februari 2027" or "vanaf 1 maart 2026, zonder einddatum". */
export function periodText(t: TFunction, c: Pick<TConsent, 'validFrom' | 'validUntil'>): string {
  return c.validUntil
    ? t('sharing.period.fromUntil', { from: formatDate(c.validFrom), until: formatDate(c.validUntil) })
    : t('sharing.period.fromOnly', { from: formatDate(c.validFrom) });
}

/** Who gave it: a guardian by name, or the pupil ("de leerling" / "jij"). */
export function givenByText(t: TFunction, c: TConsent, audience: Audience): string {
  if (c.givenBy.kind === 'pupil') return t(`sharing.givenBy.pupil.${audience}`);
  return c.givenBy.name ?? t('sharing.givenBy.guardian');
}

/** Who did something to a record: staff names for staff; for the family "de school of het samenwerkingsverband". */
export function personText(t: TFunction, p: TConsent['recordedBy'] | null, audience: Audience): string {
  if (!p) return t('common.unknown');
  if (p.name) return p.name;
  if (p.kind === 'pupil') return t(`sharing.givenBy.pupil.${audience}`);
  if (p.kind === 'guardian') return t('sharing.givenBy.guardian');
  return t('sharing.person.staff');
}
