// Hand-built read-model pieces for the goal tests: exact states (compacted logs, aborted transactions, idle
// members) without running a cluster to reach them. Lag rows use the read model's own rule.

import type {
  GroupMemberView,
  GroupView,
  PartitionView,
  ProducerView,
  RecordView,
  TopicView,
} from '../read/index';
import { partitionLag } from '../read/index';
import type { GoalView } from './types';

export function recordView(
  topic: string,
  partition: number,
  offset: number,
  key: string | null,
  value: string | null,
  headers: Array<[string, string]> = [],
): RecordView {
  return {
    topic,
    partition,
    offset,
    timestamp: 0,
    timestampType: 'CreateTime',
    key,
    value,
    headers,
    kind: value === null ? 'tombstone' : 'data',
    transactional: false,
  };
}

export function partitionView(
  topic: string,
  p: Partial<PartitionView> & Pick<PartitionView, 'partition'>,
  down: readonly number[] = [],
): PartitionView {
  const replicas = p.replicas ?? [1, 2];
  const isr = p.isr ?? replicas;
  const leader = p.leader === undefined ? replicas[0] : p.leader;
  const highWatermark = p.highWatermark ?? 0;
  return {
    topic,
    leader,
    leaderEpoch: 0,
    replicas,
    isr,
    replicaStates: replicas.map((broker) => ({
      broker,
      leader: broker === leader,
      inIsr: isr.includes(broker),
      brokerDown: down.includes(broker),
      logEndOffset: p.logEndOffset ?? highWatermark,
      highWatermark,
      adding: false,
      removing: false,
    })),
    addingReplicas: [],
    removingReplicas: [],
    elr: [],
    lastKnownElr: [],
    logStartOffset: 0,
    logEndOffset: highWatermark,
    lastStableOffset: highWatermark,
    ...p,
    highWatermark,
  };
}

export function topicView(
  name: string,
  partitions: PartitionView[],
  overrides: Record<string, string> = {},
): TopicView {
  return { name, topicId: `${name}-id`, internal: false, partitions, overrides };
}

export function memberView(
  clientId: string,
  assignment: Array<{ topic: string; partition: number }>,
): GroupMemberView {
  return {
    memberId: `${clientId}-uuid`,
    clientId,
    host: '/127.0.0.1',
    groupInstanceId: null,
    name: clientId,
    assignment,
    owned: assignment,
    revoking: [],
    positions: {},
  };
}

/** A group whose lag rows are the committed partitions of `topics`, computed by the read model's rule. */
export function groupView(
  g: Pick<GroupView, 'groupId' | 'state' | 'members' | 'offsets'>,
  topics: readonly TopicView[],
): GroupView {
  const partitions = topics.flatMap((t) =>
    t.partitions.map((p) => {
      const committed =
        g.offsets.find((o) => o.topic === t.name && o.partition === p.partition)?.offset ?? null;
      const logEndOffset = p.leader === null ? null : p.highWatermark;
      return {
        topic: t.name,
        partition: p.partition,
        committed,
        logEndOffset,
        lag: partitionLag(committed, logEndOffset),
        owner: null,
      };
    }),
  );
  return {
    ...g,
    type: 'classic',
    assignmentStrategy: 'range',
    rebalanceProtocol: null,
    generation: 1,
    coordinator: 1,
    subscribedTopics: topics.map((t) => t.name),
    partitions,
  };
}

export function producerView(name: string, configs: Record<string, string>): ProducerView {
  return {
    name,
    status: 'open',
    configs,
    acks: configs.acks ?? 'all',
    idempotence: configs['enable.idempotence'] === 'true',
    lingerMs: 5,
    transactionalId: null,
    producerId: 0,
    producerEpoch: 0,
    pendingSends: [],
    batches: [],
    transaction: 'none',
  };
}

/** A monitoring view of a simulation where monitoring was never started. */
const monitoringOff: ReturnType<GoalView['monitoring']> = {
  running: false,
  generation: 0,
  scrapeIntervalMs: null,
  lastScrapeAt: null,
  targets: () => [],
  rules: () => [],
  alerts: () => [],
  instant: () => ({ ok: false, error: 'Prometheus is not running (start monitoring first)' }),
  range: () => ({ ok: false, error: 'Prometheus is not running (start monitoring first)' }),
  burrowGroup: () => null,
  burrowGroups: () => [],
  timeLagSeconds: () => null,
  jmx: () => null,
  http: () => null,
};

export function goalViewOf(parts: Partial<GoalView>): GoalView {
  return {
    brokers: () => [],
    topic: () => null,
    group: () => null,
    records: () => [],
    producer: () => null,
    deliveredToGroup: () => 0,
    security: () => ({
      configured: false,
      authorizer: false,
      listeners: [],
      superUsers: [],
      allowEveryoneIfNoAclFound: false,
      acls: [],
      scramCredentials: [],
      quotas: [],
      decisions: [],
      handshakes: [],
      throttles: [],
      traffic: [],
      tenants: [],
      clients: {},
    }),
    authorizes: () => true,
    monitoring: () => monitoringOff,
    rabbitmq: () => ({ queues: [], exchanges: [], bindings: [], received: {}, consumerTimeoutMs: 1_800_000 }),
    connect: () => ({
      mode: null,
      groupId: 'connect-cluster',
      generation: 0,
      scheduledRebalanceAt: null,
      maxDelayMs: 300_000,
      offsetFlushIntervalMs: 60_000,
      workers: [],
      connectors: [],
      tables: [],
      schema: [],
      buckets: [],
      indices: [],
      sourceOffsets: {},
    }),
    streamsApp: () => null,
    production: () => ({ pods: [], roll: null, mirror: { flows: [], downRegions: [] } }),
    schemaRegistry: () => ({
      running: false,
      stopped: false,
      topicRecords: 0,
      lastRefusal: null,
      topic: '_schemas',
      globalCompatibility: 'BACKWARD',
      globalMode: 'READWRITE',
      subjects: [],
      maxId: 0,
      store: {
        schemas: [],
        globalCompatibility: null,
        subjectCompatibility: {},
        globalMode: null,
        subjectModes: {},
        maxId: 0,
        defaultCompatibility: 'BACKWARD',
        nextOffset: 0,
      },
    }),
    ...parts,
  };
}
