import { describe, expect, it } from 'vitest';
import type { SimEvent } from '@/simulator';
import { flightsFor } from './flights';

type Payload = SimEvent extends infer E
  ? E extends SimEvent
    ? Omit<E, 'seq' | 'time' | 'reason'>
    : never
  : never;
const event = (e: Payload): SimEvent => ({ seq: 1, time: 0, reason: '', ...e }) as SimEvent;

const error = (code: string) => ({ code, message: code });

describe('flights come from typed simulator events', () => {
  it('a produce request flies producer → leader, a fetch leader → follower, the ack leader → producer', () => {
    const leaderOf = () => 2;
    expect(
      flightsFor(
        event({
          type: 'produceRequestSent',
          producer: 'p1',
          requestId: 1,
          broker: 2,
          topic: 'orders',
          partition: 1,
          batchId: 1,
          records: 1,
          attempt: 1,
          baseSequence: 0,
        }),
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
    const fetched = (count: number) =>
      event({
        type: 'replicaFetched',
        topic: 'orders',
        partition: 1,
        follower: 3,
        leader: 2,
        fromOffset: 0,
        count,
        logEndOffset: count,
        highWatermark: 0,
      });
    expect(flightsFor(fetched(1), leaderOf)[0].to).toEqual({ kind: 'broker', id: 3 });
    expect(flightsFor(fetched(0), leaderOf)).toEqual([]);
    const ack = flightsFor(
      event({
        type: 'batchAcknowledged',
        producer: 'p1',
        topic: 'orders',
        partition: 1,
        batchId: 1,
        baseOffset: 7,
        count: 1,
        firstRecordId: 0,
        attempts: 1,
        duplicate: false,
      }),
      leaderOf,
    );
    expect(ack).toEqual([
      { from: { kind: 'broker', id: 2 }, to: { kind: 'producer', name: 'p1' }, kind: 'ack', label: '@7' },
    ]);
  });

  it('a failed batch shows the Kafka error where it happened', () => {
    const f = flightsFor(
      event({
        type: 'batchFailed',
        producer: 'p1',
        topic: 'orders',
        partition: 0,
        batchId: 1,
        count: 1,
        firstRecordId: 0,
        error: error('NOT_ENOUGH_REPLICAS'),
      }),
      () => 1,
    );
    expect(f[0]).toMatchObject({ kind: 'fail', label: 'NOT_ENOUGH_REPLICAS' });
    expect(
      flightsFor(
        event({
          type: 'produceRequestLost',
          producer: 'p1',
          requestId: 1,
          broker: 3,
          topic: 'orders',
          partition: 0,
        }),
        () => 1,
      )[0],
    ).toMatchObject({ to: { kind: 'broker', id: 3 }, label: 'request lost' });
    expect(flightsFor(event({ type: 'topicDeleted', topic: 'orders', topicId: 'x' }), () => 1)).toEqual([]);
  });
});
