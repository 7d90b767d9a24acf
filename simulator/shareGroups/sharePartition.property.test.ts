import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acknowledge,
  acquire,
  expireAcquisitionLocks,
  inFlightCount,
  isTerminal,
  releaseMemberRecords,
} from './sharePartition';
import { freshPartition } from './sharePartition.testkit';
import type {
  AcknowledgeType,
  RecordState,
  ShareGroupConfig,
  SharePartitionEvent,
  SharePartitionState,
  ShareResult,
} from './types';

const CONFIG: ShareGroupConfig = {
  recordLockDurationMs: 1000,
  deliveryCountLimit: 3,
  partitionMaxRecordLocks: 100,
};
const MEMBERS = ['m1', 'm2', 'm3'];

type Cmd =
  | { kind: 'produce'; n: number }
  | { kind: 'acquire'; member: number; max: number }
  | { kind: 'ack'; member: number; pick: number; type: AcknowledgeType }
  | { kind: 'tick'; ms: number }
  | { kind: 'leave'; member: number };

const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('produce' as const), n: fc.integer({ min: 1, max: 40 }) }),
    weight: 2,
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('acquire' as const),
      member: fc.integer({ min: 0, max: 2 }),
      max: fc.integer({ min: 1, max: 30 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('ack' as const),
      member: fc.integer({ min: 0, max: 2 }),
      pick: fc.integer({ min: 0, max: 1000 }),
      type: fc.constantFrom<AcknowledgeType>('ACCEPT', 'RELEASE', 'RELEASE', 'REJECT'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 1500 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('leave' as const), member: fc.integer({ min: 0, max: 2 }) }),
  },
);
const cmds = fc.array(cmd, { minLength: 30, maxLength: 150 });

interface Run {
  state: SharePartitionState;
  logEnd: number;
  now: number;
  /** Latest state of every offset ever acquired, from the events. */
  seen: Map<number, RecordState>;
  acquisitions: { member: string; offset: number; deliveryCount: number; before: RecordState | undefined }[];
}

