import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type EChartsCoreOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { chartHeightOf, type TChartProps } from './figures-data.js';

// only what the figures page draws, so the lazy chunk stays small
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);


// the theme's blue, then colours that stay apart for colour-blind eyes; lines also differ in dash and symbol
const COLOURS = ['#1f5a96', '#d55e00', '#009e73'];
const DASHES = ['solid', 'dashed', 'dotted'] as const;
const SYMBOLS = ['circle', 'triangle', 'rect'] as const;

function option({ type, categories, series }: TChartProps, fontFamily: string): EChartsCoreOption {
  const font = { fontFamily, fontSize: 14, color: '#1a1a1a' };
  if (type === 'bar') {
    const s = series[0] ?? { name: '', values: [], labels: [] };
    return {
      animation: false,
      textStyle: font,
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, axisLabel: font },
      // categories top to bottom in the order of the table below
      yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { ...font, width: 240, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: s.name,
          // a hidden count gets no bar, but its label ("< 5") still shows at the axis
          data: s.values.map((v) => v ?? 0),
          barMaxWidth: 22,
          itemStyle: { color: COLOURS[0] },
          label: { show: true, position: 'right', ...font, formatter: ({ dataIndex }: { dataIndex: number }) => s.labels[dataIndex] ?? '' },
        },
      ],
    };
  }
  return {
    animation: false,
    textStyle: font,
    legend: { top: 0, textStyle: font },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: font },
    yAxis: { type: 'value', minInterval: 1, axisLabel: font },
    series: series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: s.values,
      connectNulls: false,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 8,
      itemStyle: { color: COLOURS[i % COLOURS.length] },
      lineStyle: { color: COLOURS[i % COLOURS.length], width: 2, type: DASHES[i % DASHES.length] },
    })),
  };
}

/**
 * An echarts canvas. It is hidden from assistive tech: the table under it carries the same
 * numbers, and the heading above is its caption.
 */
export default function ChartCanvas(props: TChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  // drawn again only when the numbers change, not on every render of the page
  const spec = JSON.stringify(props);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = init(el, null, { renderer: 'canvas' });
    // a canvas does not inherit the page's font; hand it over
    chart.setOption(option(JSON.parse(spec) as TChartProps, getComputedStyle(el).fontFamily || 'sans-serif'));
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [spec]);
  return <div ref={ref} aria-hidden="true" className="rondom-chart" style={{ blockSize: chartHeightOf(props) }} />;
}
