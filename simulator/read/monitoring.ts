// What views and the console read of the monitoring area: whether it runs, its scrape targets, Strimzi's rules
// with their alert state, PromQL queries over the stored series, Burrow's verdicts and the HTTP endpoints
// (jmx_exporter 9404, kafka_exporter 9308, Prometheus 9090, Burrow 8000) a `curl` reaches.
import type { SimState } from '../engine/state';
import type { ActiveAlert, AlertState } from '../metrics/alerts/alerting';
import { listAlerts } from '../metrics/alerts/alerting';
import { type ConsumerGroupStatus, evaluateGroup, type PartitionStatus } from '../metrics/burrow/evaluator';
import { jmxBeansFor, monitoringEndpoints } from '../metrics/console/endpoints';
import type { Endpoint, HttpResult } from '../metrics/console/types';
import { timeLagSeconds } from '../metrics/lagTime';
import type { MBean } from '../metrics/mbean';
import { instantQuery, rangeQuery, type Sample, type SeriesPoints } from '../metrics/promql/evaluator';
import { scrapeTargets, targetUp } from '../metrics/targets';

export type AlertRuleView = {
  alert: string;
  expr: string;
  forMs: number;
  severity: string;
  summary: string;
  /** The rule's worst current alert: firing over pending over inactive. */
  state: AlertState;
  /** Its pending and firing alerts (one per label set), annotations expanded. */
  alerts: ActiveAlert[];
};

/** One stored commit of Burrow's window: the offset, the lag Burrow computed then (null: no broker offset yet). */
export type BurrowCommitView = { offset: number; lag: number | null; timestamp: number };

export type BurrowPartitionView = PartitionStatus & {
  /** Burrow's window for the partition, oldest first (at most `intervals` commits). */
  window: BurrowCommitView[];
  /** kafka-lag-exporter's estimate of the lag in seconds for the newest commit (null without its table). */
  timeLagS: number | null;
};

/** A group as Burrow's lag view shows it: the verdict, each partition's verdict with its rule and window. */
export type BurrowGroupView = Omit<ConsumerGroupStatus, 'partitions' | 'maxlag'> & {
  partitions: BurrowPartitionView[];
  /** storage `intervals` and evaluator `allowed-lag` (Burrow's defaults unless a lesson changed them). */
  intervals: number;
  allowedLag: number;
};

export type QueryOutcome<T> = { ok: true; value: T; warnings: string[] } | { ok: false; error: string };

export type MonitoringView = {
  running: boolean;
  /** Which run of `monitoringStart` this is (a new run has a new, empty series store). */
  generation: number;
  scrapeIntervalMs: number | null;
  lastScrapeAt: number | null;
  /** Scrape targets as Prometheus' /targets page lists them. */
  targets(): Array<{ job: string; instance: string; up: boolean }>;
  rules(): AlertRuleView[];
  /** Pending and firing alerts. */
  alerts(): ActiveAlert[];
  /** An instant query at now (a stat panel). */
  instant(expr: string): QueryOutcome<Sample[]>;
  /**
   * A range query over the rangeMs before `endMs` (default now; never later than now), every stepMs, the end
   * aligned down to the step (a graph panel).
   */
  range(expr: string, rangeMs: number, stepMs: number, endMs?: number): QueryOutcome<SeriesPoints[]>;
  /** Burrow's evaluation of a group with the rule that decided each partition (null when not running). */
  burrowGroup(group: string): ConsumerGroupStatus | null;
  /** Every group Burrow has commits of, sorted, with its verdicts and windows ([] when not running). */
  burrowGroups(): BurrowGroupView[];
  /** kafka-lag-exporter's time lag of a partition for a committed offset, in seconds (null without a table). */
  timeLagSeconds(topic: string, partition: number, committed: number): number | null;
  /** The MBeans a JMX connection to host:port reaches (null: nothing listens there, or monitoring is off). */
  jmx(host: string, port: number): MBean[] | null;
  /** What answers an HTTP request to host:port (null: nothing listens — monitoring is off). */
  http(host: string, port: number): HttpEndpoint | null;
};

export type HttpEndpoint =
  | { kind: 'http'; handle: (method: string, path: string, query: Record<string, string>) => HttpResult }
  | { kind: 'refused' }
  | { kind: 'unknown-host' };

