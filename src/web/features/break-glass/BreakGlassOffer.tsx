import './break-glass.css';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
// types and plain values only: zod stays out of the browser bundle
import { BREAK_GLASS_HOURS } from '../../../shared/consent.js';
import type { z } from 'zod';
import type { ZBreakGlassOpened } from '../../../shared/schemas/consent.js';
import { ApiError, api } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { applyServerError, ErrorSummary, summaryItems, useServerIssues } from '../../components/forms.js';
import { PageHeading } from '../../components/page.js';
import { LoadError, Loading } from '../../components/Status.js';
import type { Pupil } from '../../types.js';
import { formatDateTime } from '../../format.js';
import { TextAreaField } from '../../components/fields.js';
import { usePupil } from '../pupils/data.js';
import { PupilFileNav } from '../pupils/PupilFileNav.js';

type TOpened = z.infer<typeof ZBreakGlassOpened>;

/** As ZBreakGlassInput in src/shared/schemas/consent.ts (kept here as a plain value). */
const REASON_MIN = 20;
const REASON_MAX = 2000;

/** Openings made in this tab, so the file pages can say until when (not stored: gone on reload). */
const openedHere = new Map<string, TOpened>();
/** Openings whose notice has taken focus once (right after the form went away). */
const announced = new Set<string>();

const isNotFound = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.code === 'not_found');

/** Every query of this child's file has the pupil id in its key: refresh them all at once. */
function refreshChildFile(queryClient: ReturnType<typeof useQueryClient>, pupilId: string) {
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey.some((part) => part === pupilId),
  });
}

function ReasonForm({ pupilId, name }: { pupilId: string; name: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ reason: string }>({ shouldFocusError: false, defaultValues: { reason: '' } });
  const onSubmit = async (v: { reason: string }) => {
    clearServer();
    try {
      const opened = await api<TOpened>(`/api/v1/pupils/${encodeURIComponent(pupilId)}/break-glass`, {
        method: 'POST',
        body: { reason: v.reason.trim() },
      });
      openedHere.set(pupilId, opened);
      // the page asks again and now gets the file; this offer goes away with the 404
      await refreshChildFile(queryClient, pupilId);
    } catch (e) {
      showServer(applyServerError(e, setError, ['reason']));
    }
  };
  const items = submitCount ? summaryItems(errors, ['reason'], () => 'break-glass-reason', unplaced) : [];
  const tooShort = t('breakGlass.offer.reasonTooShort', { min: REASON_MIN });
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      <TextAreaField
        id="break-glass-reason"
        label={t('breakGlass.offer.reason')}
        description={t('breakGlass.offer.reasonHint', { min: REASON_MIN, name })}
        required
        rows={4}
        error={errors.reason?.message}
        {...register('reason', {
          validate: (v) => v.trim().length >= REASON_MIN || tooShort,
          maxLength: { value: REASON_MAX, message: t('validation.too_long', { max: REASON_MAX }) },
        })}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('breakGlass.offer.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/**
 * The offer itself, for a page that already has the pupil and sees `policies.breakGlass` (and no
 * other way into the file): "U werkt nog niet met …", the facts, and the reason form.
 */
export function BreakGlassOfferFor({ pupil }: { pupil: Pupil }) {
  const { t } = useTranslation();
  const hours = BREAK_GLASS_HOURS;
  return (
    <>
      <Paragraph>
        <AppLink to="/">{t('sharing.backHome')}</AppLink>
      </Paragraph>
      <PageHeading>{t('breakGlass.offer.title', { name: pupil.displayName })}</PageHeading>
      <PupilFileNav pupilId={pupil.id} name={pupil.displayName} />
      <Alert type="info">
        <Paragraph>
          <strong>{t('breakGlass.offer.noRelation', { name: pupil.displayName })}</strong>
        </Paragraph>
        <Paragraph>{t('breakGlass.offer.normalWay', { school: pupil.school.name })}</Paragraph>
      </Alert>
      <section aria-labelledby="break-glass-heading" className="rondom-break-glass">
        <Heading2 id="break-glass-heading">{t('breakGlass.offer.heading')}</Heading2>
        <Paragraph>{t('breakGlass.offer.when')}</Paragraph>
        <UnorderedList>
          <UnorderedListItem>{t('breakGlass.offer.fact.time', { count: hours })}</UnorderedListItem>
          <UnorderedListItem>{t('breakGlass.offer.fact.logged')}</UnorderedListItem>
          <UnorderedListItem>{t('breakGlass.offer.fact.family')}</UnorderedListItem>
          <UnorderedListItem>{t('breakGlass.offer.fact.review')}</UnorderedListItem>
        </UnorderedList>
        <ReasonForm pupilId={pupil.id} name={pupil.displayName} />
      </section>
    </>
  );
}

function OfferIfAllowed({ pupilId, error, title }: { pupilId: string; error: unknown; title?: string | undefined }) {
  const pupil = usePupil(pupilId);
  if (pupil.isPending) return <Loading />;
  // the register does not know the child either (another region, a typo): the usual "not found"
  if (pupil.isError) return <LoadError error={isNotFound(pupil.error) ? error : pupil.error} {...(title ? { title } : {})} />;
  // the server says whether this person may open the file in an emergency (a consultant without a relation)
  if (!pupil.data.policies.breakGlass) return <LoadError error={error} {...(title ? { title } : {})} />;
  return <BreakGlassOfferFor pupil={pupil.data} />;
}

/**
 * What a page of the child's file shows when its main request failed — use it in place of
 * `<LoadError>`: `if (q.isError) return <BreakGlassOffer pupilId={id} error={q.error} title={…} />`.
 *
 * On a 404 it asks the pupil register (GET /api/v1/pupils/:id, the same cache entry as the
 * file navigation); when that answers with `policies.breakGlass` it offers "Spoedtoegang vragen"
 * (a reason of at least 20 characters, logged, for 24 hours, reviewed by functioneel beheer).
 * After opening, every query with the pupil id in its key is refreshed, so the page shows the
 * file. Anything else renders exactly what `<LoadError>` would.
 */
export function BreakGlassOffer({ pupilId, error, title }: { pupilId: string; error: unknown; title?: string }) {
  if (!isNotFound(error) || !pupilId) return <LoadError error={error} {...(title ? { title } : {})} />;
  return <OfferIfAllowed pupilId={pupilId} error={error} title={title} />;
}

/**
 * "U werkt met spoedtoegang tot …": on the child's file pages after an opening made in this tab.
 * The first time it takes focus, since the form the person was in has just gone.
 */
export function BreakGlassNotice({ pupilId }: { pupilId: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const opened = openedHere.get(pupilId);
  const stillOpen = opened && new Date(opened.expiresAt).getTime() > Date.now();
  useEffect(() => {
    if (!stillOpen || announced.has(pupilId)) return;
    announced.add(pupilId);
    ref.current?.focus();
  }, [stillOpen, pupilId]);
  if (!opened || !stillOpen) return null;
  return (
    <div ref={ref} tabIndex={-1} className="rondom-break-glass-notice">
      <Alert type="warning">
        <Paragraph>
          <strong>{t('breakGlass.notice.title')}</strong> {t('breakGlass.notice.text', { until: formatDateTime(opened.expiresAt) })}
        </Paragraph>
      </Alert>
    </div>
  );
}
