// The Streams area's commands: define an application, start / stop / crash instances, reset it.

import { memberUuid } from '../../consumer/client/consumerClient';
import { storeOffsets } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../../engine/registry';
import { formatDslError } from '../dsl/dslParser';
import { streamsClientNames } from '../tasks/partitions';
import { decorateTopic } from '../topology/naming';
import { setAppState } from './appState';
import { buildOnce } from './appTopology';
import { startGlobalThread } from './globalThread';
import { groupTo, SESSION_TIMEOUT_MS, syncGroupMembers } from './groupMembers';
import { invoke } from './invoke';
import { checkpointTask, closeStandby, crashLocalState } from './localState';
import { commitInstance } from './processing';
import { REPARTITION_PURGE_INTERVAL_MS } from './purge';
import { plan, requestRebalance } from './rebalance';
import type { ProcessingGuarantee, StreamsApp, StreamsConfigs, StreamThread } from './types';

export { SESSION_TIMEOUT_MS };

const KNOWN_CONFIGS = [
  'processing.guarantee',
  'commit.interval.ms',
  'statestore.cache.max.bytes',
  'num.stream.threads',
  'num.standby.replicas',
  'repartition.purge.interval.ms',
];

/** The simulated runtime runs at most this many threads per instance. */
const MAX_THREADS = 8;

type ParsedConfigs = {
  ok: true;
  guarantee: ProcessingGuarantee;
  commitIntervalMs: number;
  cacheMaxBytes: number;
  numStreamThreads: number;
  numStandbyReplicas: number;
  repartitionPurgeIntervalMs: number;
};

