// kafka-lag-exporter's LookupTableSpec ("MemoryTable") vectors.
import { describe, expect, it } from 'vitest';
import { addPoint, lookup, newLookupTable, timeLagSeconds } from '../lagTime';

const P = (offset: number, time: number) => ({ offset, time });
const pred = (time: number) => ({ kind: 'Prediction', time });

describe('lag in time by interpolating the offset→time table (kafka-lag-exporter LookupTable)', () => {
  it('invalids and edge conditions: out-of-order and non-monotonic points are skipped', () => {
    const t = newLookupTable(10);
    expect(lookup(t, 0)).toEqual({ kind: 'TooFewPoints' });
    addPoint(t, P(100, 100));
    expect(lookup(t, 0)).toEqual({ kind: 'TooFewPoints' });
    expect(addPoint(t, P(110, 90))).toBe('OutOfOrder');
    expect(addPoint(t, P(90, 110))).toBe('NonMonotonic');
    for (const p of [P(0, 0), P(110, -1), P(-1, 110), P(-1, -1)]) addPoint(t, p);
    expect(t.points.length).toBe(1);
  });

  it('square lookups, x == y: interpolation inside and extrapolation outside the table', () => {
    const t = newLookupTable(10);
    addPoint(t, P(100, 100));
    addPoint(t, P(200, 200));
    for (const x of [150, 190, 110, 10, 0, -100, 300, 100]) expect(lookup(t, x)).toMatchObject(pred(x));
  });

  it('lookups with flat sections answer with the right-hand end of the flat run', () => {
    const t = newLookupTable(10);
    for (const p of [P(100, 30), P(200, 60), P(200, 120), P(200, 700)]) addPoint(t, p);
    expect(t.points.length).toBe(3);
    for (const p of [P(300, 730), P(300, 9000), P(400, 9030)]) addPoint(t, p);
    const cases: Array<[number, number]> = [
      [199, 59.7],
      [200, 700],
      [201, 700.3],
      [250, 715],
      [299, 729.7],
      [300, 9000],
      [301, 9000.3],
    ];
    for (const [o, time] of cases) expect((lookup(t, o) as { time: number }).time).toBeCloseTo(time, 9);
  });

  it('zero lag when the group offset is the latest offset; flat curve → ±Infinity', () => {
    const t = newLookupTable(5);
    addPoint(t, P(0, 100));
    expect(lookup(t, 0)).toEqual({ kind: 'LagIsZero' });
    const f = newLookupTable(10);
    for (const p of [P(100, 100), P(100, 200), P(100, 300), P(100, 400)]) addPoint(f, p);
    expect(f.points).toEqual([P(100, 100), P(100, 400)]);
    expect(lookup(f, 99)).toMatchObject(pred(Number.NEGATIVE_INFINITY));
    expect(lookup(f, 101)).toMatchObject(pred(Number.POSITIVE_INFINITY));
  });

  it('normal case, table truncates at its size; steady timestamps, different rates', () => {
    const t = newLookupTable(5);
    for (const p of [P(-2, -2), P(-1, -1), P(0, 0), P(10, 1), P(200, 2)]) addPoint(t, p);
    expect(t.points.length).toBe(5);
    addPoint(t, P(3000, 3));
    addPoint(t, P(40000, 4));
    expect(t.points.length).toBe(5);
    expect(lookup(t, 1600)).toMatchObject(pred(2.5));
    expect(lookup(t, 0)).toMatchObject(pred(0));
    expect(lookup(t, 1)).toMatchObject(pred(0.09999999999999998));
    expect(lookup(t, 2999)).toMatchObject(pred(2.9996428571428573));
    expect(lookup(t, 40000)).toEqual({ kind: 'LagIsZero' });
    expect(lookup(t, -10000)).toMatchObject(pred(-1));
    expect(lookup(t, 50000)).toMatchObject(pred(5));
  });

  it('time lag = (poll time − predicted time) / 1000 s (ConsumerGroupCollector)', () => {
    const t = newLookupTable();
    addPoint(t, P(0, 0));
    addPoint(t, P(1000, 10_000));
    addPoint(t, P(2000, 20_000));
    expect(timeLagSeconds(t, 1500, 20_000)).toBe(5);
    expect(timeLagSeconds(t, 2000, 20_000)).toBe(0);
  });
});
