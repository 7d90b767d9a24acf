// PromQL evaluation over the series store at a virtual time (promql/engine.go semantics for the subset):
// instant selectors look back 5 minutes and stop at staleness markers, range selectors are left-open (t-r, t],
// rate/increase extrapolate as extrapolatedRate does, aggregations and binary operators match label sets.
import { instantSample, type Point, pickTier, rangeSamples, type SeriesStore } from '../store';
import type { AggregateOp, BinaryOp, Expr, Matcher, VectorSelector } from './ast';
import { COMPARISON_OPS } from './ast';
import { KEEPS_NAME } from './functions';
import { parsePromQL, typeOf } from './parser';

export type Labels = Record<string, string>;
export type Sample = { labels: Labels; value: number };
export type SeriesPoints = { labels: Labels; points: Point[] };

export type EvalValue =
  | { type: 'scalar'; value: number }
  | { type: 'string'; value: string }
  | { type: 'vector'; samples: Sample[] }
  | { type: 'matrix'; series: SeriesPoints[] };

/** A query that parsed but cannot be evaluated (Prometheus' errorType "execution"). */
export class PromQLExecError extends Error {}

export const DEFAULT_LOOKBACK_MS = 5 * 60_000;

type Ctx = {
  store: SeriesStore;
  tier: number;
  t: number;
  lookbackMs: number;
  /** Downsampled tiers widen short range windows so rate() still sees two samples (like Grafana's $__rate_interval). */
  minRangeMs: number;
  warnings: Set<string>;
};

export type EvalOptions = { lookbackMs?: number };

function labelsKey(l: Labels, drop: ReadonlySet<string> | null, keep: ReadonlySet<string> | null): string {
  const ks = Object.keys(l)
    .filter((k) => (keep ? keep.has(k) : !drop?.has(k)))
    .sort();
  return ks.map((k) => `${k}=${JSON.stringify(l[k])}`).join(',');
}

function withoutName(l: Labels): Labels {
  const { __name__: _, ...rest } = l;
  return rest;
}

function matcherTest(m: Matcher, value: string): boolean {
  switch (m.op) {
    case '=':
      return value === m.value;
    case '!=':
      return value !== m.value;
    case '=~':
      return new RegExp(`^(?:${m.value})$`).test(value);
    case '!~':
      return !new RegExp(`^(?:${m.value})$`).test(value);
  }
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** "unknown metric name" with the closest known names: Prometheus returns an empty result; we also say why. */
// Metric names are only ever added to a store, so the warning for a name is the same while the count of names is:
// rules that name an absent metric (evaluated every 15 s) reuse it instead of re-ranking every name.
const warningMemo = new WeakMap<SeriesStore['byName'], Map<string, { count: number; text: string }>>();

export function unknownMetricWarning(store: SeriesStore, name: string): string {
  const names = Object.keys(store.byName);
  let memo = warningMemo.get(store.byName);
  if (!memo) {
    memo = new Map();
    warningMemo.set(store.byName, memo);
  }
  const hit = memo.get(name);
  if (hit && hit.count === names.length) return hit.text;
  const text = closestNamesWarning(names, name);
  memo.set(name, { count: names.length, text });
  return text;
}

function closestNamesWarning(names: readonly string[], name: string): string {
  const close = names
    .map((n) => ({ n, d: n.includes(name) || name.includes(n) ? 0 : levenshtein(n, name) }))
    .filter((x) => x.d <= Math.max(3, Math.floor(name.length / 4)))
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1))
    .slice(0, 3)
    .map((x) => x.n);
  return `unknown metric name "${name}": no series has it${close.length ? ` (did you mean ${close.map((c) => `"${c}"`).join(', ')}?)` : ''}`;
}

function selectKeys(ctx: Ctx, sel: VectorSelector): string[] {
  const store = ctx.store;
  let keys: string[];
  if (sel.name !== null) {
    keys = store.byName[sel.name] ?? [];
    if (keys.length === 0) ctx.warnings.add(unknownMetricWarning(store, sel.name));
  } else keys = Object.keys(store.series);
  return keys.filter((k) => {
    const s = store.series[k];
    return sel.matchers.every((m) =>
      matcherTest(m, m.name === '__name__' ? s.name : (s.labels[m.name] ?? '')),
    );
  });
}

