import { Button, ButtonGroup, DataList, DataListItem, DataListKey, DataListValue, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { previousLevel } from '../../../shared/signal-plan.js';
import { formatDate } from '../../format.js';
import { SIGNAL_LEVELS, type TCase, type TSignalLevel, type TSignalPlan, type TSignalStatus, useCaseSaved } from './data.js';
import { SignalPlanForm } from './SignalPlanForm.js';
import { SignalStatusForm } from './SignalStatusForm.js';

/** Where a plan can go from where it is. */
const NEXT: Record<TSignalStatus, TSignalStatus[]> = {
  waiting: ['activated', 'closed'],
  activated: ['closed', 'waiting'],
  closed: ['waiting'],
};

/** The status in words (the colour only repeats them); the family's words are plainer. */
function PlanStatus({ status, forFamily }: { status: TSignalStatus; forFamily: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`rondom-case-status rondom-case-status--${status}`}>
      {t(`caseLeads.plans.status${forFamily ? 'Family' : ''}.${status}`)}
    </span>
  );
}

type TMode = { kind: 'view' } | { kind: 'edit' } | { kind: 'status'; target: TSignalStatus };

/** One plan (B, C or D): what signals it, when, what then happens, who acts, and where it stands. */
function PlanCard({
  pupilId,
  level,
  plan,
  previous,
  canEdit,
  forFamily,
  onStatus,
}: {
  pupilId: string;
  level: TSignalLevel;
  plan: TSignalPlan | undefined;
  /** The plan before this one exists (or this is plan B). */
  previous: boolean;
  canEdit: boolean;
  forFamily: boolean;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const saved = useCaseSaved(pupilId);
  const heading = useRef<HTMLHeadingElement>(null);
  const [mode, setMode] = useState<TMode>({ kind: 'view' });
  const back = () => {
    setMode({ kind: 'view' });
    // after the form is gone, continue at the plan's heading
    setTimeout(() => heading.current?.focus(), 0);
  };
  const done = (message: string) => async (answer: TCase) => {
    await saved(answer);
    onStatus(message);
    back();
  };
  const headingId = `plan-${level}-heading`;

  let body;
  if (mode.kind === 'edit') {
    body = <SignalPlanForm pupilId={pupilId} level={level} plan={plan} onCancel={back} onSaved={done(t('caseLeads.plans.saved', { level }))} />;
  } else if (!plan) {
    body = (
      <>
        <Paragraph className="rondom-hint">
          {t('caseLeads.plans.none', { level })}
          {canEdit && !previous ? ` ${t('caseLeads.plans.previousFirst', { previous: previousLevel(level), level })}` : ''}
        </Paragraph>
        {canEdit && previous ? (
          <Button appearance="secondary-action-button" onClick={() => setMode({ kind: 'edit' })}>
            {t('caseLeads.plans.create', { level })}
          </Button>
        ) : null}
      </>
    );
  } else {
    body = (
      <>
        {plan.triggered ? (
          <p className="rondom-case-signal">
            <span aria-hidden="true">⚠ </span>
            <strong>{t('caseLeads.plans.signalLabel')}</strong> {t(forFamily ? 'caseLeads.plans.signalFamily' : 'caseLeads.plans.signal', { level })}
          </p>
        ) : null}
        <DataList className="rondom-case-facts">
          <DataListItem>
            <DataListKey>{t(forFamily ? 'caseLeads.plans.fields.triggerFamily' : 'caseLeads.plans.fields.trigger')}</DataListKey>
            <DataListValue value={plan.trigger} multiline>
              {plan.trigger}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('caseLeads.plans.fields.triggerOnShort')}</DataListKey>
            <DataListValue value={plan.triggerOn ?? '-'}>{plan.triggerOn ? formatDate(plan.triggerOn) : t('caseLeads.plans.noDate')}</DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('caseLeads.plans.fields.action')}</DataListKey>
            <DataListValue value={plan.action} multiline>
              {plan.action}
            </DataListValue>
          </DataListItem>
          <DataListItem>
            <DataListKey>{t('caseLeads.plans.fields.actorName')}</DataListKey>
            <DataListValue value={plan.actorName}>{plan.actorName}</DataListValue>
          </DataListItem>
          {plan.statusNote ? (
            <DataListItem>
              <DataListKey>{t(`caseLeads.plans.statusNoteFor.${plan.status}`)}</DataListKey>
              <DataListValue value={plan.statusNote} multiline>
                {plan.statusNote}
              </DataListValue>
            </DataListItem>
          ) : null}
        </DataList>
        {mode.kind === 'status' ? (
          // the plan stays in view while deciding on it
          <SignalStatusForm
            pupilId={pupilId}
            level={level}
            target={mode.target}
            onCancel={back}
            onSaved={done(t(`caseLeads.plans.to.${mode.target}.done`, { level }))}
          />
        ) : canEdit ? (
          <ButtonGroup className="rondom-case-actions">
            {NEXT[plan.status].map((target) => (
              <Button
                key={target}
                appearance={target === 'activated' && plan.triggered ? 'primary-action-button' : 'secondary-action-button'}
                onClick={() => setMode({ kind: 'status', target })}
              >
                {t(`caseLeads.plans.to.${target}.open`, { level })}
              </Button>
            ))}
            <Button appearance="subtle-button" onClick={() => setMode({ kind: 'edit' })}>
              {t('caseLeads.plans.edit', { level })}
            </Button>
          </ButtonGroup>
        ) : null}
      </>
    );
  }

  return (
    <li className={`rondom-case-plan${plan?.triggered ? ' rondom-case-plan--signal' : ''}`} aria-labelledby={headingId}>
      <div className="rondom-case-plan__head">
        <Heading3 id={headingId} ref={heading} tabIndex={-1} className="rondom-focus-target">
          {t('caseLeads.plans.planTitle', { level })}
        </Heading3>
        {plan ? <PlanStatus status={plan.status} forFamily={forFamily} /> : null}
      </div>
      {body}
    </li>
  );
}