function ok<T>(r: ShareResult<T>): Extract<ShareResult<T>, { ok: true }> {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

function record(run: Run, events: SharePartitionEvent[]) {
  for (const e of events) {
    if (e.type === 'shareRecordAcknowledged' || e.type === 'shareAcquisitionLockExpired')
      run.seen.set(e.offset, e.newState);
    if (e.type === 'shareRecordArchived') run.seen.set(e.offset, 'ARCHIVED');
  }
}

function step(run: Run, c: Cmd) {
  const s = run.state;
  switch (c.kind) {
    case 'produce':
      run.logEnd += c.n;
      return;
    case 'tick': {
      run.now += c.ms;
      const r = ok(expireAcquisitionLocks(s, run.now, CONFIG));
      record(run, r.events);
      run.state = r.state;
      return;
    }
    case 'leave': {
      const r = ok(releaseMemberRecords(s, MEMBERS[c.member], CONFIG));
      for (const o of r.value) {
        const after = r.state.inFlight.find((x) => x.offset === o);
        run.seen.set(o, after ? after.state : 'ARCHIVED');
      }
      record(run, r.events);
      run.state = r.state;
      return;
    }
    case 'acquire': {
      const member = MEMBERS[c.member];
      const r = ok(
        acquire(s, { memberId: member, maxRecords: c.max, logEndOffset: run.logEnd, nowMs: run.now }, CONFIG),
      );
      for (const range of r.value) {
        for (let o = range.firstOffset; o <= range.lastOffset; o++) {
          run.acquisitions.push({
            member,
            offset: o,
            deliveryCount: range.deliveryCount,
            before: run.seen.get(o),
          });
          run.seen.set(o, 'ACQUIRED');
        }
      }
      run.state = r.state;
      return;
    }
    case 'ack': {
      const member = MEMBERS[c.member];
      const mine = s.inFlight.filter((x) => x.state === 'ACQUIRED' && x.memberId === member);
      if (mine.length === 0) return;
      const first = mine[c.pick % mine.length].offset;
      // Extend over this member's contiguous acquired run, as a consumer acknowledges a whole batch.
      const owned = new Set(mine.map((x) => x.offset));
      let last = first;
      while (owned.has(last + 1)) last++;
      const before = new Map(s.inFlight.map((x) => [x.offset, x.deliveryCount]));
      const r = ok(
        acknowledge(
          s,
          { memberId: member, batches: [{ firstOffset: first, lastOffset: last, type: c.type }] },
          CONFIG,
        ),
      );
      for (const e of r.events) {
        if (e.type === 'shareRecordAcknowledged' && e.acknowledgeType === 'RELEASE') {
          const dc = before.get(e.offset) ?? 0;
          const want = dc >= CONFIG.deliveryCountLimit ? 'ARCHIVED' : 'AVAILABLE';
          if (e.newState !== want) fail(`released offset ${e.offset} (delivery ${dc}) became ${e.newState}`);
        }
      }
      record(run, r.events);
      run.state = r.state;
      return;
    }
  }
}

function fail(msg: string): never {
  throw new Error(msg);
}

// Plain checks rather than expect() per record: this runs for every record after every step.
function checkStructure(s: SharePartitionState) {
  if (inFlightCount(s) > CONFIG.partitionMaxRecordLocks) fail(`${inFlightCount(s)} records in flight`);
  if (s.inFlight.length === 0) {
    if (s.endOffset !== s.startOffset) fail('empty in-flight set but SPEO != SPSO');
    return;
  }
  if (s.inFlight[s.inFlight.length - 1].offset !== s.endOffset) fail('SPEO is not the last in-flight offset');
  if (isTerminal(s.inFlight[0].state)) fail('SPSO did not move past a terminal record');
  s.inFlight.forEach((r, i) => {
    if (r.offset !== s.startOffset + i) fail('in-flight offsets are not contiguous from SPSO');
    if ((r.state === 'ACQUIRED') !== (r.memberId !== null))
      fail(`offset ${r.offset}: owner does not match state`);
    if ((r.state === 'ACQUIRED') !== (r.lockExpiresAtMs !== null))
      fail(`offset ${r.offset}: lock does not match state`);
    if (r.deliveryCount > CONFIG.deliveryCountLimit)
      fail(`offset ${r.offset} delivered ${r.deliveryCount} times`);
  });
}

function replay(cmds: Cmd[]): Run {
  const run: Run = { state: freshPartition(), logEnd: 0, now: 0, seen: new Map(), acquisitions: [] };
  for (const c of cmds) {
    step(run, c);
    checkStructure(run.state);
    // Every record below SPSO is acknowledged or archived (KIP-932, SharePartition#maybeUpdateCachedStateAndOffsets).
    for (let o = 0; o < run.state.startOffset; o++) {
      const st = run.seen.get(o);
      if (st !== 'ACKNOWLEDGED' && st !== 'ARCHIVED') fail(`offset ${o} below SPSO is ${st}`);
    }
  }
  return run;
}

describe('share-partition invariants (KIP-932, seeded)', () => {
  it('a record is never acquired by two members at once: only AVAILABLE or new records are acquired (SharePartition#acquire)', () => {
    fc.assert(
      fc.property(cmds, (list) => {
        const run = replay(list);
        for (const a of run.acquisitions)
          expect(a.before === undefined || a.before === 'AVAILABLE').toBe(true);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('every record below SPSO is acknowledged or archived, and the in-flight window stays contiguous and bounded', () => {
    fc.assert(
      fc.property(cmds, (list) => {
        replay(list);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('a record whose delivery count reached group.share.delivery.count.limit is archived, never redelivered (SharePartition.InFlightState#tryUpdateState)', () => {
    fc.assert(
      fc.property(cmds, (list) => {
        const run = replay(list);
        const terminalAt = new Map<number, number>();
        run.acquisitions.forEach((a, i) => {
          expect(a.deliveryCount).toBeLessThanOrEqual(CONFIG.deliveryCountLimit);
          expect(terminalAt.has(a.offset)).toBe(false);
          if (a.deliveryCount === CONFIG.deliveryCountLimit) terminalAt.set(a.offset, i);
        });
        // Each offset's acquisitions count 1, 2, 3… with no gaps.
        const last = new Map<number, number>();
        for (const a of run.acquisitions) {
          expect(a.deliveryCount).toBe((last.get(a.offset) ?? 0) + 1);
          last.set(a.offset, a.deliveryCount);
        }
      }),
      { seed: 1234, numRuns: 150 },
    );
  });
});
