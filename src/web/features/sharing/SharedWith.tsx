import {
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../format.js';
import type { Pupil } from '../../types.js';
import type { Audience, TSharing } from './data.js';
import { categoriesText, periodText, recipientsText } from './labels.js';

type Row = TSharing['careTeam'][number];

/**
 * "Wat is er gedeeld met wie": the organisations that work with the child and what each may see,
 * the consents in force, and whether the parents still see the file — all from GET …/sharing.
 */
export function SharedWith({ pupil, audience, sharing }: { pupil: Pupil; audience: Audience; sharing: TSharing }) {
  const { t } = useTranslation();
  // the school keeps the file: it is always there, also when nobody of it is in the kernteam
  const rows: Row[] = [...sharing.careTeam];
  if (!rows.some((r) => r.organisation.id === pupil.school.id))
    rows.unshift({ organisation: { id: pupil.school.id, name: pupil.school.name, kind: 'school', partnerKind: null }, consentCategories: [] });
  const ownSchool = (r: Row) => r.organisation.id === pupil.school.id;
  const why = (r: Row) =>
    ownSchool(r)
      ? t('sharing.shared.why.school')
      : r.organisation.kind === 'school'
        ? t('sharing.shared.why.otherSchool')
        : r.organisation.kind !== 'partner'
          ? t(`sharing.shared.why.${r.organisation.kind}`, { defaultValue: t('sharing.shared.why.opr') })
          : r.consentCategories.length
        ? t('sharing.shared.why.partnerWithConsent')
        : t('sharing.shared.why.partnerWithout');
  const what = (r: Row) =>
    ownSchool(r) || r.organisation.kind === 'swv'
      ? t(`sharing.shared.what.notNeeded.${audience}`)
      : r.organisation.kind !== 'partner'
        ? t('sharing.shared.what.notApplicable')
        : r.consentCategories.length
        ? categoriesText(t, r.consentCategories)
        : t('sharing.shared.what.nothing');
  return (
    <section aria-labelledby="shared-heading" className="rondom-file-section">
      <Heading2 id="shared-heading">{t('sharing.shared.title')}</Heading2>
      <Paragraph>{t(`sharing.shared.intro.${audience}`)}</Paragraph>
      <div className="rondom-table-wrap">
        <Table className="rondom-table">
          <TableCaption>{t('sharing.shared.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('sharing.shared.columns.organisation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('sharing.shared.columns.why')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('sharing.shared.columns.what')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.organisation.id}>
                <TableHeaderCell scope="row">
                  {r.organisation.name}
                  <span className="rondom-cell-hint">
                    {r.organisation.partnerKind ? t(`partnerKinds.${r.organisation.partnerKind}`) : t(`orgKinds.${r.organisation.kind}`)}
                  </span>
                </TableHeaderCell>
                <TableCell>{why(r)}</TableCell>
                <TableCell>{what(r)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>

      <Heading3>{t('sharing.shared.consentsTitle')}</Heading3>
      {sharing.consents.length === 0 ? (
        <Paragraph className="rondom-empty">{t(`sharing.shared.noConsents.${audience}`)}</Paragraph>
      ) : (
        <>
          <UnorderedList>
            {sharing.consents.map((c) => (
              <UnorderedListItem key={c.id}>
                {t('sharing.shared.consentLine', {
                  who: recipientsText(t, c.recipients),
                  what: categoriesText(t, c.categories),
                  period: periodText(t, c),
                  purpose: c.purpose,
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
          <Paragraph className="rondom-hint">{t('sharing.shared.onlyKernteam')}</Paragraph>
        </>
      )}

      <Heading3>{t('sharing.shared.parentsTitle')}</Heading3>
      <Paragraph>
        {sharing.parents.keepAccess
          ? t(`sharing.shared.parentsYes.${audience}`)
          : t(`sharing.shared.parentsNo.${audience}`, { date: formatDay(sharing.parents.refusedAt) })}
      </Paragraph>
    </section>
  );
}
