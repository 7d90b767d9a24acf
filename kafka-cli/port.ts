// What the console changes in the simulated cluster, in the console's own terms. The adapter in
// simAdapter.ts implements it over the Simulation: every change goes through the Simulation's command
// log, so replay reproduces what the console did. Reading is the read model's job (simulator/read).
import type {
  Command,
  CommandOf,
  CommandResult,
  CommandType,
  KafkaError,
  KafkaErrorCode,
  Outcome,
  ReadModel,
  RecordView,
  schemaRegistry,
} from '../simulator';

export type { KafkaError, Outcome, RecordView };

export const ok = <T>(data: T): Outcome<T> => ({ ok: true, data });
export const fail = <T>(code: KafkaErrorCode, message: string): Outcome<T> => ({
  ok: false,
  error: { code, message },
});

export type NewTopic = {
  name: string;
  partitions: number | null;
  replicationFactor: number | null;
  configs: Record<string, string>;
  /** Manual replica assignment, partition index -> broker ids. */
  assignment: number[][] | null;
};

/** Producer configs by their Kafka names (only those set explicitly; the client fills defaults). */
export type ProducerSettings = Record<string, string>;

export type ConsumerSettings = {
  groupId: string;
  topics: string[];
  assignor: 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
  autoCommit: boolean;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  offsetReset: 'earliest' | 'latest' | 'none';
  instanceId: string | null;
  /** client.id when it is not the console's name for the client (librdkafka's default "rdkafka"). */
  clientId?: string;
  /** metadata.max.age.ms; absent = the client default. */
  metadataMaxAgeMs?: number;
};

/** Where a sent record ended up, or why it did not. */
export type SendResult =
  | { kind: 'acked'; topic: string; partition: number; offset: number }
  | { kind: 'pending'; topic: string; partition: number }
  | { kind: 'failed'; error: KafkaError };

/** Share-group commands (KIP-932): the console share consumer and `share` send them. */
export type ShareGroupCommandType = Extract<CommandType, `shareGroup${string}`>;

/** The RabbitMQ broker's commands (simulator/rabbitmq): rabbitmqadmin, rabbitmqctl and `rabbit` send them. */
export type RabbitCommandType = Extract<CommandType, `rabbit${string}`>;

export type SendRequest = {
  topic: string;
  key: string | null;
  value: string | null;
  partition: number | null;
  headers: Array<[string, string]>;
  /** CreateTime (default: the virtual clock's now). */
  timestamp?: number;
};

/** A request through the security area's path (listener → authentication → authorizer → quotas). */
export type SecurityRequestCommand = Omit<CommandOf<'securityRequest'>, 'type'>;
export type SecurityRequestOutcome = Extract<CommandResult<'securityRequest'>, { ok: true }>['data'];
/** kafka-acls.sh / kafka-configs.sh (users, clients) as the security area runs them. */
export type SecurityToolCommand = Omit<CommandOf<'securityAcls'>, 'type'>;
export type SecurityToolOutput = Extract<CommandResult<'securityAcls'>, { ok: true }>['data'];

export interface ClusterPort {
  /** The simulation's read model as it is now (queries never go through the port). */
  read(): ReadModel;
  /** Commands dispatched since the last `sim reset` (sim status). */
  commandCount(): number;
  /** Run `fn` as one step of the simulation's history, recorded as `line` with the commands it dispatched. */
  step<T>(line: string, fn: () => T): T;
  /** `cat > PATH`: a scratch file in the simulation (read it with read().file(path)). */
  writeFile(path: string, text: string): Outcome<void>;

  // ---- admin commands (go through the command log) ----
  createTopic(t: NewTopic): Outcome<void>;
  deleteTopic(name: string): Outcome<void>;
  createPartitions(name: string, total: number): Outcome<void>;
  alterTopicConfig(name: string, set: Record<string, string>, remove: string[]): Outcome<void>;
  electLeaders(
    type: 'preferred' | 'unclean',
    partitions: Array<{ topic: string; partition: number }>,
  ): Array<{ topic: string; partition: number; result: 'elected' | 'noop' | KafkaError }>;
  /** Start reassignments; `replicas: null` cancels that partition's reassignment (KIP-455). */
  reassign(plan: Array<{ topic: string; partition: number; replicas: number[] | null }>): Outcome<void>;
  /** Commit group offsets on behalf of an admin (reset-offsets --execute, console consumer --group). */
  commitGroupOffsets(
    groupId: string,
    offsets: Array<{ topic: string; partition: number; offset: number }>,
  ): Outcome<void>;
  deleteGroup(groupId: string): Outcome<void>;
  /** Admin#deleteConsumerGroupOffsets (OffsetDelete): each partition's error code, or null when deleted. */
  deleteGroupOffsets(
    groupId: string,
    partitions: Array<{ topic: string; partition: number }>,
  ): Outcome<Array<{ topic: string; partition: number; error: string | null }>>;
  /** Admin#abortTransaction: an ABORT marker for one producer on one partition (kafka-transactions.sh abort). */
  adminAbortTransaction(spec: {
    topic: string;
    partition: number;
    producerId: number;
    producerEpoch: number;
    coordinatorEpoch: number;
  }): Outcome<void>;

