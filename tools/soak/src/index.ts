export {
  analyseGrowth,
  DEFAULT_GROWTH_LIMITS,
  type GrowthLimits,
  type GrowthVerdict,
  median,
  type SoakSample,
  slopePerMinute,
} from './growth';
export {
  collectGarbage,
  countSockets,
  runSoak,
  type SoakOptions,
  type SoakReport,
  type SoakRestart,
} from './soak';
export { type ChartInput, renderSoakSvg } from './svg';
