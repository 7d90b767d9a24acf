// ClusterPort over the Simulation: everything that changes the cluster is a typed `sim.dispatch(...)`, so it
// lands in the command log and replay reproduces it; reading goes through the read model. Errors stay the
// engine's {code, message}; tools print them with the Java exception name (kafkaErrors.ts). One
// ConsoleSession per Simulation (consoleSessions.ts), so named clients and virtual files persist.
import {
  type Command,
  type CommandOf,
  type CommandResult,
  type EventOf,
  type Outcome,
  type PendingSend,
  type ReadModel,
  readModel,
  type Simulation,
  type schemaRegistry,
} from '../simulator';
import { senderRetryWarnings } from './clientLog';
import {
  type ClusterPort,
  type ConnectCommand,
  type ConnectData,
  type ConsumerSettings,
  fail,
  type NewTopic,
  ok,
  type ProducerSettings,
  type RabbitCommandType,
  type RecordView,
  type SchemaRegistryHttpRequest,
  type SecurityRequestCommand,
  type SecurityRequestOutcome,
  type SecurityToolCommand,
  type SecurityToolOutput,
  type SendRequest,
  type SendResult,
  type ShareGroupCommandType,
} from './port';

type Data<C extends Command> = Extract<CommandResult<C['type']>, { ok: true }>['data'];

export class SimPort implements ClusterPort {
  private readonly others = new Map<string, SimPort>();

  constructor(
    readonly sim: Simulation,
    /** The cluster this port talks to (null: the simulation's first cluster). */
    readonly cluster: string | null = null,
    /** The first cluster's port, for another cluster's. */
    private readonly parent: SimPort | null = null,
  ) {}

  private dispatch<C extends Command>(cmd: C): CommandResult<C['type']> {
    if (this.cluster === null) return this.sim.dispatch(cmd);
    // A request to another cluster: the same command, run in that cluster (its result is the command's own).
    return this.sim.dispatch({
      type: 'clusterRun',
      cluster: this.cluster,
      command: cmd,
    }) as unknown as CommandResult<C['type']>;
  }

  /** The port of cluster `name` (this simulation's first cluster: its own port); null for an unknown name. */
  onCluster(name: string): SimPort | null {
    if (this.parent) return this.parent.onCluster(name);
    const found = readModel(this.sim)
      .clusters()
      ?.find((c) => c.name === name);
    if (!found) return null;
    if (found.first) return this;
    let port = this.others.get(name);
    if (!port) {
      port = new SimPort(this.sim, name, this);
      this.others.set(name, port);
    }
    return port;
  }

  createCluster(spec: { name: string; brokers: number; controllers: number; first: string | null }) {
    const cmd: CommandOf<'clusterCreate'> = {
      type: 'clusterCreate',
      name: spec.name,
      brokers: spec.brokers,
      controllers: spec.controllers,
    };
    if (spec.first !== null) cmd.first = spec.first;
    return this.first().run(cmd, (d) => d.clusterId);
  }

  chooseCluster(name: string): Outcome<void> {
    return this.first().run({ type: 'clusterUse', name });
  }

  regionUp(alias: string): Outcome<string[]> {
    return this.first().run({ type: 'mirrorRegionUp', alias }, (d) => d.flows);
  }

  private first(): SimPort {
    return this.parent ?? this;
  }

  private run<C extends Command, T = void>(cmd: C, map?: (data: Data<C>) => T): Outcome<T> {
    const r = this.dispatch(cmd);
    if (!r.ok) return { ok: false, error: r.error };
    return ok(map ? map(r.data as Data<C>) : (undefined as T));
  }

  // ---------------------------------------------------------------- reading

  read(): ReadModel {
    const model = readModel(this.sim);
    return this.cluster === null ? model : (model.cluster(this.cluster) ?? model);
  }

  commandCount(): number {
    const log = this.sim.log;
    let since = log.length;
    while (since > 0 && log[since - 1].type !== 'simReset') since--;
    return log.length - since;
  }

  step<T>(line: string, fn: () => T): T {
    const mark = this.sim.stepMark();
    try {
      return fn();
    } finally {
      this.sim.recordStep(line, mark);
    }
  }

  writeFile(path: string, text: string): Outcome<void> {
    return this.run({ type: 'workspaceWriteFile', path, text });
  }

  // ---------------------------------------------------------------- admin

  createTopic(t: NewTopic): Outcome<void> {
    const cmd: CommandOf<'createTopic'> = { type: 'createTopic', topic: t.name, configs: t.configs };
    if (t.partitions !== null) cmd.partitions = t.partitions;
    if (t.replicationFactor !== null) cmd.replicationFactor = t.replicationFactor;
    if (t.assignment !== null) cmd.assignment = t.assignment;
    return this.run(cmd);
  }

