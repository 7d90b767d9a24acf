import { describe, expect, it } from 'vitest';
import { timeWindowsFor } from '../runtime/windows';
import { createDriver } from '../topologyTestDriver.testkit';

const w = (start: number, end: number) => ({ start, end });

describe('window bounds (TimeWindows#windowsFor, epoch-aligned [start, end))', () => {
  it('TimeWindowsTest#shouldComputeWindowsForHoppingWindows: size 12, advance 5, t=21 -> [10,22) [15,27) [20,32)', () => {
    expect(timeWindowsFor(21, 12, 5)).toEqual([w(10, 22), w(15, 27), w(20, 32)]);
  });
  it('TimeWindowsTest#shouldComputeWindowsForBarelyOverlappingHoppingWindows: size 6, advance 5, t=7 -> [5,11)', () => {
    expect(timeWindowsFor(7, 6, 5)).toEqual([w(5, 11)]);
  });
  it('TimeWindowsTest#shouldComputeWindowsForTumblingWindows: size 12, t=21 -> [12,24)', () => {
    expect(timeWindowsFor(21, 12, 12)).toEqual([w(12, 24)]);
  });
  it('hopping 5s advance 3s: t=4999 is in [0,5000) and [3000,8000); the end is exclusive, t=5000 is not in [0,5000)', () => {
    expect(timeWindowsFor(4999, 5000, 3000)).toEqual([w(0, 5000), w(3000, 8000)]);
    expect(timeWindowsFor(5000, 5000, 5000)).toEqual([w(5000, 10000)]);
  });
  it('windows start at the epoch, not at the first record: t=7 in 5ms tumbling windows is [5,10)', () => {
    expect(timeWindowsFor(7, 5, 5)).toEqual([w(5, 10)]);
  });
});

const WINDOWED =
  'stream input | groupByKey | windowedBy tumbling 5s grace 1s | count as counts | toStream | to out';

describe('grace and stream time (KStreamWindowAggregate)', () => {
  it('a record is accepted while its window end > stream time - grace, dropped and counted once end <= that', () => {
    const d = createDriver(WINDOWED);
    d.pipe('input', 'A', 'x', 1000);
    d.pipe('input', 'A', 'x', 4000);
    d.pipe('input', 'A', 'x', 6500); // stream time 6500: windows ending after 5500 are open
    d.pipe('input', 'A', 'x', 4500); // [0,5000) ended at 5000 <= 5500: dropped
    expect(d.readKeyValues('out')).toEqual(['[A@0/5000]=1', '[A@0/5000]=2', '[A@5000/10000]=1']);
    expect(d.dropped()).toBe(1);
    const drop = d.eventsOf('recordDropped')[0];
    expect(drop.cause).toBe('expiredWindow');
    expect(drop.reason).toContain('window [0,5000) is closed - stream time is 6500');
  });

  it('the boundary: at stream time 6000 (5000 + 1s grace) the window [0,5000) no longer accepts records', () => {
    const d = createDriver(WINDOWED);
    d.pipe('input', 'A', 'x', 5999);
    d.pipe('input', 'A', 'x', 4999); // 5000 > 5999 - 1000: still open
    d.pipe('input', 'B', 'x', 6000);
    d.pipe('input', 'A', 'x', 4999); // 5000 <= 6000 - 1000: closed
    expect(d.readKeyValues('out')).toEqual(['[A@5000/10000]=1', '[A@0/5000]=1', '[B@5000/10000]=1']);
    expect(d.dropped()).toBe(1);
  });

  it('stream time is advanced by records of any key, and only by records that reach the processor', () => {
    const d = createDriver(
      'stream input | filter value != "skip" | groupByKey | windowedBy tumbling 5s | count | toStream | to out',
    );
    d.pipe('input', 'A', 'x', 1000);
    d.pipe('input', 'B', 'skip', 9000); // filtered out upstream: does not move the aggregation's stream time
    d.pipe('input', 'A', 'x', 2000);
    expect(d.readKeyValues('out')).toEqual(['[A@0/5000]=1', '[A@0/5000]=2']);
    d.pipe('input', 'B', 'x', 9000); // another key moves stream time for all keys
    d.pipe('input', 'A', 'x', 3000);
    expect(d.readKeyValues('out')).toEqual(['[B@5000/10000]=1']);
    expect(d.dropped()).toBe(1);
    expect(d.tasks['0_0'].processorTime['KSTREAM-AGGREGATE-0000000003']).toBe(9000);
  });

  it("records on another partition (another task) do not advance this task's stream time", () => {
    const d = createDriver(WINDOWED, { partitions: { input: 2 } });
    d.pipe('input', 'A', 'x', 1000, 0);
    d.pipe('input', 'B', 'x', 60_000, 1);
    d.pipe('input', 'A', 'x', 2000, 0); // task 0_0 is still at stream time 1000
    expect(
      d
        .read('out')
        .filter((r) => r.key?.startsWith('[A'))
        .map((r) => r.value),
    ).toEqual(['1', '2']);
    expect(d.dropped()).toBe(0);
  });

  it('null keys are dropped by windowed aggregations ("Skipping record due to null key") and counted', () => {
    const d = createDriver(WINDOWED);
    d.pipe('input', null, 'x', 1000);
    expect(d.read('out')).toEqual([]);
    expect(d.dropped()).toBe(1);
    expect(d.eventsOf('recordDropped')[0].cause).toBe('nullKey');
  });

  it('an aggregate carries the largest timestamp of its records (output timestamp rule)', () => {
    const d = createDriver(WINDOWED);
    d.pipe('input', 'A', 'x', 3000);
    d.pipe('input', 'A', 'x', 1000);
    expect(d.read('out').map((r) => r.timestamp)).toEqual([3000, 3000]);
  });

  it('hopping windows: a record counts in every window containing it', () => {
    const d = createDriver(
      'stream input | groupByKey | windowedBy hopping 10s advance 5s | count | toStream | to out',
    );
    d.pipe('input', 'A', 'x', 7000);
    expect(d.readKeyValues('out')).toEqual(['[A@0/10000]=1', '[A@5000/15000]=1']);
  });
});

