import { useQueryClient } from '@tanstack/react-query';
import { Button, ButtonGroup, FormLabel, Heading2, Paragraph, RadioButton, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Status.js';
import { api } from '../../api.js';
import { formatDay } from '../../format.js';
import { parentsAccessPath, type TSharing } from './data.js';

interface Values {
  keep: 'yes' | 'no';
}

/**
 * (d) "Mogen je ouders je dossier blijven zien?": from 16 the pupil decides. Shown only when the
 * server says this person may choose (`policies.setParentsAccess`); written for the pupil ("je").
 */
export function ParentsAccessSection({ pupilId, sharing, onStatus }: { pupilId: string; sharing: TSharing; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const current = sharing.parents.keepAccess ? 'yes' : 'no';
  const {
    register,
    handleSubmit,
    formState: { isSubmitting },
  } = useForm<Values>({ defaultValues: { keep: current } });
  const onSubmit = async (v: Values) => {
    setFailure(null);
    try {
      await api(parentsAccessPath(pupilId), { method: 'PUT', body: { parentsKeepAccess: v.keep === 'yes' } });
      await queryClient.invalidateQueries({ queryKey: ['pupil-file', pupilId] });
      onStatus(v.keep === 'yes' ? t('sharing.parents.savedYes') : t('sharing.parents.savedNo'));
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <section aria-labelledby="parents-access-heading" className="rondom-file-section">
      <Heading2 id="parents-access-heading">{t('sharing.parents.title')}</Heading2>
      <Paragraph>{t('sharing.parents.intro')}</Paragraph>
      <Paragraph className="rondom-parents-now">
        <strong>
          {sharing.parents.keepAccess
            ? t('sharing.parents.nowYes')
            : t('sharing.parents.nowNo', { date: formatDay(sharing.parents.refusedAt) })}
        </strong>
      </Paragraph>
      {failure ? <ErrorAlert error={failure} /> : null}
      <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
        <fieldset className="rondom-fieldset" aria-describedby="parents-access-what">
          <legend className="rondom-fieldset__legend">{t('sharing.parents.legend')}</legend>
          <ul className="rondom-choice-list rondom-choice-list--wide">
            {(['yes', 'no'] as const).map((v) => (
              <li key={v} className="utrecht-form-field utrecht-form-field--radio rondom-choice">
                <RadioButton id={`parents-access-${v}`} value={v} aria-describedby={`parents-access-${v}-hint`} {...register('keep')} />
                <span className="rondom-choice__text">
                  <FormLabel htmlFor={`parents-access-${v}`} type="radio">
                    {t(`sharing.parents.${v}.label`)}
                  </FormLabel>
                  <span id={`parents-access-${v}-hint`} className="rondom-choice__hint">
                    {t(`sharing.parents.${v}.hint`)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        <div id="parents-access-what" className="rondom-parents-what">
          <Paragraph>{t('sharing.parents.whatTitle')}</Paragraph>
          <UnorderedList>
            <UnorderedListItem>{t('sharing.parents.what1')}</UnorderedListItem>
            <UnorderedListItem>{t('sharing.parents.what2')}</UnorderedListItem>
            <UnorderedListItem>{t('sharing.parents.what3')}</UnorderedListItem>
          </UnorderedList>
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
            {t('sharing.parents.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
