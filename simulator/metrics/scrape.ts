// One Prometheus scrape of every target into the series store: the target's samples plus `up`, with the target
// labels job/instance (and Strimzi's) attached. The area runs this as a task every scrape interval.
import type { SimState } from '../engine/state';
import type { MetricsRecorder } from './recorder';
import { ingest, type SampleInput, type SeriesStore } from './store';
import {
  DEFAULT_MONITORING_OPTIONS,
  type MonitoringOptions,
  scrapeTargets,
  targetFamilies,
  targetUp,
} from './targets';

/** Prometheus' default scrape_interval is 1m; Strimzi's PodMonitor examples and this simulation use 15 s. */
export const DEFAULT_SCRAPE_INTERVAL_MS = 15_000;

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
    const isUp = targetUp(state, t);
    if (isUp) up++;
    samples.push({ name: 'up', labels: target, value: isUp ? 1 : 0 });
    for (const f of targetFamilies(state, rec, t, opts, time))
      for (const s of f.samples) {
        const labels: Record<string, string> = {};
        for (const [k, v] of s.labels) labels[k in target ? `exported_${k}` : k] = v;
        samples.push({ name: s.name, labels: { ...labels, ...target }, value: s.value });
      }
  }
  ingest(store, time, samples);
  return { time, targets: targets.length, up, samples: samples.length };
}
