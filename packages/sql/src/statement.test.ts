import { IllegalArgumentError } from '@hz/core-client';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CURSOR_BUFFER_SIZE, SqlExpectedResultType, SqlTimeout } from './sql';
import { resolveExecute, resolveStatement } from './statement';

describe('statement validation', () => {
  it('fills in the defaults of the seeds', () => {
    expect(resolveExecute('SELECT 1', undefined, undefined)).toEqual({
      sql: 'SELECT 1',
      parameters: [],
      schema: null,
      timeoutMillis: SqlTimeout.NOT_SET,
      cursorBufferSize: DEFAULT_CURSOR_BUFFER_SIZE,
      expectedResultType: SqlExpectedResultType.ANY,
      rowFormat: 'row',
      signal: undefined,
    });
    expect(DEFAULT_CURSOR_BUFFER_SIZE).toBe(4096);
  });

  it('accepts every option, the result type by name or value, and copies the parameters', () => {
    const parameters = [1, 'a'];
    const signal = new AbortController().signal;
    const resolved = resolveStatement({
      sql: 'SELECT ?',
      parameters,
      schema: 'partitioned',
      timeout: 0,
      cursorBufferSize: 1,
      expectedResultType: 'UPDATE_COUNT',
      rowFormat: 'object',
      signal,
    });
    parameters.push('later');
    expect(resolved).toEqual({
      sql: 'SELECT ?',
      parameters: [1, 'a'],
      schema: 'partitioned',
      timeoutMillis: 0,
      cursorBufferSize: 1,
      expectedResultType: SqlExpectedResultType.UPDATE_COUNT,
      rowFormat: 'object',
      signal,
    });
    expect(
      resolveExecute('SELECT 1', [], { expectedResultType: SqlExpectedResultType.ROWS }).expectedResultType,
    ).toBe(1);
    expect(resolveExecute('SELECT 1', null, { timeout: -1, schema: null }).timeoutMillis).toBe(-1);
  });

  it.each([
    [() => resolveExecute(undefined, [], {}), /the SQL must be a string, got undefined/],
    [() => resolveExecute('', [], {}), /the SQL must not be empty/],
    [() => resolveExecute('SELECT 1', {}, {}), /params must be an array/],
    [() => resolveExecute('SELECT 1', [], 'x'), /the options must be an object, got "x"/],
    [() => resolveExecute('SELECT 1', [], { timeout: -5 }), /timeout must be .* got -5/],
    [() => resolveExecute('SELECT 1', [], { timeout: Number.NaN }), /timeout must be/],
    [() => resolveExecute('SELECT 1', [], { timeout: '10' }), /timeout must be .* got "10"/],
    [() => resolveExecute('SELECT 1', [], { cursorBufferSize: -1 }), /cursorBufferSize must be a positive/],
    [
      () => resolveExecute('SELECT 1', [], { cursorBufferSize: 2 ** 31 }),
      /cursorBufferSize must be a positive/,
    ],
    [() => resolveExecute('SELECT 1', [], { expectedResultType: 3 }), /expectedResultType must be one of/],
    [
      () => resolveExecute('SELECT 1', [], { expectedResultType: 'rows' }),
      /expectedResultType must be one of/,
    ],
    [() => resolveExecute('SELECT 1', [], { rowFormat: 'rows' }), /rowFormat must be 'row' or 'object'/],
    [() => resolveExecute('SELECT 1', [], { schema: {} }), /schema must be a string or null, got an object/],
    [() => resolveExecute('SELECT 1', [], { timeout: 5, tiemout: 5 }), /unknown option "tiemout"/],
    [() => resolveStatement('SELECT 1'), /the statement must be an object/],
    [() => resolveStatement({ sql: 'x', params: [] }), /unknown statement property "params"/],
  ])('refuses %#', (call, message) => {
    expect(call).toThrow(IllegalArgumentError);
    expect(call).toThrow(message);
  });
});
