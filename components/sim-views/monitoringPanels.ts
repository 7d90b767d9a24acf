// The dashboard's panels as data (a Grafana-like panel set over the Prometheus series, after Strimzi's Kafka
// dashboard): each a PromQL expression, a unit, and the thresholds that colour it, plus the Strimzi alert rule it
// watches. `panelModels` turns them into what the view draws, reading only the read model's monitoring view.
import type { AlertRuleView, MonitoringView } from '@/simulator';

/** A Grafana threshold step: values at or above `from` take its tone; the first step (from null) is the base. */
export type ThresholdStep = { from: number | null; tone: 'ok' | 'warn' | 'bad' };

export type PanelUnit = '' | '/s' | 'B/s' | 'B' | 'ms';

export type PanelDef = {
  id: string;
  title: string;
  /** A graph panel's query (one line per returned series). */
  expr: string;
  /** Label that names a series in the legend (`consumergroup`), or null for a single series. */
  legend: string | null;
  unit: PanelUnit;
  /** Grafana's threshold steps, drawn as lines and colouring the value; null: no thresholds (a plain rate). */
  thresholds: readonly ThresholdStep[] | null;
  /** The Strimzi rule whose state this panel shows. */
  alert: string | null;
};

/** Grafana's relative time ranges, over virtual time. */
export const DASHBOARD_RANGES = [
  { id: '5m', label: 'Last 5 minutes', ms: 5 * 60_000 },
  { id: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { id: '1h', label: 'Last 1 hour', ms: 60 * 60_000 },
  { id: '6h', label: 'Last 6 hours', ms: 6 * 60 * 60_000 },
] as const;
export type DashboardRangeId = (typeof DASHBOARD_RANGES)[number]['id'];

/** Grafana's auto-refresh choices: re-run the queries when virtual time passes the next multiple, or never. */
export const DASHBOARD_REFRESH = [
  { id: 'scrape', label: 'Every scrape', ms: null },
  { id: '1m', label: 'Every 1 minute', ms: 60_000 },
  { id: '5m', label: 'Every 5 minutes', ms: 5 * 60_000 },
  { id: 'off', label: 'Off', ms: Number.POSITIVE_INFINITY },
] as const;
export type DashboardRefreshId = (typeof DASHBOARD_REFRESH)[number]['id'];

/** At most this many points per series (Grafana's maxDataPoints for a narrow panel). */
export const MAX_POINTS = 240;

/** The query step Grafana would pick: the scrape interval, widened so a series has at most MAX_POINTS points. */
export function stepFor(rangeMs: number, scrapeIntervalMs: number): number {
  const min = Math.ceil(rangeMs / MAX_POINTS / scrapeIntervalMs) * scrapeIntervalMs;
  return Math.max(scrapeIntervalMs, min);
}

const ZERO_IS_GOOD: readonly ThresholdStep[] = [
  { from: null, tone: 'ok' },
  { from: 1, tone: 'bad' },
];

export const MONITORING_PANELS: readonly PanelDef[] = [
  {
    id: 'urp',
    title: 'Under-replicated partitions',
    expr: 'sum(kafka_server_replicamanager_underreplicatedpartitions)',
    legend: null,
    unit: '',
    thresholds: ZERO_IS_GOOD,
    alert: 'UnderReplicatedPartitions',
  },
  {
    id: 'offline',
    title: 'Offline partitions',
    expr: 'sum(kafka_controller_kafkacontroller_offlinepartitionscount)',
    legend: null,
    unit: '',
    thresholds: ZERO_IS_GOOD,
    alert: 'OfflinePartitions',
  },
  {
    id: 'controllers',
    title: 'Active controllers',
    expr: 'sum(kafka_controller_kafkacontroller_activecontrollercount)',
    legend: null,
    unit: '',
    // Exactly one: none or two are both AbnormalControllerState.
    thresholds: [
      { from: null, tone: 'bad' },
      { from: 1, tone: 'ok' },
      { from: 2, tone: 'bad' },
    ],
    alert: 'AbnormalControllerState',
  },
  {
    id: 'under-min-isr',
    title: 'Under min ISR partitions',
    expr: 'sum(kafka_server_replicamanager_underminisrpartitioncount)',
    legend: null,
    unit: '',
    thresholds: ZERO_IS_GOOD,
    alert: 'UnderMinIsrPartitionCount',
  },
  {
    id: 'messages-in',
    title: 'Messages in per second',
    // The all-topics meter has no topic label; summing it over brokers counts every record once.
    expr: 'sum(rate(kafka_server_brokertopicmetrics_messagesin_total{topic=""}[1m]))',
    legend: null,
    unit: '/s',
    thresholds: null,
    alert: null,
  },
  {
    id: 'bytes-in',
    title: 'Bytes in per broker',
    expr: 'sum by (kubernetes_pod_name) (rate(kafka_server_brokertopicmetrics_bytesin_total{topic=""}[1m]))',
    legend: 'kubernetes_pod_name',
    unit: 'B/s',
    thresholds: null,
    alert: null,
  },
  {
    id: 'bytes-out',
    title: 'Bytes out per broker',
    expr: 'sum by (kubernetes_pod_name) (rate(kafka_server_brokertopicmetrics_bytesout_total{topic=""}[1m]))',
    legend: 'kubernetes_pod_name',
    unit: 'B/s',
    thresholds: null,
    alert: null,
  },
  {
    id: 'requests',
    title: 'Requests per second by type',
    expr: 'sum by (request) (rate(kafka_network_requestmetrics_requests_total[1m]))',
    legend: 'request',
    unit: '/s',
    thresholds: null,
    alert: null,
  },
  {
    id: 'produce-latency',
    title: 'Produce request time, 99th percentile',
    expr: 'max(kafka_network_requestmetrics_totaltimems{request="Produce",quantile="0.99"})',
    legend: null,
    unit: 'ms',
    thresholds: [
      { from: null, tone: 'ok' },
      { from: 100, tone: 'warn' },
    ],
    alert: null,
  },
  {
    id: 'isr-shrinks',
    title: 'ISR shrinks per second',
    expr: 'sum(rate(kafka_server_replicamanager_isrshrinks_total[5m]))',
    legend: null,
    unit: '/s',
    thresholds: null,
    alert: null,
  },
  {
    id: 'purgatory',
    title: 'Requests waiting in purgatory',
    expr: 'sum by (delayedOperation) (kafka_server_delayedoperationpurgatory_purgatorysize)',
    legend: 'delayedOperation',
    unit: '',
    thresholds: null,
    alert: null,
  },
  {
    id: 'lag',
    title: 'Consumer lag per group',
    expr: 'sum by (consumergroup) (kafka_consumergroup_lag)',
    legend: 'consumergroup',
    unit: '',
    // TooLargeConsumerGroupLag fires above 1000.
    thresholds: [
      { from: null, tone: 'ok' },
      { from: 1, tone: 'warn' },
      { from: 1001, tone: 'bad' },
    ],
    alert: 'TooLargeConsumerGroupLag',
  },
];

export type PanelLine = { name: string; points: Array<{ t: number; v: number }>; last: number | null };

export type PanelModel = {
  def: PanelDef;
  lines: PanelLine[];
  /** The newest value of the first line (a stat), null without data. */
  value: number | null;
  tone: 'ok' | 'warn' | 'bad' | 'none';
  rule: AlertRuleView | null;
  /** A query error or warnings, as Grafana shows under a panel. */
  note: string | null;
};

/** Grafana's threshold colour of a value: the tone of the last step at or below it. */
export function thresholdTone(steps: readonly ThresholdStep[], v: number): ThresholdStep['tone'] {
  let tone = steps[0]?.tone ?? 'ok';
  for (const st of steps) if (st.from === null || v >= st.from) tone = st.tone;
  return tone;
}

export type PanelWindow = { rangeMs: number; stepMs: number; endMs: number };

export function panelModels(
  mon: MonitoringView,
  window: PanelWindow,
  panels: readonly PanelDef[] = MONITORING_PANELS,
): PanelModel[] {
  const rules = new Map(mon.rules().map((r) => [r.alert, r]));
  return panels.map((def) => {
    const r = mon.range(def.expr, window.rangeMs, window.stepMs, window.endMs);
    const rule = def.alert ? (rules.get(def.alert) ?? null) : null;
    if (!r.ok) return { def, lines: [], value: null, tone: 'none', rule, note: r.error };
    const lines = r.value.map((s) => ({
      name: def.legend ? (s.labels[def.legend] ?? '') : def.title,
      points: s.points,
      last: s.points.length ? s.points[s.points.length - 1].v : null,
    }));
    const value = def.legend
      ? lines.reduce<number | null>((a, l) => (l.last === null ? a : (a ?? 0) + l.last), null)
      : (lines[0]?.last ?? null);
    return {
      def,
      lines,
      value,
      tone: value === null || def.thresholds === null ? 'none' : thresholdTone(def.thresholds, value),
      rule,
      note: r.warnings.length ? r.warnings.join('; ') : null,
    };
  });
}
