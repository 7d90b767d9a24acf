import { describe, expect, it } from 'vitest';
import { createDriver } from '../topologyTestDriver.testkit';

const COUNT = 'stream clicks | groupByKey | count as counts | toStream | to out';

describe('record cache (statestore.cache.max.bytes, commit.interval.ms)', () => {
  it('statestore.cache.max.bytes=0 (the simulation default): every update goes downstream and to the changelog at once', () => {
    const d = createDriver(COUNT);
    for (let i = 0; i < 3; i++) d.pipe('clicks', 'A', 'x', i);
    expect(d.readKeyValues('out')).toEqual(['A=1', 'A=2', 'A=3']);
    expect(d.changelogOf('counts')).toHaveLength(3);
  });

  it('with a cache, updates of a key collapse until the commit, which forwards and logs the latest value once', () => {
    const d = createDriver(COUNT, { cacheMaxBytes: 10_485_760 });
    for (let i = 0; i < 3; i++) d.pipe('clicks', 'A', 'x', i);
    d.pipe('clicks', 'B', 'x', 3);
    expect(d.read('out')).toEqual([]);
    expect(d.changelogOf('counts')).toHaveLength(0);
    // reads go through the cache: the count keeps counting
    d.pipe('clicks', 'A', 'x', 4);
    d.commit();
    expect(d.read('out')).toEqual([
      { key: 'B', value: '1', timestamp: 3 },
      { key: 'A', value: '4', timestamp: 4 },
    ]);
    expect(d.changelogOf('counts').map((c) => `${c.key}=${c.value}`)).toEqual(['B=1', 'A=4']);
    expect(d.kv('counts')).toEqual({ A: '4', B: '1' });
  });

  it('a full cache evicts its least recently written entry, which is then flushed on its own', () => {
    // Each entry is estimated at key + value + 40 bytes: room for two entries, not three.
    const d = createDriver(COUNT, { cacheMaxBytes: 90 });
    d.pipe('clicks', 'A', 'x', 1);
    d.pipe('clicks', 'B', 'x', 2);
    expect(d.read('out')).toEqual([]);
    d.pipe('clicks', 'C', 'x', 3);
    expect(d.readKeyValues('out')).toEqual(['A=1']);
  });

  it('a flush sends (new<-old) with the value the store had before the flush, when old values are needed', () => {
    const d = createDriver('table users | groupBy value | count as by-region | toStream | to out', {
      cacheMaxBytes: 10_000,
      trace: true,
    });
    d.pipe('users', 'alice', 'europe', 1);
    d.commit();
    d.pipe('users', 'alice', 'asia', 2);
    d.pipe('users', 'bob', 'asia', 3);
    d.commit();
    expect(d.readKeyValues('out')).toEqual(['europe=1', 'europe=0', 'asia=2']);
    const fromSource = d
      .eventsOf('recordForwarded')
      .filter((e) => e.from === 'KTABLE-SOURCE-0000000002')
      .map((e) => e.reason);
    expect(fromSource).toContain(
      'KTABLE-SOURCE-0000000002 -> KTABLE-SELECT-0000000003: alice = (asia<-europe) @2',
    );
  });

  it('windowed counts with a cache: one result per window and commit, and suppress still waits for stream time', () => {
    const d = createDriver(
      'stream clicks | groupByKey | windowedBy tumbling 5s | count | toStream | to out',
      { cacheMaxBytes: 10_000 },
    );
    d.pipe('clicks', 'A', 'x', 1000);
    d.pipe('clicks', 'A', 'x', 2000);
    d.pipe('clicks', 'A', 'x', 6000);
    d.commit();
    expect(d.readKeyValues('out')).toEqual(['[A@0/5000]=2', '[A@5000/10000]=1']);
  });
});
