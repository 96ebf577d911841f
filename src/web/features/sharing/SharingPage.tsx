import './sharing.css';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { useSession } from '../../session.js';
import { NotFoundPage } from '../../routes/NotFoundPage.js';
import { BreakGlassNotice, BreakGlassOffer, BreakGlassOfferFor } from '../break-glass/BreakGlassOffer.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';
import { CareTeamSection } from './CareTeam.js';
import type { RecipientOrganisation } from './ConsentForm.js';
import { ConsentsSection } from './Consents.js';
import { audienceOf, backLink, isNotFound, useCareTeam, useConsents, usePartnerOrganisations, usePupil, useSharing } from './data.js';
import { ParentsAccessSection } from './ParentsAccess.js';

/**
 * /leerlingen/:id/delen — "Delen en toestemming": the consents (with their history), the form to
 * give one, the kernteam, and for a pupil of 16+ the choice whether their parents keep access.
 * Every section shows only what the server's `policies` allow.
 */
export default function SharingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const audience = audienceOf(me.activeMembership?.role);
  const [status, setStatus] = useState<string>();
  const pupil = usePupil(id);
  // the register says whether this part of the file is open to the person at all
  const open = !!pupil.data?.policies.sharing;
  const consents = useConsents(id, open);
  const careTeam = useCareTeam(id, open);
  // only the pupil has a choice to make here (from 16); others read what is shared on "Wie keek er?"
  const sharing = useSharing(id, open && audience === 'pupil' && !!pupil.data?.policies.accessLog);
  const mayGive = !!consents.data?.policies.give;
  const partners = usePartnerOrganisations(audience === 'staff' && mayGive);

  if (pupil.isPending) return <Loading />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('sharing.titleShort')} />;
  const p = pupil.data;
  if (!open) return p.policies.breakGlass ? <BreakGlassOfferFor pupil={p} /> : <NotFoundPage />;
  // the file closed meanwhile (a consent withdrawn, a kernteam place ended): as any other 404
  if (careTeam.isError && isNotFound(careTeam.error))
    return <BreakGlassOffer pupilId={id} error={careTeam.error} title={t('sharing.titleShort')} />;

  // families cannot list the region's organisations: they choose among those around their child
  const organisations: RecipientOrganisation[] =
    audience === 'staff'
      ? (partners.data?.items ?? []).map((o) => ({ id: o.id, name: o.name, partnerKind: o.partnerKind }))
      : [
          ...(careTeam.data?.items ?? [])
            .filter((m) => m.organisation.kind === 'partner')
            .map((m) => ({ id: m.organisation.id, name: m.organisation.name, partnerKind: m.organisation.partnerKind })),
          ...(consents.data?.items ?? []).flatMap((c) => c.recipients.organisations),
        ].filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i);

  const back = backLink(me.activeMembership?.role, t);
  const title = t('sharing.title', { name: p.displayName });
  return (
    <div className="rondom-file-page">
      {back ? (
        <Paragraph>
          <AppLink to={back.to}>{back.label}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      <PupilFileNav pupilId={p.id} name={p.displayName} />
      <BreakGlassNotice pupilId={p.id} />
      <Paragraph lead>{t(`sharing.intro.${audience}`, { name: p.firstName })}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {sharing.data?.policies.setParentsAccess ? (
        <ParentsAccessSection pupilId={p.id} sharing={sharing.data} onStatus={setStatus} />
      ) : null}
      <ConsentsSection pupil={p} audience={audience} consents={consents} organisations={organisations} onStatus={setStatus} />
      <CareTeamSection pupilId={p.id} name={p.displayName} audience={audience} careTeam={careTeam} onStatus={setStatus} />
    </div>
  );
}
