import './requests.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Checkbox, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
// types only: zod stays out of the browser bundle
import type { TRequestChecklists } from '../../../shared/schemas/request-checklist.js';
import type { TChecklistKind, TRequestType } from '../../../shared/support-request.js';
import { api } from '../../api.js';
import { SaveCancel, TextField } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import { checklistLabel } from './data.js';

type TList = TRequestChecklists['items'][number];
const CHECKLISTS_KEY = ['request-checklists'] as const;
const PATH = '/api/v1/request-checklists';
/** The facts a checklist can ask for, in the order they are shown (as in shared/support-request.ts). */
const FACTS: readonly Exclude<TChecklistKind, 'document'>[] = ['opp_adopted', 'dossier_present', 'parents_informed', 'parents_signed'];

/** One type's list in edit mode: tick the facts, name the documents. */
function ChecklistForm({ list, onDone, onCancel }: { list: TList; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [facts, setFacts] = useState<Set<string>>(() => new Set(list.items.filter((i) => i.kind !== 'document').map((i) => i.kind)));
  const [documents, setDocuments] = useState<string[]>(() => list.items.filter((i) => i.kind === 'document').map((i) => i.label ?? ''));
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const id = (f: string) => `checklist-${list.type}-${f}`;
  const typeName = t(`requests.type.${list.type}`);
  const addDocument = () => {
    const name = draft.trim();
    if (name && !documents.includes(name)) setDocuments([...documents, name]);
    setDraft('');
  };
  const save = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const items = [...FACTS.filter((k) => facts.has(k)).map((kind) => ({ kind })), ...documents.map((label) => ({ kind: 'document' as const, label }))];
      const saved = await api<TRequestChecklists>(`${PATH}/${list.type}`, { method: 'PUT', body: { items } });
      queryClient.setQueryData(CHECKLISTS_KEY, saved);
      onDone(t('checklists.saved', { type: typeName }));
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="rondom-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {failure ? <ErrorAlert error={failure} /> : null}
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">{t('checklists.itemsLegend')}</legend>
        <ul className="rondom-checkbox-list">
          {FACTS.map((k) => (
            <li key={k} className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
              <Checkbox
                id={id(k)}
                checked={facts.has(k)}
                onChange={(e) => {
                  const next = new Set(facts);
                  if (e.target.checked) next.add(k);
                  else next.delete(k);
                  setFacts(next);
                }}
              />
              <FormLabel htmlFor={id(k)} type="checkbox">
                {t(`requests.checklist.kind.${k}`)}
              </FormLabel>
            </li>
          ))}
        </ul>
        {documents.length ? (
          <ul className="rondom-checklist-documents">
            {documents.map((name) => (
              <li key={name}>
                {name}{' '}
                <Button appearance="subtle-button" hint="danger" onClick={() => setDocuments(documents.filter((d) => d !== name))}>
                  {t('checklists.remove', { name })}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <TextField
          id={id('document')}
          label={t('checklists.documentLabel')}
          description={t('checklists.documentHint')}
          value={draft}
          maxLength={120}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            // Enter adds the document instead of saving the whole list
            if (e.key === 'Enter') {
              e.preventDefault();
              addDocument();
            }
          }}
        />
        <Button appearance="secondary-action-button" onClick={addDocument}>
          {t('checklists.addDocument')}
        </Button>
      </fieldset>
      <SaveCancel label={t('checklists.save')} busy={busy} onCancel={onCancel} />
    </form>
  );
}

/** One type: its items in words, whose list it is, and the ways to change it. */
function ChecklistCard({ list, onStatus }: { list: TList; onStatus: (s: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const typeName = t(`requests.type.${list.type}`);
  const reset = async () => {
    setFailure(null);
    try {
      queryClient.setQueryData(CHECKLISTS_KEY, await api<TRequestChecklists>(`${PATH}/${list.type}`, { method: 'DELETE' }));
      onStatus(t('checklists.resetDone', { type: typeName }));
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <section className="rondom-card rondom-checklist-card" aria-labelledby={`checklist-${list.type}`}>
      <Heading2 id={`checklist-${list.type}`}>{typeName}</Heading2>
      <Paragraph className="rondom-hint">{t(list.custom ? 'checklists.custom' : 'checklists.default')}</Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      {editing ? (
        <ChecklistForm
          list={list}
          onCancel={() => setEditing(false)}
          onDone={(m) => {
            setEditing(false);
            onStatus(m);
          }}
        />
      ) : (
        <>
          {list.items.length ? (
            <ul>
              {list.items.map((i) => (
                <li key={i.id}>{checklistLabel(t, { kind: i.kind, label: i.label })}</li>
              ))}
            </ul>
          ) : (
            <Paragraph>{t('checklists.empty')}</Paragraph>
          )}
          <ButtonGroup>
            <Button appearance="secondary-action-button" onClick={() => setEditing(true)} aria-label={`${t('checklists.edit')}: ${typeName}`}>
              {t('checklists.edit')}
            </Button>
            {list.custom ? (
              <Button appearance="subtle-button" onClick={() => void reset()}>
                {t('checklists.reset')}
              </Button>
            ) : null}
          </ButtonGroup>
        </>
      )}
    </section>
  );
}

/** /checklists-aanvragen — functioneel beheer sets what each type of request needs before it is complete. */
export default function ChecklistsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<string>();
  const lists = useQuery({ queryKey: CHECKLISTS_KEY, queryFn: () => api<TRequestChecklists>(PATH) });
  return (
    <div className="rondom-requests">
      <PageHeading>{t('checklists.title')}</PageHeading>
      <Paragraph lead>{t('checklists.intro')}</Paragraph>
      <StatusMessage>{status}</StatusMessage>
      {lists.isPending ? <Loading /> : lists.isError ? <ErrorAlert error={lists.error} /> : lists.data.items.map((l: TList) => <ChecklistCard key={l.type as TRequestType} list={l} onStatus={setStatus} />)}
    </div>
  );
}
