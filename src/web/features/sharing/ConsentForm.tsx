import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, Checkbox, FormLabel, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { type FieldErrors, type RegisterOptions, type UseFormRegister, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api.js';
import { applyServerError, ErrorSummary, SelectField, summaryItems, TextField, useServerIssues } from '../../components/forms.js';
import type { Pupil } from '../../types.js';
import { FieldGroup, TextAreaField } from '../../components/fields.js';
import { type Audience, consentsPath, DATA_CATEGORIES, LEGAL_BASES, PARTNER_KINDS, type TConsent, type TConsentInput } from './data.js';
import { todayIso } from '../../format.js';
import { recipientsText } from './labels.js';

interface Values {
  recipientOrganisationIds: string[];
  recipientKinds: string[];
  categories: string[];
  purpose: string;
  legalBasis: string;
  validFrom: string;
  validUntil: string;
  givenByGuardianId: string;
}
const FIELDS = [
  'recipientOrganisationIds',
  'recipientKinds',
  'categories',
  'purpose',
  'legalBasis',
  'validFrom',
  'validUntil',
  'givenByGuardianId',
] as const;
const PURPOSE_MAX = 500;
/** The choice "De leerling zelf (16 jaar of ouder)" in the signed-by list: sent as no guardian. */
const PUPIL_SIGNED = 'pupil';

export interface RecipientOrganisation {
  id: string;
  name: string;
  partnerKind: string | null;
}

function toArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return typeof v === 'string' && v ? [v] : [];
}

const fieldError = (errors: FieldErrors<Values>, name: keyof Values) => {
  const m = errors[name]?.message;
  return typeof m === 'string' && m ? m : undefined;
};

/** One checkbox with its label and, when given, a one-line explanation under it. */
function CheckboxItem({
  id,
  value,
  label,
  hint,
  name,
  register,
  rules,
}: {
  id: string;
  value: string;
  label: string;
  hint?: string;
  name: 'recipientOrganisationIds' | 'recipientKinds' | 'categories';
  register: UseFormRegister<Values>;
  /** the group's rules, the same on every box of the group */
  rules: RegisterOptions<Values, 'recipientOrganisationIds' | 'recipientKinds' | 'categories'>;
}) {
  return (
    <li className="utrecht-form-field utrecht-form-field--checkbox rondom-choice">
      <Checkbox id={id} value={value} aria-describedby={hint ? `${id}-hint` : undefined} {...register(name, rules)} />
      <span className="rondom-choice__text">
        <FormLabel htmlFor={id} type="checkbox">
          {label}
        </FormLabel>
        {hint ? (
          <span id={`${id}-hint`} className="rondom-choice__hint">
            {hint}
          </span>
        ) : null}
      </span>
    </li>
  );
}


/**
 * Gives a consent, or (with `replaces`) changes one: a change is a new consent that ends the old
 * one when it is saved (the server does both at once). Parents and pupils give it as themselves;
 * school staff record a paper form and name the guardian who signed it.
 */