const RANK: Record<AlertState, number> = { inactive: 0, pending: 1, firing: 2 };

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function monitoringOf(state: SimState): MonitoringView {
  const m = state.areas.monitoring?.monitor ?? null;
  const queries = new Map<string, QueryOutcome<unknown>>();
  const cached = <T>(key: string, run: () => { value: T; warnings: string[] }): QueryOutcome<T> => {
    const hit = queries.get(key);
    if (hit) return hit as QueryOutcome<T>;
    let out: QueryOutcome<T>;
    try {
      const r = run();
      out = { ok: true, value: r.value, warnings: r.warnings };
    } catch (e) {
      out = { ok: false, error: message(e) };
    }
    queries.set(key, out);
    return out;
  };
  const notRunning = { ok: false as const, error: 'Prometheus is not running (start monitoring first)' };
  return {
    running: m !== null,
    generation: state.areas.monitoring?.generation ?? 0,
    scrapeIntervalMs: m?.config.scrapeIntervalMs ?? null,
    lastScrapeAt: m?.lastScrapeAt ?? null,
    targets: () =>
      m
        ? scrapeTargets(state, m.config).map((t) => ({
            job: t.job,
            instance: t.instance,
            up: targetUp(state, t),
          }))
        : [],
    rules: () =>
      m
        ? m.rules.map((r) => {
            const alerts = Object.values(m.alerting.active[r.alert] ?? {}).filter(
              (a) => a.state !== 'inactive',
            );
            const worst = alerts.reduce<AlertState>(
              (s, a) => (RANK[a.state] > RANK[s] ? a.state : s),
              'inactive',
            );
            return {
              alert: r.alert,
              expr: r.expr,
              forMs: r.forMs,
              severity: r.labels.severity ?? '',
              // The first alert's expanded text ({{ $labels.x }} filled in), else the rule's template.
              summary: alerts[0]?.annotations.summary ?? r.annotations.summary ?? '',
              state: worst,
              alerts,
            };
          })
        : [],
    alerts: () => (m ? listAlerts(m.alerting) : []),
    instant: (expr) => {
      if (!m) return notRunning;
      return cached(`i ${expr}`, () => {
        const r = instantQuery(m.store, expr, state.now);
        const v = r.value;
        const samples: Sample[] =
          v.type === 'vector'
            ? v.samples
            : v.type === 'scalar'
              ? [{ labels: {}, value: v.value }]
              : v.type === 'matrix'
                ? v.series.flatMap((s) =>
                    s.points.length ? [{ labels: s.labels, value: s.points[s.points.length - 1].v }] : [],
                  )
                : [];
        return { value: samples, warnings: r.warnings };
      });
    },
    range: (expr, rangeMs, stepMs, endMs) => {
      if (!m) return notRunning;
      // Align to the step (as Grafana does) so a panel's points stay put while the clock moves.
      const end = Math.floor(Math.min(endMs ?? state.now, state.now) / stepMs) * stepMs;
      return cached(`r ${rangeMs} ${stepMs} ${end} ${expr}`, () => {
        const r = rangeQuery(m.store, expr, Math.max(0, end - rangeMs), end, stepMs);
        return { value: r.series, warnings: r.warnings };
      });
    },
    burrowGroup: (group) => (m ? evaluateGroup(m.burrow, group, state.now) : null),
    burrowGroups: () => {
      if (!m) return [];
      const b = m.burrow;
      return Object.keys(b.groups)
        .sort()
        .map((group) => {
          const { partitions, maxlag: _maxlag, ...g } = evaluateGroup(b, group, state.now);
          return {
            ...g,
            intervals: b.config.intervals,
            allowedLag: b.config.allowedLag,
            partitions: partitions.map((p) => {
              const stored = b.groups[group]?.topics[p.topic]?.[p.partition]?.offsets ?? [];
              const table = m.lagTables[`${p.topic}-${p.partition}`];
              return {
                ...p,
                window: stored.map((o) => ({ offset: o.offset, lag: o.lag, timestamp: o.timestamp })),
                timeLagS: table && p.end ? timeLagSeconds(table, p.end.offset, state.now) : null,
              };
            }),
          };
        });
    },
    timeLagSeconds: (topic, partition, committed) => {
      const table = m?.lagTables[`${topic}-${partition}`];
      return table ? timeLagSeconds(table, committed, state.now) : null;
    },
    jmx: (host, port) => (m ? jmxBeansFor(state, m, host, port) : null),
    http: (host, port) => (m ? (monitoringEndpoints(state, m)(host, port) as Endpoint) : null),
  };
}
