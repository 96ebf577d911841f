import '../dossier/dossier.css';
import './meetings.css';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { get, useFieldArray, useForm, type UseFormGetValues, type UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { RadioGroupField, TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, SelectField, useServerIssues } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import { NotFoundPage } from '../../routes/NotFoundPage.js';
import { useSession } from '../../session.js';
import { summaryFor } from '../dossier/Goals.js';
import { usePupil } from '../pupils/data.js';
import {
  AGENDA_MAX,
  MEETING_KINDS,
  MEETING_LINE_MAX,
  MEETING_PARTICIPANTS_MAX,
  meetingPage,
  participantsBody,
  pupilMeetingsApi,
  pupilMeetingsPage,
  type TMeeting,
  type TMeetingKind,
  useMeetingCandidates,
  useMeetingSaved,
  usePupilMeetings,
  whereFrom,
} from './data.js';
import { FieldGroup } from '../../components/fields.js';
import { CandidateChecklist, EMPTY_GUEST, GuestLines, type TGuest } from './ParticipantsPicker.js';
import { type TWhenWhere, WhenWhereFields, whenWhereBody, whenWhereField } from './WhenWhereFields.js';

interface Values extends TWhenWhere {
  kind: TMeetingKind | '';
  participantIds: string[];
  guests: TGuest[];
  agenda: { text: string }[];
  caseLeadUserId: string;
}

const idOf = (name: string) => `mtg-new-${name.replace(/\./g, '-')}`;
const asArray = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);

/**
 * /leerlingen/:id/overleg/nieuw — plan an MDO or ondersteuningsteam: when and where, who comes
 * (people with an account from the lists, guests by e-mail), the first agenda points, and — for a
 * child without one — the regievoerder. The server sends the invitations.
 */