function parseConfigs(configs: StreamsConfigs): ParsedConfigs | { ok: false; message: string } {
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
  const int = (name: string, dflt: number, type: 'INT' | 'LONG') => {
    const v = num(name, dflt);
    return Number.isNaN(v)
      ? `Invalid value ${configs[name]} for configuration ${name}: Not a number of type ${type}`
      : v;
  };
  const threads = int('num.stream.threads', 1, 'INT');
  if (typeof threads === 'string') return { ok: false, message: threads };
  if (threads < 1 || threads > MAX_THREADS)
    return {
      ok: false,
      message: `The simulated Streams runtime runs 1 to ${MAX_THREADS} stream threads per instance (num.stream.threads=${threads})`,
    };
  const standbys = int('num.standby.replicas', 0, 'INT');
  if (typeof standbys === 'string') return { ok: false, message: standbys };
  const purge = int('repartition.purge.interval.ms', REPARTITION_PURGE_INTERVAL_MS, 'LONG');
  if (typeof purge === 'string') return { ok: false, message: purge };
  return {
    ok: true,
    guarantee: g,
    commitIntervalMs,
    cacheMaxBytes,
    numStreamThreads: threads,
    numStandbyReplicas: standbys,
    repartitionPurgeIntervalMs: purge,
  };
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
      numStreamThreads: parsed.numStreamThreads,
      numStandbyReplicas: parsed.numStandbyReplicas,
      repartitionPurgeIntervalMs: parsed.repartitionPurgeIntervalMs,
      state: 'CREATED',
      error: null,
      instances: {},
      tasks: {},
      partitions: {},
      generation: 0,
      join: null,
      sent: {},
      crashes: 0,
    };
    const internal = Object.values(built.topology.internalTopics).map((i) => decorateTopic(cmd.app, i.name));
    ctx.emit(
      'streamsAppCreated',
      `Kafka Streams application ${cmd.app} defined: ${built.topology.subtopologies.length} sub-topologies, processing.guarantee=${parsed.guarantee}, commit.interval.ms=${parsed.commitIntervalMs}, num.stream.threads=${parsed.numStreamThreads}, num.standby.replicas=${parsed.numStandbyReplicas}; its consumer group id is ${cmd.app}`,
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
    // The same machine keeps its state directory, and with it its process id (StateDirectory#initializeProcessId).
    const prev = app.instances[cmd.instance];
    const processId = prev?.processId ?? ctx.uuid();
    const clientId = streamsClientNames.clientId(app.applicationId, processId);
    // The group leader (the oldest member, else this instance's first thread) plans the topics; its error
    // names the leader's consumer (the StreamsPartitionAssignor log prefix).
    const leader =
      Object.values(app.instances).find((i) => i.inGroup && i.status === 'RUNNING')?.threads[0]?.name ??
      streamsClientNames.threadName(clientId, 1);
    const planned = plan(ctx, app, streamsClientNames.consumer(leader));
    if (!planned.ok) return fail(planned.exception, planned.error);
    const eos = app.guarantee === 'exactly_once_v2';
    const threads: StreamThread[] = [];
    for (let n = 1; n <= app.numStreamThreads; n++) {
      const name = streamsClientNames.threadName(clientId, n);
      const producer = streamsClientNames.producer(name);
      const transactionalId = eos
        ? streamsClientNames.transactionalId(app.applicationId, processId, n)
        : null;
      // Streams' producer overrides (StreamsConfig PRODUCER_DEFAULT_OVERRIDES / PRODUCER_EOS_OVERRIDES).
      const configs: Record<string, string> = { 'linger.ms': '100' };
      if (transactionalId) {
        configs['transactional.id'] = transactionalId;
        configs['transaction.timeout.ms'] = '10000';
      }
      const created = invoke(ctx, { type: 'producerCreate', name: producer, configs });
      // With a transactional.id the producer area runs initTransactions() on creation, as KafkaStreams does.
      if (!created.ok) return created;
      threads.push({
        index: n,
        name,
        memberId: `${streamsClientNames.consumer(name)}-${memberUuid(ctx)}`,
        since: ctx.now,
        producer,
        transactionalId,
        epoch: 0,
        pollScheduled: false,
        commitScheduledAt: null,
        inTransaction: false,
        committing: false,
        lastCommit: ctx.now,
        lastPurge: ctx.now,
      });
    }
    // A restarted instance is a new process: its old members are replaced at once (simplified).
    app.instances[cmd.instance] = {
      name: cmd.instance,
      processId,
      status: 'RUNNING',
      inGroup: true,
      incarnation: (prev?.incarnation ?? 0) + 1,
      threads,
      stateDir: prev?.stateDir ?? {},
      standbys: {},
      global: null,
    };
    startGlobalThread(ctx, app, app.instances[cmd.instance], clientId);
    if (prev)
      for (const t of Object.values(app.tasks))
        if (t.owner === cmd.instance) {
          t.owner = null;
          t.thread = null;
          t.state = null;
          t.restoring = [];
        }
    ctx.emit(
      'streamsInstanceStarted',
      `${app.applicationId}: instance ${cmd.instance} started (process id ${processId}${prev ? ', kept in its state directory' : ''}, ${threads.length} stream thread(s): ${threads.map((t) => t.name).join(', ')}); each thread's consumer joins group ${app.applicationId}${eos ? ` with its own transactional.id (${threads.map((t) => t.transactionalId).join(', ')})` : ''}`,
      { app: app.applicationId, instance: cmd.instance, processId },
    );
    requestRebalance(
      ctx,
      app,
      `instance ${cmd.instance} joined the group`,
      threads.map((t) => t.memberId),
    );
    return okVoid();
  },

  streamsInstanceStop: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    if (!app) return noApp(cmd.app);
    const inst = app.instances[cmd.instance];
    if (inst?.status !== 'RUNNING')
      return fail('ILLEGAL_STATE', `Instance ${cmd.instance} of ${cmd.app} is not running.`);
    if (app.state !== 'ERROR') commitInstance(ctx, app, inst, 'KafkaStreams#close() commits before it stops');
    // A clean close writes every task's .checkpoint (StreamTask#closeClean), standbys' too.
    for (const task of Object.values(app.tasks))
      if (task.owner === inst.name && task.status === 'RUNNING') checkpointTask(ctx, app, inst, task);
    for (const id of Object.keys(inst.standbys)) closeStandby(ctx, inst, id);
    for (const th of inst.threads) {
      invoke(ctx, { type: 'producerClose', producer: th.producer });
      th.epoch += 1;
    }
    inst.status = 'STOPPED';
    for (const task of Object.values(app.tasks)) if (task.owner === inst.name) task.state = null;
    syncGroupMembers(ctx, app);
    ctx.emit(
      'streamsInstanceStopped',
      `${app.applicationId}: instance ${cmd.instance} closed after committing; KafkaStreams#close() does not send LeaveGroup (internal.leave.group.on.close=false), so its tasks wait session.timeout.ms=${SESSION_TIMEOUT_MS} for the group to move them`,
      { app: app.applicationId, instance: cmd.instance, crashed: false },
    );
    ctx.schedule(SESSION_TIMEOUT_MS, {
      type: 'streamsSessionTimeout',
      app: app.applicationId,
      instance: inst.name,
      incarnation: inst.incarnation,
    });
    return okVoid();
  },

  streamsInstanceCrash: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    if (!app) return noApp(cmd.app);
    const inst = app.instances[cmd.instance];
    if (inst?.status !== 'RUNNING')
      return fail('ILLEGAL_STATE', `Instance ${cmd.instance} of ${cmd.app} is not running.`);
    for (const th of inst.threads) {
      invoke(ctx, { type: 'producerCrash', producer: th.producer });
      th.epoch += 1;
      th.inTransaction = false;
    }
    inst.status = 'CRASHED';
    app.crashes += 1;
    crashLocalState(app, inst);
    for (const task of Object.values(app.tasks)) if (task.owner === inst.name) task.state = null;
    syncGroupMembers(ctx, app);
    ctx.emit(
      'streamsInstanceStopped',
      `${app.applicationId}: instance ${cmd.instance} crashed without committing; what it processed since its last commit will be processed again by the next owner${app.guarantee === 'exactly_once_v2' ? ' (its open transaction is aborted, so read_committed readers never see those outputs)' : ' (at_least_once: outputs already sent will appear twice)'}`,
      { app: app.applicationId, instance: cmd.instance, crashed: true },
    );
    ctx.schedule(SESSION_TIMEOUT_MS, {
      type: 'streamsSessionTimeout',
      app: app.applicationId,
      instance: inst.name,
      incarnation: inst.incarnation,
    });
    return okVoid();
  },

  streamsAppReset: (ctx, cmd) => {
    const app = appOf(ctx, cmd.app);
    const members = app ? Object.values(app.instances).filter((i) => i.inGroup) : [];
    if (members.length > 0 && !cmd.force) {
      const list = members
        .flatMap((m) => m.threads)
        .map((th) => `(memberId=${th.memberId}, clientId=${th.name}-consumer)`)
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
        matchesInternalTopicFormat(t) &&
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
      for (const i of members) {
        i.inGroup = false;
        if (i.status === 'RUNNING') {
          i.status = 'STOPPED';
          for (const th of i.threads) th.epoch += 1;
        }
      }
      for (const task of Object.values(app.tasks)) {
        task.owner = null;
        task.thread = null;
      }
      app.join = null;
      syncGroupMembers(ctx, app);
      groupTo(ctx, app, 'Empty', 'members removed by the reset tool (--force)');
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
      for (const i of Object.values(app.instances)) {
        i.stateDir = {};
        i.standbys = {};
      }
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

/** StreamsResetter#matchesInternalTopicFormat, including the foreign-key join's two topics (named or generated). */
export function matchesInternalTopicFormat(topic: string): boolean {
  return (
    topic.endsWith('-changelog') ||
    topic.endsWith('-repartition') ||
    topic.endsWith('-subscription-registration-topic') ||
    topic.endsWith('-subscription-response-topic') ||
    /.+-KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-\d+-topic$/.test(topic) ||
    /.+-KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-\d+-topic$/.test(topic)
  );
}
