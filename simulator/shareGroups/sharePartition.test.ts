import { describe, expect, it } from 'vitest';
import { INVALID_REQUEST_MESSAGE } from './acknowledgementChecks';
import { DEFAULT_SHARE_AUTO_OFFSET_RESET, validateShareGroupConfig } from './config';
import {
  acknowledge,
  acquire,
  expireAcquisitionLocks,
  inFlightCount,
  initSharePartition,
  nextFetchOffset,
  nextLockExpiryMs,
  releaseMemberRecords,
} from './sharePartition';
import { CONFIG, freshPartition, must, stateOf } from './sharePartition.testkit';

describe('share-partition initialisation', () => {
  it('share.auto.offset.reset defaults to latest: a new share group starts at the log end offset (GroupConfig)', () => {
    expect(DEFAULT_SHARE_AUTO_OFFSET_RESET).toBe('latest');
    const s = initSharePartition({
      groupId: 'g',
      topic: 't',
      partition: 0,
      logStartOffset: 3,
      logEndOffset: 10,
      autoOffsetReset: DEFAULT_SHARE_AUTO_OFFSET_RESET,
    });
    expect(s.startOffset).toBe(10);
    expect(
      must(acquire(s, { memberId: 'm1', maxRecords: 5, logEndOffset: 10, nowMs: 0 }, CONFIG)).value,
    ).toEqual([]);
  });

  it('share.auto.offset.reset=earliest starts at the log start offset (GroupConfig)', () => {
    const s = freshPartition(3, 10);
    expect(s.startOffset).toBe(3);
    expect(nextFetchOffset(s)).toBe(3);
  });
});

describe('acquire (SharePartition#acquire)', () => {
  it('acquires new records as one range with delivery count 1 and moves SPEO to the last acquired offset', () => {
    const r = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 3, logEndOffset: 10, nowMs: 0 }, CONFIG),
    );
    expect(r.value).toEqual([{ firstOffset: 0, lastOffset: 2, deliveryCount: 1 }]);
    expect(r.state.startOffset).toBe(0);
    expect(r.state.endOffset).toBe(2);
    expect(r.state.inFlight.map((x) => x.state)).toEqual(['ACQUIRED', 'ACQUIRED', 'ACQUIRED']);
    expect(r.events[0].reason).toContain('m1 acquired 3 record(s) of orders-0 (offsets 0-2)');
  });

  it('group.share.record.lock.duration.ms (default 30000) sets the acquisition lock expiry (ShareGroupConfig)', () => {
    expect(CONFIG.recordLockDurationMs).toBe(30_000);
    const r = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 1, logEndOffset: 1, nowMs: 1000 }, CONFIG),
    );
    expect(stateOf(r.state, 0)?.lockExpiresAtMs).toBe(31_000);
    expect(nextLockExpiryMs(r.state)).toBe(31_000);
  });

  it('a second member gets the next records of the same partition, never the locked ones (KIP-932)', () => {
    const a = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 2, logEndOffset: 10, nowMs: 0 }, CONFIG),
    );
    const b = must(acquire(a.state, { memberId: 'm2', maxRecords: 2, logEndOffset: 10, nowMs: 0 }, CONFIG));
    expect(b.value).toEqual([{ firstOffset: 2, lastOffset: 3, deliveryCount: 1 }]);
    expect(stateOf(b.state, 0)?.memberId).toBe('m1');
    expect(stateOf(b.state, 2)?.memberId).toBe('m2');
  });

  it('AVAILABLE records are redelivered before new ones, with the delivery count incremented (SharePartition#acquire)', () => {
    const a = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 3, logEndOffset: 10, nowMs: 0 }, CONFIG),
    );
    const rel = must(
      acknowledge(
        a.state,
        { memberId: 'm1', batches: [{ firstOffset: 1, lastOffset: 1, type: 'RELEASE' }] },
        CONFIG,
      ),
    );
    expect(nextFetchOffset(rel.state)).toBe(1);
    const b = must(acquire(rel.state, { memberId: 'm2', maxRecords: 2, logEndOffset: 10, nowMs: 0 }, CONFIG));
    expect(b.value).toEqual([
      { firstOffset: 1, lastOffset: 1, deliveryCount: 2 },
      { firstOffset: 3, lastOffset: 3, deliveryCount: 1 },
    ]);
    expect(b.events[0].reason).toContain('1 of them redelivered');
  });

  it('nothing is acquired past the high watermark, and maxRecords <= 0 acquires nothing (SharePartition#acquire)', () => {
    const r = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 10, logEndOffset: 2, nowMs: 0 }, CONFIG),
    );
    expect(r.value).toEqual([{ firstOffset: 0, lastOffset: 1, deliveryCount: 1 }]);
    const none = must(acquire(r.state, { memberId: 'm1', maxRecords: 0, logEndOffset: 9, nowMs: 0 }, CONFIG));
    expect(none.state).toBe(r.state);
    expect(none.events).toEqual([]);
  });

  it('group.share.partition.max.record.locks (default 200) bounds records between SPSO and SPEO (SharePartition#canAcquireRecords)', () => {
    expect(CONFIG.partitionMaxRecordLocks).toBe(200);
    const a = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 500, logEndOffset: 1000, nowMs: 0 }, CONFIG),
    );
    expect(inFlightCount(a.state)).toBe(200);
    expect(a.state.endOffset).toBe(199);
    const b = must(
      acquire(a.state, { memberId: 'm2', maxRecords: 10, logEndOffset: 1000, nowMs: 0 }, CONFIG),
    );
    expect(b.value).toEqual([]);
    // Accepting the first 10 moves SPSO by 10 and frees 10 locks.
    const acc = must(
      acknowledge(
        a.state,
        { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 9, type: 'ACCEPT' }] },
        CONFIG,
      ),
    );
    const c = must(
      acquire(acc.state, { memberId: 'm2', maxRecords: 50, logEndOffset: 1000, nowMs: 0 }, CONFIG),
    );
    expect(c.value).toEqual([{ firstOffset: 200, lastOffset: 209, deliveryCount: 1 }]);
  });
});

