import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/Status.js';
import { type TDossier, dossierKey, dossierPath } from './data.js';

/**
 * The state of an edit that may clash with someone else's: the version the person started from, the
 * clash (with the server's message), and fetching the newest version without touching the form —
 * so nobody loses what they typed. `source` names another record than the groeidocument (the OPP
 * pages use it for one version of the plan).
 */
export function useConflict<T = TDossier>(pupilId: string, source?: { queryKey: readonly unknown[]; queryFn: () => Promise<T> }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string>();
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>();
  const reload = async (): Promise<T | undefined> => {
    setReloading(true);
    setReloadError(undefined);
    try {
      const d = await queryClient.fetchQuery({
        queryKey: source?.queryKey ?? dossierKey(pupilId),
        queryFn: source?.queryFn ?? (() => api<T>(dossierPath(pupilId))),
        staleTime: 0,
      });
      setMessage(undefined);
      setReloaded(true);
      return d;
    } catch (e) {
      setReloadError(e);
      return undefined;
    } finally {
      setReloading(false);
    }
  };
  return {
    /** the server's message of the last clash (shown in the form's error summary) */
    message,
    reloaded,
    reloading,
    reloadError,
    clash: (m: string) => {
      setMessage(m);
      setReloaded(false);
    },
    clear: () => {
      setMessage(undefined);
      setReloaded(false);
    },
    reload,
  };
}

/**
 * Under the error summary of a clashing form: the person's text is still there, and one button
 * fetches what is saved now. Afterwards it shows the saved version of the part next to the form.
 */
export function ConflictNotice({
  conflict,
  onReload,
  current,
}: {
  conflict: ReturnType<typeof useConflict>;
  onReload: () => void;
  /** what is saved now for this part, shown after reloading */
  current?: ReactNode;
}) {
  const { t } = useTranslation();
  const reloadedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict.reloaded) reloadedRef.current?.focus();
  }, [conflict.reloaded]);
  if (conflict.reloaded) {
    return (
      <div ref={reloadedRef} tabIndex={-1} className="rondom-conflict rondom-focus-target">
        <Alert type="info">
          <Paragraph>
            <strong>{t('dossier.conflict.reloadedTitle')}</strong>
          </Paragraph>
          {current ? (
            <>
              <Paragraph>{t('dossier.conflict.savedNow')}</Paragraph>
              <div className="rondom-conflict__current">{current}</div>
            </>
          ) : null}
          <Paragraph>{t('dossier.conflict.reloadedText')}</Paragraph>
        </Alert>
      </div>
    );
  }
  if (!conflict.message) return null;
  return (
    <div className="rondom-conflict">
      <Alert type="warning">
        <Paragraph>{t('dossier.conflict.keep')}</Paragraph>
        <Button appearance="secondary-action-button" busy={conflict.reloading} disabled={conflict.reloading} onClick={onReload}>
          {t('dossier.conflict.reload')}
        </Button>
      </Alert>
      {conflict.reloadError ? <ErrorAlert error={conflict.reloadError} /> : null}
    </div>
  );
}
