// The dashboard's panels as data (a Grafana-like panel set over the Prometheus series, after Strimzi's Kafka
// dashboard): each a PromQL expression, a unit, and the thresholds that colour it, plus the Strimzi alert rule it
// watches. `panelModels` turns them into what the view draws, reading only the read model's monitoring view.
import type { AlertRuleView, MonitoringView } from '@/simulator';

export type PanelDef = {
  id: string;
  title: string;
  /** A graph panel's query (one line per returned series). */
  expr: string;
  /** Label that names a series in the legend (`consumergroup`), or null for a single series. */
  legend: string | null;
  unit: '' | '/s';
  /** When the current value is bad: above zero, different from one, or never (a rate). */
  bad: 'above-zero' | 'not-one' | null;
  /** The Strimzi rule whose state this panel shows. */
  alert: string | null;
};

export const DASHBOARD_RANGE_MS = 10 * 60_000;

export const MONITORING_PANELS: readonly PanelDef[] = [
  {
    id: 'urp',
    title: 'Under-replicated partitions',
    expr: 'sum(kafka_server_replicamanager_underreplicatedpartitions)',
    legend: null,
    unit: '',
    bad: 'above-zero',
    alert: 'UnderReplicatedPartitions',
  },
  {
    id: 'offline',
    title: 'Offline partitions',
    expr: 'sum(kafka_controller_kafkacontroller_offlinepartitionscount)',
    legend: null,
    unit: '',
    bad: 'above-zero',
    alert: 'OfflinePartitions',
  },
  {
    id: 'controllers',
    title: 'Active controllers',
    expr: 'sum(kafka_controller_kafkacontroller_activecontrollercount)',
    legend: null,
    unit: '',
    bad: 'not-one',
    alert: 'AbnormalControllerState',
  },
  {
    id: 'messages-in',
    title: 'Messages in per second',
    // The all-topics meter has no topic label; summing it over brokers counts every record once.
    expr: 'sum(rate(kafka_server_brokertopicmetrics_messagesin_total{topic=""}[1m]))',
    legend: null,
    unit: '/s',
    bad: null,
    alert: null,
  },
  {
    id: 'lag',
    title: 'Consumer lag per group',
    expr: 'sum by (consumergroup) (kafka_consumergroup_lag)',
    legend: 'consumergroup',
    unit: '',
    bad: 'above-zero',
    alert: 'TooLargeConsumerGroupLag',
  },
];

export type PanelLine = { name: string; points: Array<{ t: number; v: number }>; last: number | null };

export type PanelModel = {
  def: PanelDef;
  lines: PanelLine[];
  /** The newest value of the first line (a stat), null without data. */
  value: number | null;
  tone: 'ok' | 'bad' | 'none';
  rule: AlertRuleView | null;
  /** A query error or warnings, as Grafana shows under a panel. */
  note: string | null;
};

export function panelModels(mon: MonitoringView, stepMs: number): PanelModel[] {
  const rules = new Map(mon.rules().map((r) => [r.alert, r]));
  return MONITORING_PANELS.map((def) => {
    const r = mon.range(def.expr, DASHBOARD_RANGE_MS, stepMs);
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
    const bad =
      value !== null && (def.bad === 'not-one' ? value !== 1 : def.bad === 'above-zero' && value > 0);
    return {
      def,
      lines,
      value,
      tone: value === null || def.bad === null ? 'none' : bad ? 'bad' : 'ok',
      rule,
      note: r.warnings.length ? r.warnings.join('; ') : null,
    };
  });
}
