// Kafka's own client metrics library (org.apache.kafka.common.metrics) as plain data: SampledStat windows
// (metrics.num.samples = 2, metrics.sample.window.ms = 30000) under Rate, Avg, Max and a CumulativeSum total.
// Rules follow SampledStat#record/purgeObsoleteSamples and Rate#windowSize.

export const METRICS_NUM_SAMPLES = 2;
export const METRICS_SAMPLE_WINDOW_MS = 30_000;

export type StatSample = { value: number; eventCount: number; startTimeMs: number; lastEventMs: number };

export type SampledStat = {
  kind: 'sum' | 'avg' | 'max';
  initial: number;
  samples: StatSample[];
  current: number;
};

function newSample(initial: number, now: number): StatSample {
  return { value: initial, eventCount: 0, startTimeMs: now, lastEventMs: now };
}

function resetSample(s: StatSample, initial: number, now: number): void {
  s.value = initial;
  s.eventCount = 0;
  s.startTimeMs = now;
  s.lastEventMs = now;
}

export function newSampledStat(kind: SampledStat['kind']): SampledStat {
  return { kind, initial: kind === 'max' ? Number.NEGATIVE_INFINITY : 0, samples: [], current: 0 };
}

function currentSample(s: SampledStat, now: number): StatSample {
  if (s.samples.length === 0) s.samples.push(newSample(s.initial, now));
  return s.samples[s.current];
}

export function recordStat(s: SampledStat, value: number, now: number): void {
  let sample = currentSample(s, now);
  // Sample#isComplete: the window elapsed (metrics.sample.window.ms); the event-count window is Long.MAX_VALUE.
  if (now - sample.startTimeMs >= METRICS_SAMPLE_WINDOW_MS) {
    // One extra placeholder sample for the overlapping window (SampledStat#advance).
    s.current = (s.current + 1) % (METRICS_NUM_SAMPLES + 1);
    if (s.current >= s.samples.length) {
      sample = newSample(s.initial, now);
      s.samples.push(sample);
    } else {
      sample = s.samples[s.current];
      resetSample(sample, s.initial, now);
    }
  }
  if (s.kind === 'max') sample.value = Math.max(sample.value, value);
  else sample.value += value;
  sample.eventCount += 1;
  sample.lastEventMs = now;
}

function purgeObsolete(s: SampledStat, now: number): void {
  const expireAge = METRICS_NUM_SAMPLES * METRICS_SAMPLE_WINDOW_MS;
  for (const sample of s.samples)
    if (now - sample.lastEventMs >= expireAge) resetSample(sample, s.initial, now);
}

/** SampledStat#measure: WindowedSum, Avg (NaN without events) or Max (NaN without events). */
export function measureStat(s: SampledStat, now: number): number {
  purgeObsolete(s, now);
  let total = s.kind === 'max' ? Number.NEGATIVE_INFINITY : 0;
  let count = 0;
  for (const sample of s.samples) {
    if (s.kind === 'max') total = Math.max(total, sample.value);
    else total += sample.value;
    count += sample.eventCount;
  }
  if (s.kind === 'sum') return total;
  return count === 0 ? Number.NaN : s.kind === 'avg' ? total / count : total;
}

/** Rate#measure (per second): windowed sum / Rate#windowSize. */
export function measureRate(s: SampledStat, now: number): number {
  purgeObsolete(s, now);
  const value = measureStat(s, now);
  if (s.samples.length === 0) s.samples.push(newSample(s.initial, now));
  let oldest = s.samples[0];
  for (const sample of s.samples) if (sample.startTimeMs < oldest.startTimeMs) oldest = sample;
  let elapsed = now - oldest.startTimeMs;
  const fullWindows = Math.floor(elapsed / METRICS_SAMPLE_WINDOW_MS);
  if (fullWindows < METRICS_NUM_SAMPLES - 1)
    elapsed += (METRICS_NUM_SAMPLES - 1 - fullWindows) * METRICS_SAMPLE_WINDOW_MS;
  return value / (Math.max(elapsed, 1) / 1000);
}

/** A Meter (org.apache.kafka.common.metrics.stats.Meter): `-rate` over a WindowedSum plus a `-total`. */
export type ClientMeter = { total: number; window: SampledStat };

export function newClientMeter(): ClientMeter {
  return { total: 0, window: newSampledStat('sum') };
}

export function recordClientMeter(m: ClientMeter, value: number, now: number): void {
  m.total += value;
  recordStat(m.window, value, now);
}
