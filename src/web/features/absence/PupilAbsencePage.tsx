import '../dossier/dossier.css';
import './absence.css';
import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useReturnFocus } from '../../components/focus.js';
import { LoadError, Loading, StatusMessage } from '../../components/Status.js';
import { PupilFileHeader } from '../pupils/PupilFileNav.js';
import { usePupil } from '../pupils/data.js';
import { type TAbsenceCase, useCaseSaved, usePupilAbsence } from './data.js';
import { EpisodeForm } from './EpisodeForm.js';
import { PupilCaseSummary, PupilClosedCases } from './PupilCaseSummary.js';

/**
 * /leerlingen/:id/verzuim — the child's absence in the file: the open case in short (with the way
 * to it), earlier cases, and "Verzuim melden" for those who may register. With nothing registered
 * the form is the way forward; with an open case it waits behind a button.
 */
export default function PupilAbsencePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const pupil = usePupil(id);
  const absence = usePupilAbsence(id);
  const saved = useCaseSaved();
  const [status, setStatus] = useState('');
  const [adding, setAdding] = useState(false);
  const opener = useReturnFocus(adding);
  const formHeading = useRef<HTMLHeadingElement>(null);
  const summaryHeading = useRef<HTMLHeadingElement>(null);
  // after a report the summary is what changed: go there
  const [focusSummary, setFocusSummary] = useState(0);
  useEffect(() => {
    if (focusSummary) summaryHeading.current?.focus();
  }, [focusSummary]);
  useEffect(() => {
    if (adding) formHeading.current?.focus();
  }, [adding]);
  if (absence.isError) return <LoadError error={absence.error} title={t('absence.pupil.titleShort')} />;
  if (pupil.isError) return <LoadError error={pupil.error} title={t('absence.pupil.titleShort')} />;
  if (pupil.isPending || absence.isPending) return <Loading />;
  const p = pupil.data;
  const a = absence.data;
  const title = t('absence.pupil.title', { name: p.displayName });
  const nothing = !a.openCase && a.closedCases.length === 0;

  const onSaved = async (answer: TAbsenceCase) => {
    await saved(answer);
    setStatus(t('absence.pupil.saved'));
    setAdding(false);
    setFocusSummary((n) => n + 1);
  };

  const form = (cancel: boolean) => (
    <EpisodeForm
      pupilId={p.id}
      reasons={a.reasons}
      idPrefix="absence-new"
      title={t('absence.pupil.formTitle')}
      intro={a.openCase ? t('absence.pupil.formIntroOpen') : t('absence.pupil.formIntro')}
      headingRef={formHeading}
      {...(cancel ? { onCancel: () => setAdding(false) } : {})}
      onSaved={onSaved}
    />
  );

  return (
    <div className="rondom-absence">
      <PupilFileHeader pupil={p} title={title} />
      <Paragraph lead>{t('absence.pupil.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {a.openCase ? (
        <PupilCaseSummary c={a.openCase} headingRef={summaryHeading} />
      ) : (
        <section aria-labelledby="absence-open-heading" className="rondom-section">
          <Heading2 id="absence-open-heading" ref={summaryHeading} tabIndex={-1}>
            {t('absence.pupil.openTitle')}
          </Heading2>
          <Paragraph className="rondom-empty">{nothing ? t('absence.pupil.empty') : t('absence.pupil.noOpenCase')}</Paragraph>
        </section>
      )}
      {a.policies.register ? (
        a.openCase ? (
          adding ? (
            form(true)
          ) : (
            <ButtonGroup>
              <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
                {t('absence.pupil.addOpen')}
              </Button>
            </ButtonGroup>
          )
        ) : (
          form(false)
        )
      ) : null}
      <PupilClosedCases items={a.closedCases} />
    </div>
  );
}
