// The read model: one typed, memoised reading of a Simulation that every reader uses (console tools, challenge
// goals, the classroom and the React views), so the simulation's Kafka rules are derived in one place. A
// model is built per Simulation version and computes each answer at most once; it never changes the state.
import type { SimEvent } from '../engine/registry';
import type { SimState } from '../engine/state';
import { workspacePath } from '../workspace';
import {
  consumersOf,
  deliveredToGroupOf,
  deliveryStatusOf,
  nextPollOf,
  producerByNameOf,
  producersOf,
} from './clients';
import { brokersOf, networkOf, quorumOf, topicOf } from './cluster';
import { type ClusterSummaryView, clusterSimulation, clustersOf, firstClusterEvents } from './clusters';
import { type ConnectView, connectOf } from './connect';
import { groupByIdOf, groupsOf } from './groups';
import { offsetForTimeOf, partitionLogOf, recordsOf } from './log';
import { type MonitoringView, monitoringOf } from './monitoring';
import { type ProductionView, productionOf, translateOffsetsOf } from './production';
import { type RabbitView, rabbitOf } from './rabbitmq';
import { schemaCompatibilityOf, schemaRecordBytesOf, schemaRegistryOf } from './schemaRegistry';
import { type AuthorizationQuestion, authorizesOf, type SecurityView, securityOf } from './security';
import { type ShareGroupsView, shareGroupsOf } from './shareGroups';
import { type StreamsAppView, streamsAppOf, streamsAppsOf } from './streams';
import { effectiveTopicConfigOf } from './topicConfig';
import { producerStatesOf, transactionsOf } from './transactions';
import type {
  BrokerView,
  ConsumerView,
  ControllerView,
  DeliveryStatus,
  GroupView,
  Isolation,
  NetworkView,
  PartitionLogView,
  PartitionView,
  ProducerStateView,
  ProducerView,
  QuorumView,
  RecordView,
  SchemaLevelVerdictView,
  SchemaRecordBytesView,
  SchemaRegistryView,
  TopicConfigEntry,
  TopicView,
  TransactionView,
} from './types';

/** What a read model is built from (a Simulation fits). */
export type SimulationLike = {
  readonly state: SimState;
  /** The whole simulation's state, when `state` is one of its other clusters (scratch files live there). */
  readonly root?: SimState;
  readonly events: readonly SimEvent[];
  readonly version: number;
};

export type ReadModel = {
  /** The simulation's clusters (`clusterCreate`), the first one first; null with a single cluster. */
  clusters(): ClusterSummaryView[] | null;
  /** The read model of cluster `name` (its own brokers, topics, groups, clients); null if there is none. */
  cluster(name: string): ReadModel | null;
  /** The Kafka Connect workers, connectors, tasks, source database, bucket and index. */
  connect(): ConnectView;
  /** Virtual time in ms. */
  now(): number;
  /** The KRaft cluster id (`kafka-storage.sh format --cluster-id`), 22 characters of base64. */
  clusterId(): string;
  /** The seed of the simulation's random numbers (a `sim reset` may have changed it). */
  seed(): number;
  brokers(): BrokerView[];
  controllers(): ControllerView[];
  quorum(): QuorumView;
  /** Every topic, internal ones included, in creation order. */
  topics(): TopicView[];
  topic(name: string): TopicView | null;
  partition(topic: string, partition: number): PartitionView | null;
  partitionLog(topic: string, partition: number): PartitionLogView | null;
  /** What a consumer fetching from `offset` receives (at most `max`, below the HW or the LSO). */
  records(topic: string, partition: number, offset: number, max: number, isolation: Isolation): RecordView[];
  /** ListOffsets: -1 latest, -2 earliest, -3 max-timestamp, -4 earliest-local, else the first offset at or after a time. */
  offsetForTime(topic: string, partition: number, time: number): number | null;
  effectiveTopicConfig(topic: string): TopicConfigEntry[] | null;
  /** One effective topic config value, or null for an unknown topic or config. */
  topicConfig(topic: string, name: string): string | null;
  /** Consumer groups that are not Dead, by id. */
  groups(): GroupView[];
  group(groupId: string): GroupView | null;
  /** Open producers, by name. */
  /** Transactional ids known to the transaction coordinators (not Dead), by id. */
  transactions(): TransactionView[];
  /** Active producers of a partition on its leader, or on `broker`'s replica; null if there is none. */
  producerStates(topic: string, partition: number, broker?: number): ProducerStateView[] | null;
  producers(): ProducerView[];
  producer(name: string): ProducerView | null;
  delivery(producer: string, recordId: number): DeliveryStatus;
  consumers(): ConsumerView[];
  consumer(name: string): ConsumerView | null;
  /** What the consumer's next poll would fetch (at most `max`), without moving it. */
  nextPoll(name: string, max: number): RecordView[];
  network(): NetworkView;
  /** Distinct records of `topic` poll() has handed to the consumers of `group`. */
  deliveredToGroup(group: string, topic: string): number;
  /** A scratch file written with `cat > PATH`, or null. */
  file(path: string): string | null;
  files(): string[];
  /** Listeners, ACLs, SCRAM users, quotas and the last authorizer decisions (the security area). */
  security(): SecurityView;
  /** Would the authorizer allow this now? (true without an authorizer; null for a malformed question) */
  authorizes(q: AuthorizationQuestion): boolean | null;
  /** The monitoring area: targets, alert rules and their state, PromQL over the stored series, Burrow, HTTP. */
  monitoring(): MonitoringView;
  /** The RabbitMQ broker beside the cluster (the Kafka-vs-RabbitMQ side by side). */
  rabbitmq(): RabbitView;
  /** Share groups (KIP-932): members, assignments and each share-partition's records and their states. */
  shareGroups(): ShareGroupsView;
  /** Kafka Streams applications (topology, instances, tasks, stores). */
  streamsApps(): StreamsAppView[];
  streamsApp(applicationId: string): StreamsAppView | null;
  /** The Strimzi rolling restart and the MirrorMaker 2 flows. */
  production(): ProductionView;
  /** RemoteClusterUtils.translateOffsets: a group's checkpointed offsets on the remote topics of `alias`. */
  translateOffsets(group: string, alias: string): ReturnType<typeof translateOffsetsOf>;
  /** Confluent Schema Registry: subjects, versions, ids, compatibility (its store is the `_schemas` topic). */
  schemaRegistry(): SchemaRegistryView;
  /** Each compatibility level's verdict for a version against the versions before it (null for v1). */
  schemaCompatibility(subject: string, version: number): SchemaLevelVerdictView[] | null;
  /** The latest records (newest first, at most `max`) whose values are in Confluent's wire format, byte by byte. */
  schemaRecordBytes(max: number): SchemaRecordBytesView[];
};