function seriesLabels(ctx: Ctx, key: string): Labels {
  const s = ctx.store.series[key];
  return { __name__: s.name, ...s.labels };
}

function evalSelector(ctx: Ctx, sel: VectorSelector): Sample[] {
  const out: Sample[] = [];
  for (const key of selectKeys(ctx, sel)) {
    const p = instantSample(ctx.store, ctx.tier, key, ctx.t - sel.offsetMs, ctx.lookbackMs);
    if (p) out.push({ labels: seriesLabels(ctx, key), value: p.v });
  }
  return out;
}

function evalMatrix(
  ctx: Ctx,
  sel: VectorSelector,
  rangeMs: number,
): { series: SeriesPoints[]; rangeMs: number } {
  const range = Math.max(rangeMs, ctx.minRangeMs);
  const end = ctx.t - sel.offsetMs;
  const series: SeriesPoints[] = [];
  for (const key of selectKeys(ctx, sel)) {
    const points = rangeSamples(ctx.store, ctx.tier, key, end - range, end);
    if (points.length > 0) series.push({ labels: seriesLabels(ctx, key), points });
  }
  return { series, rangeMs: range };
}

/** promql/functions.go extrapolatedRate: rate(), increase(), delta(). */
function extrapolatedRate(
  points: Point[],
  rangeStart: number,
  rangeEnd: number,
  isCounter: boolean,
  isRate: boolean,
): number | null {
  if (points.length < 2) return null;
  const first = points[0];
  const last = points[points.length - 1];
  let result = last.v - first.v;
  if (isCounter)
    for (let i = 1; i < points.length; i++) if (points[i].v < points[i - 1].v) result += points[i - 1].v;
  let durationToStart = (first.t - rangeStart) / 1000;
  const durationToEnd = (rangeEnd - last.t) / 1000;
  const sampled = (last.t - first.t) / 1000;
  const avgBetween = sampled / (points.length - 1);
  if (isCounter && result > 0 && first.v >= 0) {
    const durationToZero = sampled * (first.v / result);
    if (durationToZero < durationToStart) durationToStart = durationToZero;
  }
  const threshold = avgBetween * 1.1;
  let interval = sampled;
  interval += durationToStart < threshold ? durationToStart : avgBetween / 2;
  interval += durationToEnd < threshold ? durationToEnd : avgBetween / 2;
  let factor = interval / sampled;
  if (isRate) factor /= (rangeEnd - rangeStart) / 1000;
  return result * factor;
}

function overTime(func: string, points: Point[], rangeStart: number, rangeEnd: number): number | null {
  const vs = points.map((p) => p.v);
  switch (func) {
    case 'rate':
      return extrapolatedRate(points, rangeStart, rangeEnd, true, true);
    case 'increase':
      return extrapolatedRate(points, rangeStart, rangeEnd, true, false);
    case 'delta':
      return extrapolatedRate(points, rangeStart, rangeEnd, false, false);
    case 'irate':
    case 'idelta': {
      if (points.length < 2) return null;
      const a = points[points.length - 2];
      const b = points[points.length - 1];
      if (func === 'idelta') return b.v - a.v;
      const dv = b.v < a.v ? b.v : b.v - a.v; // counter reset: the new value is the increase
      return dv / ((b.t - a.t) / 1000);
    }
    case 'deriv': {
      if (points.length < 2) return null;
      // Least-squares slope per second (simple linear regression, x relative to the first sample).
      const t0 = points[0].t;
      const n = points.length;
      let sx = 0;
      let sy = 0;
      let sxy = 0;
      let sxx = 0;
      for (const p of points) {
        const x = (p.t - t0) / 1000;
        sx += x;
        sy += p.v;
        sxy += x * p.v;
        sxx += x * x;
      }
      const cov = sxy - (sx * sy) / n;
      const varx = sxx - (sx * sx) / n;
      return cov / varx;
    }
    case 'changes':
    case 'resets': {
      let n = 0;
      for (let i = 1; i < vs.length; i++)
        if (
          func === 'changes'
            ? vs[i] !== vs[i - 1] && !(Number.isNaN(vs[i]) && Number.isNaN(vs[i - 1]))
            : vs[i] < vs[i - 1]
        )
          n++;
      return n;
    }
    case 'sum_over_time':
      return vs.reduce((a, b) => a + b, 0);
    case 'avg_over_time':
      return vs.reduce((a, b) => a + b, 0) / vs.length;
    case 'max_over_time':
      return Math.max(...vs);
    case 'min_over_time':
      return Math.min(...vs);
    case 'count_over_time':
      return vs.length;
    case 'last_over_time':
      return vs[vs.length - 1];
    default:
      return null;
  }
}

