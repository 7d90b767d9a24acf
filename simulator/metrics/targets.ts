// Scrape targets as a Prometheus with Strimzi's PodMonitor would see them: one jmx_exporter endpoint per broker and
// controller (port 9404), one per client application, kafka_exporter (9308) and the kubelet's volume stats. Target
// labels follow Strimzi's relabelling (strimzi_io_name, kubernetes_pod_name) so its alert rules apply unchanged.
import { highWatermark } from '../cluster/lookup';
import type { SimState } from '../engine/state';
import {
  exportMBeans,
  KAFKA_KRAFT_RULES,
  type MetricFamily,
  type PromSample,
  STRIMZI_CLIENT_RULES,
} from './jmxExporter';
import { lagExporterFamilies } from './lagExporter';
import type { MetricsRecorder } from './recorder';
import { collectMBeans, isUnderReplicated, type NodeRef, nodeRunning } from './sampler';

export type TargetKind =
  | 'broker'
  | 'controller'
  | 'producer'
  | 'consumer'
  | 'kafka-exporter'
  | 'kafka-lag-exporter'
  | 'kubelet';

export type ScrapeTarget = {
  kind: TargetKind;
  /** The node behind it (brokers, controllers, clients). */
  node?: NodeRef;
  job: string;
  instance: string;
  /** Target labels added to every series (after `job` and `instance`). */
  labels: Record<string, string>;
};

export type MonitoringOptions = {
  /** Strimzi's Kafka cluster name (pods my-cluster-kafka-N, PVCs data-my-cluster-kafka-N). */
  clusterName: string;
  namespace: string;
  /** Size of each broker's data volume; the simulation has no disks, so this is a setting (default 10 GiB). */
  volumeCapacityBytes: number;
};

export const DEFAULT_MONITORING_OPTIONS: MonitoringOptions = {
  clusterName: 'my-cluster',
  namespace: 'kafka',
  volumeCapacityBytes: 10 * 1024 ** 3,
};

export function scrapeTargets(
  state: SimState,
  opts: MonitoringOptions = DEFAULT_MONITORING_OPTIONS,
): ScrapeTarget[] {
  const c = opts.clusterName;
  const out: ScrapeTarget[] = [];
  const strimzi = (pod: string) => ({
    kubernetes_pod_name: pod,
    namespace: opts.namespace,
    strimzi_io_name: `${c}-kafka`,
  });
  for (const id of Object.keys(state.brokers)
    .map(Number)
    .sort((a, b) => a - b))
    out.push({
      kind: 'broker',
      node: { kind: 'broker', id },
      job: 'kafka',
      instance: `${c}-kafka-${id}:9404`,
      labels: strimzi(`${c}-kafka-${id}`),
    });
  for (const v of [...state.quorum.voters].sort((a, b) => a.id - b.id))
    out.push({
      kind: 'controller',
      node: { kind: 'controller', id: v.id },
      job: 'kafka',
      instance: `${c}-controller-${v.id}:9404`,
      labels: strimzi(`${c}-controller-${v.id}`),
    });
  for (const name of Object.keys(state.producers).sort())
    if (state.producers[name].status === 'open')
      out.push({
        kind: 'producer',
        node: { kind: 'producer', name },
        job: 'kafka-clients',
        instance: `${name}:9404`,
        labels: {},
      });
  const consumers = state.areas.consumers?.consumers ?? {};
  for (const name of Object.keys(consumers).sort())
    if (consumers[name].status === 'running')
      out.push({
        kind: 'consumer',
        node: { kind: 'consumer', name },
        job: 'kafka-clients',
        instance: `${name}:9404`,
        labels: {},
      });
  out.push({
    kind: 'kafka-exporter',
    job: 'kafka-exporter',
    instance: `${c}-kafka-exporter:9308`,
    labels: { namespace: opts.namespace },
  });
  // kafka-lag-exporter's Prometheus endpoint (its default port 8000): the lag in time of every group.
  out.push({
    kind: 'kafka-lag-exporter',
    job: 'kafka-lag-exporter',
    instance: 'kafka-lag-exporter:8000',
    labels: { namespace: opts.namespace },
  });
  out.push({ kind: 'kubelet', job: 'kubelet', instance: 'kubelet:10250', labels: {} });
  return out;
}

