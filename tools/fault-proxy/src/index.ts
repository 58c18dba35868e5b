export {
  type Direction,
  type Directions,
  type DirectionStats,
  FaultProxy,
  type FaultProxyOptions,
  type LinkControl,
  type Transform,
} from './fault-proxy';