function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

function memo<K, T>(compute: (key: K) => T): (key: K) => T {
  const cache = new Map<K, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key) as T;
  };
}

/** A read model of `sim` as it is now, not memoised (prefer readModel). */
export function buildReadModel(sim: SimulationLike): ReadModel {
  const state = sim.state;
  const topics = once(() => Object.values(state.topics).map((t) => topicOf(state, t)));
  const topicByName = once(() => new Map(topics().map((t) => [t.name, t])));
  const groups = once(() => groupsOf(state));
  const group = memo((id: string) => groups().find((g) => g.groupId === id) ?? groupByIdOf(state, id));
  const logs = memo((key: string) => {
    const [topic, partition] = JSON.parse(key) as [string, number];
    return partitionLogOf(state, topic, partition);
  });
  const consumers = once(() => consumersOf(state));
  const configs = memo((topic: string) => effectiveTopicConfigOf(state, topic));
  const brokers = once(() => brokersOf(state));
  const quorum = once(() => quorumOf(state));
  const events = once(() => firstClusterEvents(state, sim.events));
  return {
    clusters: once(() => clustersOf(state)),
    cluster: (name) => {
      const view = clusterSimulation(sim, name);
      return view ? readModel(view) : null;
    },
    now: () => state.now,
    clusterId: () => state.clusterId,
    seed: () => state.seed,
    brokers,
    controllers: () => quorum().voters,
    quorum,
    topics,
    topic: (name) => topicByName().get(name) ?? null,
    partition: (topic, partition) =>
      topicByName()
        .get(topic)
        ?.partitions.find((p) => p.partition === partition) ?? null,
    partitionLog: (topic, partition) => logs(JSON.stringify([topic, partition])),
    records: (topic, partition, offset, max, isolation) =>
      recordsOf(state, topic, partition, offset, max, isolation),
    offsetForTime: (topic, partition, time) => offsetForTimeOf(state, topic, partition, time),
    effectiveTopicConfig: configs,
    topicConfig: (topic, name) => configs(topic)?.find((c) => c.name === name)?.value ?? null,
    groups,
    group,
    transactions: once(() => transactionsOf(state)),
    producerStates: (topic, partition, broker) => producerStatesOf(state, topic, partition, broker ?? null),
    producers: once(() => producersOf(state)),
    producer: (name) => producerByNameOf(state, name),
    delivery: (producer, recordId) => deliveryStatusOf(state, producer, recordId),
    consumers,
    consumer: (name) => consumers().find((c) => c.name === name) ?? null,
    nextPoll: (name, max) => nextPollOf(state, name, max),
    network: once(() => networkOf(state)),
    connect: once(() => connectOf(state)),
    deliveredToGroup: (g, topic) => deliveredToGroupOf(state, events(), g, topic),
    file: (path) => {
      const files = (sim.root ?? state).areas.workspace.files;
      const key = workspacePath(path);
      return Object.hasOwn(files, key) ? files[key] : null;
    },
    files: () => Object.keys((sim.root ?? state).areas.workspace.files).sort(),
    security: once(() => securityOf(state)),
    authorizes: (q) => authorizesOf(state, q),
    monitoring: once(() => monitoringOf(state)),
    rabbitmq: once(() => rabbitOf(state)),
    shareGroups: once(() => shareGroupsOf(state)),
    streamsApps: once(() => streamsAppsOf(state)),
    streamsApp: memo((id: string) => streamsAppOf(state, id)),
    production: once(() => productionOf(state)),
    translateOffsets: (group, alias) => translateOffsetsOf(state, group, alias),
    schemaRegistry: once(() => schemaRegistryOf(state, events())),
    schemaCompatibility: (subject, version) => schemaCompatibilityOf(state, subject, version),
    schemaRecordBytes: memo((max: number) => schemaRecordBytesOf(state, topics(), max)),
  };
}

const models = new WeakMap<SimulationLike, { version: number; model: ReadModel }>();

/** The read model of `sim` at its current version (built once per version). */
export function readModel(sim: SimulationLike): ReadModel {
  const cached = models.get(sim);
  if (cached && cached.version === sim.version) return cached.model;
  const model = buildReadModel(sim);
  models.set(sim, { version: sim.version, model });
  return model;
}

export { producerConfigByKafkaName } from './clients';
export type { ClusterSummaryView } from './clusters';
export type * from './connect';
export { partitionLag } from './groups';
export type * from './production';
export type { AuthorizationQuestion, SecurityView } from './security';
export {
  checkStreamsDsl,
  type StreamsAppView,
  type StreamsDslCheck,
  type StreamsNodeView,
  type StreamsTaskView,
  type StreamsWindowedView,
} from './streams';
export { topicConfigNames } from './topicConfig';
export type * from './types';
