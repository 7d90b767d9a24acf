import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apiQuery, apiQueryRange } from '../promql/api';
import { instantQuery, PromQLExecError, rangeQuery } from '../promql/evaluator';
import { PromQLError } from '../promql/lexer';
import { parsePromQL } from '../promql/parser';
import { ingest, instantSample, newStore, rangeSamples, type SeriesStore, STALE } from '../store';

/** A store with a counter c_total{i="a"|"b"} rising 1/s and 2/s, and a gauge g{i} = 1 and 5, scraped every 15 s. */
function fixture(until = 600_000): SeriesStore {
  const s = newStore();
  for (let t = 0; t <= until; t += 15_000)
    ingest(s, t, [
      { name: 'c_total', labels: { i: 'a', job: 'k' }, value: t / 1000 },
      { name: 'c_total', labels: { i: 'b', job: 'k' }, value: (2 * t) / 1000 },
      { name: 'g', labels: { i: 'a', job: 'k' }, value: 1 },
      { name: 'g', labels: { i: 'b', job: 'k' }, value: 5 },
    ]);
  return s;
}

function vec(s: SeriesStore, q: string, t = 600_000) {
  const r = instantQuery(s, q, t);
  if (r.value.type !== 'vector') throw new Error(r.value.type);
  return r.value.samples.map((x) => [x.labels, x.value] as const);
}

function parseError(q: string): string {
  try {
    parsePromQL(q);
  } catch (e) {
    if (e instanceof PromQLError) return e.message;
    throw e;
  }
  throw new Error(`parsed: ${q}`);
}

describe('PromQL parser errors point at the bad position (promql/parser, "line:col: parse error: …")', () => {
  it.each([
    ['sum(rate(x[5m])', '1:16: parse error: unclosed left parenthesis'],
    ['x{job="a"', '1:10: parse error: unexpected end of input inside braces'],
    ['x{job=a}', '1:7: parse error: unexpected identifier "a" in label matching, expected string'],
    [
      'rate(x)',
      '1:6: parse error: expected type range vector in call to function "rate", got instant vector',
    ],
    ['foo(x)', '1:1: parse error: unknown function with name "foo"'],
    ['x[5x]', '1:3: parse error: bad number or duration syntax: "5x"'],
    ['1 > 2', '1:3: parse error: comparisons between scalars must use BOOL modifier'],
    ['x +', '1:4: parse error: unexpected end of input'],
    ['(x))', "1:4: parse error: unexpected right parenthesis ')'"],
    ['sum(x)[5m]', '1:7: parse error: ranges only allowed for vector selectors'],
    ['{job=""}', '1:1: parse error: vector selector must contain at least one non-empty matcher'],
    ['x and 1', '1:3: parse error: set operator "and" not allowed in binary scalar expression'],
    ['x @ 5', '1:3: parse error: the @ modifier is not supported in this simulation'],
    ['', '1:1: parse error: no expression found in input'],
  ])('%s → %s', (q, msg) => expect(parseError(q)).toBe(msg));

  it('accepts the Strimzi alert expressions and both aggregation modifier positions', () => {
    for (const q of [
      'sum(x) by (a) != 1',
      'sum by (a) (x)',
      'changes(x[10m]) == 0',
      'topk(3, rate(x_total[1m]))',
      'x offset 5m',
      '-x ^ 2',
      'x > bool 1',
    ])
      expect(() => parsePromQL(q)).not.toThrow();
  });
});

