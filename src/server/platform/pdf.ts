import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The one pdfmake set-up for every document Rondom prints (the OPP, the decision letter, the
 * objection dossier), with the building blocks they share. Documents are legal records in fixed
 * Dutch: the same text for everyone who holds them, whatever the reader's UI language.
 */

// pdfmake ships no types; this is the part of its server API we use
interface TPdfMake {
  addFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}
const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as TPdfMake;

// Roboto as shipped with pdfmake, embedded: the standard PDF fonts cannot write every name
const fontDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
const ROBOTO = {
  normal: join(fontDir, 'Roboto-Regular.ttf'),
  bold: join(fontDir, 'Roboto-Medium.ttf'),
  italics: join(fontDir, 'Roboto-Italic.ttf'),
  bolditalics: join(fontDir, 'Roboto-MediumItalic.ttf'),
};
const FONT_FILES = new Set(Object.values(ROBOTO));

/** Renders a document; call it before the audit append so the region's audit lock is held briefly. */
export async function renderPdf(doc: Record<string, unknown>): Promise<Buffer> {
  // pdfmake is one shared instance: set what this document needs right before creating it
  pdfmake.addFonts({ Roboto: ROBOTO });
  // nothing from the network, and from disk only the fonts
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  return pdfmake.createPdf(doc).getBuffer();
}

const day = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
/** A timestamp as a Dutch calendar day, "3 maart 2026". */
export const onDay = (v: Date | string) => day.format(v instanceof Date ? v : new Date(v));
/** A calendar date (YYYY-MM-DD) as "3 maart 2026". */
export const onDate = (d: string) => day.format(new Date(`${d}T12:00:00Z`));
export const orEmpty = (s: string | null | undefined) => (s?.trim() ? s : 'Niet ingevuld');

// headlineLevel: a heading never ends a page on its own (see pageBreakBefore)
export const heading = (text: string) => ({ text, style: 'h2', headlineLevel: 1 });
export const subheading = (text: string) => ({ text, style: 'h3', headlineLevel: 1 });
export const para = (text: string) => ({ text, margin: [0, 0, 0, 8] });
export const field = (label: string, value: string | null | undefined) => [{ text: label, style: 'label' }, { text: orEmpty(value), margin: [0, 0, 0, 8] }];
/** Label–value pairs in two columns, without borders. */
export const facts = (rows: [string, string][]) => ({
  table: { widths: [170, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'noBorders',
  margin: [0, 0, 0, 8],
});

/** Page set-up and styles; `footer` names the document (never the child). */
export function documentFrame(o: { title: string; subject: string; footer: string; content: unknown[] }): Record<string, unknown> {
  return {
    info: { title: o.title, subject: o.subject },
    language: 'nl-NL',
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      h3: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      label: { bold: true },
      note: { italics: true, margin: [0, 0, 0, 8] },
    },
    pageBreakBefore: (node: { headlineLevel?: number }, page: { getFollowingNodesOnPage(): unknown[] }) =>
      node.headlineLevel === 1 && page.getFollowingNodesOnPage().length === 0,
    footer: (page: number, pages: number) => ({ text: `${o.footer} · pagina ${page} van ${pages}`, alignment: 'center', fontSize: 9, margin: [0, 20, 0, 0] }),
    content: o.content,
  };
}