function scalarOf(v: EvalValue): number {
  if (v.type === 'scalar') return v.value;
  throw new PromQLExecError(`expected scalar, got ${v.type}`);
}

function vectorOf(v: EvalValue): Sample[] {
  if (v.type === 'vector') return v.samples;
  throw new PromQLExecError(`expected instant vector, got ${v.type}`);
}

const MATH: Record<string, (x: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  sqrt: Math.sqrt,
  exp: Math.exp,
  ln: Math.log,
  log2: Math.log2,
  log10: Math.log10,
};

function evalCall(ctx: Ctx, e: Extract<Expr, { kind: 'call' }>): EvalValue {
  const f = e.func;
  if (f === 'time') return { type: 'scalar', value: ctx.t / 1000 };
  if (f === 'vector')
    return { type: 'vector', samples: [{ labels: {}, value: scalarOf(evalExpr(ctx, e.args[0])) }] };
  const arg0 = e.args[0];
  if (arg0.kind === 'matrix') {
    const { series, rangeMs } = evalMatrix(ctx, arg0.vector, arg0.rangeMs);
    const end = ctx.t - arg0.vector.offsetMs;
    if (f === 'absent_over_time')
      return {
        type: 'vector',
        samples: series.length === 0 ? [{ labels: absentLabels(arg0.vector), value: 1 }] : [],
      };
    if (
      (f === 'rate' || f === 'increase' || f === 'irate') &&
      arg0.vector.name &&
      !/_(total|sum|count|bucket)$/.test(arg0.vector.name)
    )
      ctx.warnings.add(
        `PromQL info: metric might not be a counter, name does not end in _total/_sum/_count/_bucket: "${arg0.vector.name}"`,
      );
    const samples: Sample[] = [];
    for (const s of series) {
      const v = overTime(f, s.points, end - rangeMs, end);
      if (v !== null)
        samples.push({ labels: KEEPS_NAME.has(f) ? s.labels : withoutName(s.labels), value: v });
    }
    return { type: 'vector', samples };
  }
  if (f === 'scalar') {
    const v = vectorOf(evalExpr(ctx, arg0));
    return { type: 'scalar', value: v.length === 1 ? v[0].value : Number.NaN };
  }
  const vec = vectorOf(evalExpr(ctx, arg0));
  if (f === 'absent')
    return {
      type: 'vector',
      samples:
        vec.length === 0 ? [{ labels: arg0.kind === 'vector' ? absentLabels(arg0) : {}, value: 1 }] : [],
    };
  if (f === 'sort' || f === 'sort_desc')
    return {
      type: 'vector',
      samples: [...vec].sort((a, b) => (f === 'sort' ? a.value - b.value : b.value - a.value)),
    };
  if (f === 'timestamp') {
    // The sample's own timestamp is not kept on evaluated vectors; selectors evaluate at the scrape time.
    return {
      type: 'vector',
      samples: vec.map((s) => ({ labels: withoutName(s.labels), value: ctx.t / 1000 })),
    };
  }
  let fn: (x: number) => number;
  if (MATH[f]) fn = MATH[f];
  else if (f === 'round') {
    const to = e.args[1] ? scalarOf(evalExpr(ctx, e.args[1])) : 1;
    fn = (x) => Math.floor(x / to + 0.5) * to;
  } else if (f === 'clamp_min') {
    const lo = scalarOf(evalExpr(ctx, e.args[1]));
    fn = (x) => Math.max(x, lo);
  } else if (f === 'clamp_max') {
    const hi = scalarOf(evalExpr(ctx, e.args[1]));
    fn = (x) => Math.min(x, hi);
  } else if (f === 'clamp') {
    const lo = scalarOf(evalExpr(ctx, e.args[1]));
    const hi = scalarOf(evalExpr(ctx, e.args[2]));
    if (lo > hi) return { type: 'vector', samples: [] };
    fn = (x) => Math.max(lo, Math.min(x, hi));
  } else throw new PromQLExecError(`function "${f}" is not implemented`);
  return {
    type: 'vector',
    samples: vec.map((s) => ({
      labels: KEEPS_NAME.has(f) ? s.labels : withoutName(s.labels),
      value: fn(s.value),
    })),
  };
}

