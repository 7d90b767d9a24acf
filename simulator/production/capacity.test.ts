import { describe, expect, it } from 'vitest';
import { type CapacityInputs, capacityInputProblems, planCapacity } from './capacity';

const base: CapacityInputs = {
  targetMBps: 60,
  producerMBpsPerPartition: 25,
  consumerMBpsPerPartition: 8,
  peakConsumerParallelism: 6,
  replicationFactor: 3,
  retentionHours: 168,
  brokers: 6,
  consumerGroups: 2,
  headroom: 0.3,
};
const value = (name: string, i = base) => planCapacity(i).find((l) => l.name === name)?.value;

describe('capacity planning formulas', () => {
  it('partitions ≥ max(T/p, T/c, peak consumer parallelism): the consumer side usually decides', () => {
    expect(value('partitions')).toBe(8); // ⌈60/25⌉ = 3, ⌈60/8⌉ = 8, parallelism 6
    expect(value('partitions', { ...base, peakConsumerParallelism: 12 })).toBe(12);
  });

  it('disk = ingress × retention × replication factor, per broker with headroom', () => {
    // 60 MB/s × 604800 s × 3 = 108,864 GB; ÷ 6 brokers ÷ 0.7 = 25,920 GB each.
    expect(value('disk in the cluster')).toBe(108864);
    expect(value('disk per broker')).toBe(25920);
  });

  it('network: in = ingress × RF, out = ingress × (RF − 1) for followers + ingress × consumer groups', () => {
    expect(value('network in, whole cluster')).toBe(180);
    expect(value('network out, whole cluster')).toBe(240); // 120 replication + 120 consumers
    expect(value('network out per broker')).toBe(40);
  });

  it('every line shows its formula with the numbers filled in', () => {
    const partitions = planCapacity(base)[0];
    expect(partitions.formula).toBe('max(⌈60 / 25⌉ = 3, ⌈60 / 8⌉ = 8, parallelism 6)');
  });

  it('bad inputs are named, not computed', () => {
    expect(capacityInputProblems({ ...base, brokers: 2, headroom: 1 })).toEqual([
      'headroom must be at least 0 and below 1',
      'replication factor 3 needs at least 3 brokers',
    ]);
    expect(capacityInputProblems(base)).toEqual([]);
  });
});
