import '../dossier/dossier.css';
import './absence.css';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../components/AppLink.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { formatDate, formatDay } from '../../format.js';
import { canOpen } from '../../roles.js';
import { useSession } from '../../session.js';
import { CaseClose, CaseClosedFacts } from './CaseClose.js';
import { CaseFlagsNotice, DayCounter } from './CaseViews.js';
import { CaseWorkFacts, CaseWorkForm } from './CaseWorkForm.js';
import { pupilPage, type TAbsenceCase, useAbsenceCase, useCaseSaved } from './data.js';
import { EpisodeList } from './EpisodeList.js';

type TNotice = TAbsenceCase['notices'][number];

/** "Op 15 september 2026 opgeschaald (nog geen plan): Karin Consulent." */
function noticeLine(n: TNotice, t: (k: string, o?: Record<string, unknown>) => string): string {
  const who = n.recipients.length ? n.recipients.join(', ') : t('absence.case.notices.nobody');
  if (n.kind === 'next_date_passed') return t('absence.case.notices.nextDatePassed', { date: formatDay(n.sentAt), due: formatDate(n.dueOn), who });
  const step = t(`absence.case.notices.step.${n.key}`, { defaultValue: '' });
  return step
    ? t('absence.case.notices.escalationStep', { date: formatDay(n.sentAt), step, who })
    : t('absence.case.notices.escalation', { date: formatDay(n.sentAt), who });
}

function CaseNotices({ c }: { c: TAbsenceCase }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="absence-notices-heading" className="rondom-section">
      <Heading2 id="absence-notices-heading">{t('absence.case.notices.title')}</Heading2>
      {c.notices.length ? (
        <ul className="utrecht-unordered-list rondom-absence-notices">
          {c.notices.map((n) => (
            <li key={`${n.kind}-${n.key}`} className="utrecht-unordered-list__item">
              {noticeLine(n, t)}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph className="rondom-empty">{t('absence.case.notices.empty')}</Paragraph>
      )}
    </section>
  );
}

/**
 * /verzuim/:id — one absence case: how long the child has been without education, who owns the
 * case, the plan and the next date, the periods of absence, what the ladder did, and closing.
 * Someone who may only read sees the same facts without forms.
 */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const role = useSession().activeMembership?.role;
  const theCase = useAbsenceCase(id);
  const saved = useCaseSaved();
  const [status, setStatus] = useState('');
  if (theCase.isError) return <LoadError error={theCase.error} title={t('absence.case.titleShort')} />;
  if (theCase.isPending) return <Loading />;
  const c = theCase.data;
  const open = c.status === 'open';
  const onSaved = async (answer: TAbsenceCase, message: string) => {
    await saved(answer);
    setStatus(message);
  };
  const title = t('absence.case.title', { name: c.pupil.name });
  return (
    <div className="rondom-absence">
      {canOpen(role, 'absence') ? (
        <Paragraph>
          <AppLink to="/verzuim">{t('absence.case.backToList')}</AppLink>
        </Paragraph>
      ) : null}
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph className="rondom-subtitle">
        <AppLink to={pupilPage(c.pupil.id)}>{c.pupil.name}</AppLink>
        {' · '}
        {c.school.name}
        {c.gemeente ? ` · ${t('absence.case.livesIn', { gemeente: c.gemeente.name })}` : null}
      </Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {open ? <CaseFlagsNotice flags={c.flags} /> : null}
      <div className="rondom-absence-head">
        <DayCounter c={c} />
        <Paragraph className="rondom-absence-head__status">
          {open ? t('absence.case.openSince', { date: formatDate(c.openedOn) }) : t('absence.case.statusClosed', { from: formatDate(c.openedOn), to: formatDate(c.closedOn) })}
        </Paragraph>
      </div>
      {!open ? <CaseClosedFacts c={c} /> : null}
      {open && c.policies.update ? (
        <CaseWorkForm c={c} onSaved={onSaved} onReload={() => void theCase.refetch()} />
      ) : (
        <section aria-labelledby="absence-facts-heading" className="rondom-section">
          <Heading2 id="absence-facts-heading">{t('absence.case.work.title')}</Heading2>
          <CaseWorkFacts c={c} />
        </section>
      )}
      <EpisodeList c={c} onSaved={onSaved} />
      <CaseNotices c={c} />
      {open && c.policies.close ? <CaseClose c={c} onSaved={onSaved} /> : null}
    </div>
  );
}
