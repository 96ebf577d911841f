import type { FieldErrors, UseFormGetValues, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/forms.js';
import { DURATIONS, toStartsAt } from './data.js';
import { durationText } from './views.js';

/** The fields a new meeting and a rescheduled one share. */
export interface TWhenWhere {
  date: string;
  time: string;
  durationMinutes: string;
  location: string;
  videoUrl: string;
}
export const WHEN_WHERE_FIELDS = ['date', 'time', 'durationMinutes', 'location', 'videoUrl'] as const;

/** Server fields → the form's: the moment is typed as a date and a time; its errors go to the date. */
export const whenWhereField = (f: string) => (f === 'startsAt' ? 'date' : f);

export function whenWhereBody(v: TWhenWhere) {
  return {
    startsAt: toStartsAt(v.date, v.time) ?? '',
    durationMinutes: Number(v.durationMinutes),
    location: v.location.trim() || null,
    videoUrl: v.videoUrl.trim() || null,
  };
}

/**
 * Date, time (native inputs on the Dutch clock), duration, and a place and/or a video link. Forms
 * whose values extend TWhenWhere pass their register and getValues here (cast: the names match).
 */
export function WhenWhereFields({
  idOf,
  register,
  getValues,
  errors,
  durations = DURATIONS,
}: {
  idOf: (f: string) => string;
  register: UseFormRegister<TWhenWhere>;
  getValues: UseFormGetValues<TWhenWhere>;
  errors: FieldErrors<TWhenWhere>;
  /** the choices of duration; a rescheduled meeting keeps its own among them */
  durations?: readonly number[];
}) {
  const { t } = useTranslation();
  const required = t('validation.required');
  return (
    <>
      <div className="rondom-form-row">
        <TextField
          id={idOf('date')}
          type="date"
          label={t('meetings.fields.date')}
          required
          className="rondom-field--medium"
          error={errors.date?.message}
          {...register('date', {
            required,
            validate: (d) => {
              const at = toStartsAt(d, getValues('time'));
              if (!at) return true; // the time field says what is missing
              return new Date(at).getTime() > Date.now() || t('meetings.fields.inPast');
            },
          })}
        />
        <TextField
          id={idOf('time')}
          type="time"
          label={t('meetings.fields.time')}
          required
          step={300}
          className="rondom-field--short"
          error={errors.time?.message}
          {...register('time', { required, pattern: { value: /^\d{2}:\d{2}$/, message: t('meetings.fields.timeInvalid') } })}
        />
        <SelectField
          id={idOf('durationMinutes')}
          label={t('meetings.fields.duration')}
          options={durations.map((m) => ({ value: String(m), label: durationText(t, m) }))}
          error={errors.durationMinutes?.message}
          {...register('durationMinutes')}
        />
      </div>
      <TextField
        id={idOf('location')}
        label={t('meetings.fields.location')}
        description={t('meetings.fields.locationHint')}
        autoComplete="off"
        error={errors.location?.message}
        {...register('location', {
          maxLength: { value: 200, message: t('validation.too_long', { max: 200 }) },
          validate: (x) => !!x.trim() || !!getValues('videoUrl').trim() || t('validation.place_or_link'),
        })}
      />
      <TextField
        id={idOf('videoUrl')}
        type="url"
        label={t('meetings.fields.videoUrl')}
        description={t('meetings.fields.videoUrlHint')}
        autoComplete="off"
        inputMode="url"
        error={errors.videoUrl?.message}
        {...register('videoUrl', {
          maxLength: { value: 500, message: t('validation.too_long', { max: 500 }) },
          validate: (x) => !x.trim() || /^https:\/\/[^\s/]+\.[^\s]+$/i.test(x.trim()) || t('validation.invalid_url'),
        })}
      />
    </>
  );
}