describe('acknowledge (SharePartition#acknowledge)', () => {
  const acquired = () =>
    must(acquire(freshPartition(), { memberId: 'm1', maxRecords: 4, logEndOffset: 10, nowMs: 0 }, CONFIG))
      .state;

  it('ACCEPT → ACKNOWLEDGED, REJECT → ARCHIVED, RELEASE → AVAILABLE (SharePartition#fetchRecordState)', () => {
    const r = must(
      acknowledge(
        acquired(),
        {
          memberId: 'm1',
          batches: [
            { firstOffset: 1, lastOffset: 1, type: 'ACCEPT' },
            { firstOffset: 2, lastOffset: 2, type: 'REJECT' },
            { firstOffset: 3, lastOffset: 3, type: 'RELEASE' },
          ],
        },
        CONFIG,
      ),
    );
    expect(r.state.inFlight.map((x) => [x.offset, x.state, x.memberId])).toEqual([
      [0, 'ACQUIRED', 'm1'],
      [1, 'ACKNOWLEDGED', null],
      [2, 'ARCHIVED', null],
      [3, 'AVAILABLE', null],
    ]);
    // Offset 0 is still acquired, so SPSO cannot move (SharePartition#canMoveStartOffset).
    expect(r.state.startOffset).toBe(0);
    expect(r.events.map((e) => e.type)).toEqual([
      'shareRecordAcknowledged',
      'shareRecordAcknowledged',
      'shareRecordAcknowledged',
    ]);
  });

  it('SPSO moves past the leading acknowledged/archived run (SharePartition#maybeUpdateCachedStateAndOffsets)', () => {
    const r = must(
      acknowledge(
        acquired(),
        {
          memberId: 'm1',
          batches: [
            { firstOffset: 0, lastOffset: 0, type: 'ACCEPT' },
            { firstOffset: 1, lastOffset: 1, type: 'REJECT' },
          ],
        },
        CONFIG,
      ),
    );
    expect(r.state.startOffset).toBe(2);
    expect(r.state.endOffset).toBe(3);
    expect(r.state.inFlight.map((x) => x.offset)).toEqual([2, 3]);
    const last = r.events[r.events.length - 1];
    expect(last).toMatchObject({ type: 'shareStartOffsetAdvanced', from: 0, to: 2 });
  });

  it('when every in-flight record is done, SPSO = SPEO = last offset + 1 and the in-flight set empties (SharePartition#maybeUpdateCachedStateAndOffsets)', () => {
    const r = must(
      acknowledge(
        acquired(),
        { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 3, type: 'ACCEPT' }] },
        CONFIG,
      ),
    );
    expect(r.state).toMatchObject({ startOffset: 4, endOffset: 4, inFlight: [] });
    expect(nextFetchOffset(r.state)).toBe(4);
  });

  it('acknowledging another member’s record fails with INVALID_RECORD_STATE and changes nothing (SharePartition#acknowledgePerOffsetBatchRecords)', () => {
    const s = acquired();
    const r = acknowledge(
      s,
      { memberId: 'm2', batches: [{ firstOffset: 0, lastOffset: 0, type: 'ACCEPT' }] },
      CONFIG,
    );
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_RECORD_STATE', message: 'Member is not the owner of offset' },
    });
  });

  it('acknowledging a record that is not acquired fails with INVALID_RECORD_STATE (SharePartition#acknowledgePerOffsetBatchRecords)', () => {
    const s = acquired();
    const once = must(
      acknowledge(
        s,
        { memberId: 'm1', batches: [{ firstOffset: 2, lastOffset: 2, type: 'ACCEPT' }] },
        CONFIG,
      ),
    );
    const twice = acknowledge(
      once.state,
      { memberId: 'm1', batches: [{ firstOffset: 2, lastOffset: 2, type: 'ACCEPT' }] },
      CONFIG,
    );
    expect(twice.ok).toBe(false);
    if (!twice.ok) {
      expect(twice.error).toEqual({
        code: 'INVALID_RECORD_STATE',
        message: 'The batch cannot be acknowledged. The offset is not acquired.',
      });
    }
  });

  it('offsets past SPEO fail with INVALID_REQUEST "past acquired records" (SharePartition#fetchSubMapForAcknowledgementBatch)', () => {
    const s = acquired();
    expect(
      acknowledge(
        s,
        { memberId: 'm1', batches: [{ firstOffset: 8, lastOffset: 8, type: 'ACCEPT' }] },
        CONFIG,
      ),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: 'Batch record not found. The first offset in request is past acquired records.',
      },
    });
    expect(
      acknowledge(
        s,
        { memberId: 'm1', batches: [{ firstOffset: 2, lastOffset: 6, type: 'ACCEPT' }] },
        CONFIG,
      ),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_REQUEST',
        message: 'Batch record not found. The last offset in request is past acquired records.',
      },
    });
  });

  it('acknowledging when nothing is in flight fails with INVALID_RECORD_STATE (SharePartition#fetchSubMapForAcknowledgementBatch)', () => {
    const r = acknowledge(
      freshPartition(),
      { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 0, type: 'ACCEPT' }] },
      CONFIG,
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_RECORD_STATE',
        message: 'Batch record not found. The request batch offsets are not found in the cache.',
      },
    });
  });

  it('a failing batch rolls back the whole request (SharePartition#rollbackOrProcessStateUpdates)', () => {
    const s = acquired();
    const r = acknowledge(
      s,
      {
        memberId: 'm1',
        batches: [
          { firstOffset: 0, lastOffset: 0, type: 'ACCEPT' },
          { firstOffset: 9, lastOffset: 9, type: 'ACCEPT' },
        ],
      },
      CONFIG,
    );
    expect(r.ok).toBe(false);
    expect(stateOf(s, 0)?.state).toBe('ACQUIRED');
  });

  it('two batches sharing a boundary offset pass the request check but fail on the repeated offset (KafkaApis#validateAcknowledgementBatches, SharePartition#acknowledge)', () => {
    const r = acknowledge(
      acquired(),
      {
        memberId: 'm1',
        batches: [
          { firstOffset: 0, lastOffset: 1, type: 'ACCEPT' },
          { firstOffset: 1, lastOffset: 3, type: 'REJECT' },
        ],
      },
      CONFIG,
    );
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'INVALID_RECORD_STATE',
        message: 'The batch cannot be acknowledged. The offset is not acquired.',
      },
    });
  });

  it('offsets below SPSO are skipped as already archived (SharePartition#acknowledge)', () => {
    const s = acquired();
    const a = must(
      acknowledge(
        s,
        { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 1, type: 'ACCEPT' }] },
        CONFIG,
      ),
    );
    const b = must(
      acknowledge(
        a.state,
        { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 2, type: 'ACCEPT' }] },
        CONFIG,
      ),
    );
    expect(b.state.startOffset).toBe(3);
  });

  it('a batch with first offset past its last, or overlapping the previous batch, is INVALID_REQUEST (KafkaApis#validateAcknowledgementBatches)', () => {
    const invalid = { ok: false, error: { code: 'INVALID_REQUEST', message: INVALID_REQUEST_MESSAGE } };
    expect(
      acknowledge(
        acquired(),
        { memberId: 'm1', batches: [{ firstOffset: 3, lastOffset: 1, type: 'ACCEPT' }] },
        CONFIG,
      ),
    ).toEqual(invalid);
    expect(
      acknowledge(
        acquired(),
        {
          memberId: 'm1',
          batches: [
            { firstOffset: 0, lastOffset: 2, type: 'ACCEPT' },
            { firstOffset: 1, lastOffset: 3, type: 'ACCEPT' },
          ],
        },
        CONFIG,
      ),
    ).toEqual(invalid);
  });
});

