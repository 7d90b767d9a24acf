// throttle_time_ms as the client sees it: NetworkClient#maybeThrottle holds the connection back for the
// throttle time (KIP-219: the broker answers at once and the client waits), and the producer's
// `produce-throttle-time-avg/max` / consumer's `fetch-throttle-time-avg/max` metrics (an Avg and a Max over
// metrics.num.samples = 2 windows of metrics.sample.window.ms = 30000, Sender#throttleTimeSensor).

import {
  emptyStat,
  type MetricWindow,
  measureAvg,
  measureMax,
  recordSample,
  type SampledStat,
} from './sampledStat';

export type ClientThrottleState = {
  /** The connection may send again from this time (ClusterConnectionStates#throttle). */
  throttledUntil: number;
  avg: SampledStat;
  max: SampledStat;
};

export const CLIENT_METRIC_WINDOW: MetricWindow = { samples: 2, timeWindowMs: 30_000 };

export function emptyClientThrottle(): ClientThrottleState {
  return { throttledUntil: 0, avg: emptyStat(0), max: emptyStat(Number.NEGATIVE_INFINITY) };
}

/** A response arrived with throttle_time_ms: record it, and mute the connection when it is positive. */
export function onResponseThrottle(
  s: ClientThrottleState,
  throttleTimeMs: number,
  now: number,
  window = CLIENT_METRIC_WINDOW,
): ClientThrottleState {
  return {
    throttledUntil: throttleTimeMs > 0 ? Math.max(s.throttledUntil, now + throttleTimeMs) : s.throttledUntil,
    avg: recordSample(s.avg, window, throttleTimeMs, now, 'sum'),
    max: recordSample(s.max, window, throttleTimeMs, now, 'max'),
  };
}

export function canSend(s: ClientThrottleState, now: number): boolean {
  return now >= s.throttledUntil;
}

/** `produce-throttle-time-avg` / `-max` (or fetch-…): NaN when no response was seen in the window. */
export function throttleMetrics(
  s: ClientThrottleState,
  now: number,
  window = CLIENT_METRIC_WINDOW,
): { avg: number; max: number } {
  return { avg: measureAvg(s.avg, window, now), max: measureMax(s.max, window, now) };
}