describe('sliding windows (KStreamSlidingWindowAggregate, KIP-450)', () => {
  it('SlidingWindows javadoc: A@8000, A@9200, A@12400 with difference 5000 give 5 windows', () => {
    const d = createDriver(
      'stream input | groupByKey | windowedBy sliding 5s grace 1m | count as s | toStream | to out',
    );
    for (const t of [8000, 9200, 12400]) d.pipe('input', 'A', 'x', t);
    expect(d.windows('s').sort()).toEqual(
      [
        '[A@3000/8000]=1',
        '[A@4200/9200]=2',
        '[A@7400/12400]=3',
        '[A@8001/13001]=2',
        '[A@9201/14201]=1',
      ].sort(),
    );
  });

  it('a record before the first full window goes into [0, difference] (processEarly)', () => {
    const d = createDriver(
      'stream input | groupByKey | windowedBy sliding 5s grace 1m | count as s | toStream | to out',
    );
    d.pipe('input', 'A', 'x', 1000);
    d.pipe('input', 'A', 'x', 2000);
    expect(d.windows('s').sort()).toEqual(['[A@0/5000]=2', '[A@1001/6001]=1'].sort());
  });

  it('a sliding window is closed when end < stream time - grace (inclusive end)', () => {
    const d = createDriver(
      'stream input | groupByKey | windowedBy sliding 5s | count as s | toStream | to out',
    );
    d.pipe('input', 'A', 'x', 20000);
    d.pipe('input', 'A', 'x', 15000); // its window [10000,15000] ends at 15000 < 20000
    expect(d.dropped()).toBe(1);
  });
});

