import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { useReturnFocus } from '../../components/focus.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Status.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { meetingApi, type TMeeting, type TMeetingDecision, useMeetingSaved } from './data.js';
import { LineForm } from './LineForm.js';

/** What was decided, one line each; written down by whoever runs the meeting once it has been held. */
export function DecisionsSection({ m, family, onStatus }: { m: TMeeting; family: boolean; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const [adding, setAdding] = useState(false);
  // back to the button that opened the form once it closes (saved or cancelled)
  const opener = useReturnFocus(adding);
  const editable = m.policies.manage && m.status === 'held';
  const remove = useConfirmAction(async (d: TMeetingDecision) => {
    saved(m.id, await api<unknown>(meetingApi(m.id, `/decisions/${encodeURIComponent(d.id)}`), { method: 'DELETE' }), m.pupil.id);
    onStatus(t('meetings.decisions.removed'));
  });
  return (
    <section aria-labelledby="mtg-decisions-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="mtg-decisions-heading" ref={remove.heading} tabIndex={-1} className="rondom-focus-target">
          {family ? t('meetings.decisions.titleParent') : t('meetings.decisions.title')}
        </Heading2>
        {editable && !adding ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('meetings.decisions.add')}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <LineForm
          m={m}
          id="mtg-decision-new"
          path="/decisions"
          title={t('meetings.decisions.formTitle')}
          label={t('meetings.decisions.label')}
          hint={t('meetings.decisions.hint')}
          saveLabel={t('meetings.decisions.save')}
          onSaved={() => onStatus(t('meetings.decisions.added'))}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {m.decisions.length === 0 ? (
        <Paragraph className="rondom-empty">{t('meetings.decisions.empty')}</Paragraph>
      ) : (
        <ul className="rondom-mtg-lines">
          {m.decisions.map((d) => (
            <li key={d.id} className="rondom-mtg-lines__item">
              <div className="rondom-mtg-lines__row">
                <span className="rondom-free-text">{d.text}</span>
                {editable ? (
                  <Button appearance="subtle-button" hint="danger" onClick={() => remove.ask(d)}>
                    {t('meetings.remove')}
                    <span className="rondom-visually-hidden">: {d.text}</span>
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <ConfirmDialog
          open={remove.target !== null}
          title={t('meetings.decisions.removeTitle')}
          confirmLabel={t('meetings.decisions.removeConfirm')}
          busy={remove.busy}
          onConfirm={() => void remove.confirm()}
          onCancel={remove.cancel}
        >
          <Paragraph className="rondom-free-text">{remove.target?.text ?? ''}</Paragraph>
          {remove.failure ? <ErrorAlert error={remove.failure} /> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
