import { Button, Paragraph } from '@utrecht/component-library-react';
import { type Control, type FieldErrors, get, type UseFormRegister, useFieldArray, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldGroup } from '../../components/fields.js';
import { SelectField, TextField } from '../../components/forms.js';
import { ABSENCE_LADDER_MAX, LADDER_CONDITIONS, LADDER_TARGETS, PERIOD_UNITS } from './figures-data.js';
import type { TSettingsValues } from './SettingsForm.js';
import { stepSentence } from './SettingsSummary.js';

export const settingsId = (name: string) => `abs-set-${name.replace(/\./g, '-')}`;
const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * The escalation ladder: up to six steps, each "when this is missing, after so long, call in
 * this person". Every step repeats itself as a sentence, so the admin reads what they set.
 */
export function SettingsLadder({
  control,
  register,
  errors,
  rootError,
}: {
  control: Control<TSettingsValues>;
  register: UseFormRegister<TSettingsValues>;
  errors: FieldErrors<TSettingsValues>;
  rootError?: string | undefined;
}) {
  const { t } = useTranslation();
  const steps = useFieldArray({ control, name: 'ladder' });
  const values = useWatch({ control, name: 'ladder' });
  const errorOf = (name: string) => (get(errors, name) as { message?: string } | undefined)?.message;
  const stepName = (i: number) => t('absence.settings.ladder.step', { n: i + 1 });
  const amountRule = (x: string) => (/^\d+$/.test(x.trim()) && Number(x) >= 1 && Number(x) <= 365) || t('absence.settings.ladder.amountInvalid');
  return (
    <FieldGroup id={settingsId('ladder')} legend={t('absence.settings.ladder.title')} description={t('absence.settings.ladder.hint', { max: ABSENCE_LADDER_MAX })} error={rootError}>
      {steps.fields.length === 0 ? <Paragraph className="rondom-hint">{t('absence.settings.ladder.none')}</Paragraph> : null}
      {steps.fields.map((f, i) => {
        const v = values?.[i] ?? f;
        return (
          <fieldset key={f.id} className="rondom-fieldset rondom-settings-step">
            <legend className="rondom-fieldset__legend">{stepName(i)}</legend>
            <div className="rondom-form-row">
              <SelectField
                id={settingsId(`ladder.${i}.condition`)}
                label={t('absence.settings.ladder.condition')}
                options={LADDER_CONDITIONS.map((c) => ({ value: c, label: t(`absence.settings.ladder.conditions.${c}`) }))}
                error={errorOf(`ladder.${i}.condition`)}
                {...register(`ladder.${i}.condition` as const)}
              />
              <TextField
                id={settingsId(`ladder.${i}.amount`)}
                label={t('absence.settings.ladder.amount')}
                inputMode="numeric"
                autoComplete="off"
                className="rondom-field--short"
                error={errorOf(`ladder.${i}.amount`)}
                {...register(`ladder.${i}.amount` as const, { validate: amountRule })}
              />
              <SelectField
                id={settingsId(`ladder.${i}.unit`)}
                label={t('absence.settings.ladder.unit')}
                options={PERIOD_UNITS.map((u) => ({ value: u, label: t(`absence.settings.units.${u}`) }))}
                error={errorOf(`ladder.${i}.unit`)}
                {...register(`ladder.${i}.unit` as const)}
              />
              <SelectField
                id={settingsId(`ladder.${i}.target`)}
                label={t('absence.settings.ladder.target')}
                options={LADDER_TARGETS.map((x) => ({ value: x, label: t(`absence.settings.ladder.targets.${x}`) }))}
                error={errorOf(`ladder.${i}.target`)}
                {...register(`ladder.${i}.target` as const)}
              />
            </div>
            <Paragraph className="rondom-hint" aria-live="polite">
              {stepSentence(t, v)}
            </Paragraph>
            <Button
              appearance="subtle-button"
              hint="danger"
              onClick={() => {
                steps.remove(i);
                focusLater(settingsId('add-step'));
              }}
            >
              {t('absence.settings.ladder.remove', { step: stepName(i) })}
            </Button>
          </fieldset>
        );
      })}
      {steps.fields.length < ABSENCE_LADDER_MAX ? (
        <Button
          id={settingsId('add-step')}
          appearance="secondary-action-button"
          onClick={() => {
            steps.append({ key: '', condition: 'no_plan', amount: '2', unit: 'weeks', target: 'coordinator' });
            focusLater(settingsId(`ladder.${steps.fields.length}.condition`));
          }}
        >
          {t('absence.settings.ladder.add')}
        </Button>
      ) : (
        <Paragraph className="rondom-hint" id={settingsId('add-step')} tabIndex={-1}>
          {t('absence.settings.ladder.full', { max: ABSENCE_LADDER_MAX })}
        </Paragraph>
      )}
    </FieldGroup>
  );
}
