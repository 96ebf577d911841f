import {
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import { formatDate } from '../../format.js';
import { useSession } from '../../session.js';
import { usePupil } from './data.js';
import { PupilFileNav } from './PupilFileNav.js';

function Item({ label, value }: { label: string; value: string | null | undefined }) {
  const { t } = useTranslation();
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      {/* never empty: the library's placeholder for empty values uses aria-label on a span */}
      <DataListValue value={value || t('common.unknown')}>{value || t('common.unknown')}</DataListValue>
    </DataListItem>
  );
}

export default function PupilPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const pupil = usePupil(id);
  const backTo = me.activeMembership?.role === 'parent' ? '/mijn-kinderen' : '/leerlingen';
  const backLabel = me.activeMembership?.role === 'parent' ? t('pupils.backToChildren') : t('pupils.backToList');
  if (pupil.isPending) return <Loading />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('pupils.detailTitle')} />;
  const p = pupil.data;
  return (
    <>
      <Paragraph>
        <AppLink to={backTo}>{backLabel}</AppLink>
      </Paragraph>
      <PageHeading>{p.displayName}</PageHeading>
      <PupilFileNav pupilId={p.id} name={p.displayName} />
      <section aria-labelledby="pupil-details-heading">
        <Heading2 id="pupil-details-heading">{t('pupils.detailsTitle')}</Heading2>
        <DataList>
          <Item label={t('pupils.fields.firstName')} value={p.firstName} />
          {p.namePrefix ? <Item label={t('pupils.fields.namePrefix')} value={p.namePrefix} /> : null}
          <Item label={t('pupils.fields.lastName')} value={p.lastName} />
          <Item label={t('pupils.fields.dateOfBirth')} value={formatDate(p.dateOfBirth)} />
          <Item label={t('pupils.fields.school')} value={p.school.name} />
          <Item label={t('pupils.fields.group')} value={p.group?.name ?? t('pupils.noGroup')} />
          <Item label={t('pupils.fields.enrolledOn')} value={formatDate(p.enrolledOn)} />
          <Item label={t('pupils.fields.gemeente')} value={p.gemeente?.name ?? null} />
        </DataList>
      </section>
      <section aria-labelledby="pupil-guardians-heading">
        <Heading2 id="pupil-guardians-heading">{t('pupils.guardiansTitle')}</Heading2>
        {p.guardians.length === 0 ? (
          <Paragraph className="rondom-empty">{t('pupils.noGuardians')}</Paragraph>
        ) : (
          <div className="rondom-table-wrap">
            <Table className="rondom-table">
              <TableCaption className="rondom-visually-hidden">
                {t('pupils.guardiansCaption', { name: p.displayName })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('pupils.guardianColumns.name')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.guardianColumns.email')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.guardianColumns.phone')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('pupils.guardianColumns.gezag')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {p.guardians.map((g) => (
                  <TableRow key={g.id}>
                    <TableHeaderCell scope="row">{g.name}</TableHeaderCell>
                    <TableCell>
                      {g.email ? (
                        <a className="utrecht-link utrecht-link--html-a" href={`mailto:${g.email}`}>
                          {g.email}
                        </a>
                      ) : (
                        t('common.unknown')
                      )}
                    </TableCell>
                    <TableCell>
                      {g.phone ? (
                        <a className="utrecht-link utrecht-link--html-a" href={`tel:${g.phone.replace(/[^\d+]/g, '')}`}>
                          {g.phone}
                        </a>
                      ) : (
                        t('common.unknown')
                      )}
                    </TableCell>
                    <TableCell>{g.hasGezag ? t('common.yes') : t('common.no')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </section>
    </>
  );
}
