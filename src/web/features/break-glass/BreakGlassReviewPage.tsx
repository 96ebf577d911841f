import './break-glass.css';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZBreakGlass } from '../../../shared/schemas/consent.js';
import { api, qs } from '../../api.js';
import { AppLink } from '../../components/AppLink.js';
import { applyServerError, ErrorSummary, SelectField, summaryItems, useServerIssues } from '../../components/forms.js';
import { Pagination } from '../../components/Pagination.js';
import { PageHeading } from '../../components/page.js';
import { ErrorAlert, Loading, StatusMessage } from '../../components/Status.js';
import type { Paged } from '../../types.js';
import { formatDateTime } from '../../format.js';
import { TextAreaField } from '../../components/fields.js';

type TBreakGlass = z.infer<typeof ZBreakGlass>;
type Filter = 'open' | 'reviewed' | 'all';
const PAGE_SIZE = 20;
const NOTE_MAX = 2000;
const REVIEWED: Record<Filter, 'true' | 'false' | undefined> = { open: 'false', reviewed: 'true', all: undefined };

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue value={value}>{value}</DataListValue>
    </DataListItem>
  );
}

function ReviewForm({ opening, onDone }: { opening: TBreakGlass; onDone: (m: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const prefix = `review-${opening.id}`;
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<{ note: string }>({ shouldFocusError: false, defaultValues: { note: '' } });
  const onSubmit = async (v: { note: string }) => {
    clearServer();
    try {
      await api<TBreakGlass>(`/api/v1/break-glass/${encodeURIComponent(opening.id)}/review`, {
        method: 'POST',
        body: { note: v.note.trim() },
      });
      await queryClient.invalidateQueries({ queryKey: ['break-glass'] });
      onDone(t('breakGlass.review.saved', { user: opening.user.name, pupil: opening.pupil.displayName }));
    } catch (e) {
      showServer(applyServerError(e, setError, ['note']));
    }
  };
  const required = t('validation.required');
  const items = submitCount ? summaryItems(errors, ['note'], () => `${prefix}-note`, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onSubmit)} className="rondom-form">
      <ErrorSummary items={items} message={failure} />
      <TextAreaField
        id={`${prefix}-note`}
        label={t('breakGlass.review.note')}
        description={t('breakGlass.review.noteHint')}
        required
        rows={3}
        error={errors.note?.message}
        {...register('note', {
          validate: (v) => v.trim().length > 0 || required,
          maxLength: { value: NOTE_MAX, message: t('validation.too_long', { max: NOTE_MAX }) },
        })}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={isSubmitting} disabled={isSubmitting}>
          {t('breakGlass.review.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function Opening({ opening, onStatus }: { opening: TBreakGlass; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const o = opening;
  const headingId = `opening-${o.id}-heading`;
  const stillOpen = new Date(o.expiresAt).getTime() > Date.now();
  return (
    <article className="rondom-opening" aria-labelledby={headingId}>
      <div className="rondom-opening__head">
        <Heading2 id={headingId} className="rondom-opening__title">
          {t('breakGlass.review.openingTitle', { user: o.user.name || t('common.unknown'), pupil: o.pupil.displayName })}
        </Heading2>
        <span className={`rondom-review-state rondom-review-state--${o.reviewedAt ? 'done' : 'open'}`}>
          {o.reviewedAt ? t('breakGlass.review.stateDone') : t('breakGlass.review.stateOpen')}
        </span>
      </div>
      <DataList>
        <Fact label={t('breakGlass.review.fields.user')} value={o.user.name || t('common.unknown')} />
        <DataListItem>
          <DataListKey>{t('breakGlass.review.fields.pupil')}</DataListKey>
          <DataListValue value={o.pupil.displayName}>
            <AppLink to={`/leerlingen/${encodeURIComponent(o.pupil.id)}`}>{o.pupil.displayName}</AppLink>
          </DataListValue>
        </DataListItem>
        <Fact label={t('breakGlass.review.fields.startedAt')} value={formatDateTime(o.startedAt)} />
        <Fact
          label={t('breakGlass.review.fields.expiresAt')}
          value={stillOpen ? t('breakGlass.review.untilOpen', { until: formatDateTime(o.expiresAt) }) : formatDateTime(o.expiresAt)}
        />
      </DataList>
      <div className="rondom-opening__reason">
        <Paragraph>
          <strong>{t('breakGlass.review.fields.reason')}</strong>
        </Paragraph>
        <blockquote className="rondom-quote">{o.reason}</blockquote>
      </div>
      {o.reviewedAt ? (
        <div className="rondom-opening__review">
          <Paragraph>
            <strong>
              {t('breakGlass.review.reviewedBy', { who: o.reviewedBy?.name || t('common.unknown'), when: formatDateTime(o.reviewedAt) })}
            </strong>
          </Paragraph>
          <blockquote className="rondom-quote">{o.reviewNote}</blockquote>
        </div>
      ) : o.policies.review ? (
        <ReviewForm opening={o} onDone={onStatus} />
      ) : null}
    </article>
  );
}

/**
 * /spoedtoegang — functioneel beheer reviews every break-the-glass opening of the region: who
 * opened which child's file, when, why and until when; a note closes the review.
 */
export default function BreakGlassReviewPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('open');
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<string>();
  const list = useQuery({
    queryKey: ['break-glass', { filter, page }],
    queryFn: () => api<Paged<TBreakGlass>>(`/api/v1/break-glass${qs({ reviewed: REVIEWED[filter], page, pageSize: PAGE_SIZE })}`),
    placeholderData: keepPreviousData,
  });
  const data = list.data;
  // a reviewed opening leaves the "to review" list, with the form the person was in: continue above the list
  const listTop = useRef<HTMLDivElement>(null);
  const [reviewedCount, setReviewedCount] = useState(0);
  useEffect(() => {
    if (reviewedCount) listTop.current?.focus();
  }, [reviewedCount]);
  const onReviewed = (m: string) => {
    setStatus(m);
    setReviewedCount((n) => n + 1);
  };
  return (
    <>
      <PageHeading>{t('breakGlass.review.title')}</PageHeading>
      <Paragraph lead>{t('breakGlass.review.intro')}</Paragraph>
      <Paragraph>{t('breakGlass.review.how')}</Paragraph>
      <search aria-label={t('breakGlass.review.filterLabel')}>
        <form className="rondom-filters rondom-review-filters" onSubmit={(e) => e.preventDefault()}>
          <SelectField
            id="break-glass-filter"
            label={t('breakGlass.review.filter')}
            value={filter}
            options={(['open', 'reviewed', 'all'] as const).map((f) => ({ value: f, label: t(`breakGlass.review.filters.${f}`) }))}
            onChange={(e) => {
              setFilter(e.target.value as Filter);
              setPage(1);
              setStatus(undefined);
            }}
          />
        </form>
      </search>
      <StatusMessage>{status}</StatusMessage>
      <div ref={listTop} tabIndex={-1} className="rondom-focus-target">
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : data && data.items.length === 0 ? (
        <Paragraph className="rondom-empty">{t(`breakGlass.review.empty.${filter}`)}</Paragraph>
      ) : data ? (
        <>
          <Paragraph>{t(`breakGlass.review.count.${filter}`, { count: data.total })}</Paragraph>
          <div className="rondom-openings" aria-busy={list.isFetching || undefined}>
            {data.items.map((o) => (
              <Opening key={o.id} opening={o} onStatus={onReviewed} />
            ))}
          </div>
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} label={t('breakGlass.review.pagination')} />
        </>
      ) : null}
      </div>
    </>
  );
}
