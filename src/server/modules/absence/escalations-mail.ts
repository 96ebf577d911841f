import type { TLadderStep } from '../../../shared/absence.js';
import { t, type TLocale } from '../../platform/i18n.js';

/**
 * The daily job's mails: which escalation step a case reached, or that its next date passed.
 * Never about which child: "een leerling" and a link to the case in Rondom, which checks who may
 * open it. People with an account read their own language; a contact outside Rondom gets Dutch
 * first and English after it (as a meeting's guest does).
 */
export interface TNoticeMailFacts {
  kind: 'escalation' | 'next_date_passed';
  step: TLadderStep | null;
  dueOn: string;
  caseUrl: string;
  region: string;
  /** Why this reader got it: the coordinator standing in for a missing contact or owner. */
  standIn: 'no_contact' | 'no_owner' | null;
  /** The reader is the escalation contact outside Rondom. */
  external: boolean;
}

const DAY: Record<TLocale, Intl.DateTimeFormat> = {
  nl: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const dayText = (lang: TLocale, day: string) => DAY[lang].format(new Date(`${day}T00:00:00Z`));

/** "2 weken zonder plan: de coördinator thuiszitters wordt ingeschakeld". */
export function stepText(lang: TLocale, step: TLadderStep): string {
  const k = (key: string, params: Record<string, unknown> = {}) => t(lang, `absence.mail.escalation.${key}`, params);
  const count = step.after.amount;
  return k('step', {
    period: k(`period.${step.after.unit}.${count === 1 ? 'one' : 'other'}`, { count }),
    condition: k(`condition.${step.condition}`),
    target: k(`target.${step.target}`),
  });
}

function block(lang: TLocale, f: TNoticeMailFacts, name: string | null): string[] {
  const greeting = name ? [t(lang, 'absence.mail.greeting', { name }), ''] : [];
  if (f.kind === 'escalation' && f.step) {
    const k = (key: string, params: Record<string, unknown> = {}) => t(lang, `absence.mail.escalation.${key}`, params);
    return [
      ...greeting,
      k('lead', { region: f.region }),
      '',
      `  ${stepText(lang, f.step)}`,
      '',
      k('reached', { date: dayText(lang, f.dueOn) }),
      ...(f.standIn === 'no_contact' ? ['', k('noContact')] : []),
      '',
      k(f.external ? 'linkExternal' : 'link', { url: f.caseUrl, region: f.region }),
    ];
  }
  const k = (key: string, params: Record<string, unknown> = {}) => t(lang, `absence.mail.nextDate.${key}`, params);
  return [
    ...greeting,
    k('lead', { date: dayText(lang, f.dueOn), region: f.region }),
    ...(f.standIn === 'no_owner' ? ['', k('noOwner')] : []),
    '',
    k('link', { url: f.caseUrl }),
  ];
}

export function noticeMail(lang: TLocale, f: TNoticeMailFacts, name: string | null): { subject: string; text: string } {
  const subjectOf = (l: TLocale) =>
    f.kind === 'escalation' && f.step
      ? t(l, 'absence.mail.escalation.subject', { step: stepText(l, f.step) })
      : t(l, 'absence.mail.nextDate.subject');
  if (f.external) {
    return { subject: subjectOf('nl'), text: [...block('nl', f, name), '', '---', ...block('en', f, null)].join('\n') };
  }
  return { subject: subjectOf(lang), text: [...block(lang, f, name), '', '--', t(lang, 'absence.mail.footer', { region: f.region })].join('\n') };
}
