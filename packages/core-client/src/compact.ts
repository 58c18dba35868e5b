// @hz/core-client/compact: Compact serialization, opt-in. A program that does not import this carries no
// Compact code; register it with `serialization: { formats: [compactSerialization] }`.
export { compactSerialization } from './client/compact-support';
