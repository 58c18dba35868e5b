// The built-in codecs the generated message and custom-type codecs are made of.

export * from '../constants';
export { FrameFlags } from '../flags';
export { beginFrame, createFrame, endFrame, nullFrame } from '../frame';
export * from './bytes';
export * from './define';
export * from './fixed';
export * from './fixed-lists';
export * from './messages';
export * from './multi-frame';
export * from './special-entry-lists';
export * from './sql-page';
export * from './string';
export type * from './types';
