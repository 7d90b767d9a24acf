// The Streams area's commands: define an application, start / stop / crash instances, reset it.
import { storeOffsets } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../../engine/registry';
import { formatDslError } from '../dsl/dslParser';
import { streamsClientNames } from '../tasks/partitions';
import { decorateTopic } from '../topology/naming';
import { setAppState } from './appState';
import { buildOnce } from './appTopology';
import { invoke } from './invoke';
import { commitInstance } from './processing';
import { plan, rebalance } from './rebalance';
import type { ProcessingGuarantee, StreamsApp, StreamsConfigs } from './types';

/** consumer session.timeout.ms default (ConsumerConfig; Streams does not override it). */
export const SESSION_TIMEOUT_MS = 45_000;

const KNOWN_CONFIGS = ['processing.guarantee', 'commit.interval.ms', 'statestore.cache.max.bytes'];

function parseConfigs(
  configs: StreamsConfigs,
):
  | { ok: true; guarantee: ProcessingGuarantee; commitIntervalMs: number; cacheMaxBytes: number }
  | { ok: false; message: string } {
  for (const k of Object.keys(configs))
    if (!KNOWN_CONFIGS.includes(k))
      return {
        ok: false,
        message: `The simulated Streams runtime does not model '${k}' (it models ${KNOWN_CONFIGS.join(', ')})`,
      };
  const g = configs['processing.guarantee'] ?? 'at_least_once';
  if (g !== 'at_least_once' && g !== 'exactly_once_v2')
    return {
      ok: false,
      message: `Invalid value ${g} for configuration processing.guarantee: String must be one of: at_least_once, exactly_once_v2`,
    };
  const num = (name: string, dflt: number) => {
    const v = configs[name];
    if (v === undefined) return dflt;
    return /^\d+$/.test(v) ? Number(v) : Number.NaN;
  };
  // commit.interval.ms: 30000, or 100 under exactly_once_v2 (StreamsConfig EOS_DEFAULT_COMMIT_INTERVAL_MS).
  const commitIntervalMs = num('commit.interval.ms', g === 'exactly_once_v2' ? 100 : 30_000);
  if (Number.isNaN(commitIntervalMs))
    return {
      ok: false,
      message: `Invalid value ${configs['commit.interval.ms']} for configuration commit.interval.ms: Not a number of type LONG`,
    };
  const cacheMaxBytes = num('statestore.cache.max.bytes', 0);
  if (Number.isNaN(cacheMaxBytes))
    return {
      ok: false,
      message: `Invalid value ${configs['statestore.cache.max.bytes']} for configuration statestore.cache.max.bytes: Not a number of type LONG`,
    };
  return { ok: true, guarantee: g, commitIntervalMs, cacheMaxBytes };
}

function appOf(ctx: Ctx, id: string): StreamsApp | undefined {
  return ctx.state.areas.streams.apps[id];
}

const noApp = (id: string) => fail('INVALID_REQUEST', `No Kafka Streams application '${id}' is defined.`);

