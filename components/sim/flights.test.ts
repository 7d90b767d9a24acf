import { describe, expect, it } from 'vitest';
import { flightsFor } from './flights';
import type { SimEventVM } from './model';
import { firstUnstableOffset } from './snapshot';

const ev = (type: string, data: Record<string, unknown>): SimEventVM => ({
  seq: 1,
  time: 0,
  type,
  reason: '',
  data,
});

describe('flights come from simulator events', () => {
  it('a produce request flies producer → leader, a fetch leader → follower, the ack leader → producer', () => {
    const leaderOf = () => 2;
    expect(
      flightsFor(
        ev('produceRequestSent', { producer: 'p1', broker: 2, topic: 'orders', partition: 1 }),
        leaderOf,
      ),
    ).toEqual([
      {
        from: { kind: 'producer', name: 'p1' },
        to: { kind: 'broker', id: 2 },
        kind: 'record',
        label: 'orders-1',
      },
    ]);
    expect(flightsFor(ev('replicaFetched', { leader: 2, follower: 3, count: 1 }), leaderOf)[0].to).toEqual({
      kind: 'broker',
      id: 3,
    });
    expect(flightsFor(ev('replicaFetched', { leader: 2, follower: 3, count: 0 }), leaderOf)).toEqual([]);
    const ack = flightsFor(
      ev('batchAcknowledged', { producer: 'p1', topic: 'orders', partition: 1, baseOffset: 7 }),
      leaderOf,
    );
    expect(ack).toEqual([
      { from: { kind: 'broker', id: 2 }, to: { kind: 'producer', name: 'p1' }, kind: 'ack', label: '@7' },
    ]);
  });

  it('a failed batch shows the Kafka error where it happened', () => {
    const f = flightsFor(
      ev('batchFailed', {
        producer: 'p1',
        topic: 'orders',
        partition: 0,
        error: { code: 'NOT_ENOUGH_REPLICAS' },
      }),
      () => 1,
    );
    expect(f[0]).toMatchObject({ kind: 'fail', label: 'NOT_ENOUGH_REPLICAS' });
    expect(flightsFor(ev('leaderChanged', { topic: 'orders', partition: 0 }), () => 1)).toEqual([]);
  });
});

describe('last stable offset', () => {
  const r = (
    offset: number,
    producerId: number,
    transactional: boolean,
    control: null | { type: 'COMMIT' | 'ABORT' } = null,
  ) => ({
    offset,
    timestamp: 0,
    key: null,
    value: 'v',
    headers: [],
    producerId,
    transactional,
    control,
  });
  const log = (records: ReturnType<typeof r>[]) => ({
    segments: [{ baseOffset: 0, records, sizeBytes: 0, largestTimestamp: 0, cleaned: false }],
    logStartOffset: 0,
    logEndOffset: records.length,
    cleanerCheckpoint: 0,
  });

  it('is the first offset of a transaction without a marker yet (first unstable offset, KIP-98)', () => {
    expect(firstUnstableOffset(log([r(0, 1, false), r(1, 2, true), r(2, 1, false)]), 3)).toBe(1);
    expect(
      firstUnstableOffset(log([r(0, 2, true), r(1, 2, false, { type: 'COMMIT' }), r(2, 1, false)]), 3),
    ).toBeNull();
    expect(
      firstUnstableOffset(log([r(0, 2, true), r(1, 3, true), r(2, 2, false, { type: 'ABORT' })]), 3),
    ).toBe(1);
  });
});
