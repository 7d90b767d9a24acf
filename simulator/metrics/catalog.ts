// The metric catalog: every MBean the simulation derives, under Kafka's real names, with how it is exposed
// (Yammer meter/gauge/histogram on brokers and controllers, Kafka metrics attributes on clients), what it means
// and the normal value the operations docs quote (docs/ops.html "Monitoring"; KRaft controller table).

export type BeanKind =
  /** Yammer Meter: Count + MeanRate/OneMinuteRate/... (jmx_exporter turns Count into a `_total` counter). */
  | 'meter'
  /** Yammer Gauge: Value. */
  | 'gauge'
  /** Yammer Histogram: Count, Min, Max, Mean, StdDev, 50th..999thPercentile. */
  | 'histogram'
  /** Kafka metrics (clients, raft-metrics): one attribute per metric name on the bean. */
  | 'attribute';

export type CatalogEntry = {
  /** JMX domain, e.g. kafka.server. */
  domain: string;
  type: string;
  /** Yammer `name` key; absent for Kafka-metrics beans (their attribute is the metric name). */
  name?: string;
  /** Kafka-metrics attribute name (record-send-rate, records-lag-max, current-state, ...). */
  attribute?: string;
  /** Keys after type/name, in registration order (topic, partition, request, client-id, ...). */
  tags: readonly string[];
  kind: BeanKind;
  /** Yammer Meter EventType (messages, bytes, requests, expands, shrinks, elections). */
  eventType?: string;
  /** Where the bean lives. */
  on: 'broker' | 'controller' | 'producer' | 'consumer';
  description: string;
  /** The normal value from the ops docs, when they quote one. */
  normal?: string;
  /** Kafka class that registers it. */
  source: string;
};

const BTM = 'BrokerTopicMetrics (storage/log/metrics/BrokerTopicMetrics.java)';
const RM = 'ReplicaManager.scala';
const CMM = 'ControllerMetadataMetrics.java';

function btm(name: string, eventType: string, description: string, topicTag = true): CatalogEntry {
  return {
    domain: 'kafka.server',
    type: 'BrokerTopicMetrics',
    name,
    tags: topicTag ? ['topic'] : [],
    kind: 'meter',
    eventType,
    on: 'broker',
    description,
    source: BTM,
  };
}

