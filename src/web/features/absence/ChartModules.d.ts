// echarts' entry points re-export their types from './shared' without a file extension, which
// "NodeNext" resolution cannot follow from an ES module, so every import would be `any`. Point the
// parts the figures page uses at the typed bundle the package exports (names as in echarts 6.0.0's
// types/dist/{charts,components,renderers}.d.ts; a new version may rename the install$N aliases).
declare module 'echarts/core' {
  export { init, use, type ECBasicOption as EChartsCoreOption, type EChartsType } from 'echarts/types/dist/shared';
}
declare module 'echarts/charts' {
  export { install$1 as BarChart, install as LineChart } from 'echarts/types/dist/shared';
}
declare module 'echarts/components' {
  export { install$24 as GridComponent, install$42 as LegendComponent, install$34 as TooltipComponent } from 'echarts/types/dist/shared';
}
declare module 'echarts/renderers' {
  export { install$56 as CanvasRenderer } from 'echarts/types/dist/shared';
}