export default function NewMeetingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useSession();
  const saved = useMeetingSaved();
  const pupil = usePupil(id);
  const list = usePupilMeetings(id);
  const allowed = list.data?.policies.schedule === true;
  const candidates = useMeetingCandidates(id, allowed);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const role = me.activeMembership?.role;
  const form = useForm<Values>({
    shouldFocusError: false,
    defaultValues: {
      kind: role === 'swv_consultant' ? 'ot' : 'mdo',
      date: '',
      time: '',
      durationMinutes: '60',
      location: '',
      videoUrl: '',
      participantIds: [],
      guests: [],
      agenda: [{ text: '' }],
      caseLeadUserId: '',
    },
  });
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    control,
    formState: { errors, isSubmitting, submitCount },
  } = form;
  const guests = useFieldArray({ control, name: 'guests' });
  const agenda = useFieldArray({ control, name: 'agenda' });
  if (pupil.isError) return <LoadError error={pupil.error} title={t('meetings.new.heading')} />;
  if (list.isError) return <LoadError error={list.error} title={t('meetings.new.heading')} />;
  if (pupil.isPending || list.isPending) return <Loading />;
  if (!allowed) return <NotFoundPage />;
  const p = pupil.data;
  const needsCaseLead = list.data.needsCaseLead;
  const people = candidates.data?.items ?? [];
  const leaders = people.filter((c) => c.canLead);
  const required = t('validation.required');
  const errorOf = (name: string) => (get(errors, name) as { message?: string } | undefined)?.message;
  const pointLine = (i: number) => t('meetings.new.pointLine', { n: i + 1 });
  const guestLine = (i: number) => t('meetings.new.guestLine', { n: i + 1 });
  const summaryFields = [
    { name: 'kind', label: t('meetings.fields.kind') },
    { name: 'date', label: t('meetings.fields.date') },
    { name: 'time', label: t('meetings.fields.time') },
    { name: 'durationMinutes', label: t('meetings.fields.duration') },
    { name: 'location', label: t('meetings.fields.location') },
    { name: 'videoUrl', label: t('meetings.fields.videoUrl') },
    { name: 'participantIds', label: t('meetings.new.participants') },
    ...guests.fields.flatMap((_f, i) => [
      { name: `guests.${i}.name`, label: `${guestLine(i)}: ${t('meetings.new.guestName')}` },
      { name: `guests.${i}.email`, label: `${guestLine(i)}: ${t('meetings.new.guestEmail')}` },
      { name: `guests.${i}.kind`, label: `${guestLine(i)}: ${t('meetings.new.guestKind')}` },
      { name: `guests.${i}.roleLabel`, label: `${guestLine(i)}: ${t('meetings.new.guestRole')}` },
    ]),
    ...agenda.fields.map((_f, i) => ({ name: `agenda.${i}.text`, label: pointLine(i) })),
    ...(needsCaseLead ? [{ name: 'caseLeadUserId', label: t('meetings.fields.caseLead') }] : []),
  ];
  const items = submitCount ? summaryFor(errors, summaryFields, idOf, unplaced) : [];

  const onValid = async (v: Values) => {
    clearServer();
    const picked = asArray(v.participantIds);
    const participants = participantsBody(picked, people, v.guests);
    if (participants.length > MEETING_PARTICIPANTS_MAX) {
      setError('participantIds', { type: 'max', message: t('meetings.new.tooMany', { max: MEETING_PARTICIPANTS_MAX }) });
      return;
    }
    // which form line each sent line came from, to put the server's remarks next to the right field
    const points = v.agenda.map((a, i) => ({ text: a.text.trim(), i })).filter((a) => a.text);
    const pickedCount = participantsBody(picked, people, []).length;
    const toFormField = (f: string) => {
      const part = /^participants\.(\d+)(?:\.(\w+))?$/.exec(f);
      if (part) {
        const n = Number(part[1]);
        if (n < pickedCount) return 'participantIds';
        const field = part[2] === 'name' || part[2] === 'kind' || part[2] === 'roleLabel' ? part[2] : 'email';
        return `guests.${n - pickedCount}.${field}`;
      }
      if (f === 'participants') return 'participantIds';
      const point = /^agenda\.(\d+)$/.exec(f);
      if (point) return `agenda.${points[Number(point[1])]?.i ?? 0}.text`;
      return whenWhereField(f);
    };
    try {
      const m = await api<TMeeting>(pupilMeetingsApi(p.id), {
        method: 'POST',
        body: {
          kind: v.kind,
          ...whenWhereBody(v),
          participants,
          agenda: points.map((a) => a.text),
          ...(needsCaseLead && v.caseLeadUserId ? { caseLeadUserId: v.caseLeadUserId } : {}),
        },
      });
      saved(m.id, m, p.id);
      navigate(meetingPage(m.id), { state: { announce: t('meetings.new.created') } });
    } catch (e) {
      const mapped =
        e instanceof ApiError && e.issues ? new ApiError(e.status, e.code, e.message, e.issues.map((i) => ({ ...i, field: toFormField(i.field) }))) : e;
      showServer(applyServerError(mapped, setError, summaryFields.map((f) => f.name)));
    }
  };

  const title = t('meetings.new.title', { name: p.displayName });
  return (
    <div className="rondom-mtg">
      <Paragraph>
        <AppLink to={pupilMeetingsPage(p.id)}>{t('meetings.backToList', { name: p.displayName })}</AppLink>
      </Paragraph>
      <PageHeading title={title}>{title}</PageHeading>
      <Paragraph lead>{t('meetings.new.intro')}</Paragraph>
      <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-mtg-form">
        <ErrorSummary items={items} message={failure} />
        <RadioGroupField
          id={idOf('kind')}
          legend={t('meetings.fields.kind')}
          required
          error={errors.kind?.message}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kindLong.${k}`) }))}
          inputProps={register('kind', { required: t('meetings.fields.chooseKind') })}
        />
        <WhenWhereFields
          idOf={idOf}
          register={register as unknown as UseFormRegister<TWhenWhere>}
          getValues={getValues as unknown as UseFormGetValues<TWhenWhere>}
          errors={errors}
        />
        <CandidateChecklist
          idOf={idOf}
          // the organiser is on the list already (the server adds them)
          candidates={people.filter((c) => c.userId !== me.user.id)}
          loading={candidates.isPending}
          error={errors.participantIds?.message}
          register={register as unknown as UseFormRegister<{ participantIds: string[] }>}
        />
        <GuestLines
          idOf={idOf}
          lines={guests.fields}
          onAdd={() => guests.append({ ...EMPTY_GUEST })}
          onRemove={guests.remove}
          register={register as unknown as UseFormRegister<{ guests: TGuest[] }>}
          errorOf={errorOf}
          canAdd={guests.fields.length < MEETING_PARTICIPANTS_MAX}
        />
        <FieldGroup id={idOf('agenda')} legend={t('meetings.new.agenda')} description={t('meetings.new.agendaHint')}>
          {agenda.fields.map((f, i) => (
            <div key={f.id} className="rondom-mtg-point">
              <TextAreaField
                id={idOf(`agenda.${i}.text`)}
                label={pointLine(i)}
                rows={2}
                error={errorOf(`agenda.${i}.text`)}
                {...register(`agenda.${i}.text` as const, {
                  maxLength: { value: MEETING_LINE_MAX, message: t('validation.too_long', { max: MEETING_LINE_MAX }) },
                })}
              />
              {agenda.fields.length > 1 ? (
                <Button
                  appearance="subtle-button"
                  hint="danger"
                  onClick={() => {
                    agenda.remove(i);
                    requestAnimationFrame(() => document.getElementById(idOf('add-point'))?.focus());
                  }}
                >
                  {t('meetings.new.removePoint', { line: pointLine(i) })}
                </Button>
              ) : null}
            </div>
          ))}
          {agenda.fields.length < AGENDA_MAX ? (
            <Button id={idOf('add-point')} appearance="secondary-action-button" onClick={() => agenda.append({ text: '' })}>
              {t('meetings.new.addPoint')}
            </Button>
          ) : null}
        </FieldGroup>
        {needsCaseLead ? (
          <SelectField
            id={idOf('caseLeadUserId')}
            label={t('meetings.fields.caseLead')}
            description={leaders.length || candidates.isPending ? t('meetings.new.caseLeadHint') : t('meetings.new.noLeaders')}
            required
            busy={candidates.isPending}
            placeholder={t('meetings.new.chooseCaseLead')}
            options={leaders.map((c) => {
              const from = whereFrom(c);
              return { value: c.userId, label: from ? `${c.name} (${from})` : c.name };
            })}
            error={errors.caseLeadUserId?.message}
            {...register('caseLeadUserId', { required })}
          />
        ) : null}
        <Paragraph className="rondom-hint">{t('meetings.new.consentHint')}</Paragraph>
        <SaveCancel label={t('meetings.new.save')} busy={isSubmitting} onCancel={() => navigate(pupilMeetingsPage(p.id))} />
      </form>
    </div>
  );
}
