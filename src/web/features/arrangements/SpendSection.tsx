import {
  Button,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { TextAreaField } from '../../components/fields.js';
import { applyServerError, ErrorSummary, SaveCancel, TextField, useServerIssues } from '../../components/forms.js';
import { ErrorAlert } from '../../components/Status.js';
import { formatDate, todayIso } from '../../format.js';
import { summaryFor } from '../dossier/Goals.js';
import { useConfirmAction } from '../sharing/confirm.js';
import { arrangementApi, formatEuro, formatHours, HOURS_MAX, parseEuros, parseHours, SPEND_MAX_CENTS, type TArrangement, useArrangementSaved } from './data.js';
import { BudgetSummary } from './views.js';

type TSpend = TArrangement['spends'][number];

interface SpendValues {
  spentOn: string;
  amount: string;
  hours: string;
  description: string;
}
const FIELDS = ['spentOn', 'amount', 'hours', 'description'] as const;
const toFormField = (f: string) => (f === 'amountCents' ? 'amount' : f);

function SpendForm({ a, onClose, onDone }: { a: TArrangement; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const saved = useArrangementSaved();
  const { failure, unplaced, clear: clearServer, show: showServer } = useServerIssues();
  const today = todayIso();
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    formState: { errors, isSubmitting, submitCount },
  } = useForm<SpendValues>({
    shouldFocusError: false,
    defaultValues: { spentOn: today < a.endOn ? (today > a.startOn ? today : a.startOn) : a.endOn, amount: '', hours: '', description: '' },
  });
  useEffect(() => setFocus('spentOn'), [setFocus]);
  const idOf = (f: string) => `arr-spend-${f}`;
  const labels = {
    spentOn: t('arrangements.spends.spentOn'),
    amount: t('arrangements.spends.amount'),
    hours: t('arrangements.spends.hours'),
    description: t('arrangements.spends.description'),
  };
  const required = t('validation.required');
  const onValid = async (v: SpendValues) => {
    clearServer();
    try {
      const out = await api<TArrangement>(arrangementApi(a.id, '/spends'), {
        method: 'POST',
        body: { spentOn: v.spentOn, amountCents: parseEuros(v.amount), hours: v.hours.trim() ? parseHours(v.hours) : null, description: v.description.trim() },
      });
      saved(out);
      onDone(out.totals.overBudget ? t('arrangements.spends.savedOver', { over: formatEuro(-out.totals.remainingCents) }) : t('arrangements.spends.saved'));
      onClose();
    } catch (e) {
      showServer(applyServerError(e, (name, err) => setError(toFormField(name) as keyof SpendValues, err), [...FIELDS, 'amountCents']));
    }
  };
  const items = submitCount ? summaryFor(errors, FIELDS.map((name) => ({ name, label: labels[name] })), idOf, unplaced) : [];
  return (
    <form noValidate onSubmit={handleSubmit(onValid)} className="rondom-form rondom-part__form" aria-labelledby="arr-spend-title">
      <Heading3 id="arr-spend-title">{t('arrangements.spends.formTitle')}</Heading3>
      <ErrorSummary items={items} message={failure} />
      <div className="rondom-form-row">
        <TextField
          id={idOf('spentOn')}
          type="date"
          label={labels.spentOn}
          description={t('arrangements.spends.spentOnHint', { from: formatDate(a.startOn), to: formatDate(a.endOn) })}
          required
          min={a.startOn}
          max={a.endOn}
          className="rondom-field--medium"
          error={errors.spentOn?.message}
          {...register('spentOn', {
            required,
            validate: (x) => (x >= a.startOn && x <= a.endOn) || t('errors.arrangement_spend_outside_period'),
          })}
        />
        <TextField
          id={idOf('amount')}
          label={labels.amount}
          description={t('arrangements.form.euroHint')}
          required
          inputMode="decimal"
          autoComplete="off"
          className="rondom-field--short"
          error={errors.amount?.message}
          {...register('amount', {
            validate: (x) => {
              if (!x.trim()) return required;
              const c = parseEuros(x);
              if (c === null) return t('arrangements.form.euroInvalid');
              if (c < 1) return t('arrangements.spends.amountTooSmall');
              return c <= SPEND_MAX_CENTS || t('arrangements.spends.amountTooBig', { max: formatEuro(SPEND_MAX_CENTS, { whole: true }) });
            },
          })}
        />
        <TextField
          id={idOf('hours')}
          label={labels.hours}
          description={t('arrangements.spends.hoursHint')}
          inputMode="decimal"
          autoComplete="off"
          className="rondom-field--short"
          error={errors.hours?.message}
          {...register('hours', {
            validate: (x) => {
              if (!x.trim()) return true;
              const h = parseHours(x);
              return (h !== null && h <= HOURS_MAX) || t('arrangements.form.hoursInvalid', { max: HOURS_MAX });
            },
          })}
        />
      </div>
      <TextAreaField
        id={idOf('description')}
        label={labels.description}
        description={t('arrangements.spends.descriptionHint')}
        required
        rows={2}
        error={errors.description?.message}
        {...register('description', {
          validate: (x) => x.trim().length > 0 || required,
          maxLength: { value: 500, message: t('validation.too_long', { max: 500 }) },
        })}
      />
      <SaveCancel label={t('arrangements.spends.save')} busy={isSubmitting} onCancel={onClose} />
    </form>
  );
}

/** "Wat is er uitgegeven": budget against spend, every spend record with the totals, and the form to add one. */
export function SpendSection({ a, forParent, onStatus }: { a: TArrangement; forParent: boolean; onStatus: (m: string) => void }) {
  const { t } = useTranslation();
  const saved = useArrangementSaved();
  const [adding, setAdding] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const remove = useConfirmAction(async (s: TSpend) => {
    saved(await api<TArrangement>(arrangementApi(a.id, `/spends/${encodeURIComponent(s.id)}`), { method: 'DELETE' }));
    onStatus(t('arrangements.spends.removed'));
  });
  const showWho = !forParent;
  const canRemove = a.policies.recordSpend;
  const totalHours = a.spends.some((s) => s.hours !== null);
  return (
    <section aria-labelledby="arr-spend-heading" className="rondom-part">
      <div className="rondom-part__head">
        <Heading2 id="arr-spend-heading" ref={remove.heading} tabIndex={-1} className="rondom-focus-target">
          {forParent ? t('arrangements.spends.titleParent') : t('arrangements.spends.title')}
        </Heading2>
        {a.policies.recordSpend && !adding ? (
          <Button ref={opener} appearance="secondary-action-button" onClick={() => setAdding(true)}>
            {t('arrangements.spends.add')}
          </Button>
        ) : null}
      </div>
      <BudgetSummary totals={a.totals} forParent={forParent} id="arr-budget" />
      {adding ? (
        <SpendForm
          a={a}
          onClose={() => {
            setAdding(false);
            requestAnimationFrame(() => opener.current?.focus());
          }}
          onDone={onStatus}
        />
      ) : null}
      {a.spends.length === 0 ? (
        <Paragraph className="rondom-empty">{forParent ? t('arrangements.spends.noneParent') : t('arrangements.spends.none')}</Paragraph>
      ) : (
        <div className="rondom-table-wrap" role="region" aria-labelledby="arr-spends-caption" tabIndex={0}>
          <Table className="rondom-table">
            <TableCaption id="arr-spends-caption" className="rondom-visually-hidden">
              {t('arrangements.spends.caption', { type: a.type.name })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('arrangements.spends.spentOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('arrangements.spends.description')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.spends.hoursShort')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="rondom-num">{t('arrangements.spends.amountShort')}</TableHeaderCell>
                {showWho ? <TableHeaderCell scope="col">{t('arrangements.spends.recordedBy')}</TableHeaderCell> : null}
                {canRemove ? <TableHeaderCell scope="col"><span className="rondom-visually-hidden">{t('arrangements.spends.actions')}</span></TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {a.spends.map((s) => (
                <TableRow key={s.id}>
                  <TableHeaderCell scope="row" className="rondom-nowrap">{formatDate(s.spentOn)}</TableHeaderCell>
                  <TableCell className="rondom-free-text">{s.description}</TableCell>
                  <TableCell className="rondom-num">{s.hours === null ? '' : formatHours(s.hours)}</TableCell>
                  <TableCell className="rondom-num">{formatEuro(s.amountCents)}</TableCell>
                  {showWho ? <TableCell>{s.recordedByName ?? ''}</TableCell> : null}
                  {canRemove ? (
                    <TableCell>
                      <Button appearance="subtle-button" hint="danger" onClick={() => remove.ask(s)}>
                        {t('arrangements.spends.remove', { date: formatDate(s.spentOn), amount: formatEuro(s.amountCents) })}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow className="rondom-arr-total">
                <TableHeaderCell scope="row">{t('arrangements.spends.total')}</TableHeaderCell>
                <TableCell />
                <TableCell className="rondom-num">{totalHours ? formatHours(a.totals.spentHours) : ''}</TableCell>
                <TableCell className="rondom-num">{formatEuro(a.totals.spentCents)}</TableCell>
                {showWho ? <TableCell /> : null}
                {canRemove ? <TableCell /> : null}
              </TableRow>
            </TableFooter>
          </Table>
        </div>
      )}
      {canRemove ? (
        <ConfirmDialog
          open={remove.target !== null}
          title={t('arrangements.spends.removeTitle')}
          confirmLabel={t('arrangements.spends.removeConfirm')}
          busy={remove.busy}
          onConfirm={() => void remove.confirm()}
          onCancel={remove.cancel}
        >
          <Paragraph>
            {remove.target
              ? t('arrangements.spends.removeBody', {
                  date: formatDate(remove.target.spentOn),
                  amount: formatEuro(remove.target.amountCents),
                  description: remove.target.description,
                })
              : ''}
          </Paragraph>
          {remove.failure ? <ErrorAlert error={remove.failure} /> : null}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
