import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatEuro, formatHours, type TArrangement, type TArrangementStatus } from './data.js';

/** The state of an arrangement in words (the colour only repeats them). */
export function ArrangementStatusBadge({ status }: { status: TArrangementStatus }) {
  const { t } = useTranslation();
  return <span className={`rondom-arr-status rondom-arr-status--${status}`}>{t(`arrangements.status.${status}`)}</span>;
}

type TTotals = TArrangement['totals'];

/**
 * Budget against spend, in figures and in a sentence; the bar only repeats it for the eye. Over
 * budget is said in words ("overschreden") and marked with a sign, never by colour alone.
 */
export function BudgetSummary({ totals, forParent, id }: { totals: TTotals; forParent: boolean; id: string }) {
  const { t } = useTranslation();
  const share = totals.budgetCents > 0 ? Math.round((totals.spentCents / totals.budgetCents) * 100) : totals.spentCents > 0 ? 100 : 0;
  const values = {
    spent: formatEuro(totals.spentCents),
    budget: formatEuro(totals.budgetCents),
    remaining: formatEuro(Math.abs(totals.remainingCents)),
    share,
  };
  return (
    <div className={`rondom-budget${totals.overBudget ? ' rondom-budget--over' : ''}`} id={id}>
      <dl className="rondom-budget__figures">
        <div>
          <dt>{t('arrangements.budget.granted')}</dt>
          <dd>{values.budget}</dd>
        </div>
        <div>
          <dt>{t('arrangements.budget.spent')}</dt>
          <dd>{values.spent}</dd>
        </div>
        <div>
          <dt>{totals.overBudget ? t('arrangements.budget.over') : t('arrangements.budget.remaining')}</dt>
          <dd>{values.remaining}</dd>
        </div>
        {totals.spentHours > 0 ? (
          <div>
            <dt>{t('arrangements.budget.hours')}</dt>
            <dd>{t('arrangements.hoursValue', { hours: formatHours(totals.spentHours) })}</dd>
          </div>
        ) : null}
      </dl>
      <div className="rondom-budget__bar" aria-hidden="true">
        <span className="rondom-budget__fill" style={{ inlineSize: `${Math.min(100, share)}%` }} />
      </div>
      <Paragraph className="rondom-budget__words">
        {totals.overBudget ? (
          <strong>
            <span aria-hidden="true">⚠ </span>
            {t(forParent ? 'arrangements.budget.overSentenceParent' : 'arrangements.budget.overSentence', values)}
          </strong>
        ) : (
          t(forParent ? 'arrangements.budget.sentenceParent' : 'arrangements.budget.sentence', values)
        )}
      </Paragraph>
    </div>
  );
}

/** "Eigen personeel: Juf Anja" — the name only where the server sends it. */
export function executorText(t: (k: string, o?: Record<string, unknown>) => string, e: TArrangement['executor']) {
  const kind = t(`arrangements.executor.${e.kind}`);
  return e.name ? t('arrangements.executorWithName', { kind, name: e.name }) : kind;
}
