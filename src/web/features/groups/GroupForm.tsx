import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Checkbox, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api, qs } from '../../api.js';
import { useSchools } from '../../components/SchoolFilter.js';
import { applyServerError, ErrorSummary, SelectField, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import { useSession } from '../../session.js';
import type { Group, Paged, User } from '../../types.js';

interface Values {
  schoolId: string;
  name: string;
  schoolYear: string;
  teacherIds: string[];
}
const FIELDS = ['schoolId', 'name', 'schoolYear', 'teacherIds'] as const;

/** The school year running now (from 1 August): "2026-2027". */
export function currentSchoolYear(now = new Date()): string {
  const y = now.getFullYear();
  const start = now.getMonth() >= 7 ? y : y - 1;
  return `${start}-${start + 1}`;
}

/** Teachers of one school: people with a teacher membership there. */
function useTeachers(schoolId: string) {
  return useQuery({
    queryKey: ['users', { role: 'teacher', organisationId: schoolId }],
    queryFn: () => api<Paged<User>>(`/api/v1/users${qs({ role: 'teacher', organisationId: schoolId, pageSize: 100 })}`),
    enabled: !!schoolId,
    select: (data) =>
      data.items.filter(
        (u) => !u.deactivated && u.memberships.some((m) => m.role === 'teacher' && m.organisationId === schoolId),
      ),
  });
}

function TeacherChoices({
  idPrefix,
  schoolId,
  register,
  current,
  error,
}: {
  idPrefix: string;
  schoolId: string;
  register: UseFormRegister<Values>;
  /** teachers already on the group, shown even when the list cannot be loaded */
  current: { id: string; name: string }[];
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const teachers = useTeachers(schoolId);
  const byId = new Map<string, string>();
  for (const c of current) byId.set(c.id, c.name);
  for (const u of teachers.data ?? []) byId.set(u.id, u.name);
  const choices = [...byId.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const errId = `${idPrefix}-teachers-error`;
  return (
    <fieldset
      className="rondom-fieldset"
      id={`${idPrefix}-teacherIds`}
      tabIndex={-1}
      aria-describedby={error ? errId : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="rondom-fieldset__legend">{t('groups.fields.teachers')}</legend>
      {!schoolId ? (
        <Paragraph className="rondom-hint">{t('groups.chooseSchoolFirst')}</Paragraph>
      ) : teachers.isPending && !current.length ? (
        <Paragraph className="rondom-hint">{t('app.loading')}</Paragraph>
      ) : choices.length === 0 ? (
        <Paragraph className="rondom-hint">
          {teachers.error instanceof ApiError && teachers.error.status === 403
            ? t('groups.teachersNoAccess')
            : teachers.isError
              ? t('groups.teachersUnavailable')
              : t('groups.noTeachers')}
        </Paragraph>
      ) : (
        <ul className="rondom-checkbox-list">
          {choices.map(([id, name]) => (
            <li key={id} className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
              <Checkbox id={`${idPrefix}-teacher-${id}`} value={id} {...register('teacherIds')} />
              <FormLabel htmlFor={`${idPrefix}-teacher-${id}`} type="checkbox">
                {name}
              </FormLabel>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p id={errId} className="utrecht-form-field-error-message">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function toArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v ? [v] : [];
}

/** Creates a group, or (with `group`) changes its name and teachers. */
export function GroupForm({ group, onSaved }: { group?: Group; onSaved: (g: Group) => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const queryClient = useQueryClient();
  const isAdmin = me.activeMembership?.role === 'swv_admin';
  const ownSchool = me.activeMembership?.organisationId ?? '';
  const schools = useSchools(isAdmin && !group);
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const idPrefix = group ? 'group-edit' : 'group';
  const idOf = (f: string) => `${idPrefix}-${f}`;
  const defaults: Values = group
    ? { schoolId: group.schoolId, name: group.name, schoolYear: group.schoolYear, teacherIds: group.teachers.map((x) => x.id) }
    : { schoolId: isAdmin ? '' : ownSchool, name: '', schoolYear: currentSchoolYear(), teacherIds: [] };
  const {
    register,
    handleSubmit,
    watch,
    reset,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: defaults });
  const schoolId = watch('schoolId');

  const onSubmit = async (v: Values) => {
    clearServer();
    try {
      const teacherIds = toArray(v.teacherIds);
      const saved = group
        ? await api<Group>(`/api/v1/groups/${encodeURIComponent(group.id)}`, {
            method: 'PATCH',
            body: { name: v.name.trim(), teacherIds },
          })
        : await api<Group>('/api/v1/groups', {
            method: 'POST',
            body: { schoolId: v.schoolId, name: v.name.trim(), schoolYear: v.schoolYear.trim(), teacherIds },
          });
      if (group) reset({ ...v, teacherIds });
      else reset({ ...defaults, schoolId: v.schoolId });
      await queryClient.invalidateQueries({ queryKey: ['groups'] });
      onSaved(saved);
    } catch (e) {
      showServer(applyServerError(e, setError, FIELDS));
    }
  };
  const required = t('validation.required');
  const items = submitCount ? summaryItems(errors, FIELDS, idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      {group ? null : isAdmin ? (
        <SelectField
          id={idOf('schoolId')}
          label={t('groups.fields.school')}
          required
          placeholder={t('groups.chooseSchool')}
          options={(schools.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          error={errors.schoolId?.message}
          {...register('schoolId', { required })}
        />
      ) : (
        <Paragraph>
          {t('groups.fields.school')}: <strong>{me.activeMembership?.organisationName}</strong>
        </Paragraph>
      )}
      <TextField
        id={idOf('name')}
        label={t('groups.fields.name')}
        description={group ? undefined : t('groups.nameHint')}
        required
        autoComplete="off"
        error={errors.name?.message}
        {...register('name', {
          required,
          validate: (v) => v.trim().length > 0 || required,
          maxLength: { value: 60, message: t('validation.too_long', { max: 60 }) },
        })}
      />
      {group ? null : (
        <TextField
          id={idOf('schoolYear')}
          label={t('groups.fields.schoolYear')}
          description={t('groups.schoolYearHint')}
          required
          autoComplete="off"
          inputMode="numeric"
          className="rondom-field--medium"
          error={errors.schoolYear?.message}
          {...register('schoolYear', {
            required,
            validate: (v) => {
              const m = /^\s*(\d{4})-(\d{4})\s*$/.exec(v);
              return (m && Number(m[2]) === Number(m[1]) + 1) || t('validation.invalid_school_year');
            },
          })}
        />
      )}
      <TeacherChoices
        idPrefix={idPrefix}
        schoolId={schoolId}
        register={register}
        current={group?.teachers ?? []}
        error={typeof errors.teacherIds?.message === 'string' ? errors.teacherIds.message : undefined}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {group ? t('common.save') : t('groups.create')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
