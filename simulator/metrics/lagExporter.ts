// kafka-lag-exporter's consumer-group metrics (ConsumerGroupCollector#reportConsumerGroupMetrics), computed at its
// poll like the exporter does and served from its Prometheus endpoint (port 8000) until the next poll:
//   kafka_consumergroup_group_offset / _group_lag / _group_lag_seconds {cluster_name, group, topic, partition,
//     member_host, consumer_id, client_id}
//   kafka_consumergroup_group_max_lag / _group_max_lag_seconds {cluster_name, group, is_simple_consumer}
// Lag in time is not read from record timestamps: the exporter predicts when the committed offset was the latest
// offset from its lookup table of (latest offset, poll time) points (lagTime.ts) and subtracts that from the poll
// time. The simulation's poll time is the virtual clock.
import type { SimState } from '../engine/state';
import type { MetricFamily, PromSample } from './jmxExporter';
import { type LagTables, lookup } from './lagTime';

export type LagExporterRow = {
  group: string;
  topic: string;
  partition: number;
  /** The owning member's host, consumer (member) id and client id; "" for a partition no member owns. */
  memberHost: string;
  consumerId: string;
  clientId: string;
  /** Committed offset (NaN: none, as the exporter reports a group partition without one). */
  offset: number;
  /** Latest offset − committed, never below 0 (NaN without a committed offset). */
  lag: number;
  /** Seconds; 0 when caught up, NaN with fewer than two table points or no committed offset. */
  lagSeconds: number;
};

export type LagExporterGroup = { group: string; simple: boolean; maxLag: number; maxLagSeconds: number };

/** What the exporter reports after a poll (plain data, kept in the monitoring state until the next poll). */
export type LagExporterSnapshot = { time: number; rows: LagExporterRow[]; groups: LagExporterGroup[] };

/** Scala's maxBy over doubles: NaN never wins a comparison, so it is the answer only when it comes first. */
function maxBy(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  let best = values[0];
  for (const v of values.slice(1)) if (v > best) best = v;
  return best;
}

/** The exporter's poll, after its lookup tables got this poll's latest offsets (monitor.ts lagExporterPoll). */
export function collectGroupLag(tables: LagTables, state: SimState, now: number): LagExporterSnapshot {
  const records = state.areas.consumers?.groups ?? {};
  const rows: LagExporterRow[] = [];
  const groups: LagExporterGroup[] = [];
  for (const g of Object.keys(records).sort()) {
    const rec = records[g];
    const owners = new Map<string, { host: string; memberId: string; clientId: string }>();
    for (const m of rec.group.members)
      for (const tp of m.assignment)
        owners.set(`${tp.topic}-${tp.partition}`, {
          host: m.host,
          memberId: m.memberId,
          clientId: m.clientId,
        });
    // The exporter lists a group's partitions from its members' assignments and its committed offsets.
    const keys = [...new Set([...owners.keys(), ...Object.keys(rec.offsets)])].sort();
    const groupRows: LagExporterRow[] = [];
    for (const key of keys) {
      const i = key.lastIndexOf('-');
      const topic = key.slice(0, i);
      const partition = Number(key.slice(i + 1));
      const part = state.topics[topic]?.partitions[partition];
      const table = tables[key];
      if (!part || !table || table.points.length === 0) continue; // no latest offset polled: not reported
      // the latest offset is the table's newest point: this poll's ListOffsets latest (the high watermark)
      const latest = table.points[table.points.length - 1].offset;
      const committed = rec.offsets[key]?.offset;
      const owner = owners.get(key);
      let row: LagExporterRow = {
        group: g,
        topic,
        partition,
        memberHost: owner?.host ?? '',
        consumerId: owner?.memberId ?? '',
        clientId: owner?.clientId ?? '',
        offset: Number.NaN,
        lag: Number.NaN,
        lagSeconds: Number.NaN,
      };
      if (committed !== undefined) {
        const r = lookup(table, committed);
        const lagSeconds =
          r.kind === 'LagIsZero' ? 0 : r.kind === 'TooFewPoints' ? Number.NaN : (now - r.time) / 1000;
        row = { ...row, offset: committed, lag: Math.max(0, latest - committed), lagSeconds };
      }
      groupRows.push(row);
    }
    rows.push(...groupRows);
    if (groupRows.length > 0)
      groups.push({
        group: g,
        // ConsumerGroupDescription#isSimpleConsumerGroup: no protocol type, i.e. a group no member ever joined
        // (offsets committed or reset through the admin API only).
        simple: rec.group.generationId === 0 && rec.group.members.length === 0,
        maxLag: maxBy(groupRows.map((r) => r.lag)),
        maxLagSeconds: maxBy(groupRows.map((r) => r.lagSeconds)),
      });
  }
  return { time: now, rows, groups };
}

function gauge(name: string, help: string, samples: PromSample[]): MetricFamily {
  return { name, type: 'gauge', help, samples };
}

const sortLabels = (labels: Array<[string, string]>) => labels.sort((a, b) => (a[0] < b[0] ? -1 : 1));

/** The families the exporter's /metrics page serves for the last poll (none before the first). */
export function lagExporterFamilies(
  snapshot: LagExporterSnapshot | null,
  clusterName: string,
): MetricFamily[] {
  if (!snapshot) return [];
  const partitionLabels = (r: LagExporterRow) =>
    sortLabels([
      ['cluster_name', clusterName],
      ['group', r.group],
      ['topic', r.topic],
      ['partition', String(r.partition)],
      ['member_host', r.memberHost],
      ['consumer_id', r.consumerId],
      ['client_id', r.clientId],
    ]);
  const groupLabels = (g: LagExporterGroup) =>
    sortLabels([
      ['cluster_name', clusterName],
      ['group', g.group],
      ['is_simple_consumer', String(g.simple)],
    ]);
  const perPartition = (name: string, help: string, value: (r: LagExporterRow) => number) =>
    gauge(
      name,
      help,
      snapshot.rows.map((r) => ({ name, labels: partitionLabels(r), value: value(r) })),
    );
  const perGroup = (name: string, help: string, value: (g: LagExporterGroup) => number) =>
    gauge(
      name,
      help,
      snapshot.groups.map((g) => ({ name, labels: groupLabels(g), value: value(g) })),
    );
  return [
    perPartition('kafka_consumergroup_group_lag', 'Group offset lag of a partition', (r) => r.lag),
    perPartition(
      'kafka_consumergroup_group_lag_seconds',
      'Group time lag of a partition',
      (r) => r.lagSeconds,
    ),
    perGroup('kafka_consumergroup_group_max_lag', 'Max group offset lag', (g) => g.maxLag),
    perGroup('kafka_consumergroup_group_max_lag_seconds', 'Max group time lag', (g) => g.maxLagSeconds),
    perPartition(
      'kafka_consumergroup_group_offset',
      'Last group consumed offset of a partition',
      (r) => r.offset,
    ),
  ];
}
