// Alert rules from Strimzi's examples (packaging/examples/metrics/prometheus-install/prometheus-rules.yaml),
// groups `kafka` and `kafkaExporter`, as data. The container_last_seen rules (cAdvisor) have no simulated source
// and are left out; the rest are verbatim.

export type AlertRule = {
  alert: string;
  expr: string;
  /** `for:` in ms (0 = fire at the first evaluation that returns the alert). */
  forMs: number;
  keepFiringForMs?: number;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  group: string;
};

export const STRIMZI_ALERT_RULES: readonly AlertRule[] = [
  {
    group: 'kafka',
    alert: 'KafkaRunningOutOfSpace',
    expr: 'kubelet_volume_stats_available_bytes{persistentvolumeclaim=~"data(-[0-9]+)?-(.+)-kafka-[0-9]+"} * 100 / kubelet_volume_stats_capacity_bytes{persistentvolumeclaim=~"data(-[0-9]+)?-(.+)-kafka-[0-9]+"} < 15',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Kafka is running out of free disk space',
      description: 'There are only {{ $value }} percent available at {{ $labels.persistentvolumeclaim }} PVC',
    },
  },
  {
    group: 'kafka',
    alert: 'UnderReplicatedPartitions',
    expr: 'kafka_server_replicamanager_underreplicatedpartitions > 0',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Kafka under replicated partitions',
      description: 'There are {{ $value }} under replicated partitions on {{ $labels.kubernetes_pod_name }}',
    },
  },
  {
    group: 'kafka',
    alert: 'AbnormalControllerState',
    expr: 'sum(kafka_controller_kafkacontroller_activecontrollercount) by (strimzi_io_name) != 1',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Kafka abnormal controller state',
      description: 'There are {{ $value }} active controllers in the cluster',
    },
  },
  {
    group: 'kafka',
    alert: 'OfflinePartitions',
    expr: 'sum(kafka_controller_kafkacontroller_offlinepartitionscount) > 0',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Kafka offline partitions',
      description: 'One or more partitions have no leader',
    },
  },
  {
    group: 'kafka',
    alert: 'UnderMinIsrPartitionCount',
    expr: 'kafka_server_replicamanager_underminisrpartitioncount > 0',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Kafka under min ISR partitions',
      description: 'There are {{ $value }} partitions under the min ISR on {{ $labels.kubernetes_pod_name }}',
    },
  },
  {
    group: 'kafka',
    alert: 'OfflineLogDirectoryCount',
    expr: 'kafka_log_logmanager_offlinelogdirectorycount > 0',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Kafka offline log directories',
      description: 'There are {{ $value }} offline log directories on {{ $labels.kubernetes_pod_name }}',
    },
  },
  {
    group: 'kafka',
    alert: 'ScrapeProblem',
    expr: 'up{kubernetes_namespace!~"openshift-.+",kubernetes_pod_name=~".+-kafka-[0-9]+"} == 0',
    forMs: 180_000,
    labels: { severity: 'major' },
    annotations: {
      summary:
        'Prometheus unable to scrape metrics from {{ $labels.kubernetes_pod_name }}/{{ $labels.instance }}',
      description:
        'Prometheus was unable to scrape metrics from {{ $labels.kubernetes_pod_name }}/{{ $labels.instance }} for more than 3 minutes',
    },
  },
  {
    group: 'kafkaExporter',
    alert: 'UnderReplicatedPartition',
    expr: 'kafka_topic_partition_under_replicated_partition > 0',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Topic has under-replicated partitions',
      description:
        'Topic  {{ $labels.topic }} has {{ $value }} under-replicated partition {{ $labels.partition }}',
    },
  },
  {
    group: 'kafkaExporter',
    alert: 'TooLargeConsumerGroupLag',
    expr: 'kafka_consumergroup_lag > 1000',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'Consumer group lag is too big',
      description:
        'Consumer group {{ $labels.consumergroup}} lag is too big ({{ $value }}) on topic {{ $labels.topic }}/partition {{ $labels.partition }}',
    },
  },
  {
    group: 'kafkaExporter',
    alert: 'NoMessageForTooLong',
    expr: 'changes(kafka_topic_partition_current_offset[10m]) == 0',
    forMs: 10_000,
    labels: { severity: 'warning' },
    annotations: {
      summary: 'No message for 10 minutes',
      description:
        'There is no messages in topic {{ $labels.topic}}/partition {{ $labels.partition }} for 10 minutes',
    },
  },
];
