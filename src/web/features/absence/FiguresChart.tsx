import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { lazy, Suspense } from 'react';
import { ScrollTable } from '../../components/ScrollTable.js';
import { chartHeightOf, type TChartProps } from './figures-data.js';

// echarts is large: it loads with the first chart, after the page and its tables are there
const ChartCanvas = lazy(() => import('./ChartCanvas.js'));

/**
 * One figure: a heading that is the chart's caption, the chart (hidden from screen readers), and
 * a table with the same numbers right under it, which screen readers and keyboard users read.
 */
export function FiguresChart({
  id,
  title,
  hint,
  rowHeader,
  chart,
}: {
  id: string;
  title: string;
  hint?: string | undefined;
  /** the header of the first column ("Soort verzuim", "Maand") */
  rowHeader: string;
  chart: TChartProps;
}) {
  const rows = chart.categories.map((c, i) => [c, ...chart.series.map((s) => s.labels[i] ?? '')]);
  // with every count hidden ("< 5") a chart would be empty: the table alone says it
  const drawable = chart.series.some((s) => s.values.some((v) => v !== null));
  return (
    <section aria-labelledby={`${id}-title`} className="rondom-figure">
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      {hint ? <Paragraph className="rondom-hint">{hint}</Paragraph> : null}
      {drawable ? (
        <Suspense fallback={<div aria-hidden="true" className="rondom-chart" style={{ blockSize: chartHeightOf(chart) }} />}>
          <ChartCanvas {...chart} />
        </Suspense>
      ) : null}
      <ScrollTable
        id={id}
        caption={title}
        columns={[rowHeader, ...chart.series.map((s) => s.name)]}
        rows={rows}
        cellClassName={(c) => (c > 0 ? 'rondom-numeric' : undefined)}
      />
    </section>
  );
}
