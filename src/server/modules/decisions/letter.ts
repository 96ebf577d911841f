import { objectionDeadline, tlvNumber } from '../../../shared/support-request.js';
import type { TRegionSettings } from '../../db/schema/region.js';
import type { TRequestRow } from '../support-requests/relation.js';
import {
  CATEGORY_NL,
  documentFrame,
  EXPERT_KIND_NL,
  facts,
  heading,
  onDate,
  onDay,
  para,
  REQUEST_TYPE_NL,
  SCHOOL_TYPE_NL,
} from './pdf.js';
import type { TDecisionDetail, TExpertRow, TRequestHead } from './queries.js';

export interface TLetterInput {
  request: TRequestRow;
  head: TRequestHead;
  detail: TDecisionDetail;
  experts: TExpertRow[];
  regionName: string;
  parentSupport: TRegionSettings['parentSupport'] | undefined;
}

const OUTCOME_SENTENCE = {
  granted: 'Wij hebben de aanvraag toegekend.',
  partly: 'Wij hebben de aanvraag voor een deel toegekend.',
  refused: 'Wij hebben de aanvraag afgewezen.',
} as const;

/**
 * The decision letter to the parents, in plain Dutch (B1): what we decided and why, the TLV if
 * there is one, who advised, and how to object — before which date, to whom, who advises on a
 * TLV objection, and where to find independent help.
 */
export function letterDefinition(o: TLetterInput): Record<string, unknown> {
  const { request, head, detail } = o;
  const d = detail.decision;
  const deadline = objectionDeadline(d.sentOn);
  const tlv = detail.tlv;
  const advised = o.experts.filter((e) => e.submitted_at !== null);
  const support = o.parentSupport;
  return documentFrame({
    title: 'Besluit op de aanvraag',
    subject: 'Besluit van het samenwerkingsverband',
    footer: `Besluit van ${onDay(d.decidedAt)}`,
    content: [
      { text: 'Besluit op de aanvraag', style: 'h1' },
      para(`Samenwerkingsverband ${o.regionName}`),
      facts([
        ['Leerling', head.pupilName],
        ['School', head.schoolName],
        ['Soort aanvraag', REQUEST_TYPE_NL[request.type]],
        ['Datum besluit', onDay(d.decidedAt)],
        ['Verstuurd op', onDate(d.sentOn)],
      ]),
      para('Beste ouder of verzorger,'),
      para(`De school van uw kind heeft ons om hulp gevraagd. In deze brief leest u wat wij hebben besloten en waarom.`),
      heading('Ons besluit'),
      { text: OUTCOME_SENTENCE[d.outcome], bold: true, margin: [0, 0, 0, 8] },
      heading('Waarom hebben wij dit besloten?'),
      para(d.reasons),
      ...(d.criteria ? [heading('Welke regels hebben wij gebruikt?'), para(d.criteria)] : []),
      ...(tlv
        ? [
            heading('De toelaatbaarheidsverklaring (TLV)'),
            para('Met deze verklaring mag uw kind naar een school voor speciaal (basis)onderwijs.'),
            facts([
              ['Nummer', tlvNumber(tlv.year, tlv.seq)],
              ['Soort school', SCHOOL_TYPE_NL[tlv.schoolType]],
              ...(tlv.category ? ([['Categorie', CATEGORY_NL[tlv.category]]] as [string, string][]) : []),
              ['Geldig vanaf', onDate(tlv.validFrom)],
              ['Geldig tot en met', onDate(tlv.validUntil)],
            ]),
          ]
        : []),
      ...(advised.length
        ? [
            heading('Wie gaven ons advies?'),
            para('Voor dit besluit hebben deskundigen ons advies gegeven. Zij waren niet eerder bij uw kind betrokken. U mag hun adviezen lezen.'),
            { ul: advised.map((e) => `${e.expert_name}, ${EXPERT_KIND_NL[e.expert_kind]}`), margin: [0, 0, 0, 8] },
          ]
        : []),
      heading('Bent u het niet eens met dit besluit?'),
      { text: `U kunt binnen zes weken bezwaar maken, uiterlijk op ${onDate(deadline)}.`, bold: true, margin: [0, 0, 0, 8] },
      para(`Stuur uw bezwaar in een brief of e-mail naar het bestuur van samenwerkingsverband ${o.regionName}. Schrijf daarin:`),
      {
        ul: ['uw naam en adres', 'de datum', 'over welk besluit het gaat (de datum van deze brief)', 'waarom u het niet eens bent met het besluit', 'uw handtekening'],
        margin: [0, 0, 0, 8],
      },
      para(
        request.type === 'tlv'
          ? 'Dit besluit gaat over een toelaatbaarheidsverklaring. Bij een bezwaar tegen een TLV vraagt het samenwerkingsverband eerst advies aan de Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen (LBT). Die commissie is onafhankelijk. Daarna beslissen wij opnieuw.'
          : 'Na uw bezwaar kijken wij opnieuw naar het besluit. Bij een bezwaar tegen een toelaatbaarheidsverklaring (TLV) geeft de Landelijke Bezwaaradviescommissie Toelaatbaarheidsverklaringen (LBT) eerst advies.',
      ),
      ...(support
        ? [
            heading('Wilt u hulp van iemand die onafhankelijk is?'),
            para(`Het ouder- en jeugdsteunpunt helpt u gratis. Zij werken niet voor de school en niet voor ons.`),
            facts([
              ['Naam', support.name],
              ['E-mail', support.email],
              ['Telefoon', support.phone],
            ]),
          ]
        : []),
      para('Heeft u vragen over deze brief? Neem dan contact op met de intern begeleider van de school of met het samenwerkingsverband.'),
      para(`Met vriendelijke groet,\n${detail.decidedByName}\nnamens samenwerkingsverband ${o.regionName}`),
    ],
  });
}
