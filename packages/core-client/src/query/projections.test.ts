// Projections have no counterpart in the official Node client, so the expected bytes come from Hazelcast
// 5.7.0's own serialization service (Projections.singleAttribute("address.city"), ...).
import { SerializationService } from '@hz/serialization';
import { describe, expect, it } from 'vitest';
import { IllegalArgumentError } from '../errors/hazelcast-error';
import * as Projections from './projections';

const hex = (value: unknown) => new SerializationService().toData(value).toBuffer().toString('hex');

describe('projections match the bytes Java writes', () => {
  it('singleAttribute', () => {
    expect(hex(Projections.singleAttribute('address.city'))).toBe(
      '00000000fffffffe01ffffffe2000000000000000c616464726573732e63697479',
    );
  });

  it('multiAttribute', () => {
    expect(hex(Projections.multiAttribute('name', 'age', '__key'))).toBe(
      '00000000fffffffe01ffffffe20000000100000003000000046e616d6500000003616765000000055f5f6b6579',
    );
  });

  it('identity', () => {
    expect(hex(Projections.identity())).toBe('00000000fffffffe01ffffffe200000002');
  });
});

describe('projection arguments', () => {
  it('refuses empty, non-string and [any] paths, naming the argument', () => {
    expect(() => Projections.singleAttribute('')).toThrow(IllegalArgumentError);
    expect(() => Projections.singleAttribute(3 as unknown as string)).toThrow(
      /singleAttribute: attributePath must be a non-empty string, got number 3/,
    );
    expect(() => Projections.singleAttribute('tags[any]')).toThrow(/must not contain \[any\]/);
    expect(() => Projections.multiAttribute()).toThrow(/multiAttribute: at least one attribute path/);
    expect(() => Projections.multiAttribute('a', '')).toThrow(/multiAttribute: attributePath #2/);
  });
});
