import { documentFrame, field, heading, onDate, onDay, renderPdf } from '../../platform/pdf.js';
import type { TOppRow } from './commands/state.js';
import type { TOppDetail } from './queries.js';

/**
 * The adopted OPP as a PDF for the parents and the file. The text is Dutch at B1 level whatever
 * the reader's UI language: the document is the record of what was agreed, and it is the same
 * document for everyone who holds it.
 */

const PROFILE: Record<string, string> = {
  vervolgonderwijs: 'Vervolgonderwijs',
  arbeidsmarkt: 'Werk (arbeidsmarkt)',
  dagbesteding: 'Dagbesteding',
};

/** A table whose title and column heads repeat on a new page and never stay behind without a row. */
const table = (title: string, head: string[], rows: string[][], widths: (string | number)[]) => {
  const titleRow = [{ text: title, style: 'label', colSpan: head.length, border: [false, false, false, false] }, ...head.slice(1).map(() => '')];
  return rows.length
    ? {
        table: { headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [titleRow, head.map((h) => ({ text: h, bold: true })), ...rows] },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 8],
      }
    : { stack: [{ text: title, style: 'label' }, { text: 'Niet ingevuld' }], margin: [0, 0, 0, 8] };
};

export function oppPdfDefinition(o: TOppRow, d: TOppDetail): Record<string, unknown> {
  const agreed = [...d.assents].reverse().find((a) => a.decision === 'agree');
  const agreedText = agreed
    ? `${agreed.guardian_name} op ${onDay(agreed.decided_at)}${agreed.via === 'paper' ? ' (op papier)' : ''}`
    : 'Niet vastgelegd';
  const hearing =
    o.pupilHeard === true
      ? [{ text: `We hebben met de leerling gepraat op ${o.hearingDate ? onDate(o.hearingDate) : 'een onbekende datum'}.`, margin: [0, 0, 0, 8] }, ...field('Wat zei de leerling?', o.hearingSummary)]
      : o.pupilHeard === false
        ? [{ text: 'We hebben niet met de leerling gepraat.', margin: [0, 0, 0, 8] }, ...field('Waarom niet?', o.notHeardReason)]
        : [{ text: 'Niet ingevuld', margin: [0, 0, 0, 8] }];
  return documentFrame({
    title: 'Ontwikkelingsperspectiefplan',
    subject: `OPP versie ${o.seq}`,
    footer: `OPP versie ${o.seq}`,
    content: [
      { text: 'Ontwikkelingsperspectiefplan (OPP)', style: 'h1' },
      { text: 'In dit plan staat wat we verwachten, wat we gaan doen en wie er helpt.', margin: [0, 0, 0, 10] },
      ...(o.status === 'superseded' ? [{ text: 'Let op: er is een nieuwere versie van dit plan. Deze versie geldt niet meer.', style: 'note' }] : []),
      {
        table: {
          widths: [150, '*'],
          body: [
            ['Leerling', d.pupil.name],
            ['School', d.school.name],
            ['Versie', String(o.seq)],
            ['Vastgesteld op', o.adoptedAt ? onDay(o.adoptedAt) : 'Niet vastgesteld'],
            ['Ouder die instemde', agreedText],
          ].map(([k, v]) => [{ text: k!, bold: true }, v!]),
        },
        layout: 'noBorders',
      },
      heading('Waar werken we naartoe?'),
      ...field('Uitstroomprofiel', o.outflowProfile ? PROFILE[o.outflowProfile] : null),
      ...field('Waar gaat de leerling waarschijnlijk naartoe?', o.outflowDestination),
      ...field('Waarom denken we dat?', o.reasoning),
      ...field('Wat helpt de leerling?', o.promotingFactors),
      ...field('Wat maakt het moeilijker?', o.hinderingFactors),
      heading('Gesprek met de ouders'),
      ...field('Wanneer was het gesprek?', o.oogoDate ? onDate(o.oogoDate) : null),
      ...field('Wat hebben we besproken?', o.oogoOutcome),
      heading('Wat gaan we doen?'),
      table('Welke hulp krijgt de leerling?', ['Welke hulp?', 'Wie helpt?', 'Hoe vaak?'], o.support.map((s) => [s.what, s.who, s.frequency]), ['*', 120, 120]),
      ...field('Wat doen we anders dan in het gewone lesprogramma?', o.deviations),
      table('Onze doelen', ['Doel', 'Hoe zien we dat het gelukt is?', 'Wanneer?'], o.goals.map((g) => [g.goal, g.criterion, onDate(g.targetDate)]), ['*', '*', 90]),
      heading('Wat vindt de leerling?'),
      ...hearing,
      { text: 'Heeft u vragen over dit plan? Praat erover met de intern begeleider van de school.', margin: [0, 16, 0, 0] },
    ],
  });
}

/** Renders the document; call it before the audit append so the region's audit lock is held briefly. */
export async function renderOppPdf(o: TOppRow, d: TOppDetail): Promise<Buffer> {
  return renderPdf(oppPdfDefinition(o, d));
}