describe('PromQL evaluation over the series store', () => {
  it('rate() of a counter rising 1/s is 1; increase() over 1m is 60 (extrapolatedRate)', () => {
    const s = fixture();
    const one = (q: string) => {
      const r = vec(s, q);
      expect(r).toHaveLength(1);
      return r[0];
    };
    expect(one('rate(c_total{i="a"}[1m])')[0]).toEqual({ i: 'a', job: 'k' });
    expect(one('rate(c_total{i="a"}[1m])')[1]).toBeCloseTo(1, 12);
    expect(one('increase(c_total{i="b"}[1m])')[1]).toBeCloseTo(120, 9);
    expect(one('irate(c_total{i="b"}[1m])')[1]).toBeCloseTo(2, 12);
  });

  it('rate() handles a counter reset (the new value counts as the increase)', () => {
    const s = newStore();
    [0, 10, 20, 5, 15].forEach((v, i) => {
      ingest(s, i * 15_000, [{ name: 'r_total', labels: {}, value: v }]);
    });
    // increases: 10 + 10 + 5 + 10 = 35 over the 60 s sampled; the window (0, 60 s] holds 4 samples from 15 s.
    const [[, v]] = vec(s, 'increase(r_total[1m])', 60_000);
    expect(v).toBeCloseTo(25 * (60 / 45), 9);
  });

  it('sum/avg/max/count by and without, topk, comparisons filter or return 0/1 with bool', () => {
    const s = fixture();
    expect(vec(s, 'sum(g)')).toEqual([[{}, 6]]);
    expect(vec(s, 'sum by (i) (g)')).toEqual([
      [{ i: 'a' }, 1],
      [{ i: 'b' }, 5],
    ]);
    expect(vec(s, 'max without (i) (g)')).toEqual([[{ job: 'k' }, 5]]);
    expect(vec(s, 'count(g)')).toEqual([[{}, 2]]);
    expect(vec(s, 'topk(1, g)')).toEqual([[{ __name__: 'g', i: 'b', job: 'k' }, 5]]);
    expect(vec(s, 'g > 2')).toEqual([[{ __name__: 'g', i: 'b', job: 'k' }, 5]]);
    expect(vec(s, 'g > bool 2')).toEqual([
      [{ i: 'a', job: 'k' }, 0],
      [{ i: 'b', job: 'k' }, 1],
    ]);
    expect(vec(s, 'g * 100 / on(i) g')).toEqual([
      [{ i: 'a' }, 100],
      [{ i: 'b' }, 100],
    ]);
    expect(vec(s, 'g and g{i="a"}')).toEqual([[{ __name__: 'g', i: 'a', job: 'k' }, 1]]);
    expect(vec(s, 'g unless g{i="a"}')).toEqual([[{ __name__: 'g', i: 'b', job: 'k' }, 5]]);
    expect(vec(s, 'changes(g[10m]) == 0')).toHaveLength(2);
    expect(vec(s, 'g{i=~"a|c"}')).toHaveLength(1);
    expect(vec(s, 'g{i!~"a"}')).toHaveLength(1);
  });

  it('offset reads the past; the 5-minute lookback ends at a staleness marker', () => {
    const s = fixture();
    expect(vec(s, 'c_total{i="a"} offset 5m')).toEqual([[{ __name__: 'c_total', i: 'a', job: 'k' }, 300]]);
    ingest(s, 615_000, [{ name: 'g', labels: { i: 'a', job: 'k' }, value: 1 }]);
    expect(vec(s, 'g', 615_000)).toHaveLength(1);
    expect(vec(s, 'c_total', 615_000)).toEqual([]);
  });

  it('unknown metric names: an empty result with a warning naming close matches', () => {
    const s = fixture();
    const r = instantQuery(s, 'sum(c_totl)', 600_000);
    expect(r.value).toEqual({ type: 'vector', samples: [] });
    expect(r.warnings).toEqual(['unknown metric name "c_totl": no series has it (did you mean "c_total"?)']);
    expect(instantQuery(s, 'rate(g[1m])', 600_000).warnings[0]).toMatch(
      /^PromQL info: metric might not be a counter/,
    );
  });

  it('many-to-many matching is refused like Prometheus does', () => {
    expect(() => instantQuery(fixture(), 'g + on() g', 600_000)).toThrow(PromQLExecError);
  });

  it('range queries evaluate at every step (charts)', () => {
    const r = rangeQuery(fixture(), 'sum(rate(c_total[1m]))', 300_000, 600_000, 60_000);
    expect(r.series).toHaveLength(1);
    expect(r.series[0].points.map((p) => Math.round(p.v * 1e9) / 1e9)).toEqual([3, 3, 3, 3, 3, 3]);
  });

  it('the HTTP API: /api/v1/query JSON with string values and second timestamps; errors as bad_data', () => {
    const s = fixture();
    expect(apiQuery(s, { query: 'sum(g)' }, 600_000)).toEqual({
      status: 200,
      body: '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[600,"6"]}]}}',
    });
    expect(apiQuery(s, { query: 'sum(' }, 600_000)).toEqual({
      status: 400,
      body: '{"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:5: parse error: unexpected end of input"}',
    });
    const range = JSON.parse(
      apiQueryRange(s, { query: 'g{i="a"}', start: '540', end: '600', step: '30s' }, 600_000).body,
    );
    expect(range.data.result[0].values).toEqual([
      [540, '1'],
      [570, '1'],
      [600, '1'],
    ]);
  });
});

describe('the bounded series store', () => {
  it('rings wrap: tier 0 keeps its capacity, coarser tiers keep the last sample of each step', () => {
    const s = newStore([
      { stepMs: 15_000, capacity: 4 },
      { stepMs: 60_000, capacity: 3 },
    ]);
    for (let t = 0; t <= 300_000; t += 15_000) ingest(s, t, [{ name: 'x', labels: {}, value: t }]);
    const key = 'x{}';
    expect(rangeSamples(s, 0, key, -1, 1e9).map((p) => p.t)).toEqual([255_000, 270_000, 285_000, 300_000]);
    expect(rangeSamples(s, 1, key, -1, 1e9).map((p) => p.v)).toEqual([225_000, 285_000, 300_000]);
  });

  it('property: instant lookups equal a naive model of Prometheus lookback with staleness', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 1, maxLength: 80 }),
        fc.nat(1300_000),
        (vals, at) => {
          const s = newStore([{ stepMs: 15_000, capacity: 1000 }]);
          vals.forEach((v, i) => {
            ingest(s, i * 15_000, v === null ? [] : [{ name: 'x', labels: {}, value: v }]);
          });
          // Model: last slot ≤ at within 5 min; a missing sample right after a present one is a staleness marker.
          let expected: number | null = null;
          for (let i = 0; i < vals.length; i++) {
            const t = i * 15_000;
            if (t > at) break;
            const stale = vals[i] === null && i > 0 && vals[i - 1] !== null;
            if (vals[i] !== null && t > at - 300_000) expected = vals[i];
            else if (stale || t <= at - 300_000) expected = stale ? null : expected;
            if (t <= at - 300_000) expected = null;
          }
          const got = s.series['x{}'] ? instantSample(s, 0, 'x{}', at, 300_000) : null;
          expect(got?.v ?? null).toBe(expected);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
    expect(STALE).toBe(Number.MAX_VALUE);
  });
});