/** Can Prometheus reach it? A stopped or isolated broker, a stopped controller, a closed client cannot answer. */
export function targetUp(state: SimState, t: ScrapeTarget): boolean {
  if (t.node) {
    if (!nodeRunning(state, t.node)) return false;
    if (t.node.kind === 'broker') return state.brokers[t.node.id].network === 'connected';
    return true;
  }
  if (t.kind === 'kafka-exporter')
    return Object.values(state.brokers).some((b) => b.process === 'running' && b.network === 'connected');
  return true;
}

function gaugeFamily(
  name: string,
  help: string,
  samples: Array<[Array<[string, string]>, number]>,
): MetricFamily {
  return {
    name,
    type: 'gauge',
    help,
    samples: samples.map(
      ([labels, value]): PromSample => ({
        name,
        labels: [...labels].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
        value,
      }),
    ),
  };
}

/** danielqsj/kafka_exporter's families (the ones Strimzi's rules and dashboards use), from the metadata and offsets. */
export function kafkaExporterFamilies(state: SimState): MetricFamily[] {
  const topics = Object.keys(state.topics).sort();
  const tp = (t: string, p: number): Array<[string, string]> => [
    ['partition', String(p)],
    ['topic', t],
  ];
  const parts = topics.flatMap((t) => state.topics[t].partitions.map((p) => ({ t, p })));
  const groups = state.areas.consumers?.groups ?? {};
  const lagRows: Array<[Array<[string, string]>, number]> = [];
  const offsetRows: Array<[Array<[string, string]>, number]> = [];
  const memberRows: Array<[Array<[string, string]>, number]> = [];
  for (const g of Object.keys(groups).sort()) {
    memberRows.push([[['consumergroup', g]], groups[g].group.members.length]);
    for (const key of Object.keys(groups[g].offsets).sort()) {
      const i = key.lastIndexOf('-');
      const t = key.slice(0, i);
      const p = Number(key.slice(i + 1));
      const part = state.topics[t]?.partitions[p];
      if (!part) continue;
      const committed = groups[g].offsets[key].offset;
      offsetRows.push([[['consumergroup', g], ...tp(t, p)], committed]);
      lagRows.push([[['consumergroup', g], ...tp(t, p)], Math.max(0, highWatermark(part) - committed)]);
    }
  }
  const live = Object.values(state.brokers).filter(
    (b) => b.process === 'running' && b.registration === 'unfenced',
  ).length;
  return [
    gaugeFamily('kafka_brokers', 'Number of Brokers in the Kafka Cluster.', [[[], live]]),
    gaugeFamily(
      'kafka_consumergroup_current_offset',
      'Current Offset of a ConsumerGroup at Topic/Partition',
      offsetRows,
    ),
    gaugeFamily(
      'kafka_consumergroup_lag',
      'Current Approximate Lag of a ConsumerGroup at Topic/Partition',
      lagRows,
    ),
    gaugeFamily('kafka_consumergroup_members', 'Amount of members in a consumer group', memberRows),
    gaugeFamily(
      'kafka_topic_partition_current_offset',
      'Current Offset of a Broker at Topic/Partition',
      parts.map(({ t, p }) => [tp(t, p.partition), highWatermark(p)]),
    ),
    gaugeFamily(
      'kafka_topic_partition_in_sync_replica',
      'Number of In-Sync Replicas for this Topic/Partition',
      parts.map(({ t, p }) => [tp(t, p.partition), p.isr.length]),
    ),
    gaugeFamily(
      'kafka_topic_partition_leader',
      'Leader Broker ID of this Topic/Partition',
      parts.map(({ t, p }) => [tp(t, p.partition), p.leader ?? -1]),
    ),
    gaugeFamily(
      'kafka_topic_partition_oldest_offset',
      'Oldest Offset of a Broker at Topic/Partition',
      parts.map(({ t, p }) => [
        tp(t, p.partition),
        p.leader === null ? 0 : (p.replicaLogs[p.leader]?.log.logStartOffset ?? 0),
      ]),
    ),
    gaugeFamily(
      'kafka_topic_partition_replicas',
      'Number of Replicas for this Topic/Partition',
      parts.map(({ t, p }) => [tp(t, p.partition), p.replicas.length]),
    ),
    gaugeFamily(
      'kafka_topic_partition_under_replicated_partition',
      '1 if Topic/Partition is under Replicated',
      parts.map(({ t, p }) => [tp(t, p.partition), isUnderReplicated(p) ? 1 : 0]),
    ),
    gaugeFamily(
      'kafka_topic_partitions',
      'Number of partitions for this Topic',
      topics.map((t) => [[['topic', t]], state.topics[t].partitions.length]),
    ),
  ];
}

