export {
  type Direction,
  type DirectionStats,
  type Directions,
  FaultProxy,
  type FaultProxyOptions,
  type LinkControl,
  type Transform,
} from './fault-proxy';
