import './dossier.css';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate } from '../../format.js';
import { useSession } from '../../session.js';
import type { TRole } from '../../types.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';
import { AttachmentsSection } from './Attachments.js';
import { LIST_FIELDS, type TDossier, type TListField, useDossier } from './data.js';
import { formatDateTime } from '../../format.js';
import { GoalsSection } from './Goals.js';
import { whoText } from './labels.js';
import { DatePartForm, ListPartForm, PartSection, TextPartForm } from './parts.js';
import { EmptyPart, FreeText, StatementList } from './views.js';

/** Parents and pupils read a different line in some places: the words, not the rules, differ by role. */
type Audience = 'staff' | 'parent' | 'pupil';
const audienceOf = (role: TRole | undefined): Audience => (role === 'parent' ? 'parent' : role === 'pupil' ? 'pupil' : 'staff');

/** "Laatst gewijzigd door … op …", with the way to the history. */
export function LastChange({ dossier }: { dossier: TDossier }) {
  const { t } = useTranslation();
  const pupilId = dossier.pupil.id;
  if (!dossier.updatedBy || !dossier.updatedAt) return <Paragraph className="rondom-hint">{t('dossier.neverChanged')}</Paragraph>;
  return (
    <Paragraph className="rondom-last-change">
      {t('dossier.lastChange', { who: whoText(t, dossier.updatedBy), when: formatDateTime(dossier.updatedAt) })}{' '}
      <AppLink to={`/leerlingen/${encodeURIComponent(pupilId)}/groeidocument/versies`}>{t('dossier.history.link')}</AppLink>
    </Paragraph>
  );
}

function ListPart({
  dossier,
  field,
  audience,
  onSaved,
}: {
  dossier: TDossier;
  field: TListField;
  audience: Audience;
  onSaved: (part: string) => void;
}) {
  const { t } = useTranslation();
  const canEdit = dossier.policies.edit;
  const title = t(`dossier.${field}.title`);
  const readerHint = audience === 'staff' ? undefined : t(`dossier.readerHint.${audience}`);
  return (
    <PartSection
      id={`dossier-${field}`}
      title={title}
      intro={t(`dossier.${field}.intro`)}
      canEdit={canEdit}
      view={
        <StatementList
          items={dossier[field]}
          empty={<EmptyPart text={t(`dossier.${field}.empty`)} hint={canEdit ? t(`dossier.${field}.emptyHint`) : readerHint} />}
        />
      }
      form={(close) => (
        <ListPartForm
          dossier={dossier}
          field={field}
          label={t(`dossier.${field}.label`)}
          description={t(`dossier.${field}.formHint`)}
          onClose={close}
          onSaved={() => onSaved(title)}
        />
      )}
    />
  );
}

function ViewPart({
  dossier,
  field,
  audience,
  onSaved,
}: {
  dossier: TDossier;
  field: 'pupilView' | 'parentView';
  audience: Audience;
  onSaved: (part: string) => void;
}) {
  const { t } = useTranslation();
  const canEdit = field === 'pupilView' ? dossier.policies.editPupilView : dossier.policies.editParentView;
  const title = t(`dossier.${field}.title`);
  // the pupil writes their own view, the parents theirs: they read the lines meant for them
  const own = (field === 'pupilView' && audience === 'pupil') || (field === 'parentView' && audience === 'parent');
  const who = own ? 'own' : 'staff';
  return (
    <PartSection
      id={`dossier-${field}`}
      title={title}
      intro={t(`dossier.${field}.intro.${own ? 'own' : audience === 'staff' ? 'staff' : 'other'}`)}
      canEdit={canEdit}
      view={
        <FreeText
          text={dossier[field]}
          empty={<EmptyPart text={t(`dossier.${field}.empty`)} hint={canEdit ? t(`dossier.${field}.emptyHint.${who}`) : undefined} />}
        />
      }
      form={(close) => (
        <TextPartForm
          dossier={dossier}
          field={field}
          label={t(`dossier.${field}.label.${who}`)}
          description={t(`dossier.${field}.formHint.${who}`)}
          onClose={close}
          onSaved={() => onSaved(title)}
        />
      )}
    />
  );
}

