import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { type ReactNode, useDeferredValue, useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useReturnFocus } from '../../components/focus.js';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import { ErrorAlert, Loading } from '../../components/Status.js';
import { formatDay } from '../../format.js';
import type { TCareTeamCandidates } from '../../../shared/schemas/consent.js';
import { useConfirmAction } from './confirm.js';
import { type Audience, careTeamPath, isForbidden, type TCareTeam, type TCareTeamMember } from './data.js';

/** Does the kernteam member's place rest on consent, and is there one? In words, not colour. */
function ConsentCell({ member, audience }: { member: TCareTeamMember; audience: Audience }) {
  const { t } = useTranslation();
  if (member.consentCovers === null) return <>{t('sharing.careTeam.consentNotNeeded')}</>;
  return member.consentCovers ? (
    <span className="rondom-flag rondom-flag--ok">{t('sharing.careTeam.consentCovers')}</span>
  ) : (
    <span className="rondom-flag rondom-flag--warning">
      <strong>{t('sharing.careTeam.consentMissing')}</strong>
      <span className="rondom-flag__hint">{t(`sharing.careTeam.consentMissingHint.${audience}`)}</span>
    </span>
  );
}

interface AddValues {
  person: string;
  task: string;
}
const ADD_FIELDS = ['person', 'task'] as const;
const idOf = (f: string) => `care-team-add-${f}`;
const EMPTY: AddValues = { person: '', task: '' };
/** One choice is one membership: a person who works for two organisations appears twice. */
const personValue = (c: { userId: string; organisation: { id: string } }) => `${c.userId}|${c.organisation.id}`;

