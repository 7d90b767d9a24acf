// Yammer Metrics 2.2 (what Kafka's broker registers through KafkaYammerMetrics) as plain data: a Meter (Count,
// MeanRate, One/Five/FifteenMinuteRate, EventType, RateUnit), a Histogram (Count, Min, Max, Mean, StdDev,
// percentiles) and a Gauge read at scrape time. Everything is JSON; the virtual clock replaces the tick thread.

/** com.yammer.metrics.stats.EWMA: ticks every 5 s, alpha = 1 - exp(-5 s / window). */
export const TICK_INTERVAL_MS = 5_000;
const ALPHAS = {
  m1: 1 - Math.exp(-5 / 60 / 1),
  m5: 1 - Math.exp(-5 / 60 / 5),
  m15: 1 - Math.exp(-5 / 60 / 15),
} as const;

export type Ewma = { rate: number; initialized: boolean };

export type Meter = {
  kind: 'meter';
  count: number;
  /** Virtual time the meter was created (MeanRate divides by the time since). */
  startTime: number;
  /** Start of the current 5 s tick and the events marked since it began. */
  lastTick: number;
  uncounted: number;
  m1: Ewma;
  m5: Ewma;
  m15: Ewma;
};

export function newMeter(now: number): Meter {
  const ewma = (): Ewma => ({ rate: 0, initialized: false });
  return {
    kind: 'meter',
    count: 0,
    startTime: now,
    lastTick: now,
    uncounted: 0,
    m1: ewma(),
    m5: ewma(),
    m15: ewma(),
  };
}

function tickEwma(e: Ewma, alpha: number, instantRate: number): void {
  if (e.initialized) e.rate += alpha * (instantRate - e.rate);
  else {
    e.rate = instantRate;
    e.initialized = true;
  }
}

/** Catch up the EWMAs to `now`: one tick with the pending events, then closed-form decay for the idle ticks. */
export function tickMeter(m: Meter, now: number): void {
  const ticks = Math.floor((now - m.lastTick) / TICK_INTERVAL_MS);
  if (ticks <= 0) return;
  const instant = m.uncounted / (TICK_INTERVAL_MS / 1000);
  for (const k of ['m1', 'm5', 'm15'] as const) {
    tickEwma(m[k], ALPHAS[k], instant);
    if (ticks > 1) m[k].rate *= (1 - ALPHAS[k]) ** (ticks - 1);
  }
  m.uncounted = 0;
  m.lastTick += ticks * TICK_INTERVAL_MS;
}

export function markMeter(m: Meter, n: number, now: number): void {
  tickMeter(m, now);
  m.count += n;
  m.uncounted += n;
}

/** The attributes JmxReporter's MeterMBean exposes (rates per second). */
export function meterAttributes(m: Meter, now: number, eventType: string): Record<string, number | string> {
  tickMeter(m, now);
  const elapsed = (now - m.startTime) / 1000;
  return {
    Count: m.count,
    EventType: eventType,
    FifteenMinuteRate: m.m15.rate,
    FiveMinuteRate: m.m5.rate,
    MeanRate: elapsed > 0 ? m.count / elapsed : 0,
    OneMinuteRate: m.m1.rate,
    RateUnit: 'SECONDS',
  };
}

/**
 * Yammer Histogram: Count/Min/Max/Mean/StdDev over every update since creation; percentiles over a sample of
 * the most recent values. Simplified: Kafka's histograms are biased (an exponentially decaying reservoir of 1028
 * values favouring the last ~5 minutes); here the sample is a sliding window of the last 1028 values.
 */
export const HISTOGRAM_SAMPLE_SIZE = 1028;

export type Histogram = {
  kind: 'histogram';
  count: number;
  min: number;
  max: number;
  sum: number;
  /** Welford's running variance (Yammer keeps [mean, M2] the same way). */
  mean: number;
  m2: number;
  sample: number[];
  sampleHead: number;
};

export function newHistogram(): Histogram {
  return { kind: 'histogram', count: 0, min: 0, max: 0, sum: 0, mean: 0, m2: 0, sample: [], sampleHead: 0 };
}

export function updateHistogram(h: Histogram, value: number): void {
  h.count++;
  if (h.count === 1) {
    h.min = value;
    h.max = value;
  } else {
    if (value < h.min) h.min = value;
    if (value > h.max) h.max = value;
  }
  h.sum += value;
  const delta = value - h.mean;
  h.mean += delta / h.count;
  h.m2 += delta * (value - h.mean);
  if (h.sample.length < HISTOGRAM_SAMPLE_SIZE) h.sample.push(value);
  else {
    h.sample[h.sampleHead] = value;
    h.sampleHead = (h.sampleHead + 1) % HISTOGRAM_SAMPLE_SIZE;
  }
}

/** com.yammer.metrics.stats.Snapshot#getValue: linear interpolation at pos = q * (n + 1). */
export function snapshotQuantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const pos = q * (sorted.length + 1);
  if (pos < 1) return sorted[0];
  if (pos >= sorted.length) return sorted[sorted.length - 1];
  const lower = sorted[Math.floor(pos) - 1];
  const upper = sorted[Math.floor(pos)];
  return lower + (pos - Math.floor(pos)) * (upper - lower);
}

/** The attributes JmxReporter's HistogramMBean exposes. */
export function histogramAttributes(h: Histogram): Record<string, number> {
  const sorted = [...h.sample].sort((a, b) => a - b);
  return {
    '50thPercentile': snapshotQuantile(sorted, 0.5),
    '75thPercentile': snapshotQuantile(sorted, 0.75),
    '95thPercentile': snapshotQuantile(sorted, 0.95),
    '98thPercentile': snapshotQuantile(sorted, 0.98),
    '999thPercentile': snapshotQuantile(sorted, 0.999),
    '99thPercentile': snapshotQuantile(sorted, 0.99),
    Count: h.count,
    Max: h.count > 0 ? h.max : 0,
    Mean: h.count > 0 ? h.mean : 0,
    Min: h.count > 0 ? h.min : 0,
    StdDev: h.count > 1 ? Math.sqrt(h.m2 / (h.count - 1)) : 0,
  };
}
