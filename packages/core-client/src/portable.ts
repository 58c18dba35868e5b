// @hz/core-client/portable: Portable serialization, opt-in. A program that does not import this carries no
// Portable code; register it with `serialization: { formats: [portableSerialization] }`.
export { portableSerialization } from '@hz/serialization';
