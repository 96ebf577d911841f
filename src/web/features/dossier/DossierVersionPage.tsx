import './dossier.css';
import { useQuery } from '@tanstack/react-query';
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import { formatDate } from '../../format.js';
import { NotFoundPage } from '../../routes/NotFoundPage.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';
import { LIST_FIELDS, type TDossierVersion, dossierPath, useDossier } from './data.js';
import { formatDateTime } from '../../format.js';
import { changedIn, changedPartsText, whoText } from './labels.js';
import { EmptyPart, FreeText, GoalCard, StatementList } from './views.js';

function Part({ id, title, changed, children }: { id: string; title: string; changed: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className={changed ? 'rondom-part rondom-part--changed' : 'rondom-part'}>
      <div className="rondom-part__head">
        <Heading2 id={`${id}-heading`}>{title}</Heading2>
        {/* in words, not only by colour */}
        {changed ? <span className="rondom-changed-badge">{t('dossier.version.changedHere')}</span> : null}
      </div>
      {children}
    </section>
  );
}

/** One earlier version of the groeidocument, read-only, as it was saved then. */
export default function DossierVersionPage() {
  const { t } = useTranslation();
  const { id = '', version = '' } = useParams();
  const number = /^\d+$/.test(version) ? Number(version) : NaN;
  const dossier = useDossier(id);
  const snapshot = useQuery({
    queryKey: ['dossier', id, 'versions', number],
    queryFn: () => api<TDossierVersion>(`${dossierPath(id)}/versions/${number}`),
    enabled: Number.isInteger(number) && number >= 1,
    staleTime: Number.POSITIVE_INFINITY, // a saved version never changes
  });
  if (!Number.isInteger(number) || number < 1) return <NotFoundPage />;
  if (dossier.isPending || snapshot.isPending) return <Loading />;
  if (dossier.isError) return <LoadError error={dossier.error} title={t('dossier.history.title')} />;
  if (snapshot.isError) return <LoadError error={snapshot.error} title={t('dossier.history.title')} />;
  const d = dossier.data;
  const v = snapshot.data;
  const c = v.content;
  const base = `/leerlingen/${encodeURIComponent(d.pupil.id)}/groeidocument`;
  const title = t('dossier.version.title', { version: v.version, name: d.pupil.displayName });
  const isNewest = v.version === d.version;
  const empty = <EmptyPart text={t('dossier.version.emptyPart')} />;
  return (
    <>
      <Paragraph>
        <AppLink to={`${base}/versies`}>{t('dossier.version.backToHistory')}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <PupilFileNav pupilId={d.pupil.id} name={d.pupil.displayName} />
      <Alert type="info">
        <Paragraph>
          {isNewest ? t('dossier.version.isNewest') : t('dossier.version.readOnly')}{' '}
          <AppLink to={base}>{t('dossier.version.toCurrent')}</AppLink>
        </Paragraph>
      </Alert>
      <Paragraph className="rondom-last-change">
        {t('dossier.version.savedBy', { who: whoText(t, v.changedBy), when: formatDateTime(v.changedAt) })}
        <br />
        {t('dossier.version.changed', { parts: changedPartsText(t, v.changedFields, c.goals) })}
      </Paragraph>

      {LIST_FIELDS.map((f) => (
        <Part key={f} id={`version-${f}`} title={t(`dossier.${f}.title`)} changed={changedIn(v.changedFields, f)}>
          <StatementList items={c[f]} empty={empty} />
        </Part>
      ))}
      <Part id="version-pupilView" title={t('dossier.pupilView.title')} changed={changedIn(v.changedFields, 'pupilView')}>
        <FreeText text={c.pupilView} empty={empty} />
      </Part>
      <Part id="version-parentView" title={t('dossier.parentView.title')} changed={changedIn(v.changedFields, 'parentView')}>
        <FreeText text={c.parentView} empty={empty} />
      </Part>
      <Part
        id="version-extraSupportSince"
        title={t('dossier.extraSupportSince.title')}
        changed={changedIn(v.changedFields, 'extraSupportSince')}
      >
        {c.extraSupportSince ? (
          <Paragraph className="rondom-part__value">{formatDate(c.extraSupportSince)}</Paragraph>
        ) : (
          empty
        )}
      </Part>
      <Part id="version-goals" title={t('dossier.goals.title')} changed={changedIn(v.changedFields, 'goals')}>
        {c.goals.length ? (
          <div className="rondom-goals">
            {c.goals.map((g) => (
              <GoalCard key={g.id} goal={g} />
            ))}
          </div>
        ) : (
          empty
        )}
      </Part>
    </>
  );
}
