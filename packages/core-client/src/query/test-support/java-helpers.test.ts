// The client halves of the Java helpers must write what the Java classes write (golden bytes from
// Hazelcast 5.7.0 serializing the compiled dev.hz.testing classes).
import { SerializationService } from '@hz/serialization';
import { describe, expect, it } from 'vitest';
import {
  appendingEntryProcessor,
  ComparatorType,
  customComparator,
  identifiedEntryProcessor,
  prefixFilter,
  sampleMapInterceptor,
} from './java-helpers';

const hex = (value: unknown) => new SerializationService().toData(value).toBuffer().toString('hex');

describe('Java helper objects', () => {
  it.each<[string, () => unknown, string]>([
    [
      'IdentifiedEntryProcessor("new-value")',
      () => identifiedEntryProcessor('new-value'),
      '00000000fffffffe010000004200000001000000096e65772d76616c7565',
    ],
    [
      'PrefixFilter("user-")',
      () => prefixFilter('user-'),
      '00000000fffffffe01000000420000000200000005757365722d',
    ],
    [
      'CustomComparator(1)',
      () => customComparator(ComparatorType.BY_VALUE_DESCENDING),
      '00000000fffffffe01000000420000000300000001',
    ],
    [
      'AppendingEntryProcessor("!")',
      () => appendingEntryProcessor('!'),
      '00000000fffffffe0100000042000000040000000121',
    ],
    ['SampleMapInterceptor', () => sampleMapInterceptor(), '00000000fffffffe010000004200000005'],
  ])('%s', (_name, build, javaHex) => {
    expect(hex(build())).toBe(javaHex);
  });
});