/** kubelet_volume_stats_* for each broker's data PVC: used = the bytes of every replica log on the broker. */
export function kubeletFamilies(state: SimState, opts: MonitoringOptions): MetricFamily[] {
  const rows = Object.keys(state.brokers)
    .map(Number)
    .sort((a, b) => a - b)
    .filter((id) => state.brokers[id].process === 'running')
    .map((id) => {
      let used = 0;
      for (const t in state.topics)
        for (const p of state.topics[t].partitions)
          for (const seg of p.replicaLogs[id]?.log.segments ?? []) used += seg.sizeBytes;
      const labels: Array<[string, string]> = [
        ['namespace', opts.namespace],
        ['persistentvolumeclaim', `data-${opts.clusterName}-kafka-${id}`],
      ];
      return { labels, used };
    });
  return [
    gaugeFamily(
      'kubelet_volume_stats_available_bytes',
      'Number of available bytes in the volume',
      rows.map((r) => [r.labels, Math.max(0, opts.volumeCapacityBytes - r.used)]),
    ),
    gaugeFamily(
      'kubelet_volume_stats_capacity_bytes',
      'Capacity in bytes of the volume',
      rows.map((r) => [r.labels, opts.volumeCapacityBytes]),
    ),
    gaugeFamily(
      'kubelet_volume_stats_used_bytes',
      'Number of used bytes in the volume',
      rows.map((r) => [r.labels, r.used]),
    ),
  ];
}

/** What the target's /metrics page serves right now (empty when it is not reachable). */
export function targetFamilies(
  state: SimState,
  rec: MetricsRecorder,
  t: ScrapeTarget,
  opts: MonitoringOptions = DEFAULT_MONITORING_OPTIONS,
  now = state.now,
  /** false for a scrape into the store: the order of families and samples does not matter there. */
  sorted = true,
): MetricFamily[] {
  if (!targetUp(state, t)) return [];
  if (t.node) {
    const beans = collectMBeans(state, rec, t.node, now);
    const jmx = exportMBeans(
      beans,
      t.kind === 'producer' || t.kind === 'consumer' ? STRIMZI_CLIENT_RULES : KAFKA_KRAFT_RULES,
      sorted,
    );
    // jmx_exporter's own families (the scrape of local MBeans cannot fail here).
    jmx.push(gaugeFamily('jmx_scrape_error', 'Non-zero if this scrape failed.', [[[], 0]]));
    return sorted ? jmx.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : jmx;
  }
  if (t.kind === 'kafka-exporter') return kafkaExporterFamilies(state);
  if (t.kind === 'kafka-lag-exporter')
    return lagExporterFamilies(state.areas.monitoring?.monitor?.lagExporter ?? null, opts.clusterName);
  return kubeletFamilies(state, opts);
}
