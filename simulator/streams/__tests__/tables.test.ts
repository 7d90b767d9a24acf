import { describe, expect, it } from 'vitest';
import { formatChange, formatWindowedKey } from '../runtime/format';
import { createDriver } from '../topologyTestDriver.testkit';

describe('KTable semantics (dsl-api.html "KStream vs KTable"; KTableSource, KTableAggregate)', () => {
  it('the docs vector: ("alice",1) then ("alice",3) sums to 4 as a KStream and to 3 as a KTable', () => {
    const s = createDriver('stream scores | groupByKey | aggregate 0, agg + value as sum');
    const t = createDriver('table scores | groupBy key | aggregate 0, agg + value, agg - value as sum');
    for (const d of [s, t]) {
      d.pipe('scores', 'alice', '1', 1);
      d.pipe('scores', 'alice', '3', 2);
    }
    expect(s.kv('sum')).toEqual({ alice: '4' });
    expect(t.kv('sum')).toEqual({ alice: '3' });
  });

  it('upserts replace, a tombstone (null value) deletes the row and is forwarded downstream', () => {
    const d = createDriver('table users as users-store | toStream | to out');
    d.pipe('users', 'alice', 'europe', 1);
    d.pipe('users', 'alice', 'asia', 2);
    expect(d.kv('users-store')).toEqual({ alice: 'asia' });
    d.pipe('users', 'alice', null, 3);
    expect(d.kv('users-store')).toEqual({});
    expect(d.readKeyValues('out')).toEqual(['alice=europe', 'alice=asia', 'alice=null']);
    // the delete reaches the changelog as a tombstone too
    expect(d.changelogOf('users-store').map((c) => c.value)).toEqual(['europe', 'asia', null]);
  });

  it('null keys are skipped by a table source and counted in dropped-records', () => {
    const d = createDriver('table users as u');
    d.pipe('users', null, 'x', 1);
    expect(d.kv('u')).toEqual({});
    expect(d.dropped()).toBe(1);
  });

  it('KTable#groupBy sends the old value to be subtracted, then the new one to be added (KTableRepartitionMap)', () => {
    const d = createDriver('table users | groupBy value | count as by-region | toStream | to out');
    d.pipe('users', 'alice', 'europe', 1);
    d.pipe('users', 'bob', 'europe', 2);
    d.pipe('users', 'alice', 'asia', 3);
    expect(d.readKeyValues('out')).toEqual(['europe=1', 'europe=2', 'europe=1', 'asia=1']);
    d.pipe('users', 'bob', null, 4);
    expect(d.readKeyValues('out')).toEqual(['europe=0']);
    // the count stays at 0 rather than being deleted (KTableAggregate keeps what the subtractor returns)
    expect(d.kv('by-region')).toEqual({ asia: '1', europe: '0' });
  });

  it('a change crosses the groupBy repartition topic as one record with new and old value', () => {
    const d = createDriver('table users | groupBy value as regions | count', { applicationId: 'app' });
    d.pipe('users', 'alice', 'europe', 1);
    d.pipe('users', 'alice', 'asia', 2);
    const steps = d.pipe('users', 'alice', 'africa', 3);
    const first = steps[0];
    expect(first.ok && first.outputs.map((o) => [o.topic, o.key, o.value])).toEqual([
      ['app-regions-repartition', 'asia', '{"newValue":null,"oldValue":"asia"}'],
      ['app-regions-repartition', 'africa', '{"newValue":"africa","oldValue":null}'],
    ]);
  });

  it('KTable#filter forwards a tombstone for a row that does not pass, unless old values are available', () => {
    const plain = createDriver('table t | filter value != "hidden" | toStream | to out');
    plain.pipe('t', 'a', 'hidden', 1);
    plain.pipe('t', 'a', 'shown', 2);
    plain.pipe('t', 'a', 'hidden', 3);
    expect(plain.readKeyValues('out')).toEqual(['a=null', 'a=shown', 'a=null']);
    // With a materialized source KTableFilter sends old values and skips the useless first tombstone.
    const mat = createDriver('table t as src | filter value != "hidden" | toStream | to out');
    mat.pipe('t', 'a', 'hidden', 1);
    mat.pipe('t', 'a', 'shown', 2);
    mat.pipe('t', 'a', 'hidden', 3);
    expect(mat.readKeyValues('out')).toEqual(['a=shown', 'a=null']);
  });

  it('an out-of-order table update is applied (latest offset wins) and reported', () => {
    const d = createDriver('table t as s');
    d.pipe('t', 'a', 'new', 10);
    d.pipe('t', 'a', 'old', 5);
    expect(d.kv('s')).toEqual({ a: 'old' });
    expect(d.eventsOf('outOfOrderTableUpdate')).toHaveLength(1);
  });

  it('aggregations skip null keys and null values ("Skipping record due to null key or value")', () => {
    const d = createDriver('stream s | groupByKey | count as c');
    d.pipe('s', null, 'x', 1);
    d.pipe('s', 'a', null, 2);
    d.pipe('s', 'a', 'x', 3);
    expect(d.kv('c')).toEqual({ a: '1' });
    expect(d.dropped()).toBe(2);
  });

  it('toTable after a key change repartitions, then upserts', () => {
    const d = createDriver('stream s | selectKey value | toTable as latest');
    d.pipe('s', 'k1', 'x', 1);
    d.pipe('s', 'k2', 'x', 2);
    expect(d.kv('latest')).toEqual({ x: 'x' });
  });
});

describe('printed forms', () => {
  it('Windowed#toString is [A@0/5000] and Change#toString is (new<-old)', () => {
    expect(formatWindowedKey('A', 0, 5000)).toBe('[A@0/5000]');
    expect(formatChange('2', '1')).toBe('(2<-1)');
    expect(formatChange(null, '1')).toBe('(null<-1)');
  });

  it('trace events show table changes as (new<-old) on their way downstream', () => {
    const d = createDriver('table users | groupBy value | count | toStream | to out', { trace: true });
    d.pipe('users', 'alice', 'europe', 1);
    d.pipe('users', 'alice', 'asia', 2);
    const reasons = d.eventsOf('recordForwarded').map((e) => e.reason);
    expect(reasons).toContain(
      'KTABLE-SOURCE-0000000002 -> KTABLE-SELECT-0000000003: alice = (asia<-europe) @2',
    );
  });
});