/** absent(): labels from the selector's equality matchers. */
function absentLabels(sel: VectorSelector): Labels {
  const out: Labels = {};
  for (const m of sel.matchers) if (m.op === '=' && m.name !== '__name__') out[m.name] = m.value;
  return out;
}

function evalAggregate(ctx: Ctx, e: Extract<Expr, { kind: 'aggregate' }>): EvalValue {
  const input = vectorOf(evalExpr(ctx, e.expr));
  const k = e.param ? scalarOf(evalExpr(ctx, e.param)) : 0;
  const grouping = new Set(e.grouping);
  const groups = new Map<string, { labels: Labels; samples: Sample[] }>();
  for (const s of input) {
    let labels: Labels;
    if (e.without) {
      labels = withoutName(s.labels);
      for (const g of grouping) delete labels[g];
    } else {
      labels = {};
      for (const g of grouping) if (s.labels[g] !== undefined && g !== '__name__') labels[g] = s.labels[g];
    }
    const key = labelsKey(labels, null, null);
    const group = groups.get(key) ?? { labels, samples: [] };
    group.samples.push(s);
    groups.set(key, group);
  }
  const out: Sample[] = [];
  for (const { labels, samples } of groups.values()) {
    const vs = samples.map((s) => s.value);
    if (e.op === 'topk' || e.op === 'bottomk') {
      const n = Math.floor(k);
      if (n < 1) continue;
      const sorted = [...samples].sort((a, b) => (e.op === 'topk' ? b.value - a.value : a.value - b.value));
      out.push(...sorted.slice(0, n));
      continue;
    }
    out.push({ labels, value: aggregate(e.op, vs) });
  }
  if (e.op === 'topk') out.sort((a, b) => b.value - a.value);
  if (e.op === 'bottomk') out.sort((a, b) => a.value - b.value);
  return { type: 'vector', samples: out };
}

function aggregate(op: AggregateOp, vs: number[]): number {
  const finite = vs.filter((v) => !Number.isNaN(v));
  switch (op) {
    case 'sum':
      return vs.reduce((a, b) => a + b, 0);
    case 'avg':
      return vs.reduce((a, b) => a + b, 0) / vs.length;
    case 'count':
      return vs.length;
    case 'group':
      return 1;
    case 'min':
      return finite.length ? Math.min(...finite) : Number.NaN;
    case 'max':
      return finite.length ? Math.max(...finite) : Number.NaN;
    case 'stddev':
    case 'stdvar': {
      const mean = vs.reduce((a, b) => a + b, 0) / vs.length;
      const variance = vs.reduce((a, b) => a + (b - mean) ** 2, 0) / vs.length;
      return op === 'stddev' ? Math.sqrt(variance) : variance;
    }
    default:
      return Number.NaN;
  }
}

function arith(op: BinaryOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    case '^':
      return a ** b;
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    default:
      return Number.NaN;
  }
}