describe('acquisition lock timeout (SharePartition#releaseAcquisitionLockOnTimeout)', () => {
  it('an unacknowledged record goes back to AVAILABLE when its lock expires, and another member can take it', () => {
    const a = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 1, logEndOffset: 5, nowMs: 0 }, CONFIG),
    );
    expect(must(expireAcquisitionLocks(a.state, 29_999, CONFIG)).value).toEqual([]);
    const e = must(expireAcquisitionLocks(a.state, 30_000, CONFIG));
    expect(e.value).toEqual([0]);
    expect(stateOf(e.state, 0)).toMatchObject({ state: 'AVAILABLE', memberId: null, deliveryCount: 1 });
    expect(e.events[0].reason).toContain("m1's lock on orders-0@0 expired at t=30000 ms");
    const b = must(
      acquire(e.state, { memberId: 'm2', maxRecords: 1, logEndOffset: 5, nowMs: 30_000 }, CONFIG),
    );
    expect(b.value).toEqual([{ firstOffset: 0, lastOffset: 0, deliveryCount: 2 }]);
  });

  it('the old owner can no longer acknowledge after its lock expired (KIP-932)', () => {
    const a = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 1, logEndOffset: 5, nowMs: 0 }, CONFIG),
    );
    const e = must(expireAcquisitionLocks(a.state, 30_000, CONFIG));
    expect(
      acknowledge(
        e.state,
        { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 0, type: 'ACCEPT' }] },
        CONFIG,
      ).ok,
    ).toBe(false);
  });
});

