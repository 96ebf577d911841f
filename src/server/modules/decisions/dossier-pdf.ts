import { objectionDeadline, type TChecklistItem, tlvNumber } from '../../../shared/support-request.js';
import type { TRequestRow } from '../support-requests/relation.js';
import {
  CATEGORY_NL,
  documentFrame,
  EXPERT_KIND_NL,
  facts,
  field,
  heading,
  OBJECTION_STATUS_NL,
  onDate,
  onDay,
  OUTCOME_NL,
  para,
  REQUEST_TYPE_NL,
  SCHOOL_TYPE_NL,
  STATUS_NL,
  subheading,
} from './pdf.js';
import type { TDecisionDetail, TExpertRow, TRequestHead, TTimelineRow } from './queries.js';

export interface TDossierInput {
  request: TRequestRow;
  head: TRequestHead;
  detail: TDecisionDetail;
  experts: TExpertRow[];
  checklist: TChecklistItem[];
  timeline: TTimelineRow[];
  attachments: { file_name: string; checklist_item_id: string | null }[];
  regionName: string;
}

const CHECKLIST_NL: Record<TChecklistItem['kind'], string> = {
  opp_adopted: 'Een vastgesteld ontwikkelingsperspectiefplan (OPP)',
  dossier_present: 'Een groeidocument met de onderwijsbehoeften',
  parents_informed: 'De ouders zijn geïnformeerd',
  parents_signed: 'De handtekening van de ouders',
  document: 'Document',
};

const table = (head: string[], rows: string[][], widths: (string | number)[]) =>
  rows.length
    ? { table: { headerRows: 1, dontBreakRows: true, widths, body: [head.map((h) => ({ text: h, bold: true })), ...rows] }, layout: 'lightHorizontalLines', margin: [0, 0, 0, 8] }
    : para('Geen.');

/**
 * The objection dossier for the national objection committee (LBT): everything the committee
 * needs in one document — the request with its checklist and timeline, every advice per person,
 * the decision with reasons and criteria, the TLV, and the objections.
 */
export function dossierDefinition(o: TDossierInput): Record<string, unknown> {
  const { request: r, head, detail } = o;
  const d = detail.decision;
  const deadline = objectionDeadline(d.sentOn);
  return documentFrame({
    title: 'Bezwaardossier',
    subject: 'Dossier voor de bezwaaradviescommissie',
    footer: `Bezwaardossier, besluit van ${onDay(d.decidedAt)}`,
    content: [
      { text: 'Bezwaardossier', style: 'h1' },
      para(`Samenwerkingsverband ${o.regionName}. Voor de Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen (LBT).`),
      facts([
        ['Leerling', head.pupilName],
        ['Geboortedatum', head.dateOfBirth ? onDate(head.dateOfBirth) : 'Niet bekend'],
        ['School die de aanvraag deed', head.schoolName],
        ['Soort aanvraag', REQUEST_TYPE_NL[r.type]],
        ...(r.tlvSchoolType ? ([['Gevraagd soort school', SCHOOL_TYPE_NL[r.tlvSchoolType]]] as [string, string][]) : []),
      ]),
      heading('1. De aanvraag'),
      ...field('Vraag van de school', r.question),
      ...field('Wat heeft de school al gedaan?', r.tried),
      ...field('Ouders geïnformeerd op', r.parentsInformedOn ? onDate(r.parentsInformedOn) : null),
      ...field('Wat vinden de ouders?', r.parentsView),
      subheading('Checklist bij ontvangst'),
      { ul: o.checklist.map((i) => (i.kind === 'document' ? (i.label ?? CHECKLIST_NL.document) : CHECKLIST_NL[i.kind])), margin: [0, 0, 0, 6] },
      para(r.completedAt ? `De aanvraag is compleet verklaard op ${onDay(r.completedAt)}: aan de checklist was toen voldaan.` : 'De aanvraag is niet compleet verklaard.'),
      subheading('Bijlagen bij de aanvraag'),
      o.attachments.length ? { ul: o.attachments.map((a) => a.file_name), margin: [0, 0, 0, 8] } : para('Geen.'),
      subheading('Verloop'),
      table(
        ['Datum', 'Stap', 'Door', 'Toelichting'],
        o.timeline.map((e) => [onDay(e.at), STATUS_NL[e.status as keyof typeof STATUS_NL] ?? e.status, e.by_name ?? '', e.note ?? '']),
        [90, 110, 110, '*'],
      ),
      heading('2. De adviezen'),
      ...(o.experts.length
        ? o.experts.flatMap((e) => [
            subheading(`${e.expert_name}, ${EXPERT_KIND_NL[e.expert_kind]}`),
            facts([
              ['Organisatie', e.organisation ?? 'Niet bekend'],
              ['Onpartijdigheid verklaard op', e.impartiality_declared_at ? onDay(e.impartiality_declared_at) : 'Niet verklaard'],
              ['Advies gegeven op', e.submitted_at ? onDay(e.submitted_at) : 'Geen advies gegeven'],
            ]),
            ...(e.submitted_at ? [...field('Advies', e.advice), ...field('Aanbeveling', e.recommendation)] : []),
          ])
        : [para('Er zijn geen deskundigen om advies gevraagd.')]),
      heading('3. Het besluit'),
      facts([
        ['Besluit', OUTCOME_NL[d.outcome]],
        ['Genomen op', onDay(d.decidedAt)],
        ['Genomen door', detail.decidedByName],
        ['Verstuurd op', onDate(d.sentOn)],
        ['Bezwaartermijn tot en met', onDate(deadline)],
      ]),
      ...field('Redenen', d.reasons),
      ...field('Criteria', d.criteria),
      ...(detail.tlv
        ? [
            heading('4. De toelaatbaarheidsverklaring'),
            facts([
              ['Nummer', tlvNumber(detail.tlv.year, detail.tlv.seq)],
              ['Soort school', SCHOOL_TYPE_NL[detail.tlv.schoolType]],
              ['Categorie', detail.tlv.category ? CATEGORY_NL[detail.tlv.category] : 'Geen (SBO)'],
              ['Geldig vanaf', onDate(detail.tlv.validFrom)],
              ['Geldig tot en met', onDate(detail.tlv.validUntil)],
            ]),
            ...field('Plan voor terugkeer naar het regulier onderwijs', detail.tlv.returnPlan),
          ]
        : []),
      heading(detail.tlv ? '5. De bezwaren' : '4. De bezwaren'),
      ...(detail.objections.length
        ? detail.objections.flatMap((b) => [
            subheading(`Bezwaar ontvangen op ${onDate(b.receivedOn)}`),
            facts([
              ['Ingediend door', b.lodgedBy],
              ['Status', OBJECTION_STATUS_NL[b.status]],
              ['Op tijd?', b.receivedOn > deadline ? 'Nee, na de bezwaartermijn ontvangen' : 'Ja'],
            ]),
            ...field('Gronden van het bezwaar', b.grounds),
            ...(b.outcomeNote ? field('Toelichting op de uitkomst', b.outcomeNote) : []),
          ])
        : [para('Er is (nog) geen bezwaar geregistreerd.')]),
    ],
  });
}