function evalBinary(ctx: Ctx, e: Extract<Expr, { kind: 'binary' }>): EvalValue {
  const l = evalExpr(ctx, e.lhs);
  const r = evalExpr(ctx, e.rhs);
  const isCmp = COMPARISON_OPS.includes(e.op);
  if (l.type === 'scalar' && r.type === 'scalar')
    return { type: 'scalar', value: arith(e.op, l.value, r.value) };
  const dropName = !isCmp || e.returnBool;
  if (l.type === 'scalar' || r.type === 'scalar') {
    const vec = l.type === 'vector' ? l.samples : vectorOf(r);
    const sc = l.type === 'scalar' ? l.value : scalarOf(r);
    const out: Sample[] = [];
    for (const s of vec) {
      const [a, b] = l.type === 'vector' ? [s.value, sc] : [sc, s.value];
      const v = arith(e.op, a, b);
      const labels = dropName ? withoutName(s.labels) : s.labels;
      if (isCmp && !e.returnBool) {
        if (v === 1) out.push({ labels, value: s.value });
      } else out.push({ labels, value: v });
    }
    return { type: 'vector', samples: out };
  }
  const lv = vectorOf(l);
  const rv = vectorOf(r);
  const keep = e.matching?.on ? new Set(e.matching.labels) : null;
  const drop = new Set(['__name__', ...(e.matching && !e.matching.on ? e.matching.labels : [])]);
  const key = (s: Sample) => labelsKey(s.labels, keep ? null : drop, keep);
  if (e.op === 'and' || e.op === 'or' || e.op === 'unless') {
    const rKeys = new Set(rv.map(key));
    if (e.op === 'and') return { type: 'vector', samples: lv.filter((s) => rKeys.has(key(s))) };
    if (e.op === 'unless') return { type: 'vector', samples: lv.filter((s) => !rKeys.has(key(s))) };
    const lKeys = new Set(lv.map(key));
    return { type: 'vector', samples: [...lv, ...rv.filter((s) => !lKeys.has(key(s)))] };
  }
  const right = new Map<string, Sample>();
  for (const s of rv) {
    const k = key(s);
    if (right.has(k))
      throw new PromQLExecError(
        `found duplicate series for the match group {${k}} on the right hand-side of the operation: many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    right.set(k, s);
  }
  const seen = new Set<string>();
  const out: Sample[] = [];
  for (const s of lv) {
    const k = key(s);
    const m = right.get(k);
    if (!m) continue;
    if (seen.has(k))
      throw new PromQLExecError(
        `found duplicate series for the match group {${k}} on the left hand-side of the operation: many-to-many matching not allowed: matching labels must be unique on one side`,
      );
    seen.add(k);
    const v = arith(e.op, s.value, m.value);
    let labels = dropName ? withoutName(s.labels) : { ...s.labels };
    if (keep) labels = Object.fromEntries(Object.entries(labels).filter(([n]) => keep.has(n)));
    else if (e.matching) for (const n of e.matching.labels) delete labels[n];
    if (isCmp && !e.returnBool) {
      if (v === 1) out.push({ labels, value: s.value });
    } else out.push({ labels, value: v });
  }
  return { type: 'vector', samples: out };
}

function evalExpr(ctx: Ctx, e: Expr): EvalValue {
  switch (e.kind) {
    case 'number':
      return { type: 'scalar', value: e.value };
    case 'string':
      return { type: 'string', value: e.value };
    case 'paren':
      return evalExpr(ctx, e.expr);
    case 'vector':
      return { type: 'vector', samples: evalSelector(ctx, e) };
    case 'matrix':
      return { type: 'matrix', series: evalMatrix(ctx, e.vector, e.rangeMs).series };
    case 'unary': {
      const v = evalExpr(ctx, e.expr);
      if (e.op === '+') return v;
      if (v.type === 'scalar') return { type: 'scalar', value: -v.value };
      return {
        type: 'vector',
        samples: vectorOf(v).map((s) => ({ labels: withoutName(s.labels), value: -s.value })),
      };
    }
    case 'call':
      return evalCall(ctx, e);
    case 'aggregate':
      return evalAggregate(ctx, e);
    case 'binary':
      return evalBinary(ctx, e);
  }
}

/** How far back an evaluation at t reads (the widest range + offset + lookback). */
function reach(e: Expr, lookbackMs: number): number {
  switch (e.kind) {
    case 'vector':
      return e.offsetMs + lookbackMs;
    case 'matrix':
      return e.vector.offsetMs + e.rangeMs;
    case 'paren':
    case 'unary':
      return reach(e.expr, lookbackMs);
    case 'call':
      return Math.max(0, ...e.args.map((a) => reach(a, lookbackMs)));
    case 'aggregate':
      return Math.max(reach(e.expr, lookbackMs), e.param ? reach(e.param, lookbackMs) : 0);
    case 'binary':
      return Math.max(reach(e.lhs, lookbackMs), reach(e.rhs, lookbackMs));
    default:
      return 0;
  }
}

function makeCtx(
  store: SeriesStore,
  ast: Expr,
  from: number,
  t: number,
  lookbackMs: number,
  warnings: Set<string>,
): Ctx {
  const tier = pickTier(store, from - reach(ast, lookbackMs));
  const step = store.tiers[tier]?.stepMs ?? 0;
  return {
    store,
    tier,
    t,
    lookbackMs: tier > 0 ? Math.max(lookbackMs, 2 * step) : lookbackMs,
    minRangeMs: tier > 0 ? 4 * step : 0,
    warnings,
  };
}

export type InstantResult = { value: EvalValue; warnings: string[] };
export type RangeResult = { series: SeriesPoints[]; warnings: string[] };

/** An instant query at virtual time `t` (ms). Throws PromQLError (bad syntax) or PromQLExecError. */
export function instantQuery(
  store: SeriesStore,
  query: string | Expr,
  t: number,
  opts: EvalOptions = {},
): InstantResult {
  const ast = typeof query === 'string' ? parsePromQL(query) : query;
  const warnings = new Set<string>();
  const ctx = makeCtx(store, ast, t, t, opts.lookbackMs ?? DEFAULT_LOOKBACK_MS, warnings);
  const value = evalExpr(ctx, ast);
  return { value, warnings: [...warnings] };
}

/** Maximum points of one range query (Prometheus refuses more than 11,000 per series). */
export const MAX_RANGE_POINTS = 11_000;

/** A range query (what a chart panel runs): evaluated at start, start+step, ..., end. */
export function rangeQuery(
  store: SeriesStore,
  query: string | Expr,
  start: number,
  end: number,
  stepMs: number,
  opts: EvalOptions = {},
): RangeResult {
  const ast = typeof query === 'string' ? parsePromQL(query) : query;
  if (end < start) throw new PromQLExecError('end timestamp must not be before start time');
  if (stepMs <= 0)
    throw new PromQLExecError(
      'zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  if ((end - start) / stepMs > MAX_RANGE_POINTS)
    throw new PromQLExecError(
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  const t0 = typeOf(ast);
  if (t0 !== 'scalar' && t0 !== 'vector')
    throw new PromQLExecError(
      `invalid expression type "${t0 === 'matrix' ? 'range vector' : t0}" for range query, must be Scalar or instant Vector`,
    );
  const warnings = new Set<string>();
  const lookback = opts.lookbackMs ?? DEFAULT_LOOKBACK_MS;
  const ctx = makeCtx(store, ast, start, start, lookback, warnings);
  const byKey = new Map<string, SeriesPoints>();
  for (let t = start; t <= end; t += stepMs) {
    ctx.t = t;
    const v = evalExpr(ctx, ast);
    const samples = v.type === 'scalar' ? [{ labels: {}, value: v.value }] : vectorOf(v);
    for (const s of samples) {
      const k = labelsKey(s.labels, null, null);
      let series = byKey.get(k);
      if (!series) {
        series = { labels: s.labels, points: [] };
        byKey.set(k, series);
      }
      series.points.push({ t, v: s.value });
    }
  }
  const series = [...byKey.values()].sort((a, b) =>
    labelsKey(a.labels, null, null) < labelsKey(b.labels, null, null) ? -1 : 1,
  );
  return { series, warnings: [...warnings] };
}