  // ---- cluster operations (simulation commands) ----
  stopBroker(id: number): Outcome<void>;
  /** Stall or resume broker `id`'s replica fetchers (it keeps heartbeating): a slow follower. */
  pauseReplicaFetch(id: number): Outcome<void>;
  resumeReplicaFetch(id: number): Outcome<void>;
  /** Stop or start a KRaft controller (ids 1000..): an election follows when the active one stops. */
  stopController(id: number): Outcome<void>;
  startController(id: number): Outcome<void>;
  startBroker(id: number): Outcome<void>;
  isolateBroker(id: number): Outcome<void>;
  healBroker(id: number): Outcome<void>;
  addBroker(): Outcome<number>;
  advanceClock(ms: number): Outcome<void>;
  /** Lose the next `count` produce requests or responses (optionally of one producer). */
  dropNext(what: 'request' | 'response', producer: string | null, count: number): Outcome<void>;
  /** Seeded random loss rates (0..1); undefined leaves a rate unchanged. */
  setNetworkLoss(requestRate: number | undefined, responseRate: number | undefined): Outcome<void>;
  reset(brokers: number, seed: number): Outcome<void>;
  /** Start jmx_exporter + Prometheus + Burrow (scrape interval in ms, null = 15 s); the value is the target count. */
  startMonitoring(scrapeIntervalMs: number | null): Outcome<number>;
  stopMonitoring(): Outcome<void>;

  // ---- production (simulation commands): the Strimzi operator's roll, MirrorMaker 2, a lost region ----
  /** The cluster operator rolls the nodes in scope; the value is KafkaRoller's order. */
  rollingRestart(scope: CommandOf<'productionRoll'>['scope'], trigger: string): Outcome<number[]>;
  startMirror(spec: CommandOf<'mirrorStart'>['spec']): Outcome<Array<{ topic: string; remoteTopic: string }>>;
  /** A whole region is lost; the value counts the committed records it took with it (not mirrored). */
  regionDown(alias: string): Outcome<number>;
  /** The region is back; the value names the flows that resumed. */
  regionUp(alias: string): Outcome<string[]>;

  // ---- clusters ----
  /** The port of another cluster of the simulation (or of the first one), by name; null for an unknown name. */
  onCluster(name: string): ClusterPort | null;
  /** Starts another cluster (`first` names the simulation's first cluster); the value is its cluster id. */
  createCluster(spec: {
    name: string;
    brokers: number;
    controllers: number;
    first: string | null;
  }): Outcome<string>;
  /** The cluster the console talks to when a line names none. */
  chooseCluster(name: string): Outcome<void>;

  // ---- clients ----
  /** Is a producer or consumer with this client name open in this console session? */
  clientNameTaken(name: string): boolean;
  /** Names of the producers / consumers open in this console session (for completion). */
  clientNames(kind: 'producer' | 'consumer'): string[];
  /** Creates the producer; the value lists the client's config warnings (WARN lines). */
  createProducer(name: string, settings: ProducerSettings): Outcome<string[]>;
  send(name: string, req: SendRequest): Outcome<SendResult>;
  /** Flush (runs the clock until every pending send completed); results of the sends that were pending, in send order. */
  flush(name: string): Outcome<SendResult[]>;
  /** A console line starts: the sends pending now are the ones whose callbacks the line may report. */
  beginLine(): void;
  /** Delivery reports (callbacks) of sends pending at the line's start that completed since, for any producer. */
  takeDeliveries(): Array<{ producer: string; result: SendResult }>;
  /** The console's producers' client log lines (log4j WARN, as the Java client writes them) since the line began. */
  takeClientLogs(): string[];
  beginTransaction(name: string): Outcome<void>;
  /** KafkaProducer#sendOffsetsToTransaction with a consumer's current positions and group; returns them. */
  sendOffsetsToTransaction(
    producer: string,
    consumer: string,
  ): Outcome<{ groupId: string; offsets: Array<{ topic: string; partition: number; offset: number }> }>;
  commitTransaction(name: string): Outcome<void>;
  abortTransaction(name: string): Outcome<void>;
  closeProducer(name: string): Outcome<void>;
  /** The application dies: nothing flushed, committed or aborted. */
  crashProducer(name: string): Outcome<void>;
  createConsumer(name: string, settings: ConsumerSettings): Outcome<void>;
  poll(name: string, max: number): Outcome<RecordView[]>;
  /** The application processes polled records (the first `count`, or all); the value lists them. */
  processConsumer(
    name: string,
    count: number | null,
  ): Outcome<Array<{ topic: string; partition: number; offset: number }>>;
  /**
   * commitSync(): commits the consumer's positions (next offset to read per partition), or the offsets given;
   * the value lists them.
   */
  commitConsumer(
    name: string,
    offsets?: Array<{ topic: string; partition: number; offset: number }>,
  ): Outcome<Array<{ topic: string; partition: number; offset: number }>>;
  /** seek / seekToBeginning / seekToEnd on every assigned partition; the value lists the new positions. */
  seekConsumer(
    name: string,
    to: CommandOf<'consumerSeek'>['to'],
  ): Outcome<Array<{ topic: string; partition: number; offset: number }>>;
  closeConsumer(name: string): Outcome<void>;
  crashConsumer(name: string): Outcome<void>;