  deleteTopic(name: string): Outcome<void> {
    return this.run({ type: 'deleteTopic', topic: name });
  }

  createPartitions(name: string, total: number): Outcome<void> {
    return this.run({ type: 'createPartitions', topic: name, totalCount: total });
  }

  alterTopicConfig(name: string, set: Record<string, string>, remove: string[]): Outcome<void> {
    return this.run({ type: 'alterTopicConfigs', topic: name, set, delete: remove });
  }

  electLeaders(type: 'preferred' | 'unclean', partitions: Array<{ topic: string; partition: number }>) {
    const r = this.dispatch({ type: 'electLeaders', electionType: type, partitions });
    if (!r.ok) return partitions.map((p) => ({ ...p, result: r.error }));
    const results = r.data.results;
    return results.map((e) => ({
      topic: e.topic,
      partition: e.partition,
      result:
        e.error === null
          ? ('elected' as const)
          : e.error.code === 'ELECTION_NOT_NEEDED'
            ? ('noop' as const)
            : e.error,
    }));
  }

  reassign(plan: Array<{ topic: string; partition: number; replicas: number[] | null }>): Outcome<void> {
    return this.run({ type: 'alterPartitionReassignments', reassignments: plan });
  }

  commitGroupOffsets(
    groupId: string,
    offsets: Array<{ topic: string; partition: number; offset: number }>,
  ): Outcome<void> {
    return this.run({ type: 'groupCommitOffsets', groupId, offsets });
  }

  deleteGroup(groupId: string): Outcome<void> {
    return this.run({ type: 'groupDelete', groupId });
  }

  deleteGroupOffsets(
    groupId: string,
    partitions: Array<{ topic: string; partition: number }>,
  ): Outcome<Array<{ topic: string; partition: number; error: string | null }>> {
    return this.run({ type: 'groupDeleteOffsets', groupId, partitions }, (d) => d.partitions);
  }

  adminAbortTransaction(spec: {
    topic: string;
    partition: number;
    producerId: number;
    producerEpoch: number;
    coordinatorEpoch: number;
  }): Outcome<void> {
    return this.run({ type: 'txnAdminAbort', ...spec });
  }

  // ---------------------------------------------------------------- cluster operations

  stopBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerStop', id });
  }
  pauseReplicaFetch(id: number): Outcome<void> {
    return this.run({ type: 'replicaFetchPause', id });
  }
  resumeReplicaFetch(id: number): Outcome<void> {
    return this.run({ type: 'replicaFetchResume', id });
  }
  stopController(id: number): Outcome<void> {
    return this.run({ type: 'controllerStop', id });
  }
  startController(id: number): Outcome<void> {
    return this.run({ type: 'controllerStart', id });
  }
  startBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerStart', id });
  }
  isolateBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerIsolate', id });
  }
  healBroker(id: number): Outcome<void> {
    return this.run({ type: 'brokerHeal', id });
  }
  addBroker(): Outcome<number> {
    // brokerAdd has no payload (Record<string, never> in CommandMap, which a `type` field cannot satisfy).
    return this.run({ type: 'brokerAdd' } as CommandOf<'brokerAdd'>, (d) => d.id);
  }
  advanceClock(ms: number): Outcome<void> {
    return this.run({ type: 'advanceClock', ms });
  }

  rollingRestart(scope: CommandOf<'productionRoll'>['scope'], trigger: string): Outcome<number[]> {
    return this.run({ type: 'productionRoll', scope, trigger }, (d) => d.order);
  }

  startMirror(
    spec: CommandOf<'mirrorStart'>['spec'],
  ): Outcome<Array<{ topic: string; remoteTopic: string }>> {
    return this.first().run({ type: 'mirrorStart', spec }, (d) => d.topics);
  }

  regionDown(alias: string): Outcome<number> {
    return this.first().run({ type: 'mirrorRegionDown', alias }, (d) => d.unmirrored);
  }

  dropNext(what: 'request' | 'response', producer: string | null, count: number): Outcome<void> {
    return this.run({ type: 'dropNext', what, count, ...(producer === null ? {} : { producer }) });
  }

  setNetworkLoss(requestRate: number | undefined, responseRate: number | undefined): Outcome<void> {
    return this.run({
      type: 'setNetworkFaults',
      ...(requestRate === undefined ? {} : { requestLossRate: requestRate }),
      ...(responseRate === undefined ? {} : { responseLossRate: responseRate }),
    });
  }

  startMonitoring(scrapeIntervalMs: number | null): Outcome<number> {
    return this.run(
      { type: 'monitoringStart', ...(scrapeIntervalMs === null ? {} : { scrapeIntervalMs }) },
      (d) => d.targets,
    );
  }
  stopMonitoring(): Outcome<void> {
    return this.run({ type: 'monitoringStop' });
  }

  reset(brokers: number, seed: number): Outcome<void> {
    // An ordinary command: the same Simulation starts over, so replaying its log reproduces the reset too.
    const r = this.run({ type: 'simReset', brokers, seed });
    return r;
  }

  // ---------------------------------------------------------------- clients

  /** Open producers and consumers that have not closed or crashed: the simulation's own client list. */
  clientNames(kind: 'producer' | 'consumer'): string[] {
    const read = this.read();
    const names =
      kind === 'producer'
        ? read.producers().map((p) => p.name)
        : read
            .consumers()
            .filter((c) => c.status === 'running' || c.status === 'fenced')
            .map((c) => c.name);
    return names.sort();
  }

  clientNameTaken(name: string): boolean {
    return this.clientNames('producer').includes(name) || this.clientNames('consumer').includes(name);
  }

  createProducer(name: string, configs: ProducerSettings): Outcome<string[]> {
    if (this.clientNames('producer').includes(name))
      return fail('ILLEGAL_STATE', `A producer named ${name} already exists in this console.`);
    const r = this.run({ type: 'producerCreate', name, configs }, (d) => d.warnings);
    return r;
  }

  /**
   * Delivery callbacks come from the simulation alone: the sends still pending when a console line starts
   * (the producers' queues, in send order) are reported once they complete, unless the line's flush printed
   * them already. Nothing about a send is kept outside the Simulation, so a replayed log reports the same.
   */
  private lineStart: Array<{ producer: string; sends: PendingSend[] }> = [];
  private readonly reported = new Set<string>();
  private lineEventSeq = 0;

  beginLine(): void {
    // A Streams application's producers are its own: the console reports only the learner's sends.
    const streams = new Set(
      this.read()
        .streamsApps()
        .flatMap((a) => a.instances.map((i) => i.producer)),
    );
    this.lineStart = this.read()
      .producers()
      .filter((p) => !streams.has(p.name))
      .map((p) => ({ producer: p.name, sends: p.pendingSends }));
    this.reported.clear();
    this.lineEventSeq = this.sim.state.nextEventSeq;
  }

  takeClientLogs(): string[] {
    const mine = new Set(this.lineStart.map((l) => l.producer));
    const since = this.lineEventSeq;
    this.lineEventSeq = this.sim.state.nextEventSeq;
    const retries = this.sim.events.filter(
      (e): e is EventOf<'batchRetrying'> =>
        e.seq >= since &&
        e.type === 'batchRetrying' &&
        (mine.has(e.producer) || this.isConsoleClient(e.producer)),
    );
    return senderRetryWarnings(retries, this.read());
  }

  /** Producers the line itself created (kafka-console-producer.sh's `console-producer`) are the console's too. */
  private isConsoleClient(name: string): boolean {
    return name.startsWith('console-producer');
  }

  private delivery(name: string, recordId: number, topic: string, partition: number): SendResult {
    const d = this.read().delivery(name, recordId);
    if (d.status === 'acked')
      return { kind: 'acked', topic: d.topic, partition: d.partition, offset: d.offset };
    if (d.status === 'failed') return { kind: 'failed', error: d.error };
    return { kind: 'pending', topic, partition };
  }

  send(name: string, req: SendRequest): Outcome<SendResult> {
    const cmd: CommandOf<'producerSend'> = {
      type: 'producerSend',
      producer: name,
      topic: req.topic,
      key: req.key,
      value: req.value,
      headers: req.headers,
    };
    if (req.partition !== null) cmd.partition = req.partition;
    if (req.timestamp !== undefined) cmd.timestamp = req.timestamp;
    const r = this.dispatch(cmd);
    if (!r.ok) return { ok: false, error: r.error };
    const { recordId, topic, partition } = r.data;
    return ok(this.delivery(name, recordId, topic, partition));
  }

  flush(name: string): Outcome<SendResult[]> {
    const sends = this.read().producer(name)?.pendingSends ?? [];
    const r = this.dispatch({ type: 'producerFlush', producer: name });
    if (!r.ok) return { ok: false, error: r.error };
    const results = sends.map((x) => this.delivery(name, x.recordId, x.topic, x.partition));
    sends.forEach((x, i) => {
      if (results[i].kind !== 'pending') this.reported.add(`${name}\u0000${x.recordId}`);
    });
    return ok(results);
  }

  takeDeliveries(): Array<{ producer: string; result: SendResult }> {
    const out: Array<{ producer: string; result: SendResult }> = [];
    for (const { producer, sends } of this.lineStart) {
      for (const x of sends) {
        const key = `${producer}\u0000${x.recordId}`;
        if (this.reported.has(key)) continue;
        const result = this.delivery(producer, x.recordId, x.topic, x.partition);
        if (result.kind === 'pending') continue;
        this.reported.add(key);
        out.push({ producer, result });
      }
    }
    return out;
  }

  beginTransaction(name: string): Outcome<void> {
    return this.run({ type: 'producerBeginTransaction', producer: name });
  }
  commitTransaction(name: string): Outcome<void> {
    return this.run({ type: 'producerCommitTransaction', producer: name });
  }
  sendOffsetsToTransaction(
    producer: string,
    consumer: string,
  ): Outcome<{ groupId: string; offsets: Array<{ topic: string; partition: number; offset: number }> }> {
    // The application passes consumer.position() per assigned partition and consumer.groupMetadata().
    const client = this.read().consumer(consumer);
    if (client?.status !== 'running')
      return fail('ILLEGAL_STATE', `There is no running consumer named ${consumer} in this console.`);
    const offsets = client.assignment
      .map((tp) => ({
        topic: tp.topic,
        partition: tp.partition,
        offset: client.positions[`${tp.topic}-${tp.partition}`],
      }))
      .filter((o): o is { topic: string; partition: number; offset: number } => o.offset !== undefined);
    const groupId = client.groupId;
    return this.run({ type: 'producerSendOffsetsToTransaction', producer, groupId, offsets }, () => ({
      groupId,
      offsets,
    }));
  }
  abortTransaction(name: string): Outcome<void> {
    return this.run({ type: 'producerAbortTransaction', producer: name });
  }
  closeProducer(name: string): Outcome<void> {
    const r = this.run({ type: 'producerClose', producer: name });
    return r;
  }

  crashProducer(name: string): Outcome<void> {
    // Unsent records die with the process; what was in flight is never reported (the callback died too).
    const r = this.run({ type: 'producerCrash', producer: name });
    if (r.ok) this.lineStart = this.lineStart.filter((x) => x.producer !== name);
    return r;
  }

  createConsumer(name: string, s: ConsumerSettings): Outcome<void> {
    if (this.clientNames('consumer').includes(name))
      return fail('ILLEGAL_STATE', `A consumer named ${name} already exists in this console.`);
    const r = this.run({
      type: 'consumerCreate',
      name,
      config: {
        groupId: s.groupId,
        topics: s.topics,
        strategies: [s.assignor],
        enableAutoCommit: s.autoCommit,
        isolationLevel: s.isolationLevel,
        autoOffsetReset: s.offsetReset,
        groupInstanceId: s.instanceId,
        ...(s.metadataMaxAgeMs === undefined ? {} : { metadataMaxAgeMs: s.metadataMaxAgeMs }),
        // The console names clients: client.id = NAME (the consumer area may fall back to consumer-<group>-<n>).
        clientId: s.clientId ?? name,
      },
    });
    return r;
  }

  poll(name: string, max: number): Outcome<RecordView[]> {
    const r = this.dispatch({ type: 'consumerPoll', name, maxRecords: max });
    if (!r.ok) return { ok: false, error: r.error };
    const records = r.data.records.map((x) => ({
      ...x,
      timestamp: 0,
      timestampType: 'CreateTime' as const,
      headers: [] as Array<[string, string]>,
      kind: x.value === null ? ('tombstone' as const) : ('data' as const),
      transactional: false,
    }));
    return ok(records);
  }
  processConsumer(name: string, count: number | null): Outcome<OffsetList> {
    const r = this.dispatch({ type: 'consumerProcess', name, ...(count === null ? {} : { count }) });
    if (!r.ok) return { ok: false, error: r.error };
    return ok(offsetList(r.data.records));
  }
  commitConsumer(name: string, offsets?: OffsetList): Outcome<OffsetList> {
    const r = this.dispatch({ type: 'consumerCommit', name, ...(offsets ? { offsets } : {}) });
    if (!r.ok) return { ok: false, error: r.error };
    return ok(offsetList(r.data.offsets));
  }
  seekConsumer(name: string, to: CommandOf<'consumerSeek'>['to']): Outcome<OffsetList> {
    const r = this.dispatch({ type: 'consumerSeek', name, to });
    if (!r.ok) return { ok: false, error: r.error };
    return ok(offsetList(r.data.positions));
  }
  closeConsumer(name: string): Outcome<void> {
    const r = this.run({ type: 'consumerClose', name });
    return r;
  }
  crashConsumer(name: string): Outcome<void> {
    const r = this.run({ type: 'consumerCrash', name });
    return r;
  }

  // ---------------------------------------------------------------- security

  configureSecurity(file: string): Outcome<void> {
    return this.run({ type: 'securityConfigure', file });
  }

  writePkiStore(cmd: Omit<CommandOf<'securityPkiStore'>, 'type'>): Outcome<void> {
    return this.run({ type: 'securityPkiStore', ...cmd });
  }

  bindClientSecurity(client: string, kind: 'producer' | 'consumer', commandConfig: string): Outcome<void> {
    return this.run({ type: 'securityBindClient', client, kind, commandConfig });
  }

  securityRequest(req: SecurityRequestCommand): Outcome<SecurityRequestOutcome> {
    return this.run({ type: 'securityRequest', ...req }, (d) => d);
  }

  securityFetchBytes(
    req: Omit<CommandOf<'securityFetchBytes'>, 'type'>,
  ): Outcome<{ throttleTimeMs: number; returnsData: boolean }> {
    return this.run({ type: 'securityFetchBytes', ...req }, (d) => d);
  }

  runAcls(cmd: SecurityToolCommand): Outcome<SecurityToolOutput> {
    return this.run({ type: 'securityAcls', ...cmd }, (d) => d);
  }

  runUserClientConfigs(cmd: SecurityToolCommand): Outcome<SecurityToolOutput | null> {
    const { args, commandConfig, bootstrapServer } = cmd;
    return this.run({ type: 'securityConfigs', args, commandConfig, bootstrapServer }, (d) => d);
  }

  rabbitmq<K extends RabbitCommandType>(cmd: CommandOf<K>): CommandResult<K> {
    return this.dispatch(cmd as Command) as CommandResult<K>;
  }

  shareGroups<K extends ShareGroupCommandType>(cmd: CommandOf<K>): CommandResult<K> {
    return this.dispatch(cmd as Command) as CommandResult<K>;
  }

  connect<C extends ConnectCommand>(cmd: C): Outcome<ConnectData<C>> {
    return this.run(cmd, (d) => d as ConnectData<C>);
  }

  // ---------------------------------------------------------------- Kafka Streams

  streamsCreate(app: string, dsl: string, configs: Record<string, string>) {
    return this.run({ type: 'streamsAppCreate', app, dsl, configs }, (d) => d);
  }
  streamsInstance(action: 'start' | 'stop' | 'crash', app: string, instance: string): Outcome<void> {
    const type =
      action === 'start'
        ? 'streamsInstanceStart'
        : action === 'stop'
          ? 'streamsInstanceStop'
          : 'streamsInstanceCrash';
    return this.run({ type, app, instance });
  }
  streamsReset(opts: {
    app: string;
    inputTopics: string[];
    toEarliest: boolean;
    dryRun: boolean;
    force: boolean;
    deleteOnly?: string[];
  }) {
    return this.run({ type: 'streamsAppReset', ...opts }, (d) => d);
  }

  // ---------------------------------------------------------------- Schema Registry

  schemaRegistryRequest(req: SchemaRegistryHttpRequest): Outcome<{ status: number; body: string }> {
    return this.run(
      {
        type: 'schemaRegistryRequest',
        method: req.method,
        path: req.path,
        query: { ...req.query },
        headers: { ...req.headers },
        ...(req.body === null ? {} : { body: req.body }),
      },
      (d) => ({ status: d.status, body: d.body }),
    );
  }
  schemaRegistrySerializeLine(
    args: schemaRegistry.SchemaToolArgs,
    line: string,
  ): Outcome<schemaRegistry.SchemaRegistrySerialized> {
    return this.run({ type: 'schemaRegistrySerializeLine', args, line }, (d) => d);
  }
  schemaRegistryControl(
    verb: 'stop' | 'start' | 'restart',
  ): Outcome<{ records: number; subjects: number } | Record<string, never>> {
    if (verb === 'stop') return this.run({ type: 'schemaRegistryStop' }, (d) => d);
    if (verb === 'start') return this.run({ type: 'schemaRegistryStart' }, (d) => d);
    return this.run({ type: 'schemaRegistryRestart' }, (d) => d);
  }
}

type OffsetList = Array<{ topic: string; partition: number; offset: number }>;

function offsetList(xs: OffsetList | undefined): OffsetList {
  return (xs ?? []).map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset }));
}
