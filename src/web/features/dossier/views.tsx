import { Heading3, Heading4, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../format.js';
import { type TEvaluation, type TGoal } from './data.js';
import { todayIso } from '../../format.js';

/** What a part shows when nothing is written yet: what it is for, and (for those who may write) what to write. */
export function EmptyPart({ text, hint }: { text: string; hint?: string | undefined }) {
  return (
    <Paragraph className="rondom-empty">
      {text}
      {hint ? (
        <>
          <br />
          <span className="rondom-empty__hint">{hint}</span>
        </>
      ) : null}
    </Paragraph>
  );
}

export function StatementList({ items, empty }: { items: string[]; empty: ReactNode }) {
  if (!items.length) return <>{empty}</>;
  return (
    <ul className="utrecht-unordered-list rondom-statements">
      {items.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the same statement may be written twice; the list is replaced as a whole
        <li key={i} className="utrecht-unordered-list__item">
          {s}
        </li>
      ))}
    </ul>
  );
}

/** Free text as the person wrote it: their line breaks kept. */
export function FreeText({ text, empty }: { text: string | null; empty: ReactNode }) {
  if (!text?.trim()) return <>{empty}</>;
  return <div className="rondom-free-text">{text}</div>;
}

export function GoalStatusBadge({ status }: { status: TGoal['status'] }) {
  const { t } = useTranslation();
  return <span className={`rondom-goal-status rondom-goal-status--${status}`}>{t(`dossier.goals.status.${status}`)}</span>;
}

function EvaluationItem({ e }: { e: TEvaluation }) {
  const { t } = useTranslation();
  return (
    <li className="rondom-evaluation">
      <p className="rondom-evaluation__head">
        <strong>{formatDate(e.evaluatedOn)}</strong>
        <span aria-hidden="true"> · </span>
        <span className="rondom-visually-hidden">, </span>
        <span className={`rondom-result rondom-result--${e.result}`}>{t(`dossier.evaluation.results.${e.result}`)}</span>
      </p>
      <dl className="rondom-evaluation__body">
        <dt>{t('dossier.evaluation.whatWorked')}</dt>
        <dd className="rondom-free-text">{e.whatWorked}</dd>
        <dt>{t('dossier.evaluation.nextStep')}</dt>
        <dd className="rondom-free-text">{e.nextStep}</dd>
      </dl>
    </li>
  );
}

/**
 * One SMART goal with its evaluations (newest first). `actions` and `children` are the edit
 * buttons and the open form on the live page; an earlier version shows the goal alone.
 */
export function GoalCard({ goal, actions, children }: { goal: TGoal; actions?: ReactNode; children?: ReactNode }) {
  const { t } = useTranslation();
  const headingId = `goal-${goal.id}-title`;
  const overdue = goal.status === 'active' && goal.targetDate < todayIso();
  return (
    <article className="rondom-goal" aria-labelledby={headingId}>
      <div className="rondom-goal__head">
        <Heading3 id={headingId} className="rondom-goal__title">
          {goal.goal}
        </Heading3>
        <GoalStatusBadge status={goal.status} />
      </div>
      <dl className="rondom-goal__facts">
        <div>
          <dt>{t('dossier.goals.criterion')}</dt>
          <dd className="rondom-free-text">{goal.criterion}</dd>
        </div>
        <div>
          <dt>{t('dossier.goals.targetDate')}</dt>
          <dd>
            {formatDate(goal.targetDate)}
            {overdue ? <span className="rondom-goal__overdue"> {t('dossier.goals.overdue')}</span> : null}
          </dd>
        </div>
      </dl>
      <Heading4 className="rondom-goal__subheading">{t('dossier.evaluation.title')}</Heading4>
      {goal.evaluations.length ? (
        <ul className="rondom-evaluations">
          {goal.evaluations.map((e) => (
            <EvaluationItem key={e.id} e={e} />
          ))}
        </ul>
      ) : (
        <Paragraph className="rondom-hint">{t('dossier.evaluation.none')}</Paragraph>
      )}
      {actions ? <div className="rondom-goal__actions">{actions}</div> : null}
      {children}
    </article>
  );
}
