// Prometheus HTTP API responses (prometheus.io "HTTP API"): /api/v1/query and /api/v1/query_range JSON with
// string sample values, float-second timestamps, `warnings`, and errors as {"status":"error","errorType":...}.
import { goFloatF } from '../format';
import type { SeriesStore } from '../store';
import { type EvalValue, instantQuery, PromQLExecError, rangeQuery } from './evaluator';
import { PromQLError, parseDuration } from './lexer';

export type ApiResponse = { status: number; body: string };

function ts(ms: number): number {
  return ms / 1000;
}

function errorBody(httpStatus: number, errorType: string, error: string): ApiResponse {
  return { status: httpStatus, body: JSON.stringify({ status: 'error', errorType, error }) };
}

function withWarnings(data: unknown, warnings: string[]): string {
  return JSON.stringify(
    warnings.length ? { status: 'success', data, warnings } : { status: 'success', data },
  );
}

function resultJson(v: EvalValue, t: number): unknown {
  switch (v.type) {
    case 'scalar':
      return { resultType: 'scalar', result: [ts(t), goFloatF(v.value)] };
    case 'string':
      return { resultType: 'string', result: [ts(t), v.value] };
    case 'vector':
      return {
        resultType: 'vector',
        result: v.samples.map((s) => ({ metric: sortLabels(s.labels), value: [ts(t), goFloatF(s.value)] })),
      };
    case 'matrix':
      return {
        resultType: 'matrix',
        result: v.series.map((s) => ({
          metric: sortLabels(s.labels),
          values: s.points.map((p) => [ts(p.t), goFloatF(p.v)]),
        })),
      };
  }
}

function sortLabels(l: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  // __name__ first, then the rest by name (the order Prometheus' labels.Labels marshals to).
  for (const k of Object.keys(l).sort()) out[k] = l[k];
  return out;
}

/** Prometheus accepts RFC 3339 or unix seconds for time parameters; the simulation's clock is unix ms from 0. */
function parseTime(v: string | undefined, fallback: number): number | null {
  if (v === undefined || v === '') return fallback;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const d = Date.parse(v);
  return Number.isNaN(d) ? null : d;
}

function parseStep(v: string | undefined): number | null {
  if (v === undefined) return null;
  if (/^\d+(\.\d+)?$/.test(v)) return Number(v) * 1000;
  return parseDuration(v);
}

function queryError(e: unknown): ApiResponse {
  if (e instanceof PromQLError) return errorBody(400, 'bad_data', `invalid parameter "query": ${e.message}`);
  if (e instanceof PromQLExecError) return errorBody(422, 'execution', e.message);
  throw e;
}

/** GET /api/v1/query?query=…[&time=…] at virtual time `now`. */
export function apiQuery(store: SeriesStore, params: Record<string, string>, now: number): ApiResponse {
  if (params.query === undefined)
    return errorBody(
      400,
      'bad_data',
      'invalid parameter "query": unknown position: parse error: no expression found in input',
    );
  const t = parseTime(params.time, now);
  if (t === null)
    return errorBody(
      400,
      'bad_data',
      `invalid parameter "time": cannot parse "${params.time}" to a valid timestamp`,
    );
  try {
    const r = instantQuery(store, params.query, t);
    return { status: 200, body: withWarnings(resultJson(r.value, t), r.warnings) };
  } catch (e) {
    return queryError(e);
  }
}

/** GET /api/v1/query_range?query=…&start=…&end=…&step=… */
export function apiQueryRange(store: SeriesStore, params: Record<string, string>, now: number): ApiResponse {
  const start = parseTime(params.start, Number.NaN);
  const end = parseTime(params.end, Number.NaN);
  if (start === null || Number.isNaN(start))
    return errorBody(
      400,
      'bad_data',
      `invalid parameter "start": cannot parse "${params.start ?? ''}" to a valid timestamp`,
    );
  if (end === null || Number.isNaN(end))
    return errorBody(
      400,
      'bad_data',
      `invalid parameter "end": cannot parse "${params.end ?? ''}" to a valid timestamp`,
    );
  const step = parseStep(params.step);
  if (step === null)
    return errorBody(
      400,
      'bad_data',
      `invalid parameter "step": cannot parse "${params.step ?? ''}" to a valid duration`,
    );
  if (params.query === undefined)
    return errorBody(
      400,
      'bad_data',
      'invalid parameter "query": unknown position: parse error: no expression found in input',
    );
  void now;
  // web/api/v1/api.go queryRange: the order of its checks and their texts.
  if (end < start) return errorBody(400, 'bad_data', 'end timestamp must not be before start time');
  if (step <= 0)
    return errorBody(
      400,
      'bad_data',
      'zero or negative query resolution step widths are not accepted. Try a positive integer',
    );
  if ((end - start) / step > 11_000)
    return errorBody(
      400,
      'bad_data',
      'exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)',
    );
  try {
    const r = rangeQuery(store, params.query, start, end, step);
    return {
      status: 200,
      body: withWarnings(resultJson({ type: 'matrix', series: r.series }, end), r.warnings),
    };
  } catch (e) {
    return queryError(e);
  }
}
