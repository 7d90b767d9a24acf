// The security path of a Kafka Streams instance's own clients (`streams start APP --command-config FILE`:
// the file holds the security settings of the application's Properties, which Streams hands to its main
// consumer, restore consumer, producer and admin client alike). The Streams docs' "Required ACL setting
// for secure Kafka clusters": the principal needs READ on the source topics, WRITE on the sinks, READ on the
// group application.id, CREATE (or existing topics) and READ/WRITE on the internal topics, and under
// exactly_once_v2 WRITE on each thread's transactional.id (application.id-processId-threadIdx).
//
// Two phases, in the order a StreamThread sends them. Before the instance joins: the main consumer's
// subscription metadata (DESCRIBE on each source topic, repartition topics included), the group join
// (FindCoordinator, JoinGroup: READ on the group), the leader's InternalTopicManager#makeReady (DESCRIBE,
// then CreateTopics for the missing internal topics) and SyncGroup; a refusal there means the instance never
// joins. After it joined (the simulated runtime has created its producers, so the transactional ids are
// known): the producer's InitProducerId, the committed offsets (OffsetFetch), the fetch of the sources, the
// restore consumer's changelog reads and the sends (WRITE); a refusal there closes the instance (the
// default uncaught exception handler's SHUTDOWN_CLIENT: the members leave the group).
//
// Simplified: the checks run once when the instance starts, not per record (Kafka fails a missing WRITE
// at the first record sent, with the same message); the bytes the running application reads and writes
// are not charged to client quotas. A never-started instance has no process id yet (Kafka: a random UUID
// from StateDirectory#initializeProcessId), so its refusal before joining names its client by instance.
import type { StreamsAppView } from '../../simulator';
import type { ToolContext } from '../tool';
import { gated, passGate } from './securityGate';

type Request = Parameters<typeof passGate>[3][number];

export type StreamsTopics = {
  /** Topics the main consumer subscribes to (user sources and repartition topics). */
  sources: string[];
  /** Topics its producers write to (sinks, repartition and changelog topics). */
  writes: string[];
  changelogs: string[];
  /** Internal topics that do not exist yet (InternalTopicManager creates them). */
  missingInternal: string[];
  internal: string[];
};

export function streamsTopics(app: StreamsAppView): StreamsTopics {
  const sources = new Set<string>();
  const writes = new Set<string>();
  for (const sub of app.subtopologies)
    for (const n of sub.nodes) {
      if (n.kind === 'source') for (const t of n.topics) sources.add(t);
      if (n.kind === 'sink') for (const t of n.topics) writes.add(t);
    }
  const changelogs = app.internalTopics.filter((t) => t.kind === 'changelog').map((t) => t.name);
  for (const c of changelogs) writes.add(c);
  return {
    sources: [...sources],
    writes: [...writes],
    changelogs,
    internal: app.internalTopics.map((t) => t.name),
    missingInternal: app.internalTopics.filter((t) => t.partitions === null).map((t) => t.name),
  };
}

/** KafkaStreams#handleStreamsUncaughtException's SHUTDOWN_CLIENT line (its missing blank is Kafka's). */
const shutdownLine = (clientId: string) =>
  `ERROR stream-client [${clientId}] Encountered the following exception during processing and the registered exception handleropted to SHUTDOWN_CLIENT. The streams client is going to shut down now. (org.apache.kafka.streams.KafkaStreams)`;

/** StreamThread#runOnce wraps what the consumer throws: StreamsException(cause). */
function wrapped(clientId: string, exception: string): string[] {
  return [
    shutdownLine(clientId),
    `org.apache.kafka.streams.errors.StreamsException: ${exception}`,
    `Caused by: ${exception}`,
  ];
}

export type StreamsGateRun = {
  app: StreamsAppView;
  instance: string;
  commandConfig: string | null;
  bootstrapServer: string | null;
};

function sender(ctx: ToolContext, run: StreamsGateRun) {
  return (clientId: string, kind: 'admin' | 'consumer' | 'producer', requests: Request[]) =>
    passGate(
      ctx,
      null,
      { clientId, kind, commandConfig: run.commandConfig, bootstrapServer: run.bootstrapServer },
      requests,
    );
}

/**
 * Before the instance joins its group: the lines the instance logs when it is refused, or null when it may
 * join (also when the gate does not apply).
 */
export function streamsJoinGate(ctx: ToolContext, run: StreamsGateRun): string[] | null {
  if (!gated(ctx, run.commandConfig)) return null;
  const { app, instance } = run;
  const prev = app.instances.find((i) => i.name === instance);
  const clientId = prev ? `${app.applicationId}-${prev.processId}` : `${app.applicationId}-${instance}`;
  const thread = `${clientId}-StreamThread-1`;
  const send = sender(ctx, run);
  const topics = streamsTopics(app);
  const existing = ctx.read.topics().map((t) => t.name);
  const consumer = `${thread}-consumer`;
  const joined = send(consumer, 'consumer', [
    {
      api: 'Metadata',
      topics: topics.sources,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: existing,
    },
    { api: 'FindCoordinator', keyType: 'GROUP', key: app.applicationId },
    { api: 'JoinGroup', groupId: app.applicationId },
  ]);
  if (!joined.ok)
    return [
      `[${instance}] ${wrapped(clientId, joined.exception)[0]}`,
      ...wrapped(clientId, joined.exception).slice(1),
    ];
  // The leader's StreamsPartitionAssignor: InternalTopicManager#makeReady describes the internal topics,
  // then creates the missing ones with the admin client (CREATE on the topic or the cluster).
  if (topics.missingInternal.length > 0) {
    const described = send(`${clientId}-admin`, 'admin', [
      {
        api: 'Metadata',
        topics: topics.internal,
        allowAutoTopicCreation: false,
        autoCreateTopicsEnable: false,
        existingTopics: existing,
      },
    ]);
    if (!described.ok)
      return [
        `[${instance}] ${shutdownLine(clientId)}`,
        `org.apache.kafka.streams.errors.StreamsException: ${described.exception}`,
        `Caused by: ${described.exception}`,
      ];
    for (const topic of topics.missingInternal) {
      const created = send(`${clientId}-admin`, 'admin', [{ api: 'CreateTopics', topics: [topic] }]);
      if (!created.ok) {
        const cause = created.exception;
        return [
          `[${instance}] ERROR stream-thread [${consumer}] Unexpected error during topic creation for ${topic}.`,
          `Error message was: ${cause} (org.apache.kafka.streams.processor.internals.InternalTopicManager)`,
          `[${instance}] ${shutdownLine(clientId)}`,
          `org.apache.kafka.streams.errors.StreamsException: Could not create topic ${topic}.`,
          `Caused by: ${cause}`,
        ];
      }
    }
  }
  const synced = send(consumer, 'consumer', [{ api: 'SyncGroup', groupId: app.applicationId }]);
  if (!synced.ok)
    return [`[${instance}] ${shutdownLine(clientId)}`, ...wrapped(clientId, synced.exception).slice(1)];
  return null;
}