/** Adds someone to the kernteam: find a colleague by name, pick them with their organisation. */
function AddMemberForm({ pupilId, onDone, onCancel }: { pupilId: string; onDone: (m: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const [search, setSearch] = useState('');
  const q = useDeferredValue(search.trim());
  const candidates = useQuery({
    queryKey: ['pupil-file', pupilId, 'care-team-candidates', q],
    queryFn: () => api<TCareTeamCandidates>(`${careTeamPath(pupilId)}/candidates?q=${encodeURIComponent(q)}`),
    placeholderData: (previous) => previous,
  });
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<AddValues>({ shouldFocusError: false, defaultValues: EMPTY });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const onSubmit = async (v: AddValues) => {
    clearServer();
    const [userId, organisationId] = v.person.split('|');
    try {
      const added = await api<TCareTeamMember>(careTeamPath(pupilId), {
        method: 'POST',
        body: { userId, organisationId: organisationId || null, task: v.task.trim() || null },
      });
      await queryClient.invalidateQueries({ queryKey: ['pupil-file', pupilId] });
      onDone(t('sharing.careTeam.added', { name: added.user.name, organisation: added.organisation.name }));
    } catch (e) {
      showServer(applyServerError(e, setError, ADD_FIELDS));
    }
  };
  const items = submitCount ? summaryItems(errors, ADD_FIELDS, idOf, unplaced) : [];
  const options = (candidates.data?.items ?? []).map((c) => ({
    value: personValue(c),
    label: t('sharing.careTeam.candidate', { name: c.name, role: t(`roles.${c.role}`), organisation: c.organisation.name }),
  }));
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-consent-form" aria-labelledby="care-team-add-title">
      <Heading3 id="care-team-add-title" ref={heading} tabIndex={-1} className="rondom-consent-form__title">
        {t('sharing.careTeam.addTitle')}
      </Heading3>
      <ErrorSummary items={items} message={failure} />
      <TextField
        id={idOf('search')}
        label={t('sharing.careTeam.fields.search')}
        description={t('sharing.careTeam.fields.searchHint')}
        type="search"
        autoComplete="off"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      <SelectField
        id={idOf('person')}
        label={t('sharing.careTeam.fields.person')}
        placeholder={options.length ? t('sharing.careTeam.fields.choosePerson') : t('sharing.careTeam.fields.noCandidates')}
        options={options}
        required
        error={errors.person?.message}
        {...register('person', { validate: (v) => v !== '' || t('sharing.careTeam.fields.choosePersonRequired') })}
      />
      <TextField
        id={idOf('task')}
        label={t('sharing.careTeam.fields.task')}
        description={t('sharing.careTeam.fields.taskHint')}
        autoComplete="off"
        error={errors.task?.message}
        {...register('task', { maxLength: { value: 200, message: t('validation.too_long', { max: 200 }) } })}
      />
      <SaveCancel label={t('sharing.careTeam.add')} busy={isSubmitting} onCancel={onCancel} />
    </form>
  );
}

/** (c) of "Delen en toestemming": who works with the child, and for care partners whether consent covers them. */
export function CareTeamSection({
  pupilId,
  name,
  audience,
  careTeam,
  onStatus,
}: {
  pupilId: string;
  name: string;
  audience: Audience;
  careTeam: { isPending: boolean; isError: boolean; error: unknown; data: TCareTeam | undefined };
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const addButton = useReturnFocus(adding);
  const remove = useConfirmAction(async (m: TCareTeamMember) => {
    await api<null>(careTeamPath(pupilId, m.id), { method: 'DELETE' });
    await queryClient.invalidateQueries({ queryKey: ['pupil-file', pupilId] });
    onStatus(t('sharing.careTeam.removed', { name: m.user.name }));
  });
  const removing = remove.target;

  let body: ReactNode;
  if (careTeam.isPending) body = <Loading />;
  else if (careTeam.isError)
    body = isForbidden(careTeam.error) ? (
      <Paragraph className="rondom-empty">{t('sharing.careTeam.notForYou')}</Paragraph>
    ) : (
      <ErrorAlert error={careTeam.error} />
    );
  else {
    const items = careTeam.data?.items ?? [];
    const canRemove = items.some((m) => m.policies.remove);
    body = (
      <>
        {items.length === 0 ? (
          <Paragraph className="rondom-empty">{t('sharing.careTeam.empty')}</Paragraph>
        ) : (
          <div className="rondom-table-wrap">
            <Table className="rondom-table">
              <TableCaption className="rondom-visually-hidden">{t('sharing.careTeam.caption', { name })}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('sharing.careTeam.columns.nameRole')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('sharing.careTeam.columns.organisation')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('sharing.careTeam.columns.task')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('sharing.careTeam.columns.since')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('sharing.careTeam.columns.consent')}</TableHeaderCell>
                  {canRemove ? (
                    <TableHeaderCell scope="col">
                      <span className="rondom-visually-hidden">{t('sharing.careTeam.columns.actions')}</span>
                    </TableHeaderCell>
                  ) : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {items.map((m) => (
                  <TableRow key={m.id}>
                    <TableHeaderCell scope="row">
                      {m.user.name || t('common.unknown')}
                      <span className="rondom-cell-hint">{m.role ? t(`roles.${m.role}`) : t('sharing.careTeam.roleEnded')}</span>
                    </TableHeaderCell>
                    <TableCell>
                      {m.organisation.name}
                      {m.organisation.partnerKind ? (
                        <span className="rondom-cell-hint">{t(`partnerKinds.${m.organisation.partnerKind}`)}</span>
                      ) : null}
                    </TableCell>
                    <TableCell>{m.task || t('sharing.careTeam.noTask')}</TableCell>
                    <TableCell className="rondom-nowrap">{formatDay(m.since)}</TableCell>
                    <TableCell>
                      <ConsentCell member={m} audience={audience} />
                    </TableCell>
                    {canRemove ? (
                      <TableCell>
                        {m.policies.remove ? (
                          <Button
                            appearance="secondary-action-button"
                            hint="danger"
                            aria-label={t('sharing.careTeam.removeFor', { name: m.user.name })}
                            onClick={() => remove.ask(m)}
                          >
                            {t('sharing.careTeam.remove')}
                          </Button>
                        ) : null}
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
        {careTeam.data?.policies.add ? (
          <div className="rondom-give">
            {adding ? (
              <AddMemberForm
                pupilId={pupilId}
                onCancel={() => setAdding(false)}
                onDone={(m) => {
                  setAdding(false);
                  onStatus(m);
                }}
              />
            ) : (
              <Button ref={addButton} appearance="secondary-action-button" onClick={() => setAdding(true)}>
                {t('sharing.careTeam.openAdd')}
              </Button>
            )}
          </div>
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="care-team-heading" className="rondom-file-section">
      <Heading2 id="care-team-heading" ref={remove.heading} tabIndex={-1} className="rondom-focus-target">
        {t('sharing.careTeam.title')}
      </Heading2>
      <Paragraph>{t(`sharing.careTeam.intro.${audience}`, { name })}</Paragraph>
      {body}
      <ConfirmDialog
        open={!!removing}
        title={t('sharing.careTeam.removeDialog.title', { name: removing?.user.name ?? '' })}
        confirmLabel={t('sharing.careTeam.removeDialog.confirm')}
        busy={remove.busy}
        onConfirm={() => void remove.confirm()}
        onCancel={remove.cancel}
      >
        {removing ? (
          <>
            <Paragraph>{t('sharing.careTeam.removeDialog.text', { name: removing.user.name })}</Paragraph>
            {remove.failure ? <ErrorAlert error={remove.failure} /> : null}
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
