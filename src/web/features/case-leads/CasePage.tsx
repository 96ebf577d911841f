import '../dossier/dossier.css';
import './case-leads.css';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { useSession } from '../../session.js';
import { PupilFileHeader } from '../pupils/PupilFileNav.js';
import { usePupil } from '../pupils/data.js';
import { audienceOf } from '../sharing/data.js';
import { CaseLeadSection } from './CaseLeadSection.js';
import { useCase } from './data.js';
import { SignalPlanSection } from './SignalPlanSection.js';

/**
 * /leerlingen/:id/regie — who holds the regie over the child's case ("we laten niet los") and the
 * signaleringsplan: plan B, C and D for when help stalls. Parents read both in plain words.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const role = me.activeMembership?.role;
  const forFamily = audienceOf(role) !== 'staff';
  const pupil = usePupil(id);
  const theCase = useCase(id);
  const [status, setStatus] = useState('');
  if (theCase.isError) return <LoadError error={theCase.error} title={t('caseLeads.page.titleShort')} />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('caseLeads.page.titleShort')} />;
  if (pupil.isPending || theCase.isPending) return <Loading />;
  const p = pupil.data;
  const c = theCase.data;
  const title = forFamily ? t('caseLeads.page.titleFamily', { name: p.firstName }) : t('caseLeads.page.title', { name: p.displayName });
  return (
    <div className="rondom-case">
      <PupilFileHeader pupil={p} title={title} />
      <Paragraph lead>{forFamily ? t('caseLeads.page.introFamily', { name: p.firstName }) : t('caseLeads.page.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      <CaseLeadSection pupilId={p.id} theCase={c} forFamily={forFamily} name={forFamily ? p.firstName : p.displayName} onStatus={setStatus} />
      {c.policies.readSignalPlan ? <SignalPlanSection pupilId={p.id} theCase={c} forFamily={forFamily} onStatus={setStatus} /> : null}
    </div>
  );
}