describe('group.share.delivery.count.limit (default 5) (SharePartition.InFlightState#tryUpdateState)', () => {
  it('a record delivered 5 times is archived on its 5th release instead of becoming AVAILABLE', () => {
    expect(CONFIG.deliveryCountLimit).toBe(5);
    let s = freshPartition();
    for (let delivery = 1; delivery <= 4; delivery++) {
      const a = must(acquire(s, { memberId: 'm1', maxRecords: 1, logEndOffset: 1, nowMs: 0 }, CONFIG));
      expect(a.value).toEqual([{ firstOffset: 0, lastOffset: 0, deliveryCount: delivery }]);
      s = must(
        acknowledge(
          a.state,
          { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 0, type: 'RELEASE' }] },
          CONFIG,
        ),
      ).state;
      expect(stateOf(s, 0)?.state).toBe('AVAILABLE');
    }
    const fifth = must(acquire(s, { memberId: 'm1', maxRecords: 1, logEndOffset: 1, nowMs: 0 }, CONFIG));
    expect(fifth.value[0].deliveryCount).toBe(5);
    const r = must(
      acknowledge(
        fifth.state,
        { memberId: 'm1', batches: [{ firstOffset: 0, lastOffset: 0, type: 'RELEASE' }] },
        CONFIG,
      ),
    );
    expect(r.events.map((e) => e.type)).toEqual([
      'shareRecordAcknowledged',
      'shareRecordArchived',
      'shareStartOffsetAdvanced',
    ]);
    expect(r.events[1].reason).toContain('delivered 5 time(s), group.share.delivery.count.limit=5');
    expect(r.state).toMatchObject({ startOffset: 1, inFlight: [] });
  });

  it('a lock timeout at the limit archives the record too', () => {
    const config = { ...CONFIG, deliveryCountLimit: 2 };
    let s = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 1, logEndOffset: 1, nowMs: 0 }, config),
    ).state;
    s = must(expireAcquisitionLocks(s, 30_000, config)).state;
    s = must(acquire(s, { memberId: 'm2', maxRecords: 1, logEndOffset: 1, nowMs: 30_000 }, config)).state;
    const e = must(expireAcquisitionLocks(s, 60_000, config));
    expect(e.events.map((x) => x.type)).toEqual([
      'shareAcquisitionLockExpired',
      'shareRecordArchived',
      'shareStartOffsetAdvanced',
    ]);
    expect(e.state.startOffset).toBe(1);
  });

  it('ShareGroupConfig ranges: delivery count limit 2..10, lock duration 1000..3600000, record locks 100..10000', () => {
    expect(validateShareGroupConfig(CONFIG)).toBeNull();
    expect(validateShareGroupConfig({ ...CONFIG, deliveryCountLimit: 1 })).toBe(
      'Invalid value 1 for configuration group.share.delivery.count.limit: Value must be at least 2',
    );
    expect(validateShareGroupConfig({ ...CONFIG, recordLockDurationMs: 3_600_001 })).toBe(
      'Invalid value 3600001 for configuration group.share.record.lock.duration.ms: Value must be no more than 3600000',
    );
    expect(validateShareGroupConfig({ ...CONFIG, partitionMaxRecordLocks: 99 })).toContain(
      'Value must be at least 100',
    );
  });
});

describe('member leaving (SharePartition#releaseAcquiredRecords)', () => {
  it('a leaving member’s acquired records become AVAILABLE at once; others’ stay locked', () => {
    let s = must(
      acquire(freshPartition(), { memberId: 'm1', maxRecords: 2, logEndOffset: 9, nowMs: 0 }, CONFIG),
    ).state;
    s = must(acquire(s, { memberId: 'm2', maxRecords: 2, logEndOffset: 9, nowMs: 0 }, CONFIG)).state;
    const r = must(releaseMemberRecords(s, 'm1', CONFIG));
    expect(r.value).toEqual([0, 1]);
    expect(r.state.inFlight.map((x) => x.state)).toEqual(['AVAILABLE', 'AVAILABLE', 'ACQUIRED', 'ACQUIRED']);
    expect(r.events[0].reason).toContain('m1 left the share group');
  });
});