/**
 * After the instance joined (its producers exist): the lines it logs when its producers or its reads are
 * refused, or null when it runs.
 */
export function streamsRunGate(ctx: ToolContext, run: StreamsGateRun): string[] | null {
  if (!gated(ctx, run.commandConfig)) return null;
  const { app, instance } = run;
  const mine = app.instances.find((i) => i.name === instance);
  if (!mine) return null;
  const clientId = `${app.applicationId}-${mine.processId}`;
  const send = sender(ctx, run);
  const topics = streamsTopics(app);
  const eos = app.guarantee === 'exactly_once_v2';
  for (const th of mine.threads) {
    const log = `stream-thread [${th.name}]`;
    if (th.transactionalId !== null) {
      // StreamsProducer#initTransaction (exactly_once_v2): WRITE on the thread's transactional.id.
      const init = send(th.producer, 'producer', [
        { api: 'FindCoordinator', keyType: 'TRANSACTION', key: th.transactionalId },
        { api: 'InitProducerId', transactionalId: th.transactionalId },
      ]);
      if (!init.ok)
        return [
          `[${instance}] ${shutdownLine(clientId)}`,
          `org.apache.kafka.streams.errors.StreamsException: Error encountered trying to initialize transactions [${log}]`,
          `Caused by: ${init.exception}`,
        ];
    }
    // The main consumer: committed offsets of the group, then the fetch of its source partitions.
    const read = send(th.consumer, 'consumer', [
      { api: 'OffsetFetch', groupId: app.applicationId, topics: topics.sources },
      { api: 'Fetch', topics: topics.sources },
    ]);
    if (!read.ok)
      return [`[${instance}] ${shutdownLine(clientId)}`, ...wrapped(clientId, read.exception).slice(1)];
    if (topics.changelogs.length > 0) {
      // StoreChangelogReader: the restore consumer reads the changelogs' end offsets, then the records.
      const restore = send(`${th.name}-restore-consumer`, 'consumer', [
        { api: 'ListOffsets', topics: topics.changelogs },
        { api: 'Fetch', topics: topics.changelogs },
      ]);
      if (!restore.ok)
        return [`[${instance}] ${shutdownLine(clientId)}`, ...wrapped(clientId, restore.exception).slice(1)];
    }
    // The sends: RecordCollectorImpl treats an AuthorizationException as fatal. Without exactly-once the
    // idempotent producer's InitProducerId comes first (IDEMPOTENT_WRITE, or WRITE on any topic, KIP-679).
    const writes: Request[] = eos
      ? [
          {
            api: 'AddPartitionsToTxn',
            transactionalId: th.transactionalId ?? '',
            topics: topics.writes,
          },
        ]
      : [{ api: 'InitProducerId', transactionalId: null }];
    writes.push({
      api: 'Produce',
      topics: topics.writes,
      transactionalId: th.transactionalId,
      transactional: eos,
    });
    const sent = topics.writes.length === 0 ? null : send(th.producer, 'producer', writes);
    if (sent !== null && !sent.ok) {
      const refused =
        topics.writes.find((t) => !(sent.authorizedTopics ?? []).includes(t)) ?? topics.writes[0];
      const task = taskWriting(app, refused);
      return [
        `[${instance}] ERROR ${log} task [${task}] Error encountered sending record to topic ${refused} for task ${task} due to:`,
        sent.exception,
        'Written offsets would not be recorded and no more records would be sent since this is a fatal error. (org.apache.kafka.streams.processor.internals.RecordCollectorImpl)',
        `[${instance}] ${shutdownLine(clientId)}`,
        `org.apache.kafka.streams.errors.StreamsException: Error encountered sending record to topic ${refused} for task ${task} due to:`,
        sent.exception,
        'Written offsets would not be recorded and no more records would be sent since this is a fatal error.',
      ];
    }
  }
  return null;
}

/** The first task (subtopology_partition) of the subtopology that writes to `topic`. */
function taskWriting(app: StreamsAppView, topic: string): string {
  const sub =
    app.subtopologies.find((s) => s.nodes.some((n) => n.kind === 'sink' && n.topics.includes(topic))) ??
    app.subtopologies.find((s) => s.nodes.some((n) => n.stores.length > 0)) ??
    app.subtopologies[0];
  const mine = app.tasks.find((t) => t.subtopology === sub?.id);
  return mine?.id ?? `${sub?.id ?? 0}_0`;
}
