import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/Status.js';
import { type TOpp, oppKey, oppPage, oppsKey, oppsPath } from './data.js';

/** "Nieuwe versie maken": starts from the plan in force; opens the new version. */
export function NewVersion({ pupilId, intro, first }: { pupilId: string; intro?: string; first?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () => api<TOpp>(oppsPath(pupilId), { method: 'POST' }),
    onSuccess: (o) => {
      queryClient.setQueryData(oppKey(pupilId, o.id), o);
      void queryClient.invalidateQueries({ queryKey: oppsKey(pupilId) });
      navigate(oppPage(pupilId, o.id));
    },
  });
  return (
    <div className="rondom-opp-new">
      {intro ? <Paragraph className="rondom-hint">{intro}</Paragraph> : null}
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Button appearance="secondary-action-button" busy={create.isPending} disabled={create.isPending} onClick={() => create.mutate()}>
        {first ? t('opp.newVersion.first') : t('opp.newVersion.button')}
      </Button>
    </div>
  );
}