export const streamsCommands = {
  streamsAppCreate: (ctx, cmd) => {
    if (!/^[a-zA-Z0-9._-]+$/.test(cmd.app))
      return fail(
        'CONFIG_EXCEPTION',
        `Invalid application.id "${cmd.app}": use ASCII alphanumerics, '.', '_' and '-' (it prefixes topic names)`,
      );
    if (appOf(ctx, cmd.app))
      return fail('INVALID_REQUEST', `A Kafka Streams application '${cmd.app}' is already defined.`);
    const built = buildOnce(cmd.dsl);
    if (!built.ok) return fail('INVALID_REQUEST', formatDslError(cmd.dsl, built.error));
    if (built.topology.globalStores.length > 0)
      return fail(
        'INVALID_REQUEST',
        'globalTable is not supported by the simulated Streams runtime (the pure topology supports it).',
      );
    if (built.topology.subtopologies.length === 0)
      return fail(
        'INVALID_REQUEST',
        'Invalid topology: the topology has no source (a program needs a stream or table)',
      );
    const parsed = parseConfigs(cmd.configs ?? {});
    if (!parsed.ok) return fail('CONFIG_EXCEPTION', parsed.message);
    ctx.state.areas.streams.apps[cmd.app] = {
      applicationId: cmd.app,
      dsl: cmd.dsl,
      guarantee: parsed.guarantee,
      commitIntervalMs: parsed.commitIntervalMs,
      cacheMaxBytes: parsed.cacheMaxBytes,
      state: 'CREATED',
      error: null,
      instances: {},
      tasks: {},
      partitions: {},
      generation: 0,
      sent: {},
      crashes: 0,
    };
    const internal = Object.values(built.topology.internalTopics).map((i) => decorateTopic(cmd.app, i.name));
    ctx.emit(
      'streamsAppCreated',
      `Kafka Streams application ${cmd.app} defined: ${built.topology.subtopologies.length} sub-topologies, processing.guarantee=${parsed.guarantee}, commit.interval.ms=${parsed.commitIntervalMs}; its consumer group id is ${cmd.app}`,
      { app: cmd.app },
    );
    return ok({ subtopologies: built.topology.subtopologies.length, internalTopics: internal });
  },

  streamsInstanceStart: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    if (!app) return noApp(cmd.app);
    if (!/^[a-zA-Z0-9._-]+$/.test(cmd.instance))
      return fail('CONFIG_EXCEPTION', `Invalid instance name "${cmd.instance}"`);
    if (app.instances[cmd.instance]?.status === 'RUNNING')
      return fail(
        'ILLEGAL_STATE',
        `Stream-client ${cmd.instance}: Unexpected state transition from RUNNING to RUNNING`,
      );
    const planned = plan(ctx, app, 'StreamThread-1-consumer');
    if (!planned.ok) return fail(planned.exception, planned.error);
    const processId = ctx.uuid();
    const clientId = streamsClientNames.clientId(app.applicationId, processId);
    const thread = streamsClientNames.threadName(clientId, 1);
    const producer = streamsClientNames.producer(thread);
    const eos = app.guarantee === 'exactly_once_v2';
    const transactionalId = eos ? streamsClientNames.transactionalId(app.applicationId, processId, 1) : null;
    // Streams' producer overrides (StreamsConfig PRODUCER_DEFAULT_OVERRIDES / PRODUCER_EOS_OVERRIDES).
    const configs: Record<string, string> = { 'linger.ms': '100' };
    if (transactionalId) {
      configs['transactional.id'] = transactionalId;
      configs['transaction.timeout.ms'] = '10000';
    }
    const created = invoke(ctx, { type: 'producerCreate', name: producer, configs });
    // With a transactional.id the producer area runs initTransactions() on creation, as KafkaStreams does.
    if (!created.ok) return created;
    // A restarted instance is a new process: the old member is replaced at once (simplified).
    app.instances[cmd.instance] = {
      name: cmd.instance,
      processId,
      status: 'RUNNING',
      thread,
      producer,
      transactionalId,
      epoch: 0,
      pollScheduled: false,
      commitScheduledAt: null,
      inTransaction: false,
      lastCommit: ctx.now,
    };
    ctx.emit(
      'streamsInstanceStarted',
      `${app.applicationId}: instance ${cmd.instance} started (process id ${processId}, thread ${thread}); it joins group ${app.applicationId}${transactionalId ? ` with transactional.id ${transactionalId}` : ''}`,
      { app: app.applicationId, instance: cmd.instance, processId },
    );
    if (app.state === 'CREATED' || app.state === 'NOT_RUNNING' || app.state === 'ERROR')
      setAppState(ctx, app, 'REBALANCING', `instance ${cmd.instance} started`);
    rebalance(ctx, app, `instance ${cmd.instance} joined the group`);
    return okVoid();
  },

  streamsInstanceStop: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    if (!app) return noApp(cmd.app);
    const inst = app.instances[cmd.instance];
    if (inst?.status !== 'RUNNING')
      return fail('ILLEGAL_STATE', `Instance ${cmd.instance} of ${cmd.app} is not running.`);
    if (app.state !== 'ERROR') commitInstance(ctx, app, inst, 'KafkaStreams#close() commits before it stops');
    invoke(ctx, { type: 'producerClose', producer: inst.producer });
    inst.status = 'STOPPED';
    inst.epoch += 1;
    for (const task of Object.values(app.tasks)) if (task.owner === inst.name) task.state = null;
    ctx.emit(
      'streamsInstanceStopped',
      `${app.applicationId}: instance ${cmd.instance} closed after committing; KafkaStreams#close() does not send LeaveGroup (internal.leave.group.on.close=false), so its tasks wait session.timeout.ms=${SESSION_TIMEOUT_MS} for the group to move them`,
      { app: app.applicationId, instance: cmd.instance, crashed: false },
    );
    ctx.schedule(SESSION_TIMEOUT_MS, {
      type: 'streamsSessionTimeout',
      app: app.applicationId,
      instance: inst.name,
      processId: inst.processId,
    });
    return okVoid();
  },

  streamsInstanceCrash: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    if (!app) return noApp(cmd.app);
    const inst = app.instances[cmd.instance];
    if (inst?.status !== 'RUNNING')
      return fail('ILLEGAL_STATE', `Instance ${cmd.instance} of ${cmd.app} is not running.`);
    invoke(ctx, { type: 'producerCrash', producer: inst.producer });
    inst.status = 'CRASHED';
    app.crashes += 1;
    inst.epoch += 1;
    inst.inTransaction = false;
    for (const task of Object.values(app.tasks)) if (task.owner === inst.name) task.state = null;
    ctx.emit(
      'streamsInstanceStopped',
      `${app.applicationId}: instance ${cmd.instance} crashed without committing; what it processed since its last commit will be processed again by the next owner${app.guarantee === 'exactly_once_v2' ? ' (its open transaction is aborted, so read_committed readers never see those outputs)' : ' (at_least_once: outputs already sent will appear twice)'}`,
      { app: app.applicationId, instance: cmd.instance, crashed: true },
    );
    ctx.schedule(SESSION_TIMEOUT_MS, {
      type: 'streamsSessionTimeout',
      app: app.applicationId,
      instance: inst.name,
      processId: inst.processId,
    });
    return okVoid();
  },

  streamsAppReset: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    const members = app ? Object.values(app.instances) : [];
    if (members.length > 0 && !cmd.force) {
      const list = members
        .map((m) => `(memberId=${m.thread}-consumer, clientId=${m.thread}-consumer)`)
        .join(', ');
      return fail(
        'ILLEGAL_STATE',
        `Consumer group '${cmd.app}' is still active and has following members: [${list}]. Make sure to stop all running application instances before running the reset tool. You can use option '--force' to remove active members from the group.`,
      );
    }
    const inputs = cmd.inputTopics ?? [];
    for (const t of inputs)
      if (!ctx.state.topics[t]) return fail('UNKNOWN_TOPIC_OR_PARTITION', `Topic: ${t}`);
    // StreamsResetter#matchesInternalTopicFormat: internal topics are inferred from the topic list.
    const deleted = Object.keys(ctx.state.topics).filter(
      (t) =>
        t.startsWith(`${cmd.app}-`) &&
        (t.endsWith('-changelog') || t.endsWith('-repartition')) &&
        (cmd.deleteOnly === undefined || cmd.deleteOnly.includes(t)),
    );
    const offsets = inputs.flatMap((topic) =>
      ctx.state.topics[topic].partitions.map((p) => {
        const log = p.leader !== null ? p.replicaLogs[p.leader]?.log : undefined;
        const offset = cmd.toEarliest === false ? (log?.logEndOffset ?? 0) : (log?.logStartOffset ?? 0);
        return { topic, partition: p.partition, offset };
      }),
    );
    if (cmd.dryRun) return ok({ deletedTopics: deleted, offsets });
    if (app && members.length > 0) {
      // --force: AdminClient#removeMembersFromConsumerGroup.
      app.instances = {};
      for (const task of Object.values(app.tasks)) task.owner = null;
      setAppState(ctx, app, 'NOT_RUNNING', 'members removed by the reset tool (--force)');
    }
    storeOffsets(ctx, cmd.app, offsets, null, 'admin', 'kafka-streams-application-reset');
    for (const t of deleted) {
      const r = invoke(ctx, { type: 'deleteTopic', topic: t });
      if (!r.ok) return r;
      const rec = ctx.state.areas.consumers.groups[cmd.app];
      if (rec)
        for (const k of Object.keys(rec.offsets))
          if (k.startsWith(`${t}-`) && /^\d+$/.test(k.slice(t.length + 1))) delete rec.offsets[k];
    }
    if (app) {
      // The tool leaves local state alone (KafkaStreams#cleanUp() wipes it); the simulation drops it here.
      app.tasks = {};
      app.sent = {};
    }
    ctx.emit(
      'streamsAppReset',
      `${cmd.app} reset: ${inputs.length ? `input offsets of ${inputs.join(', ')} moved to ${cmd.toEarliest === false ? 'the end' : 'the beginning'}; ` : ''}deleted internal topics [${deleted.join(', ')}]${app ? '; local state dropped (KafkaStreams#cleanUp)' : ''}`,
      { app: cmd.app, deletedTopics: deleted },
    );
    return ok({ deletedTopics: deleted, offsets });
  },

  streamsAppDelete: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    if (!app) return noApp(cmd.app);
    if (Object.values(app.instances).some((i) => i.status === 'RUNNING'))
      return fail('ILLEGAL_STATE', `Stop the instances of ${cmd.app} first.`);
    delete ctx.state.areas.streams.apps[cmd.app];
    ctx.emit(
      'streamsAppDeleted',
      `Kafka Streams application ${cmd.app} forgotten (its topics and offsets stay)`,
      { app: cmd.app },
    );
    return okVoid();
  },
} satisfies CommandHandlers;
