import { Button } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/forms.js';
import { periodProblem, type TPeriod } from './figures-data.js';

/**
 * The period of the figures: two dates and a button, so the figures do not reload at every digit
 * typed. A wrong period is said next to its field, and the figures stay as they were.
 */
export function FiguresPeriodForm({ period, onChange }: { period: TPeriod; onChange: (p: TPeriod) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(period);
  const [problem, setProblem] = useState(() => periodProblem(period));
  // a new period from outside (the address, "back") replaces what was typed
  const { from, to } = period;
  useEffect(() => {
    setDraft({ from, to });
    setProblem(periodProblem({ from, to }));
  }, [from, to]);
  const error = (field: 'from' | 'to') => (problem?.field === field ? t(problem.key) : undefined);
  return (
    <search aria-label={t('absence.figures.period.label')}>
      <form
        noValidate
        className="rondom-filters"
        onSubmit={(e) => {
          e.preventDefault();
          const p = periodProblem(draft);
          setProblem(p);
          if (p) document.getElementById(`absence-period-${p.field}`)?.focus();
          else onChange(draft);
        }}
      >
        <TextField
          id="absence-period-from"
          type="date"
          label={t('absence.figures.period.from')}
          value={draft.from}
          error={error('from')}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField
          id="absence-period-to"
          type="date"
          label={t('absence.figures.period.to')}
          value={draft.to}
          error={error('to')}
          onChange={(e) => setDraft({ ...draft, to: e.target.value })}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('absence.figures.period.show')}
        </Button>
      </form>
    </search>
  );
}