  // ---- security (the security area: each one a command in the log) ----
  /** server.properties security settings for every broker, from a scratch file. */
  configureSecurity(file: string): Outcome<void>;
  /** A keystore / truststore record at a path (what keytool would write). */
  writePkiStore(cmd: Omit<CommandOf<'securityPkiStore'>, 'type'>): Outcome<void>;
  /** A named client connects with this properties file from now on. */
  bindClientSecurity(client: string, kind: 'producer' | 'consumer', commandConfig: string): Outcome<void>;
  /** One client request through authentication, the authorizer and quotas. */
  securityRequest(req: SecurityRequestCommand): Outcome<SecurityRequestOutcome>;
  /** A fetch response's size against the client's consumer_byte_rate, after the records were read. */
  securityFetchBytes(
    req: Omit<CommandOf<'securityFetchBytes'>, 'type'>,
  ): Outcome<{ throttleTimeMs: number; returnsData: boolean }>;
  runAcls(cmd: SecurityToolCommand): Outcome<SecurityToolOutput>;
  /** null: not a users/clients command (the topics tool handles it). */
  runUserClientConfigs(cmd: SecurityToolCommand): Outcome<SecurityToolOutput | null>;
  // ---- the RabbitMQ broker beside the cluster ----
  /** One RabbitMQ command, with the events it caused (deliveries, acks, requeues) for the tool to print. */
  rabbitmq<K extends RabbitCommandType>(cmd: CommandOf<K>): CommandResult<K>;
  /** One share-group command (KIP-932), with the events it caused for the tool to print. */
  shareGroups<K extends ShareGroupCommandType>(cmd: CommandOf<K>): CommandResult<K>;
  // ---- Kafka Connect: workers, REST calls, the source database (simulator/connect/runtime) ----
  connect<C extends ConnectCommand>(cmd: C): Outcome<ConnectData<C>>;
  // ---- Kafka Streams applications (the streams area) ----
  streamsCreate(
    app: string,
    dsl: string,
    configs: Record<string, string>,
  ): Outcome<{ subtopologies: number; internalTopics: string[] }>;
  streamsInstance(action: 'start' | 'stop' | 'crash', app: string, instance: string): Outcome<void>;
  /** kafka-streams-application-reset: delete internal topics, move input offsets (dry run changes nothing). */
  streamsReset(opts: {
    app: string;
    inputTopics: string[];
    toEarliest: boolean;
    dryRun: boolean;
    force: boolean;
    deleteOnly?: string[];
  }): Outcome<{
    deletedTopics: string[];
    offsets: Array<{ topic: string; partition: number; offset: number }>;
  }>;
  // ---- Schema Registry (port 8081) ----
  /** One REST request to the registry; the answer is its status and body text. */
  schemaRegistryRequest(req: SchemaRegistryHttpRequest): Outcome<{ status: number; body: string }>;
  /** A schema console producer's serializer for one input line (registers or looks up the schema). */
  schemaRegistrySerializeLine(
    args: schemaRegistry.SchemaToolArgs,
    line: string,
  ): Outcome<schemaRegistry.SchemaRegistrySerialized>;
  /** `schema-registry stop|start|restart` (simulation command): the registry process. */
  schemaRegistryControl(
    verb: 'stop' | 'start' | 'restart',
  ): Outcome<{ records: number; subjects: number } | Record<string, never>>;
}

/** The Connect area's commands (`connectStart`, `connectRest`, `connectWorkerStop`, `connectDbExec`, …). */
export type ConnectCommand = Extract<Command, { type: `connect${string}` }>;
export type ConnectData<C extends ConnectCommand> = Extract<CommandResult<C['type']>, { ok: true }>['data'];

export type SchemaRegistryHttpRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: string | null;
};
