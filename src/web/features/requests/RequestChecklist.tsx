import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { checklistLabel, type TRequest } from './data.js';
import { FileUpload } from './FileUpload.js';

/**
 * "Wat ontbreekt nog": each item of the intake checklist, met or missing in words (the mark only
 * repeats it), and the upload right at a missing document or signature.
 */
export function RequestChecklist({ request, onStatus }: { request: TRequest; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  if (!request.checklist.length) return null;
  const missing = request.checklist.filter((c) => !c.met).length;
  const atIntake = request.status === 'draft' || request.status === 'submitted';
  return (
    <section aria-labelledby="request-checklist-heading" className="rondom-part" id="request-checklist">
      <Heading2 id="request-checklist-heading" tabIndex={-1} className="rondom-focus-target">
        {t('requests.checklist.title')}
      </Heading2>
      <Paragraph>
        {missing === 0
          ? t('requests.checklist.allMet')
          : atIntake
            ? t('requests.checklist.missingCount', { count: missing })
            : t('requests.checklist.missingLater', { count: missing })}
      </Paragraph>
      <ul className="rondom-checklist">
        {request.checklist.map((c) => {
          const label = checklistLabel(t, c);
          const takesFile = c.kind === 'document' || c.kind === 'parents_signed';
          return (
            <li key={c.id} className={`rondom-checklist__item--${c.met ? 'met' : 'missing'}`}>
              <Heading3 className="rondom-checklist__label">{label}</Heading3>
              <Paragraph>
                <span className="rondom-checklist__state">{t(c.met ? 'requests.checklist.met' : 'requests.checklist.missing')}</span>{' '}
                {t(`requests.checklist.explain.${c.kind}.${c.met ? 'met' : 'missing'}`)}
              </Paragraph>
              {!c.met && takesFile && request.policies.edit ? (
                <FileUpload
                  request={request}
                  checklistItemId={c.id}
                  label={t('requests.checklist.uploadFor', { label })}
                  onDone={(name) => onStatus(t('requests.files.added', { name }))}
                />
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
