import { describe, expect, it } from 'vitest';
import { cfg, put } from './log.testkit';
import {
  buildMarkerIndex,
  collectAbortedTransactions,
  firstUnstableOffset,
  isAborted,
} from './transactionIndex';
import { appendAsLeader, createLog, recordAt } from './unifiedLog';

function txnLog() {
  const c = cfg();
  const log = createLog();
  const data = (pid: number, key: string) =>
    appendAsLeader(
      log,
      {
        leaderEpoch: 0,
        producerId: pid,
        producerEpoch: 0,
        baseSequence: 0,
        transactional: true,
        records: [{ timestamp: 0, key, value: 'v' }],
      },
      c,
      0,
    );
  const marker = (pid: number, type: 'COMMIT' | 'ABORT') =>
    appendAsLeader(
      log,
      {
        leaderEpoch: 0,
        producerId: pid,
        producerEpoch: 0,
        transactional: true,
        records: [{ timestamp: 0, key: null, value: null, control: { type } }],
      },
      c,
      0,
    );
  data(1, 'a'); // 0
  data(2, 'b'); // 1
  put(log, c, 0, 'plain', 'x'); // 2
  marker(1, 'ABORT'); // 3
  data(1, 'c'); // 4
  marker(2, 'COMMIT'); // 5
  marker(1, 'COMMIT'); // 6
  data(3, 'd'); // 7: still open
  return log;
}

describe('transaction bookkeeping derived from the log (.txnindex, ProducerStateManager)', () => {
  it('aborted transactions span first data offset to the ABORT marker (UnifiedLog#collectAbortedTransactions)', () => {
    const log = txnLog();
    expect(collectAbortedTransactions(log, 0, 8)).toEqual([{ producerId: 1, firstOffset: 0, lastOffset: 3 }]);
    expect(collectAbortedTransactions(log, 4, 8)).toEqual([]);
  });

  it('a record is aborted when the next marker of its producer is ABORT', () => {
    const log = txnLog();
    const idx = buildMarkerIndex(log);
    expect(isAborted(idx, recordAt(log, 0)!)).toBe(true);
    expect(isAborted(idx, recordAt(log, 1)!)).toBe(false);
    expect(isAborted(idx, recordAt(log, 4)!)).toBe(false);
    expect(isAborted(idx, recordAt(log, 2)!)).toBe(false);
  });

  it('the first unstable offset is the first offset of the earliest open transaction (LSO input)', () => {
    expect(firstUnstableOffset(txnLog())).toBe(7);
    // With the HW at 5, producer 2's COMMIT (offset 5) is not replicated yet: its transaction is still open.
    expect(firstUnstableOffset(txnLog(), 0, 5)).toBe(1);
  });
});
