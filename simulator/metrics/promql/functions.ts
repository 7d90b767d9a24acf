// Signatures of the PromQL functions the simulator evaluates (promql/parser/functions.go).
import type { ValueType } from './ast';

export type FunctionSig = { args: ValueType[]; optional?: number; returns: ValueType };

const overTime: FunctionSig = { args: ['matrix'], returns: 'vector' };
const math: FunctionSig = { args: ['vector'], returns: 'vector' };

export const FUNCTIONS: Record<string, FunctionSig> = {
  abs: math,
  absent: { args: ['vector'], returns: 'vector' },
  absent_over_time: overTime,
  avg_over_time: overTime,
  ceil: math,
  changes: overTime,
  clamp: { args: ['vector', 'scalar', 'scalar'], returns: 'vector' },
  clamp_max: { args: ['vector', 'scalar'], returns: 'vector' },
  clamp_min: { args: ['vector', 'scalar'], returns: 'vector' },
  count_over_time: overTime,
  delta: overTime,
  deriv: overTime,
  exp: math,
  floor: math,
  idelta: overTime,
  increase: overTime,
  irate: overTime,
  last_over_time: overTime,
  ln: math,
  log10: math,
  log2: math,
  max_over_time: overTime,
  min_over_time: overTime,
  rate: overTime,
  resets: overTime,
  round: { args: ['vector', 'scalar'], optional: 1, returns: 'vector' },
  scalar: { args: ['vector'], returns: 'scalar' },
  sort: math,
  sort_desc: math,
  sqrt: math,
  sum_over_time: overTime,
  time: { args: [], returns: 'scalar' },
  timestamp: math,
  vector: { args: ['scalar'], returns: 'vector' },
};

/** Functions whose result keeps the metric name (the rest drop it, as Prometheus does). */
export const KEEPS_NAME = new Set(['last_over_time', 'sort', 'sort_desc', 'clamp', 'clamp_max', 'clamp_min']);
