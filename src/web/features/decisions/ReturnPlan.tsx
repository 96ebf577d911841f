import { useQueryClient } from '@tanstack/react-query';
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel } from '../../components/forms.js';
import { formatDay } from '../../format.js';
import { decisionKey, RETURN_PLAN_MAX, returnPlanPath, type TDecision, type TTlv } from './data.js';

/** "Plan voor terugkeer": how the child may go back to a regular school, written in the TLV's last school year. */
export function ReturnPlan({ requestId, tlv, canEdit, onStatus }: { requestId: string; tlv: TTlv; canEdit: boolean; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [failure, setFailure] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<{ returnPlan: string }>({
    shouldFocusError: false,
    defaultValues: { returnPlan: tlv.returnPlan ?? '' },
  });
  const { errors, isSubmitting } = formState;
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const onValid = async (v: { returnPlan: string }) => {
    setFailure(undefined);
    try {
      const d = await api<TDecision>(returnPlanPath(tlv.id), { method: 'PUT', body: { returnPlan: v.returnPlan.trim() } });
      queryClient.setQueryData(decisionKey(requestId), d);
      onStatus(t('tlv.returnPlan.saved'));
      close();
    } catch (e) {
      setFailure(applyServerError(e, setError, ['returnPlan']).message || undefined);
    }
  };
  return (
    <div className="rondom-decision-return-plan">
      <Heading3>{t('tlv.returnPlan.title')}</Heading3>
      <Paragraph className="rondom-hint">{t('tlv.returnPlan.intro')}</Paragraph>
      {editing ? (
        <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-decision-form" aria-label={t('tlv.returnPlan.title')}>
          <ErrorSummary
            items={errors.returnPlan?.message ? [{ fieldId: 'tlv-return-plan', message: errors.returnPlan.message }] : []}
            message={failure}
          />
          <TextAreaField
            id="tlv-return-plan"
            label={t('tlv.returnPlan.label')}
            required
            rows={6}
            error={errors.returnPlan?.message}
            {...register('returnPlan', {
              validate: (x) => x.trim().length > 0 || t('validation.required'),
              maxLength: { value: RETURN_PLAN_MAX, message: t('validation.too_long', { max: RETURN_PLAN_MAX }) },
            })}
          />
          <SaveCancel label={t('common.save')} busy={isSubmitting} onCancel={close} />
        </form>
      ) : (
        <>
          {tlv.returnPlan ? (
            <>
              <div className="rondom-free-text">{tlv.returnPlan}</div>
              {tlv.returnPlanAt ? <Paragraph className="rondom-hint">{t('tlv.returnPlan.writtenOn', { date: formatDay(tlv.returnPlanAt) })}</Paragraph> : null}
            </>
          ) : (
            <Paragraph className="rondom-empty">{t('tlv.returnPlan.none')}</Paragraph>
          )}
          {canEdit ? (
            <Button
              ref={opener}
              appearance="secondary-action-button"
              onClick={() => {
                reset({ returnPlan: tlv.returnPlan ?? '' });
                setEditing(true);
              }}
            >
              {t(tlv.returnPlan ? 'tlv.returnPlan.edit' : 'tlv.returnPlan.write')}
            </Button>
          ) : null}
        </>
      )}
    </div>
  );
}
