import { describe, expect, it } from 'vitest';
import { PartitionTable } from './partition-table';

describe('PartitionTable', () => {
  it('maps partition hashes to ids as Java HashUtil.hashToIndex does', () => {
    const table = new PartitionTable();
    table.setPartitionCount(271);
    expect(table.partitionIdForHash(0)).toBe(0);
    expect(table.partitionIdForHash(272)).toBe(1);
    expect(table.partitionIdForHash(-272)).toBe(1);
    expect(table.partitionIdForHash(-2147483648)).toBe(0);
    expect(table.partitionIdForHash(2147483647)).toBe(2147483647 % 271);
  });

  it('applies only newer versions from the same connection, any version from a new one', () => {
    const table = new PartitionTable();
    table.setPartitionCount(3);
    expect(
      table.apply('c1', 5, [
        ['a', [0, 1]],
        ['b', [2]],
      ]),
    ).toBe(true);
    expect(table.owner(2)).toBe('b');
    expect(table.apply('c1', 4, [['a', [0, 1, 2]]])).toBe(false);
    expect(table.owner(2)).toBe('b');
    expect(table.apply('c2', 1, [['a', [0, 1, 2]]])).toBe(true);
    expect(table.owner(2)).toBe('a');
  });

  it('refuses a different partition count once one is known', () => {
    const table = new PartitionTable();
    expect(table.setPartitionCount(271)).toBe(true);
    expect(table.setPartitionCount(271)).toBe(true);
    expect(table.setPartitionCount(71)).toBe(false);
  });
});