function ExtraSupportPart({ dossier, onSaved }: { dossier: TDossier; onSaved: (part: string) => void }) {
  const { t } = useTranslation();
  const canEdit = dossier.policies.edit;
  const title = t('dossier.extraSupportSince.title');
  return (
    <PartSection
      id="dossier-extraSupportSince"
      title={title}
      intro={t('dossier.extraSupportSince.intro')}
      canEdit={canEdit}
      view={
        dossier.extraSupportSince ? (
          <Paragraph className="rondom-part__value">{formatDate(dossier.extraSupportSince)}</Paragraph>
        ) : (
          <EmptyPart text={t('dossier.extraSupportSince.empty')} hint={canEdit ? t('dossier.extraSupportSince.emptyHint') : undefined} />
        )
      }
      form={(close) => (
        <DatePartForm
          dossier={dossier}
          label={title}
          description={t('dossier.extraSupportSince.formHint')}
          onClose={close}
          onSaved={() => onSaved(title)}
        />
      )}
    />
  );
}

export default function DossierPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const role = me.activeMembership?.role;
  const audience = audienceOf(role);
  const dossier = useDossier(id);
  const [status, setStatus] = useState<string>();
  if (dossier.isPending) return <Loading />;
  if (dossier.isError) return <LoadError error={dossier.error} title={t('dossier.titleShort')} />;
  const d = dossier.data;
  const onSaved = (part: string) => setStatus(t('dossier.savedPart', { part }));
  const back =
    audience === 'parent'
      ? { to: '/mijn-kinderen', label: t('pupils.backToChildren') }
      : audience === 'staff'
        ? { to: '/leerlingen', label: t('pupils.backToList') }
        : null;
  return (
    <>
      {back ? (
        <Paragraph>
          <AppLink to={back.to}>{back.label}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={t('dossier.title', { name: d.pupil.displayName })}>
        {t('dossier.title', { name: d.pupil.displayName })}
      </PageHeading>
      <Paragraph className="rondom-subtitle">{d.pupil.schoolName}</Paragraph>
      <PupilFileNav pupilId={d.pupil.id} name={d.pupil.displayName} />
      <Paragraph lead>{t(`dossier.intro.${audience}`, { name: d.pupil.displayName })}</Paragraph>
      {audience === 'staff' ? null : (
        // parents and pupils come for their own part: one link takes them there
        <Paragraph>
          <a className="utrecht-link utrecht-link--html-a" href={audience === 'parent' ? '#dossier-parentView' : '#dossier-pupilView'}>
            {t(`dossier.toOwnPart.${audience}`)}
          </a>
        </Paragraph>
      )}
      <LastChange dossier={d} />
      <StatusMessage>{status}</StatusMessage>

      {LIST_FIELDS.map((f) => (
        <ListPart key={f} dossier={d} field={f} audience={audience} onSaved={onSaved} />
      ))}
      <ViewPart dossier={d} field="pupilView" audience={audience} onSaved={onSaved} />
      <ViewPart dossier={d} field="parentView" audience={audience} onSaved={onSaved} />
      <ExtraSupportPart dossier={d} onSaved={onSaved} />
      <GoalsSection dossier={d} onStatus={setStatus} />
      {d.attachments ? <AttachmentsSection dossier={d} onStatus={setStatus} /> : null}

      <section aria-labelledby="dossier-history-heading" className="rondom-part">
        <Heading2 id="dossier-history-heading">{t('dossier.history.title')}</Heading2>
        <Paragraph>{t('dossier.history.intro')}</Paragraph>
        <Paragraph>
          <AppLink to={`/leerlingen/${encodeURIComponent(d.pupil.id)}/groeidocument/versies`}>{t('dossier.history.link')}</AppLink>
        </Paragraph>
      </section>
    </>
  );
}
