// One Prometheus scrape of every target into the series store: the target's samples plus `up`, with the target
// labels job/instance (and Strimzi's) attached. The area runs this as a task every scrape interval.
import type { SimState } from '../engine/state';
import type { PromSample } from './jmxExporter';
import type { MetricsRecorder } from './recorder';
import { ingest, type SampleInput, type SeriesStore, seriesKey } from './store';
import {
  DEFAULT_MONITORING_OPTIONS,
  type MonitoringOptions,
  scrapeTargets,
  targetFamilies,
  targetUp,
} from './targets';

/** Prometheus' default scrape_interval is 1m; Strimzi's PodMonitor examples and this simulation use 15 s. */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;

type Keyed = { labels: Record<string, string>; key: string };
// The series labels and key of a target's sample. jmx_exporter's rule cache hands back the same label array for a
// bean attribute every scrape, so the relabelled labels and the key are worked out once per (array, target):
// a pure memo (same inputs, same output), not state.
const keyMemo = new WeakMap<PromSample['labels'], Map<string, Map<string, Keyed>>>();

// Samples built fresh each scrape (kafka_exporter's, the kubelet's) are found by their text instead; that memo is
// dropped when it grows past a bound (topics and groups come and go over a long run).
const textMemo = new Map<string, Keyed>();
const TEXT_MEMO_LIMIT = 50_000;

function keyed(s: PromSample, targetSig: string, target: Record<string, string>): Keyed {
  const perLabels = keyMemo.get(s.labels);
  const hit = perLabels?.get(targetSig)?.get(s.name);
  if (hit) return hit;
  // A label array not seen before: maybe one built fresh this scrape, so look its text up too.
  let text = `${targetSig}\u0000${s.name}`;
  for (const [k, v] of s.labels) text += `\u0000${k}\u0000${v}`;
  let out = textMemo.get(text);
  if (!out) {
    if (textMemo.size >= TEXT_MEMO_LIMIT) textMemo.clear();
    out = relabel(s, target);
    textMemo.set(text, out);
  }
  let byTarget = perLabels;
  if (!byTarget) {
    byTarget = new Map();
    keyMemo.set(s.labels, byTarget);
  }
  let byName = byTarget.get(targetSig);
  if (!byName) {
    byName = new Map();
    byTarget.set(targetSig, byName);
  }
  byName.set(s.name, out);
  return out;
}

function relabel(s: PromSample, target: Record<string, string>): Keyed {
  const labels: Record<string, string> = {};
  // Prometheus' honor_labels: false — a scraped label clashing with a target label becomes exported_<name>.
  for (const [k, v] of s.labels) labels[k in target ? `exported_${k}` : k] = v;
  const merged = { ...labels, ...target };
  return { labels: merged, key: seriesKey(s.name, merged) };
}

export type ScrapeReport = { time: number; targets: number; up: number; samples: number };

/** Scrape everything at `time` (the state must be the state at that time) and write it to the store. */
export function scrapeAll(
  state: SimState,
  rec: MetricsRecorder,
  store: SeriesStore,
  opts: MonitoringOptions = DEFAULT_MONITORING_OPTIONS,
  time = state.now,
): ScrapeReport {
  const samples: SampleInput[] = [];
  let up = 0;
  const targets = scrapeTargets(state, opts);
  for (const t of targets) {
    const target = { job: t.job, instance: t.instance, ...t.labels };
    const targetSig = JSON.stringify(target);
    const isUp = targetUp(state, t);
    if (isUp) up++;
    samples.push({ name: 'up', labels: target, value: isUp ? 1 : 0 });
    for (const f of targetFamilies(state, rec, t, opts, time, false))
      for (const s of f.samples) {
        const known = keyed(s, targetSig, target);
        samples.push({ name: s.name, labels: known.labels, key: known.key, value: s.value });
      }
  }
  ingest(store, time, samples);
  return { time, targets: targets.length, up, samples: samples.length };
}
