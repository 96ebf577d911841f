import { Button, Checkbox, FormLabel, Paragraph } from '@utrecht/component-library-react';
import { type Control, type FieldErrors, get, type UseFormRegister, type UseFormSetValue, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../components/fields.js';
import { TextField } from '../../components/forms.js';
import { ABSENCE_REASONS_MAX } from './figures-data.js';
import type { TSettingsValues } from './SettingsForm.js';
import { settingsId } from './SettingsLadder.js';

const LABEL_MAX = 120;
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The reasons a school picks from when it registers absence. A new line can go again at once; a
 * stored reason is marked "to be removed" and goes on saving, so it can be kept after all when
 * the server says earlier absence names it (it should then be retired, not removed).
 */
export function SettingsReasons({
  control,
  register,
  setValue,
  errors,
  rootError,
}: {
  control: Control<TSettingsValues>;
  register: UseFormRegister<TSettingsValues>;
  setValue: UseFormSetValue<TSettingsValues>;
  errors: FieldErrors<TSettingsValues>;
  rootError?: string | undefined;
}) {
  const { t } = useTranslation();
  const lines = useFieldArray({ control, name: 'reasons' });
  const values = useWatch({ control, name: 'reasons' });
  const errorOf = (name: string) => (get(errors, name) as { message?: string } | undefined)?.message;
  const required = t('validation.required');
  return (
    <FieldGroup id={settingsId('reasons')} legend={t('absence.settings.reasons.title')} description={t('absence.settings.reasons.hint')} error={rootError}>
      <ul className="rondom-settings-reasons">
        {lines.fields.map((f, i) => {
          const v = values?.[i] ?? f;
          const line = t('absence.settings.reasons.line', { n: i + 1 });
          if (v.removed) {
            return (
              <li key={f.id} className="rondom-settings-reason">
                <Paragraph>
                  <del>{v.label}</del> <span className="rondom-hint">{t('absence.settings.reasons.toBeRemoved')}</span>
                </Paragraph>
                <Button
                  id={settingsId(`reasons.${i}.keep`)}
                  appearance="subtle-button"
                  onClick={() => {
                    setValue(`reasons.${i}.removed`, false);
                    focusLater(settingsId(`reasons.${i}.label`));
                  }}
                >
                  {t('absence.settings.reasons.keep', { label: v.label })}
                </Button>
              </li>
            );
          }
          return (
            <li key={f.id} className="rondom-settings-reason">
              <TextField
                id={settingsId(`reasons.${i}.label`)}
                label={line}
                autoComplete="off"
                error={errorOf(`reasons.${i}.label`)}
                {...register(`reasons.${i}.label` as const, {
                  validate: (x, all) => all.reasons[i]?.removed || x.trim().length > 0 || required,
                  maxLength: { value: LABEL_MAX, message: t('validation.too_long', { max: LABEL_MAX }) },
                })}
              />
              <div className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
                <Checkbox id={settingsId(`reasons.${i}.retired`)} {...register(`reasons.${i}.retired` as const)} />
                <FormLabel htmlFor={settingsId(`reasons.${i}.retired`)} type="checkbox">
                  {t('absence.settings.reasons.retire')}
                  <span className="rondom-visually-hidden"> ({line})</span>
                </FormLabel>
              </div>
              <Button
                appearance="subtle-button"
                hint="danger"
                onClick={() => {
                  if (v.id) {
                    setValue(`reasons.${i}.removed`, true);
                    focusLater(settingsId(`reasons.${i}.keep`));
                  } else {
                    lines.remove(i);
                    focusLater(settingsId('add-reason'));
                  }
                }}
              >
                {t('absence.settings.reasons.remove', { line })}
              </Button>
            </li>
          );
        })}
      </ul>
      {lines.fields.length < ABSENCE_REASONS_MAX ? (
        <Button
          id={settingsId('add-reason')}
          appearance="secondary-action-button"
          onClick={() => {
            lines.append({ id: '', label: '', retired: false, removed: false });
            focusLater(settingsId(`reasons.${lines.fields.length}.label`));
          }}
        >
          {t('absence.settings.reasons.add')}
        </Button>
      ) : null}
    </FieldGroup>
  );
}
