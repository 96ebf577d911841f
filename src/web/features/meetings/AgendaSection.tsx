import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { useReturnFocus } from '../../components/focus.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/Status.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { meetingApi, type TAgendaItem, type TMeeting, useMeetingSaved } from './data.js';
import { LineForm } from './LineForm.js';
import { addedByText } from './views.js';

/**
 * The agenda, prepared together: everyone who sees the whole meeting may add a point until it
 * starts (parents too, in the portal); a point is removed by whoever added it or runs the meeting.
 */
export function AgendaSection({ m, family, onStatus }: { m: TMeeting; family: boolean; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const saved = useMeetingSaved();
  const [adding, setAdding] = useState(false);
  // back to the button that opened the form once it closes (saved or cancelled)
  const opener = useReturnFocus(adding);
  const remove = useConfirmAction(async (item: TAgendaItem) => {
    saved(m.id, await api<unknown>(meetingApi(m.id, `/agenda/${encodeURIComponent(item.id)}`), { method: 'DELETE' }), m.pupil.id);
    onStatus(t('meetings.agenda.removed'));
  });
  // whoever runs the meeting tidies the agenda until it is closed; an author takes a point back before it
  const canRemove = (item: TAgendaItem) => m.policies.manage || (item.mine && m.status === 'scheduled');
  return (
    <section aria-labelledby="mtg-agenda-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="mtg-agenda-heading" ref={remove.heading} tabIndex={-1} className="rondom-focus-target">
          {t('meetings.agenda.title')}
        </Heading2>
        {m.policies.addAgendaPoint && !adding ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('meetings.agenda.add')}
          </Button>
        ) : null}
      </div>
      {m.policies.addAgendaPoint ? (
        <Paragraph className="rondom-part__intro">{family ? t('meetings.agenda.introParent') : t('meetings.agenda.intro')}</Paragraph>
      ) : null}
      {adding ? (
        <LineForm
          m={m}
          id="mtg-agenda-new"
          path="/agenda"
          title={t('meetings.agenda.formTitle')}
          label={t('meetings.agenda.label')}
          hint={family ? t('meetings.agenda.hintParent') : undefined}
          saveLabel={t('meetings.agenda.save')}
          onSaved={() => onStatus(t('meetings.agenda.added'))}
          onClose={() => setAdding(false)}
        />
      ) : null}
      {m.agenda.length === 0 ? (
        <Paragraph className="rondom-empty">{m.status === 'scheduled' ? t('meetings.agenda.empty') : t('meetings.agenda.none')}</Paragraph>
      ) : (
        <ol className="rondom-mtg-lines">
          {m.agenda.map((item) => (
            <li key={item.id} className="rondom-mtg-lines__item">
              <div className="rondom-mtg-lines__row">
                <span className="rondom-free-text">{item.text}</span>
                <span className="rondom-mtg-lines__meta">{addedByText(t, item)}</span>
                {canRemove(item) ? (
                  <Button appearance="subtle-button" hint="danger" onClick={() => remove.ask(item)}>
                    {t('meetings.remove')}
                    <span className="rondom-visually-hidden">: {item.text}</span>
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
      {m.agenda.some(canRemove) ? (
        <ConfirmDialog
          open={remove.target !== null}
          title={t('meetings.agenda.removeTitle')}
          confirmLabel={t('meetings.agenda.removeConfirm')}
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