export function ConsentForm({
  pupil,
  audience,
  organisations,
  replaces,
  onDone,
  onCancel,
}: {
  pupil: Pupil;
  audience: Audience;
  /** the partner organisations that can be chosen by name */
  organisations: RecipientOrganisation[];
  replaces?: TConsent;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { failure, unplaced, setFailure, setUnplaced, clear: clearServer } = useServerIssues();
  const heading = useRef<HTMLHeadingElement>(null);
  const prefix = replaces ? `consent-change-${replaces.id}` : 'consent-new';
  const idOf = (f: string) => `${prefix}-${f}`;
  const family = audience !== 'staff';
  const guardians = pupil.guardians.filter((g) => g.hasGezag);
  const defaults: Values = replaces
    ? {
        recipientOrganisationIds: replaces.recipients.organisations.map((o) => o.id),
        recipientKinds: [...replaces.recipients.kinds],
        categories: [...replaces.categories],
        purpose: replaces.purpose,
        legalBasis: replaces.legalBasis,
        validFrom: todayIso(),
        validUntil: replaces.validUntil ?? '',
        givenByGuardianId: '',
      }
    : {
        recipientOrganisationIds: [],
        recipientKinds: [],
        categories: [],
        purpose: '',
        legalBasis: 'consent',
        validFrom: todayIso(),
        validUntil: '',
        givenByGuardianId: '',
      };
  const {
    register,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<Values>({ shouldFocusError: false, defaultValues: defaults });

  // the form opens on request: take the reader to its title
  useEffect(() => {
    heading.current?.focus();
  }, []);

  // the old consent's organisations stay choosable even when the list no longer has them
  const orgs = new Map<string, RecipientOrganisation>();
  for (const o of organisations) orgs.set(o.id, o);
  for (const o of replaces?.recipients.organisations ?? []) if (!orgs.has(o.id)) orgs.set(o.id, o);
  const orgChoices = [...orgs.values()].sort((a, b) => a.name.localeCompare(b.name));

  const onSubmit = async (v: Values) => {
    clearServer();
    const body: TConsentInput = {
      recipientOrganisationIds: toArray(v.recipientOrganisationIds),
      recipientKinds: toArray(v.recipientKinds) as TConsentInput['recipientKinds'],
      categories: toArray(v.categories) as TConsentInput['categories'],
      purpose: v.purpose.trim(),
      // parents and pupils give consent: that is the ground, there is nothing to choose
      legalBasis: (family ? 'consent' : v.legalBasis) as TConsentInput['legalBasis'],
      validFrom: v.validFrom,
      validUntil: v.validUntil || null,
      // "the pupil signed" is no guardian: the server takes the consent as the pupil's (from 16)
      givenByGuardianId: family || v.givenByGuardianId === PUPIL_SIGNED ? null : v.givenByGuardianId || null,
      replacesId: replaces?.id ?? null,
    };
    try {
      const saved = await api<TConsent>(consentsPath(pupil.id), { method: 'POST', body });
      await queryClient.invalidateQueries({ queryKey: ['pupil-file', pupil.id] });
      onDone(
        replaces
          ? t('sharing.form.changed', { who: recipientsText(t, saved.recipients) })
          : t('sharing.form.saved', { who: recipientsText(t, saved.recipients) }),
      );
    } catch (e) {
      const r = applyServerError(e, setError, FIELDS);
      // under 16 the school must name a guardian: say that, rather than a bare "fill this in"
      if (e instanceof ApiError && e.issues?.some((i) => i.field === 'givenByGuardianId' && i.rule === 'required'))
        setError('givenByGuardianId', { type: 'server', message: t('sharing.form.givenByRequired') });
      setFailure(r.message || undefined);
      setUnplaced(r.unplaced);
    }
  };

  const required = t('validation.required');
  // one rule for both recipient groups: it sits on the kinds (always shown) and reads the
  // organisations; ticking an organisation checks it again
  const kindRules = {
    validate: (v: unknown) =>
      toArray(v).length + toArray(getValues('recipientOrganisationIds')).length > 0 || t('validation.recipient_required'),
  };
  const organisationRules = { deps: ['recipientKinds'] as 'recipientKinds'[] };
  const categoryRules = { validate: (v: unknown) => toArray(v).length > 0 || t('validation.category_required') };
  // both recipient fields point at the one group of recipients
  const summaryId = (f: string) => idOf(f === 'recipientKinds' ? 'recipientOrganisationIds' : f);
  const items = submitCount ? summaryItems(errors, FIELDS, summaryId, unplaced) : [];
  const recipientsError = fieldError(errors, 'recipientOrganisationIds') ?? fieldError(errors, 'recipientKinds');
  const title = replaces ? t('sharing.form.changeTitle') : t(`sharing.form.title.${audience}`);
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form rondom-consent-form" aria-labelledby={`${prefix}-title`}>
      <Heading3 id={`${prefix}-title`} ref={heading} tabIndex={-1} className="rondom-consent-form__title">
        {title}
      </Heading3>
      {replaces ? <Paragraph>{t(`sharing.form.changeIntro.${audience}`)}</Paragraph> : null}
      <ErrorSummary items={items} message={failure} />

      <FieldGroup
        id={idOf('recipientOrganisationIds')}
        legend={t(`sharing.form.recipients.${audience}`)}
        description={t('sharing.form.recipientsHint')}
        error={recipientsError}
      >
        {orgChoices.length ? (
          <fieldset className="rondom-subfieldset">
            <legend className="rondom-subfieldset__legend">{t('sharing.form.organisations')}</legend>
            <ul className="rondom-choice-list">
              {orgChoices.map((o) => (
                <CheckboxItem
                  key={o.id}
                  id={`${prefix}-org-${o.id}`}
                  value={o.id}
                  label={o.name}
                  {...(o.partnerKind ? { hint: t(`partnerKinds.${o.partnerKind}`) } : {})}
                  name="recipientOrganisationIds"
                  register={register}
                  rules={organisationRules}
                />
              ))}
            </ul>
          </fieldset>
        ) : null}
        <fieldset className="rondom-subfieldset">
          <legend className="rondom-subfieldset__legend">
            {orgChoices.length ? t('sharing.form.kindsOr') : t('sharing.form.kinds')}
          </legend>
          <p className="utrecht-form-field-description">{t(`sharing.form.kindsHint.${audience}`)}</p>
          <ul className="rondom-choice-list">
            {PARTNER_KINDS.map((k) => (
              <CheckboxItem
                key={k}
                id={`${prefix}-kind-${k}`}
                value={k}
                label={t(`partnerKinds.${k}`)}
                name="recipientKinds"
                register={register}
                rules={kindRules}
              />
            ))}
          </ul>
        </fieldset>
      </FieldGroup>

      <FieldGroup
        id={idOf('categories')}
        legend={t(`sharing.form.categories.${audience}`)}
        description={t('sharing.form.categoriesHint')}
        error={fieldError(errors, 'categories')}
      >
        <ul className="rondom-choice-list rondom-choice-list--wide">
          {DATA_CATEGORIES.map((c) => (
            <CheckboxItem
              key={c}
              id={`${prefix}-category-${c}`}
              value={c}
              label={t(`sharing.categories.${c}.label`)}
              hint={t(`sharing.categories.${c}.hint.${audience}`)}
              name="categories"
              register={register}
              rules={categoryRules}
            />
          ))}
        </ul>
      </FieldGroup>

      <TextAreaField
        id={idOf('purpose')}
        label={t(`sharing.form.purpose.${audience}`)}
        description={t('sharing.form.purposeHint')}
        required
        rows={3}
        error={fieldError(errors, 'purpose')}
        {...register('purpose', {
          validate: (v) => v.trim().length > 0 || required,
          maxLength: { value: PURPOSE_MAX, message: t('validation.too_long', { max: PURPOSE_MAX }) },
        })}
      />

      {family ? null : (
        <SelectField
          id={idOf('legalBasis')}
          label={t('sharing.form.legalBasis')}
          description={t('sharing.form.legalBasisHint')}
          required
          options={LEGAL_BASES.map((b) => ({ value: b, label: t(`sharing.legalBasis.${b}.label`) }))}
          error={fieldError(errors, 'legalBasis')}
          {...register('legalBasis', { required })}
        />
      )}

      <div className="rondom-form-row">
        <TextField
          id={idOf('validFrom')}
          label={t('sharing.form.validFrom')}
          type="date"
          required
          className="rondom-field--medium"
          error={fieldError(errors, 'validFrom')}
          {...register('validFrom', { required })}
        />
        <TextField
          id={idOf('validUntil')}
          label={t('sharing.form.validUntil')}
          description={t(`sharing.form.validUntilHint.${audience}`)}
          type="date"
          className="rondom-field--medium"
          error={fieldError(errors, 'validUntil')}
          {...register('validUntil', {
            validate: (v) => !v || v >= getValues('validFrom') || t('validation.until_before_from'),
          })}
        />
      </div>

      {family ? (
        <Paragraph className="rondom-hint">{t(`sharing.form.givenBySelf.${audience}`)}</Paragraph>
      ) : (
        <SelectField
          id={idOf('givenByGuardianId')}
          label={t('sharing.form.givenBy')}
          description={t('sharing.form.givenByHint')}
          required
          placeholder={t('sharing.form.givenByChoose')}
          options={[
            ...guardians.map((g) => ({ value: g.id, label: g.name })),
            { value: PUPIL_SIGNED, label: t('sharing.form.givenByPupil') },
          ]}
          error={fieldError(errors, 'givenByGuardianId')}
          {...register('givenByGuardianId', { required })}
        />
      )}

      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {replaces ? t('sharing.form.submitChange') : t(`sharing.form.submit.${audience}`)}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
