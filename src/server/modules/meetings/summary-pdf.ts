import type { TMeetingConsent } from '../../../shared/meeting.js';
import { documentFrame, facts, heading, onDate, renderPdf } from '../../platform/pdf.js';
import { whenText } from './invitations.js';
import type { TMeetingDetail, TMeetingRow, TParticipantRow } from './queries.js';

/**
 * The summary "op 1 A4": child, date, kind, school; who was there; decisions; actions with owner
 * and due date; the next date; the notes only when they fit. Dutch at B1 level whatever the
 * reader's language: it is the same record for everyone who holds it. It must stay one page, so
 * it is rendered at decreasing detail until it does (long lists end in "en nog … in Rondom").
 */

const KIND = { mdo: 'MDO (multidisciplinair overleg)', ot: 'Ondersteuningsteam' } as const;
const CONSENT: Record<TMeetingConsent, string> = {
  pending: 'Nog niet vastgelegd',
  given: 'Gegeven',
  refused: 'Geweigerd',
};
const STATUS = { open: 'Open', done: 'Klaar', dropped: 'Vervallen' } as const;

/**
 * How much fits, from most to least detail: the notes shortened and then left out, then shorter
 * lists with shorter lines in smaller type. Fitting is monotone along this list.
 */
interface TLevel {
  notes: number;
  items: number;
  font: number;
  line: number;
}
const LEVELS: TLevel[] = [
  { notes: 1500, items: Infinity, font: 10, line: Infinity },
  { notes: 600, items: Infinity, font: 10, line: Infinity },
  { notes: 0, items: Infinity, font: 10, line: Infinity },
  ...[16, 12, 10, 8, 7, 6, 5, 4, 3, 2].map((items) => ({ notes: 0, items, font: items > 6 ? 9 : 8, line: items >= 10 ? 300 : items >= 6 ? 200 : 120 })),
];

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max).trimEnd()} …` : text);

const who = (p: TParticipantRow) => [p.name, [p.role_label, p.organisation_name].filter(Boolean).join(', ')].filter(Boolean).join(' — ');
const names = (ps: TParticipantRow[]) => ps.map((p) => p.name).join(', ');

function capped<T>(items: T[], max: number, line: (x: T) => unknown, what: string): unknown[] {
  const shown = items.slice(0, max).map(line);
  return items.length > max ? [...shown, { text: `En nog ${items.length - max} ${what}: zie Rondom.`, italics: true }] : shown;
}

export function summaryDefinition(m: TMeetingRow, d: TMeetingDetail, level: number): Record<string, unknown> {
  const l = LEVELS[level]!;
  const held = m.status === 'held' || m.status === 'closed';
  const present = held ? d.participants.filter((p) => p.attended) : d.participants;
  const absent = held ? d.participants.filter((p) => !p.attended) : [];
  const notes = m.notes && l.notes > 0 ? (m.notes.length > l.notes ? `${m.notes.slice(0, l.notes).trimEnd()} … (verder in Rondom)` : m.notes) : null;
  const frame = documentFrame({
    title: 'Samenvatting overleg',
    subject: KIND[m.kind],
    footer: 'Samenvatting overleg',
    content: [
      { text: 'Samenvatting overleg', style: 'h1' },
      ...(m.status !== 'closed' ? [{ text: 'Concept: dit overleg is nog niet afgesloten.', style: 'note' }] : []),
      facts([
        ['Leerling', d.pupilName],
        ['School', d.schoolName],
        ['Soort overleg', KIND[m.kind]],
        ['Datum', whenText(m, 'nl')],
        ['Voorzitter', d.organiserName],
        ['Toestemming ouders', CONSENT[m.consent]],
      ]),
      heading(held ? 'Wie waren er?' : 'Wie zijn uitgenodigd?'),
      { ul: capped(present, l.items * 2, (p) => clip(who(p), l.line), 'deelnemers'), margin: [0, 0, 0, 4] },
      ...(absent.length ? [{ text: clip(`Niet aanwezig: ${names(absent)}`, l.line * 2), margin: [0, 0, 0, 4] }] : []),
      heading('Wat hebben we besloten?'),
      d.decisions.length ? { ul: capped(d.decisions, l.items, (x) => clip(x.text, l.line), 'besluiten') } : { text: 'Geen besluiten vastgelegd.' },
      heading('Wie doet wat?'),
      d.actions.length
        ? {
            table: {
              headerRows: 1,
              widths: ['*', 120, 95, 45],
              body: [
                ['Actie', 'Wie', 'Klaar op', 'Status'].map((h) => ({ text: h, bold: true })),
                ...d.actions.slice(0, l.items).map((a) => [clip(a.title, l.line), a.owner_name, onDate(a.due_on), STATUS[a.status]]),
              ],
            },
            layout: 'lightHorizontalLines',
          }
        : { text: 'Geen acties afgesproken.' },
      ...(d.actions.length > l.items ? [{ text: `En nog ${d.actions.length - l.items} acties: zie Rondom.`, italics: true }] : []),
      heading('Volgend overleg'),
      { text: m.nextMeetingOn ? onDate(m.nextMeetingOn) : 'Nog niet gepland' },
      ...(notes ? [heading('Aantekeningen (kort)'), { text: notes }] : []),
    ],
  });
  return { ...frame, defaultStyle: { ...(frame.defaultStyle as object), fontSize: l.font, lineHeight: 1.15 }, pageMargins: [45, 40, 45, 50] };
}

/** Pages in a PDF made by pdfmake: its page objects. */
export const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

export async function renderSummaryPdf(m: TMeetingRow, d: TMeetingDetail): Promise<Buffer> {
  const first = await renderPdf(summaryDefinition(m, d, 0));
  if (pageCount(first) <= 1) return first;
  // the most detail that still fits one page: binary search over the levels
  let lo = 1;
  let hi = LEVELS.length - 1;
  let best: Buffer | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const pdf = await renderPdf(summaryDefinition(m, d, mid));
    if (pageCount(pdf) <= 1) {
      best = pdf;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  // the last level fits a page for everything the schemas allow; render it if nothing else did
  return best ?? renderPdf(summaryDefinition(m, d, LEVELS.length - 1));
}
