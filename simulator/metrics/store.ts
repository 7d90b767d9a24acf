// A bounded time-series store, plain data: every scrape writes one slot per tier; tier 0 keeps raw samples, the
// coarser tiers keep the last sample of each step ("last value" downsampling; counters stay exact for rate(),
// gauge spikes shorter than a step vanish there). Each tier is a ring buffer: the oldest slot is overwritten.
// All series share the tier's timestamps, so a sample costs one number.

/** A series that vanished from its target writes Prometheus' staleness marker (its NaN is this sentinel here). */
export const STALE = Number.MAX_VALUE;
/** A slot where the series did not exist yet (or the store had no scrape of it). Skipped by lookups. */
export const ABSENT = -Number.MAX_VALUE;

export type TierSpec = { stepMs: number; capacity: number };

export type Tier = TierSpec & {
  /** Slot timestamps; a full ring starts at `head`. */
  times: number[];
  head: number;
  /** Step bucket of the newest slot (downsampled tiers overwrite it until the bucket changes). */
  lastBucket: number;
};

export type Series = {
  name: string;
  labels: Record<string, string>;
  /** One value array per tier, aligned with the tier's `times`. */
  values: number[][];
};

export type SeriesStore = {
  tiers: Tier[];
  /** By series key `name{a="1",b="2"}` (labels sorted). */
  series: Record<string, Series>;
  /** Metric name → series keys (selector fast path). */
  byName: Record<string, string[]>;
};

export type SampleInput = {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** `seriesKey(name, labels)` when the caller already knows it (the scrape memoises it per target). */
  key?: string;
};

/** 15 s for 2 h, 5 min for 2 days, 30 min for 8 days: at most 1440 numbers per series, whatever the run length. */
export const DEFAULT_TIERS: readonly TierSpec[] = [
  { stepMs: 15_000, capacity: 480 },
  { stepMs: 300_000, capacity: 576 },
  { stepMs: 1_800_000, capacity: 384 },
];

export function newStore(tiers: readonly TierSpec[] = DEFAULT_TIERS): SeriesStore {
  return {
    tiers: tiers.map((t) => ({ ...t, times: [], head: 0, lastBucket: Number.NEGATIVE_INFINITY })),
    series: {},
    byName: {},
  };
}

function addName(store: SeriesStore, name: string, key: string): void {
  const list = store.byName[name];
  if (list) list.push(key);
  else store.byName[name] = [key];
}

export function seriesKey(name: string, labels: Record<string, string>): string {
  const ks = Object.keys(labels).sort();
  let out = `${name}{`;
  for (let i = 0; i < ks.length; i++) out += `${i ? ',' : ''}${ks[i]}=${JSON.stringify(labels[ks[i]])}`;
  return `${out}}`;
}

function newestIndex(t: Tier): number {
  if (t.times.length === 0) return -1;
  return t.times.length < t.capacity ? t.times.length - 1 : (t.head + t.capacity - 1) % t.capacity;
}

/** Physical index of the i-th oldest slot. */
export function slotIndex(t: Tier, i: number): number {
  return t.times.length < t.capacity ? i : (t.head + i) % t.capacity;
}

/** Write one scrape (all targets' samples at time `time`, which must not go backwards). */
export function ingest(store: SeriesStore, time: number, samples: readonly SampleInput[]): void {
  // Open (or, in a downsampled tier, reuse) one slot per tier.
  const slots: number[] = [];
  const previous: number[] = [];
  store.tiers.forEach((tier, ti) => {
    const bucket = Math.floor(time / tier.stepMs);
    if (ti > 0 && bucket === tier.lastBucket && tier.times.length > 0) {
      slots.push(newestIndex(tier));
      previous.push(tier.times.length > 1 ? slotIndex(tier, tier.times.length - 2) : -1);
      tier.times[slots[ti]] = time;
      return;
    }
    previous.push(newestIndex(tier));
    if (tier.times.length < tier.capacity) {
      slots.push(tier.times.length);
      tier.times.push(time);
    } else {
      slots.push(tier.head);
      tier.times[tier.head] = time;
      tier.head = (tier.head + 1) % tier.capacity;
    }
    tier.lastBucket = bucket;
  });
  const tiers = store.tiers.length;
  // Scraped series get their value in one pass; the rest (gone from their target) get a staleness marker after.
  const written = new Set<string>();
  for (const s of samples) {
    const key = s.key ?? seriesKey(s.name, s.labels);
    let series = store.series[key];
    if (!series) {
      series = {
        name: s.name,
        labels: { ...s.labels },
        values: store.tiers.map((t) => new Array(t.times.length).fill(ABSENT)),
      };
      store.series[key] = series;
      addName(store, s.name, key);
    }
    written.add(key);
    for (let ti = 0; ti < tiers; ti++) {
      const arr = series.values[ti];
      const len = store.tiers[ti].times.length;
      while (arr.length < len) arr.push(ABSENT);
      arr[slots[ti]] = s.value;
    }
  }
  for (const key in store.series) {
    if (written.has(key)) continue;
    const values = store.series[key].values;
    for (let ti = 0; ti < tiers; ti++) {
      const arr = values[ti];
      const len = store.tiers[ti].times.length;
      while (arr.length < len) arr.push(ABSENT);
      const before = previous[ti] >= 0 ? arr[previous[ti]] : ABSENT;
      arr[slots[ti]] = before === ABSENT || before === STALE ? ABSENT : STALE;
    }
  }
}

