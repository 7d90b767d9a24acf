import { describe, expect, it } from 'vitest';
import { createDriver } from '../topologyTestDriver.testkit';

const S = 1000;
const JOINER = 'with concat("[", left, ", ", right, "]")';

function streamStreamDriver(kind: 'join' | 'leftJoin' | 'outerJoin') {
  return createDriver(
    `l = stream left\nr = stream right\nl | ${kind} r window 15s grace 5s ${JOINER} | to out`,
  );
}

/** The dsl-api.html "Semantics of stream-stream joins" table: one key, timestamp order, window 15 s, grace 5 s. */
const TABLE: Array<[number, 'left' | 'right', string | null, string[]]> = [
  [1, 'left', null, []],
  [2, 'right', null, []],
  [3, 'left', 'A', []],
  [4, 'right', 'a', ['[A, a]']],
  [5, 'left', 'B', ['[B, a]']],
  [6, 'right', 'b', ['[A, b]', '[B, b]']],
  [7, 'left', null, []],
  [8, 'right', null, []],
  [9, 'left', 'C', ['[C, a]', '[C, b]']],
  [10, 'right', 'c', ['[A, c]', '[B, c]', '[C, c]']],
  [11, 'right', null, []],
  [12, 'left', null, []],
  [13, 'right', null, []],
  [14, 'right', 'd', ['[A, d]', '[B, d]', '[C, d]']],
  [15, 'left', 'D', ['[D, a]', '[D, b]', '[D, c]', '[D, d]']],
];

describe('stream-stream joins (KStreamKStreamJoin, JoinWindows.ofTimeDifferenceAndGrace)', () => {
  for (const kind of ['join', 'leftJoin', 'outerJoin'] as const) {
    it(`${kind}: rows 1-15 of the dsl-api.html semantics table; null values never join and are counted as dropped`, () => {
      const d = streamStreamDriver(kind);
      for (const [t, side, value, expected] of TABLE) {
        d.pipe(side, 'k', value, t * S);
        expect(
          d.read('out').map((r) => r.value),
          `t=${t}`,
        ).toEqual(expected);
      }
      expect(d.dropped()).toBe(7);
    });
  }

  it('an inner join result carries max(left.ts, right.ts)', () => {
    const d = streamStreamDriver('join');
    d.pipe('left', 'k', 'A', 3 * S);
    d.pipe('right', 'k', 'a', 1 * S);
    expect(d.read('out')).toEqual([{ key: 'k', value: '[A, a]', timestamp: 3 * S }]);
  });

  it('leftJoin/outerJoin emit [X, null] only after the join window and grace passed, never eagerly (KIP-633 join windows)', () => {
    for (const kind of ['leftJoin', 'outerJoin'] as const) {
      const d = streamStreamDriver(kind);
      for (const [t, side, value] of TABLE) d.pipe(side, 'k', value, t * S);
      d.read('out');
      d.pipe('left', 'k', 'E', 40 * S);
      expect(d.read('out')).toEqual([]);
      // The docs table shows [E, null] at t=60; KStreamKStreamJoin#isOuterJoinWindowOpen keeps the window open
      // while minTime + window + grace >= stream time, so at exactly 60 s it is still open.
      d.pipe('left', 'k', 'F', 60 * S);
      expect(d.read('out')).toEqual([]);
      d.pipe('right', 'k', 'f', 80 * S);
      expect(d.read('out')).toEqual([{ key: 'k', value: '[E, null]', timestamp: 40 * S }]);
      d.pipe('left', 'k', 'G', 100 * S);
      expect(d.read('out').map((r) => r.value)).toEqual(['[F, null]']);
      d.pipe('left', 'k', 'H', 200 * S);
      expect(d.read('out').map((r) => r.value)).toEqual(
        kind === 'outerJoin' ? ['[null, f]', '[G, null]'] : ['[G, null]'],
      );
    }
  });

  it('KStreamKStreamLeftJoinTest#testLeftExpiredNonJoinedRecordsAreEmittedByTheLeftProcessor', () => {
    const d = createDriver('l = stream t1\nr = stream t2\nl | leftJoin r window 100ms grace 0ms | to out');
    d.pipe('t1', '0', 'A0', 1);
    d.pipe('t1', '1', 'A1', 2);
    d.pipe('t1', '0', 'A0-0', 3);
    expect(d.read('out')).toEqual([]);
    d.pipe('t2', '1', 'a1', 3);
    expect(d.read('out')).toEqual([{ key: '1', value: 'A1+a1', timestamp: 3 }]);
    d.pipe('t1', '2', 'dummy', 401);
    expect(d.read('out')).toEqual([
      { key: '0', value: 'A0+null', timestamp: 1 },
      { key: '0', value: 'A0-0+null', timestamp: 3 },
    ]);
    d.pipe('t2', '2', 'dummy', 401);
    expect(d.read('out')).toEqual([{ key: '2', value: 'dummy+dummy', timestamp: 401 }]);
  });

  it('KStreamKStreamLeftJoinTest#testGracePeriod: records after the window ended but before it closed do not join', () => {
    const d = createDriver('l = stream t1\nr = stream t2\nl | leftJoin r window 100ms grace 10ms | to out');
    d.pipe('t1', '0', 'A0', 0);
    d.pipe('t1', '1', 'A1', 0);
    for (const k of ['0', '1', '2', '3']) d.pipe('t2', k, `a${k}`, 101);
    expect(d.read('out')).toEqual([]);
    d.pipe('t2', '0', 'dummy', 1201);
    expect(d.read('out')).toEqual([
      { key: '0', value: 'A0+null', timestamp: 0 },
      { key: '1', value: 'A1+null', timestamp: 0 },
    ]);
  });

  it('asymmetric windows: before/after bound the other side relative to this record', () => {
    const d = createDriver('l = stream t1\nr = stream t2\nl | join r window 0ms after 10ms | to out');
    d.pipe('t1', 'k', 'L', 100);
    d.pipe('t2', 'k', 'early', 95); // before L: outside (before = 0)
    d.pipe('t2', 'k', 'late', 110); // within 10 ms after L
    expect(d.read('out').map((r) => r.value)).toEqual(['L+late']);
  });
});