describe('session windows (KStreamSessionWindowAggregate)', () => {
  it('SessionWindows javadoc, gap 5: A@10, A@12, A@20 make [10,12] and [20,20]; A@16 merges them into [10,20] with all 4', () => {
    const d = createDriver(
      'stream input | groupByKey | windowedBy session 5ms grace 1m | count as s | toStream | to out',
    );
    for (const t of [10, 12, 20]) d.pipe('input', 'A', 'x', t);
    expect(d.windows('s')).toEqual(['[A@10/12]=2', '[A@20/20]=1']);
    d.read('out');
    d.pipe('input', 'A', 'x', 16);
    expect(d.windows('s')).toEqual(['[A@10/20]=4']);
    // the merged-away sessions are deleted downstream with tombstones, then the merged one is sent
    expect(d.readKeyValues('out')).toEqual(['[A@10/12]=null', '[A@20/20]=null', '[A@10/20]=4']);
  });

  it('dsl-api.html session example (gap 5 min): green@0, green@6, blue@2; green@4 merges green, blue@5 extends, blue@11 is new', () => {
    const m = 60_000;
    const d = createDriver('stream clicks | groupByKey | windowedBy session 5m grace 1h | count as s');
    d.pipe('clicks', 'green', 'x', 0);
    d.pipe('clicks', 'green', 'x', 6 * m);
    d.pipe('clicks', 'blue', 'x', 2 * m);
    expect(d.windows('s')).toHaveLength(3);
    d.pipe('clicks', 'green', 'x', 4 * m);
    d.pipe('clicks', 'blue', 'x', 5 * m);
    d.pipe('clicks', 'blue', 'x', 11 * m);
    expect(d.windows('s').sort()).toEqual(
      [`[blue@${2 * m}/${5 * m}]=2`, `[blue@${11 * m}/${11 * m}]=1`, `[green@0/${6 * m}]=3`].sort(),
    );
  });

  it('a session update carries the session end as timestamp; a late session (end < stream time - grace - gap) is dropped', () => {
    const d = createDriver(
      'stream input | groupByKey | windowedBy session 5ms grace 10ms | count | toStream | to out',
    );
    d.pipe('input', 'A', 'x', 10);
    d.pipe('input', 'A', 'x', 12);
    // [10,10] =1, then its tombstone (at its own end, 10), then [10,12] =2
    expect(d.read('out').map((r) => r.timestamp)).toEqual([10, 10, 12]);
    d.pipe('input', 'B', 'x', 100);
    d.pipe('input', 'A', 'x', 80); // 80 < 100 - 10 - 5
    expect(d.dropped()).toBe(1);
  });
});

describe('suppress (KTableSuppressProcessorSupplier, dsl-api.html "Window Final Results")', () => {
  const FINAL =
    'stream input | groupByKey | windowedBy tumbling 5s grace 1s | count | suppress untilWindowCloses | toStream | to final';

  it('untilWindowCloses emits exactly one final result per window, when stream time reaches window end + grace', () => {
    const d = createDriver(FINAL);
    d.pipe('input', 'A', 'x', 1000);
    d.pipe('input', 'A', 'x', 4000);
    expect(d.read('final')).toEqual([]);
    d.pipe('input', 'A', 'x', 6500);
    expect(d.read('final')).toEqual([{ key: '[A@0/5000]', value: '2', timestamp: 4000 }]);
    d.pipe('input', 'A', 'x', 4500); // late: dropped by the aggregation, nothing new for the window
    d.pipe('input', 'A', 'x', 20000);
    expect(d.readKeyValues('final')).toEqual(['[A@5000/10000]=1']);
  });

  it('"suppress never emits until a newer record arrives": no wall clock closes a window', () => {
    const d = createDriver(FINAL);
    d.pipe('input', 'A', 'x', 1000);
    d.pipe('input', 'A', 'x', 2000);
    // However long nothing arrives, the buffer holds the count: stream time is still 2000.
    expect(d.read('final')).toEqual([]);
    expect(d.eventsOf('recordBuffered').at(-1)?.reason).toContain('until stream time reaches 6000');
    d.pipe('input', 'B', 'x', 5999);
    expect(d.read('final')).toEqual([]);
    d.pipe('input', 'B', 'x', 6000); // any key: stream time reaches 5000 + 1000
    expect(d.readKeyValues('final')).toEqual(['[A@0/5000]=2']);
  });

  it('untilTimeLimit rate-limits by stream time: a key is emitted once its buffered record is the limit old', () => {
    const d = createDriver(
      'stream input | groupByKey | count | suppress untilTimeLimit 10s | toStream | to out',
    );
    d.pipe('input', 'A', 'x', 0);
    d.pipe('input', 'A', 'x', 3000);
    d.pipe('input', 'A', 'x', 9999);
    expect(d.read('out')).toEqual([]);
    d.pipe('input', 'B', 'x', 20000); // A's latest buffered record is at 9999 <= 20000 - 10000
    expect(d.readKeyValues('out')).toEqual(['A=3']);
  });

  it("a full strict buffer stops processing with Kafka's message (shutDownWhenFull)", () => {
    const d = createDriver(
      'stream input | groupByKey | windowedBy tumbling 5s | count | suppress untilWindowCloses maxRecords 1 | toStream | to out',
    );
    d.pipe('input', 'A', 'x', 1000);
    d.pipe('input', 'B', 'x', 1000);
    expect(d.errors[0]).toMatch(
      /^KTABLE-SUPPRESS-0000000003 buffer exceeded its max capacity\. Currently \[2\/1\] records and \[\d+\/9223372036854775807\] bytes\.$/,
    );
  });
});