/** The finest tier still holding `from` (else the one reaching furthest back). */
export function pickTier(store: SeriesStore, from: number): number {
  let best = store.tiers.length - 1;
  let bestOldest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < store.tiers.length; i++) {
    const t = store.tiers[i];
    if (t.times.length === 0) continue;
    const oldest = t.times[slotIndex(t, 0)];
    if (oldest <= from) return i;
    if (oldest < bestOldest) {
      bestOldest = oldest;
      best = i;
    }
  }
  return store.tiers[0].times.length === 0 ? 0 : best;
}

/** First logical index with time > t (binary search over the ring). */
function upperBound(tier: Tier, t: number): number {
  let lo = 0;
  let hi = tier.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tier.times[slotIndex(tier, mid)] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type Point = { t: number; v: number };

/** Samples with from < t ≤ to (left-open, as Prometheus 3 range selectors); stale markers and gaps dropped. */
export function rangeSamples(
  store: SeriesStore,
  tierIndex: number,
  key: string,
  from: number,
  to: number,
): Point[] {
  const tier = store.tiers[tierIndex];
  const arr = store.series[key]?.values[tierIndex];
  if (!arr) return [];
  const out: Point[] = [];
  for (let i = upperBound(tier, from); i < tier.times.length; i++) {
    const idx = slotIndex(tier, i);
    const t = tier.times[idx];
    if (t > to) break;
    const v = arr[idx];
    if (v !== ABSENT && v !== STALE) out.push({ t, v });
  }
  return out;
}

/** The newest sample in (at − lookback, at], unless a staleness marker came after it (Prometheus lookback). */
export function instantSample(
  store: SeriesStore,
  tierIndex: number,
  key: string,
  at: number,
  lookbackMs: number,
): Point | null {
  const tier = store.tiers[tierIndex];
  const arr = store.series[key]?.values[tierIndex];
  if (!arr) return null;
  for (let i = upperBound(tier, at) - 1; i >= 0; i--) {
    const idx = slotIndex(tier, i);
    const t = tier.times[idx];
    if (t <= at - lookbackMs) return null;
    const v = arr[idx];
    if (v === STALE) return null;
    if (v !== ABSENT) return { t, v };
  }
  return null;
}

/** Every metric name the store has seen (for "unknown metric" hints and autocompletion). */
export function metricNames(store: SeriesStore): string[] {
  return Object.keys(store.byName).sort();
}

/**
 * Write samples into the newest slot of every tier (rule evaluation results such as ALERTS, computed right
 * after the scrape of the same instant). Series absent from the next scrape then turn stale as usual.
 */
export function amendLatest(store: SeriesStore, samples: readonly SampleInput[]): void {
  if (store.tiers[0].times.length === 0) return;
  for (const s of samples) {
    const key = seriesKey(s.name, s.labels);
    if (!store.series[key]) {
      store.series[key] = {
        name: s.name,
        labels: { ...s.labels },
        values: store.tiers.map((t) => new Array(t.times.length).fill(ABSENT)),
      };
      addName(store, s.name, key);
    }
    store.tiers.forEach((tier, ti) => {
      const idx = newestIndex(tier);
      if (idx >= 0) store.series[key].values[ti][idx] = s.value;
    });
  }
}