describe('stream-table joins (KStreamKTableJoin, dsl-api.html "KStream-KTable Join")', () => {
  const DSL = 't = table prices\nstream orders | join t | to out\nstream orders | leftJoin t | to left-out';

  it("only stream records trigger; the table's current value is used; table updates alone emit nothing", () => {
    const d = createDriver(DSL);
    d.pipe('orders', 'A', 'o1', 1);
    expect(d.read('out')).toEqual([]);
    expect(d.read('left-out')).toEqual([{ key: 'A', value: 'o1+null', timestamp: 1 }]);
    d.pipe('prices', 'A', 'p1', 2);
    expect(d.read('out')).toEqual([]);
    d.pipe('orders', 'A', 'o2', 3);
    expect(d.read('out')).toEqual([{ key: 'A', value: 'o2+p1', timestamp: 3 }]);
    d.pipe('prices', 'A', null, 4); // a tombstone deletes the row and triggers nothing
    d.pipe('orders', 'A', 'o3', 5);
    expect(d.read('out')).toEqual([]);
    expect(d.readKeyValues('left-out')).toEqual(['A=o2+p1', 'A=o3+null']);
  });

  it('null key or value: skipped by join ("Skipping record due to null join key or value"); a left join keeps a null key (KIP-962)', () => {
    const d = createDriver(DSL);
    d.pipe('orders', null, 'o', 1);
    d.pipe('orders', 'A', null, 2);
    expect(d.read('out')).toEqual([]);
    expect(d.readKeyValues('left-out')).toEqual(['null=o+null']);
    expect(d.dropped()).toBe(3);
  });

  it('a key-changed stream is repartitioned before the join, and the table source is materialized', () => {
    const d = createDriver('t = table prices\nstream orders | selectKey value | join t | to out');
    expect(Object.keys(d.topology.stores)).toEqual(['prices-STATE-STORE-0000000000']);
    d.pipe('prices', 'apple', '3', 1);
    d.pipe('orders', 'o-1', 'apple', 2);
    expect(d.readKeyValues('out')).toEqual(['apple=apple+3']);
  });

  it('a GlobalKTable join looks up the key the selector returns, from any partition', () => {
    const d = createDriver(
      'c = globalTable customers\nstream orders | join c on value.customer with concat(left, " for ", right) | to out',
      {
        partitions: { orders: 3 },
      },
    );
    d.pipe('customers', 'c1', 'Alice', 1);
    d.pipe('orders', 'o1', '{"customer":"c1"}', 2);
    d.pipe('orders', 'o2', '{"customer":"c9"}', 3);
    expect(d.readKeyValues('out')).toEqual(['o1={"customer":"c1"} for Alice']);
  });
});

describe('table-table joins (KTableKTable*Join)', () => {
  it('inner join: either side updates the result when the other side has the key; a tombstone forwards a tombstone', () => {
    const d = createDriver('a = table left\nb = table right\na | join b | toStream | to out');
    d.pipe('left', 'k', 'L1', 1);
    expect(d.read('out')).toEqual([]);
    d.pipe('right', 'k', 'R1', 2);
    expect(d.read('out')).toEqual([{ key: 'k', value: 'L1+R1', timestamp: 2 }]);
    d.pipe('left', 'k', 'L2', 3);
    d.pipe('left', 'k', null, 4);
    expect(d.readKeyValues('out')).toEqual(['k=L2+R1', 'k=null']);
  });

  it('left join: a right tombstone updates the row to (left, null); the result timestamp is the max of both', () => {
    const d = createDriver('a = table left\nb = table right\na | leftJoin b | toStream | to out');
    d.pipe('left', 'k', 'L1', 5);
    d.pipe('right', 'k', 'R1', 2);
    d.pipe('right', 'k', null, 3);
    expect(d.read('out')).toEqual([
      { key: 'k', value: 'L1+null', timestamp: 5 },
      { key: 'k', value: 'L1+R1', timestamp: 5 },
      { key: 'k', value: 'L1+null', timestamp: 5 },
    ]);
  });

  it('outer join: a row exists while either side has the key', () => {
    const d = createDriver('a = table left\nb = table right\na | outerJoin b | toStream | to out');
    d.pipe('right', 'k', 'R1', 1);
    d.pipe('left', 'k', 'L1', 2);
    d.pipe('right', 'k', null, 3);
    d.pipe('left', 'k', null, 4);
    expect(d.readKeyValues('out')).toEqual(['k=null+R1', 'k=L1+R1', 'k=L1+null', 'k=null']);
  });
});
