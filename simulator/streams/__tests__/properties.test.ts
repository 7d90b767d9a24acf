import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyMap, mapDelete, mapEntries, mapFromEntries, mapGet, mapSet, type PMap } from '../persistentMap';
import {
  beginRestore,
  changelogOf,
  RESTORE_BATCH_RECORDS,
  restoreBatch,
  restoreStore,
} from '../runtime/restore';
import { processRecord } from '../runtime/task';
import { createDriver } from '../topologyTestDriver.testkit';

const KEYS = ['A', 'B', 'C', 'D', 'E'];

describe('persistent map (the store representation)', () => {
  it('property: behaves like a Map under random sets and deletes, and never changes an older version', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('set' as const), key: fc.string({ maxLength: 4 }), v: fc.integer() }),
      fc.record({ k: fc.constant('del' as const), key: fc.string({ maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let m: PMap<number> = emptyMap();
        const model = new Map<string, number>();
        const versions: Array<[PMap<number>, string]> = [];
        for (const o of ops) {
          versions.push([m, JSON.stringify(mapEntries(m))]);
          if (o.k === 'set') {
            m = mapSet(m, o.key, o.v);
            model.set(o.key, o.v);
          } else {
            m = mapDelete(m, o.key);
            model.delete(o.key);
          }
        }
        expect(m.n).toBe(model.size);
        for (const [k, v] of model) expect(mapGet(m, k)).toBe(v);
        expect(mapEntries(m)).toEqual([...model.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
        for (const [old, snapshot] of versions) expect(JSON.stringify(mapEntries(old))).toBe(snapshot);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('property: the shape is canonical, so equal contents are deep-equal whatever the history', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 200 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 50 }),
        (keys, extra) => {
          const a = mapFromEntries<number>(keys.map((k) => [k, 1] as const));
          let b = mapFromEntries<number>([...keys].reverse().map((k) => [k, 1] as const));
          for (const e of extra) if (!keys.includes(e)) b = mapDelete(mapSet(b, e, 2), e);
          expect(b).toEqual(a);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});

const record = fc.record({ key: fc.constantFrom(...KEYS), ts: fc.integer({ min: 0, max: 60_000 }) });

describe('windowed count properties', () => {
  it('property: a windowed count over shuffled in-grace input equals the number of records per window', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 150 }),
        fc.integer({ min: 1, max: 20 }).map((n) => n * 1000),
        (recs, size) => {
          // grace covers the whole time range, so no record is late whatever the order
          const d = createDriver(
            `stream in | groupByKey | windowedBy tumbling ${size}ms grace 1d | count as c`,
          );
          for (const r of recs) d.pipe('in', r.key, 'x', r.ts);
          const expected = new Map<string, number>();
          for (const r of recs) {
            const start = Math.floor(r.ts / size) * size;
            const k = `[${r.key}@${start}/${start + size}]`;
            expected.set(k, (expected.get(k) ?? 0) + 1);
          }
          expect(d.windows('c').sort()).toEqual([...expected].map(([k, n]) => `${k}=${n}`).sort());
          expect(d.dropped()).toBe(0);
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });

  it('property: untilWindowCloses emits each window once, only after window end + grace, with its full count', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 150 }), (recs) => {
        const sorted = [...recs].sort((a, b) => a.ts - b.ts);
        const d = createDriver(
          'stream in | groupByKey | windowedBy tumbling 5s grace 2s | count | suppress untilWindowCloses | toStream | to final',
        );
        const emitted = new Map<string, string>();
        for (const r of sorted) {
          d.pipe('in', r.key, 'x', r.ts);
          for (const o of d.read('final')) {
            expect(emitted.has(o.key!)).toBe(false);
            const end = Number(o.key!.slice(o.key!.indexOf('/') + 1, -1));
            expect(r.ts).toBeGreaterThanOrEqual(end + 2000);
            emitted.set(o.key!, o.value!);
          }
        }
        const maxTs = sorted[sorted.length - 1].ts;
        for (const [k, v] of emitted) {
          const inner = k.slice(1, -1);
          const key = inner.slice(0, inner.indexOf('@'));
          const start = Number(inner.slice(inner.indexOf('@') + 1, inner.indexOf('/')));
          expect(Number(v)).toBe(
            sorted.filter((r) => r.key === key && r.ts >= start && r.ts < start + 5000).length,
          );
        }
        // every window that closed by the last stream time has been emitted
        const closed = new Set(
          sorted
            .filter((r) => Math.floor(r.ts / 5000) * 5000 + 5000 + 2000 <= maxTs)
            .map((r) => `${r.key}@${Math.floor(r.ts / 5000) * 5000}`),
        );
        expect(emitted.size).toBe(closed.size);
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it('property: processRecord never changes the task state it is given', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 60 }), (recs) => {
        const d = createDriver(
          'stream in | groupByKey | windowedBy session 3s | count | suppress untilWindowCloses | toStream | to out',
        );
        for (const r of recs) {
          const before = d.tasks['0_0'];
          const snapshot = JSON.stringify(before);
          const step = processRecord(
            d.topology,
            before,
            { topic: 'in', partition: 0, key: r.key, value: 'x', timestamp: r.ts },
            { applicationId: 'test-app' },
          );
          expect(JSON.stringify(before)).toBe(snapshot);
          if (step.ok) d.tasks['0_0'] = step.task;
        }
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});

const STORES: Array<[string, string, string]> = [
  ['key-value aggregate', 'stream in | groupByKey | aggregate "", concat(agg, value) as s', 's'],
  ['time-window count', 'stream in | groupByKey | windowedBy tumbling 2s grace 5s | count as s', 's'],
  ['sliding-window count', 'stream in | groupByKey | windowedBy sliding 2s grace 5s | count as s', 's'],
  ['session count', 'stream in | groupByKey | windowedBy session 1s grace 5s | count as s', 's'],
  [
    'suppress buffer',
    'stream in | groupByKey | windowedBy tumbling 2s grace 5s | count | suppress untilWindowCloses as sup',
    'sup-store',
  ],
  [
    'join window store',
    'a = stream in\nb = stream other\na | leftJoin b window 1s as j',
    'j-this-join-store',
  ],
  [
    'outer join store',
    'a = stream in\nb = stream other\na | leftJoin b window 1s as j',
    'j-left-shared-join-store',
  ],
];

describe('changelog restore (StoreChangelogReader)', () => {
  for (const [name, dsl, store] of STORES) {
    it(`property: replaying the changelog rebuilds the ${name} store, and restore(changelog(store)) == store`, () => {
      fc.assert(
        fc.property(fc.array(record, { minLength: 1, maxLength: 80 }), (recs) => {
          const d = createDriver(dsl);
          for (const r of recs) d.pipe('in', r.key, String(r.ts % 7), r.ts);
          const spec = d.topology.stores[store];
          const actual = d.tasks['0_0'].stores[store];
          const replayed = restoreStore(spec, d.changelogOf(store));
          expect(changelogOf(replayed)).toEqual(changelogOf(actual));
          expect(changelogOf(restoreStore(spec, changelogOf(actual)))).toEqual(changelogOf(actual));
        }),
        { seed: 42, numRuns: 40 },
      );
    });
  }

  it('restore reports progress per restore-consumer batch of 1000 records and then completion', () => {
    const d = createDriver('stream in | groupByKey | count as counts');
    const spec = d.topology.stores.counts;
    const records = Array.from({ length: 2500 }, (_, i) => ({
      key: `k${i % 300}`,
      value: String(i),
      timestamp: i,
    }));
    let { restoring } = beginRestore(spec, 0, 0, records.length);
    const progress: number[] = [];
    let done = false;
    while (restoring.position < restoring.endOffset) {
      const r = restoreBatch(restoring, records.slice(restoring.position));
      restoring = r.restoring;
      for (const e of r.events) {
        if (e.type === 'restoreBatch') progress.push(e.restored);
        if (e.type === 'restoreCompleted') done = true;
      }
    }
    expect(RESTORE_BATCH_RECORDS).toBe(1000);
    expect(progress).toEqual([1000, 2000, 2500]);
    expect(done).toBe(true);
    expect(restoring.state.type === 'keyValue' && restoring.state.map.n).toBe(300);
    expect(restoring.state.type === 'keyValue' && mapGet(restoring.state.map, 'k0')).toEqual({
      v: '2400',
      t: 2400,
    });
  });

  it('a store restored on a new owner continues counting where the old owner stopped', () => {
    const a = createDriver('stream in | groupByKey | count as counts | toStream | to out');
    a.pipe('in', 'x', '1', 1);
    a.pipe('in', 'x', '1', 2);
    const b = createDriver('stream in | groupByKey | count as counts | toStream | to out');
    b.tasks['0_0'] = {
      ...b.tasks['0_0'],
      stores: { counts: restoreStore(b.topology.stores.counts, a.changelogOf('counts')) },
    };
    b.pipe('in', 'x', '1', 3);
    expect(b.readKeyValues('out')).toEqual(['x=3']);
  });
});