export const CATALOG: readonly CatalogEntry[] = [
  btm(
    'MessagesInPerSec',
    'messages',
    "Incoming message rate per topic; omitting 'topic' yields the all-topic rate.",
  ),
  btm('BytesInPerSec', 'bytes', 'Byte in (from the clients) rate per topic.'),
  btm('BytesOutPerSec', 'bytes', 'Byte out (to the clients) rate per topic.'),
  btm('ReplicationBytesInPerSec', 'bytes', 'Byte in (from the other brokers) rate across all topics.', false),
  btm('ReplicationBytesOutPerSec', 'bytes', 'Byte out (to the other brokers) rate across all topics.', false),
  btm('TotalProduceRequestsPerSec', 'requests', 'Produce request rate per topic.'),
  btm('TotalFetchRequestsPerSec', 'requests', 'Fetch request (from clients or followers) rate per topic.'),
  btm('FailedProduceRequestsPerSec', 'requests', 'Failed Produce request rate per topic.'),
  ...(
    [
      ['UnderReplicatedPartitions', '# of under replicated partitions (|ISR| < |all replicas|)', '0'],
      ['UnderMinIsrPartitionCount', '# of under minIsr partitions (|ISR| < min.insync.replicas)', '0'],
      ['AtMinIsrPartitionCount', '# of at minIsr partitions (|ISR| = min.insync.replicas)', '0'],
      ['PartitionCount', 'Partition counts', 'mostly even across brokers'],
      ['LeaderCount', 'Leader replica counts', 'mostly even across brokers'],
      ['OfflineReplicaCount', 'Offline Replica counts', '0'],
      ['ReassigningPartitions', 'Partitions led here with a reassignment in progress', undefined],
    ] as const
  ).map(
    ([name, description, normal]): CatalogEntry => ({
      domain: 'kafka.server',
      type: 'ReplicaManager',
      name,
      tags: [],
      kind: 'gauge',
      on: 'broker',
      description,
      normal,
      source: RM,
    }),
  ),
  ...(
    [
      ['IsrShrinksPerSec', 'shrinks', 'ISR shrink rate'],
      ['IsrExpandsPerSec', 'expands', 'ISR expansion rate'],
    ] as const
  ).map(
    ([name, eventType, description]): CatalogEntry => ({
      domain: 'kafka.server',
      type: 'ReplicaManager',
      name,
      tags: [],
      kind: 'meter',
      eventType,
      on: 'broker',
      description,
      normal: '0 except around broker restarts',
      source: `${RM} (marked by the leader's AlterPartition, Partition.scala)`,
    }),
  ),
  {
    domain: 'kafka.server',
    type: 'ReplicaFetcherManager',
    name: 'MaxLag',
    tags: ['clientId'],
    kind: 'gauge',
    on: 'broker',
    description: 'Max lag in messages between follower and leader replicas',
    normal: 'proportional to the maximum batch size of a produce request',
    source: 'AbstractFetcherManager.scala',
  },
  {
    domain: 'kafka.server',
    type: 'DelayedOperationPurgatory',
    name: 'PurgatorySize',
    tags: ['delayedOperation'],
    kind: 'gauge',
    on: 'broker',
    description: 'Requests waiting in the producer (acks=all) or fetch purgatory',
    normal: 'Produce non-zero if acks=-1 is used',
    source: 'DelayedOperationPurgatory.java',
  },
  {
    domain: 'kafka.network',
    type: 'RequestMetrics',
    name: 'RequestsPerSec',
    tags: ['request', 'version'],
    kind: 'meter',
    eventType: 'requests',
    on: 'broker',
    description: 'Request rate per request type (Produce, FetchConsumer, FetchFollower) and version',
    source: 'RequestMetrics.java',
  },
  {
    domain: 'kafka.network',
    type: 'RequestMetrics',
    name: 'TotalTimeMs',
    tags: ['request'],
    kind: 'histogram',
    on: 'broker',
    description: 'Request total time: queue + local + remote + response queue + response send',
    normal: 'RemoteTimeMs part non-zero for produce requests when acks=-1',
    source: 'RequestMetrics.java',
  },
  // Not here: KafkaRequestHandlerPool RequestHandlerAvgIdlePercent and SocketServer NetworkProcessorAvgIdlePercent.
  // Kafka measures them as threads' idle time (KafkaRequestHandler#run, the selectors' io-wait-ratio); requests
  // here are counted but handled instantly on no thread, so there is no idle time to derive them from.
  ...(
    [
      ['Size', 'Size of the partition log in bytes'],
      ['NumLogSegments', 'Number of segments of the partition log'],
      ['LogStartOffset', 'Log start offset of the partition'],
      ['LogEndOffset', 'Log end offset of the partition'],
    ] as const
  ).map(
    ([name, description]): CatalogEntry => ({
      domain: 'kafka.log',
      type: 'Log',
      name,
      tags: ['topic', 'partition'],
      kind: 'gauge',
      on: 'broker',
      description,
      source: 'UnifiedLog (LogMetricNames)',
    }),
  ),
  {
    domain: 'kafka.log',
    type: 'LogManager',
    name: 'OfflineLogDirectoryCount',
    tags: [],
    kind: 'gauge',
    on: 'broker',
    description: '# of offline log directories',
    normal: '0',
    source: 'LogManager.scala',
  },
  {
    domain: 'kafka.controller',
    type: 'KafkaController',
    name: 'ActiveControllerCount',
    tags: [],
    kind: 'gauge',
    on: 'controller',
    description: "The number of Active Controllers on this node. Valid values are '0' or '1'.",
    normal: 'exactly one node in the cluster has 1',
    source: 'QuorumControllerMetrics.java',
  },
  ...(
    [
      [
        'OfflinePartitionsCount',
        'The number of offline topic partitions as observed by this Controller.',
        '0',
      ],
      ['ActiveBrokerCount', 'The number of active brokers as observed by this Controller.', undefined],
      ['FencedBrokerCount', 'The number of fenced brokers as observed by this Controller.', '0'],
      ['GlobalTopicCount', 'The number of global topics as observed by this Controller.', undefined],
      ['GlobalPartitionCount', 'The number of global partitions as observed by this Controller.', undefined],
      [
        'PreferredReplicaImbalanceCount',
        'The count of topic partitions for which the leader is not the preferred leader.',
        '0',
      ],
      [
        'LastAppliedRecordOffset',
        'The offset of the last record from the cluster metadata partition applied.',
        undefined,
      ],
    ] as const
  ).map(
    ([name, description, normal]): CatalogEntry => ({
      domain: 'kafka.controller',
      type: 'KafkaController',
      name,
      tags: [],
      kind: 'gauge',
      on: 'controller',
      description,
      normal,
      source: name === 'LastAppliedRecordOffset' ? 'QuorumControllerMetrics.java' : CMM,
    }),
  ),
  {
    domain: 'kafka.controller',
    type: 'ControllerStats',
    name: 'UncleanLeaderElectionsPerSec',
    tags: [],
    kind: 'meter',
    eventType: 'elections',
    on: 'controller',
    description: 'Unclean leader election rate',
    normal: '0',
    source: CMM,
  },
  ...(
    [
      [
        'current-state',
        'The current state of this member; possible values are leader, candidate, voted, follower, unattached, observer',
      ],
      ['current-leader', "The current quorum leader's id; -1 indicates unknown"],
      ['current-epoch', 'The current quorum epoch.'],
      ['high-watermark', 'The high watermark maintained on this member; -1 if it is unknown'],
    ] as const
  ).map(
    ([attribute, description]): CatalogEntry => ({
      domain: 'kafka.server',
      type: 'raft-metrics',
      attribute,
      tags: [],
      kind: 'attribute',
      on: 'controller',
      description,
      source: 'KafkaRaftMetrics.java',
    }),
  ),
  ...(
    [
      ['record-send-rate', 'The average number of records sent per second.'],
      ['record-send-total', 'The total number of records sent.'],
      ['record-error-rate', 'The average per-second number of record sends that resulted in errors'],
      ['record-error-total', 'The total number of record sends that resulted in errors'],
      ['record-retry-rate', 'The average per-second number of retried record sends'],
      ['record-retry-total', 'The total number of retried record sends'],
      ['request-latency-avg', 'The average request latency in ms'],
      ['request-latency-max', 'The maximum request latency in ms'],
      ['requests-in-flight', 'The current number of in-flight requests awaiting a response.'],
      ['records-per-request-avg', 'The average number of records per request.'],
      ['produce-throttle-time-avg', 'The average time in ms a request was throttled by a broker'],
      ['produce-throttle-time-max', 'The maximum time in ms a request was throttled by a broker'],
    ] as const
  ).map(
    ([attribute, description]): CatalogEntry => ({
      domain: 'kafka.producer',
      type: 'producer-metrics',
      attribute,
      tags: ['client-id'],
      kind: 'attribute',
      on: 'producer',
      description,
      source: 'SenderMetricsRegistry.java',
    }),
  ),
  ...(
    [
      ['records-lag-max', 'The maximum lag in terms of number of records for any partition in this window'],
      ['records-consumed-rate', 'The average number of records consumed per second'],
      ['records-consumed-total', 'The total number of records consumed'],
      ['fetch-rate', 'The number of fetch requests per second.'],
      ['fetch-total', 'The total number of fetch requests.'],
      ['fetch-throttle-time-avg', 'The average throttle time in ms'],
      ['fetch-throttle-time-max', 'The maximum throttle time in ms'],
    ] as const
  ).map(
    ([attribute, description]): CatalogEntry => ({
      domain: 'kafka.consumer',
      type: 'consumer-fetch-manager-metrics',
      attribute,
      tags: ['client-id'],
      kind: 'attribute',
      on: 'consumer',
      description,
      source: 'FetchMetricsRegistry.java',
    }),
  ),
  {
    domain: 'kafka.consumer',
    type: 'consumer-fetch-manager-metrics',
    attribute: 'records-lag',
    tags: ['client-id', 'topic', 'partition'],
    kind: 'attribute',
    on: 'consumer',
    description: 'The latest lag of the partition',
    source: 'FetchMetricsRegistry.java',
  },
];

/** `domain:type=T,name=N,k=v` in registration order (what ObjectName#toString prints for these beans). */
export function objectName(domain: string, keys: ReadonlyArray<readonly [string, string]>): string {
  return `${domain}:${keys.map(([k, v]) => `${k}=${v}`).join(',')}`;
}

export function catalogEntry(
  domain: string,
  type: string,
  nameOrAttribute: string,
): CatalogEntry | undefined {
  return CATALOG.find(
    (e) =>
      e.domain === domain &&
      e.type === type &&
      (e.name === nameOrAttribute || e.attribute === nameOrAttribute),
  );
}
