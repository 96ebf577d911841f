import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Checkbox, FormLabel, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ErrorAlert, StatusMessage } from '../../components/Status.js';
import { DIGEST_KEY, type TDigestSetting } from './data.js';

/** On the account page: the daily e-mail with one's tasks, on or off; saved at once, and said so. */
export function DigestSetting() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const setting = useQuery({ queryKey: DIGEST_KEY, queryFn: () => api<TDigestSetting>('/api/v1/me/digest') });
  const [saved, setSaved] = useState<boolean | null>(null);
  const save = useMutation({
    mutationFn: (enabled: boolean) => api<TDigestSetting>('/api/v1/me/digest', { method: 'PUT', body: { enabled } }),
    onMutate: () => setSaved(null),
    onSuccess: (data) => {
      queryClient.setQueryData(DIGEST_KEY, data);
      setSaved(data.enabled);
    },
  });
  const checked = save.isPending ? !!save.variables : !!setting.data?.enabled;
  return (
    <section aria-labelledby="digest">
      <Heading2 id="digest">{t('account.digest.title')}</Heading2>
      {setting.isError ? <ErrorAlert error={setting.error} /> : null}
      <div className="utrecht-form-field utrecht-form-field--checkbox rondom-checkbox">
        <Checkbox
          id="digest-enabled"
          aria-describedby="digest-enabled-hint"
          checked={checked}
          disabled={!setting.data || save.isPending}
          onChange={(e) => save.mutate(e.target.checked)}
        />
        <span>
          <FormLabel htmlFor="digest-enabled" type="checkbox">
            {t('account.digest.label')}
          </FormLabel>
          <span id="digest-enabled-hint" className="rondom-hint">
            {' '}
            {t('account.digest.hint')}
          </span>
        </span>
      </div>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <StatusMessage>{saved === null ? null : t(saved ? 'account.digest.savedOn' : 'account.digest.savedOff')}</StatusMessage>
      {setting.isPending ? <Paragraph className="rondom-hint">{t('app.loading')}</Paragraph> : null}
    </section>
  );
}
