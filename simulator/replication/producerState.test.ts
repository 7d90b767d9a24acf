import { describe, expect, it } from 'vitest';
import type { Replica } from '../cluster/types';
import { appendAsLeader, createLog, DEFAULT_LOG_CONFIG } from '../log';
import { checkSequence, NUM_BATCHES_TO_RETAIN, rebuildProducerState, trackAppended } from './producerState';

function replica(): Replica {
  return {
    brokerId: 1,
    log: createLog(0),
    highWatermark: 0,
    follower: {
      fetchOffset: 0,
      lastCaughtUpTime: 0,
      lastFetchTime: 0,
      lastFetchLeaderLogEndOffset: 0,
      fetch: 'idle',
      sentHighWatermark: 0,
    },
    producers: {},
  };
}

function append(r: Replica, baseSequence: number, count: number, epoch = 0): void {
  const res = appendAsLeader(
    r.log,
    {
      leaderEpoch: 0,
      producerId: 7,
      producerEpoch: epoch,
      baseSequence,
      records: Array.from({ length: count }, (_, i) => ({
        timestamp: 0,
        key: null,
        value: `s${baseSequence + i}`,
      })),
    },
    DEFAULT_LOG_CONFIG,
    0,
  );
  trackAppended(r, res.records);
}

describe('broker idempotence state (ProducerStateManager)', () => {
  it('keeps the last 5 batches per producer (NUM_BATCHES_TO_RETAIN) and recognises a retry of any of them as a duplicate', () => {
    const r = replica();
    for (let i = 0; i < 7; i++) append(r, i * 2, 2);
    expect(r.producers[7].batches).toHaveLength(NUM_BATCHES_TO_RETAIN);
    expect(checkSequence(r, 7, 0, 12, 2, 't-0')).toMatchObject({
      kind: 'duplicate',
      firstOffset: 12,
      lastOffset: 13,
    });
    expect(checkSequence(r, 7, 0, 4, 2, 't-0')).toMatchObject({ kind: 'duplicate', firstOffset: 4 });
    // Older than the retained five: no longer known as a duplicate, and out of order.
    expect(checkSequence(r, 7, 0, 2, 2, 't-0')).toMatchObject({
      kind: 'error',
      code: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
    });
  });

  it('accepts only the next sequence (last + 1); a gap is OUT_OF_ORDER_SEQUENCE_NUMBER', () => {
    const r = replica();
    append(r, 0, 3);
    expect(checkSequence(r, 7, 0, 3, 1, 't-0')).toEqual({ kind: 'append' });
    expect(checkSequence(r, 7, 0, 5, 1, 't-0')).toMatchObject({
      kind: 'error',
      code: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
    });
  });

  it('an older producer epoch is INVALID_PRODUCER_EPOCH; a newer epoch must start at sequence 0', () => {
    const r = replica();
    append(r, 0, 1, 3);
    expect(checkSequence(r, 7, 2, 1, 1, 't-0')).toMatchObject({
      kind: 'error',
      code: 'INVALID_PRODUCER_EPOCH',
    });
    expect(checkSequence(r, 7, 4, 5, 1, 't-0')).toMatchObject({
      kind: 'error',
      code: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
    });
    expect(checkSequence(r, 7, 4, 0, 1, 't-0')).toEqual({ kind: 'append' });
  });

  it('is rebuilt from the log after truncation', () => {
    const r = replica();
    append(r, 0, 2);
    append(r, 2, 2);
    r.log.segments[0].records.length = 2; // as if truncated to offset 2 (batch 2 gone)
    r.log.logEndOffset = 2;
    rebuildProducerState(r);
    expect(r.producers[7].batches).toHaveLength(1);
    expect(checkSequence(r, 7, 0, 2, 2, 't-0')).toEqual({ kind: 'append' });
  });
});