/**
 * "Signaleringsplan": plan B, C and D for when help stalls (a waiting list, no progress). When a
 * waiting plan's date passes, the case lead gets a task and the plan says so here in words.
 */
export function SignalPlanSection({
  pupilId,
  theCase,
  forFamily,
  onStatus,
}: {
  pupilId: string;
  theCase: TCase;
  forFamily: boolean;
  onStatus: (message: string) => void;
}) {
  const { t } = useTranslation();
  const plans = new Map(theCase.signalPlans.map((p) => [p.level, p]));
  const open = !!theCase.caseLead;
  const canEdit = theCase.policies.editSignalPlan && open;
  // the family sees what was agreed; staff see the empty places too, to fill them in
  const levels = forFamily ? SIGNAL_LEVELS.filter((l) => plans.has(l)) : SIGNAL_LEVELS;
  return (
    <section aria-labelledby="signal-plan-heading" className="rondom-part rondom-case-plans">
      <Heading2 id="signal-plan-heading">{t('caseLeads.plans.title')}</Heading2>
      <Paragraph>{forFamily ? t('caseLeads.plans.introFamily') : t('caseLeads.plans.intro')}</Paragraph>
      {theCase.policies.editSignalPlan && !open ? <Paragraph className="rondom-empty">{t('caseLeads.plans.needsLead')}</Paragraph> : null}
      {levels.length === 0 ? (
        <Paragraph className="rondom-empty">{t('caseLeads.plans.noneFamily')}</Paragraph>
      ) : (
        <ol className="rondom-case-plan-list">
          {levels.map((level) => (
            <PlanCard
              key={level}
              pupilId={pupilId}
              level={level}
              plan={plans.get(level)}
              previous={!previousLevel(level) || plans.has(previousLevel(level)!)}
              canEdit={canEdit}
              forFamily={forFamily}
              onStatus={onStatus}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
