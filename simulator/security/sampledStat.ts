// Kafka's metric samples as plain data (org.apache.kafka.common.metrics.stats): SampledStat's ring of
// samples (samples + 1 slots, purge after samples × window of silence), Rate#windowSize (at least
// samples − 1 full windows), WindowedSum, Avg, Max, and the TokenBucket of controller mutation quotas.

export type MetricWindow = { samples: number; timeWindowMs: number };

export type Sample = { value: number; eventCount: number; startTimeMs: number; lastEventMs: number };

export type SampledStat = { current: number; samples: Sample[]; initialValue: number };

export function emptyStat(initialValue = 0): SampledStat {
  return { current: 0, samples: [], initialValue };
}

function newSample(stat: SampledStat, now: number): Sample {
  return { value: stat.initialValue, eventCount: 0, startTimeMs: now, lastEventMs: now };
}

function clone(stat: SampledStat): SampledStat {
  return { ...stat, samples: stat.samples.map((s) => ({ ...s })) };
}

/** SampledStat#current: creates the first sample on demand. */
function current(stat: SampledStat, now: number): Sample {
  if (stat.samples.length === 0) stat.samples.push(newSample(stat, now));
  return stat.samples[stat.current];
}

/** SampledStat#record with the stat's update (WindowedSum/Avg add, Max keeps the largest). */
export function recordSample(
  stat: SampledStat,
  window: MetricWindow,
  value: number,
  now: number,
  update: 'sum' | 'max' = 'sum',
): SampledStat {
  const s = clone(stat);
  let sample = current(s, now);
  if (now - sample.startTimeMs >= window.timeWindowMs) {
    // advance: keep one extra slot for the sample overlapping the window's start
    const max = window.samples + 1;
    s.current = (s.current + 1) % max;
    if (s.current >= s.samples.length) {
      sample = newSample(s, now);
      s.samples.push(sample);
    } else {
      sample = s.samples[s.current];
      Object.assign(sample, newSample(s, now));
    }
  }
  sample.value = update === 'sum' ? sample.value + value : Math.max(sample.value, value);
  sample.eventCount += 1;
  sample.lastEventMs = now;
  return s;
}

/** SampledStat#purgeObsoleteSamples: a sample with no event for samples × window is reset to now. */
function purge(stat: SampledStat, window: MetricWindow, now: number): void {
  const expireAge = window.samples * window.timeWindowMs;
  for (const sample of stat.samples) {
    if (now - sample.lastEventMs >= expireAge) Object.assign(sample, newSample(stat, now));
  }
}

/** Rate#windowSize: elapsed time since the oldest sample, padded to at least samples − 1 full windows. */
export function rateWindowSize(
  stat: SampledStat,
  window: MetricWindow,
  now: number,
): { stat: SampledStat; windowMs: number } {
  const s = clone(stat);
  purge(s, window, now);
  if (s.samples.length === 0) s.samples.push(newSample(s, now));
  const oldest = s.samples.reduce((a, b) => (b.startTimeMs < a.startTimeMs ? b : a));
  let total = now - oldest.startTimeMs;
  const full = Math.floor(total / window.timeWindowMs);
  const minFull = window.samples - 1;
  if (full < minFull) total += (minFull - full) * window.timeWindowMs;
  return { stat: s, windowMs: Math.max(total, 1) };
}

/** Rate#measure over a WindowedSum, per second. */
export function measureRate(
  stat: SampledStat,
  window: MetricWindow,
  now: number,
): { stat: SampledStat; rate: number; windowMs: number } {
  const s = clone(stat);
  purge(s, window, now);
  const sum = s.samples.reduce((acc, x) => acc + x.value, 0);
  const w = rateWindowSize(s, window, now);
  return { stat: w.stat, rate: sum / (w.windowMs / 1000), windowMs: w.windowMs };
}

/** Avg#combine over a summing stat: total / events, NaN without events. */
export function measureAvg(stat: SampledStat, window: MetricWindow, now: number): number {
  const s = clone(stat);
  purge(s, window, now);
  const count = s.samples.reduce((a, x) => a + x.eventCount, 0);
  return count === 0 ? Number.NaN : s.samples.reduce((a, x) => a + x.value, 0) / count;
}

/** Max#combine over a max stat (initial value -Infinity): NaN without events. */
export function measureMax(stat: SampledStat, window: MetricWindow, now: number): number {
  const s = clone(stat);
  purge(s, window, now);
  const count = s.samples.reduce((a, x) => a + x.eventCount, 0);
  return count === 0 ? Number.NaN : Math.max(...s.samples.map((x) => x.value));
}

/**
 * TokenBucket (KIP-599): `tokens` refill at `quota` per second up to a burst of samples × window × quota;
 * a request takes its permits and may drive the bucket negative. The bucket starts full (on a real broker
 * its first refill spans the whole epoch).
 */
export type TokenBucket = { tokens: number | null; lastUpdateMs: number };

export function refill(b: TokenBucket, quota: number, window: MetricWindow, now: number): TokenBucket {
  const burst = window.samples * (window.timeWindowMs / 1000) * quota;
  const tokens =
    b.tokens === null ? burst : Math.min(burst, b.tokens + quota * ((now - b.lastUpdateMs) / 1000));
  return { tokens, lastUpdateMs: now };
}

export function takeTokens(
  b: TokenBucket,
  quota: number,
  window: MetricWindow,
  value: number,
  now: number,
): TokenBucket {
  const r = refill(b, quota, window, now);
  const burst = window.samples * (window.timeWindowMs / 1000) * quota;
  return { tokens: Math.min(burst, (r.tokens ?? 0) - value), lastUpdateMs: now };
}
