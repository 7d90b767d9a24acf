// MirrorMaker 2's connectors on the virtual clock, for one flow of the simulation's single cluster (see
// types.ts for what that simplifies): MirrorSourceTask copies records below the source's high watermark into
// the remote topic and writes offset syncs (OffsetSyncWriter), MirrorCheckpointTask translates the groups'
// committed offsets (OffsetSyncStore#translateDownstream) every emit.checkpoints.interval.seconds.
import { consumerCommands } from '../consumer/commands';
import type { Ctx } from '../engine/context';
import {
  type CommandHandlers,
  fail,
  type Guard,
  guard,
  type Hook,
  ok,
  on,
  type TaskHandlers,
} from '../engine/registry';
import { appendAsCoordinator, createTopicInternal, highWatermark, tpKey } from '../extend';
import { readRecords } from '../log';
import { filterMatches } from './mm2Config';
import {
  applySync,
  emptySyncStore,
  initialPartitionSyncState,
  markReadToEnd,
  shouldSyncOffsets,
  translateDownstream,
} from './offsetSyncs';
import { defaultReplicationPolicy } from './replicationPolicy';
import type { MirrorFlow, MirrorPartition } from './types';

/** The source task's poll after the source's high watermark moved (the simulation's figure). */
export const MIRROR_POLL_MS = 500;
/** emit.checkpoints.interval.seconds = 60 (MirrorCheckpointConfig). */
export const CHECKPOINT_INTERVAL_MS = 60_000;
const MAX_POLL_RECORDS = 500;

/** Topic configs MM2's DefaultConfigPropertyFilter never copies to the remote topic. */
const CONFIGS_NOT_SYNCED = new Set([
  'follower.replication.throttled.replicas',
  'leader.replication.throttled.replicas',
  'message.timestamp.difference.max.ms',
  'message.timestamp.type',
  'unclean.leader.election.enable',
  'min.insync.replicas',
]);

/** Which topics a flow replicates: the filter's, minus MM2's own and the flow's remote topics (no cycles). */
function mirroredTopics(
  ctx: Ctx,
  flow: { source: string; topics: string; topicsExclude: string; separator: string },
) {
  const policy = defaultReplicationPolicy(flow.separator);
  return (
    Object.values(ctx.state.topics)
      .filter((t) => !t.internal && filterMatches(t.name, flow.topics, flow.topicsExclude))
      .filter((t) => !policy.isMM2InternalTopic(t.name) && t.name !== policy.heartbeatsTopic())
      // In the single cluster, a topic already named after the source alias is this flow's own output.
      .filter((t) => policy.topicSource(t.name) !== flow.source)
      .map((t) => t.name)
  );
}

const regionOf = (ctx: Ctx, topic: string): string | null => {
  for (const f of Object.values(ctx.state.areas.mirror.flows))
    if (Object.values(f.partitions).some((p) => p.topic === topic)) return f.source;
  return null;
};

const regionDownError = (ctx: Ctx, topics: readonly string[]) => {
  const down = ctx.state.areas.mirror.downRegions;
  if (down.length === 0) return null; // the common case: costs nothing on every send
  for (const t of topics) {
    const region = regionOf(ctx, t);
    if (region && down.includes(region))
      return {
        code: 'TIMEOUT_EXCEPTION',
        message: `Topic ${t} not present in metadata after 60000 ms. (region ${region} is down: no broker of its cluster answers)`,
      };
  }
  return null;
};

export const mirrorCommands = {
  mirrorStart: (ctx, cmd) => {
    const spec = cmd.spec;
    const name = `${spec.source}->${spec.target}`;
    const area = ctx.state.areas.mirror;
    if (area.flows[name]) return fail('INVALID_REQUEST', `MirrorMaker 2 already runs the flow ${name}.`);
    if (Object.keys(area.flows).length > 0)
      return fail('INVALID_REQUEST', 'The simulation runs one cluster, so it mirrors one flow at a time.');
    if (area.downRegions.includes(spec.source))
      return fail(
        'TIMEOUT_EXCEPTION',
        `Timed out waiting for a node assignment (region ${spec.source} is down).`,
      );
    if (spec.policy === 'identity')
      return fail(
        'CONFIG_EXCEPTION',
        "IdentityReplicationPolicy keeps topic names, so in the simulation's single cluster the copy would be the topic itself; use DefaultReplicationPolicy (remote topics named <source>.<topic>).",
      );
    const policy = defaultReplicationPolicy(spec.separator);
    const topics = mirroredTopics(ctx, spec);
    if (topics.length === 0)
      return fail(
        'INVALID_REQUEST',
        `No topic matches topics = ${spec.topics} (topics.exclude = ${spec.topicsExclude}).`,
      );
    const brokers = Object.keys(ctx.state.brokers).length;
    if (spec.replicationFactor > brokers)
      return fail(
        'INVALID_REPLICATION_FACTOR',
        `Unable to replicate the partition ${spec.replicationFactor} time(s): The target replication factor of ${spec.replicationFactor} cannot be reached because only ${brokers} broker(s) are registered.`,
      );
    const flow: MirrorFlow = {
      name,
      source: spec.source,
      target: spec.target,
      topicsPattern: spec.topics,
      groups: spec.groups,
      groupsExclude: spec.groupsExclude,
      offsetLagMax: spec.offsetLagMax,
      status: 'running',
      startedAt: ctx.now,
      partitions: {},
      checkpoints: {},
      nextSyncId: 1,
      pollScheduled: false,
      offsetSyncsTopic: policy.offsetSyncsTopic(spec.target),
      checkpointsTopic: policy.checkpointsTopic(spec.source),
    };
    // Internal topics: replication factor 3 by default (offset-syncs/checkpoints.topic.replication.factor),
    // capped at the brokers the simulation has.
    const internalRf = Math.min(3, brokers);
    const created: Array<{ topic: string; remoteTopic: string }> = [];
    for (const internal of [flow.offsetSyncsTopic, flow.checkpointsTopic])
      if (!ctx.state.topics[internal]) {
        const r = createTopicInternal(ctx, { topic: internal, partitions: 1, replicationFactor: internalRf });
        if (!r.ok) return r;
      }
    for (const topic of topics) {
      const source = ctx.state.topics[topic];
      const remoteTopic = policy.formatRemoteTopic(spec.source, topic);
      if (!ctx.state.topics[remoteTopic]) {
        const configs = Object.fromEntries(
          Object.entries(source.configs).filter(([k]) => !CONFIGS_NOT_SYNCED.has(k)),
        );
        const r = createTopicInternal(ctx, {
          topic: remoteTopic,
          partitions: source.partitions.length,
          replicationFactor: spec.replicationFactor,
          configs,
        });
        if (!r.ok) return r;
      }
      for (const p of source.partitions) {
        const part: MirrorPartition = {
          topic,
          partition: p.partition,
          remoteTopic,
          // A new flow starts at the log start: MM2's source consumer has no committed offsets yet.
          position: p.leader === null ? 0 : p.replicaLogs[p.leader].log.logStartOffset,
          syncState: initialPartitionSyncState(),
          // The checkpoint task reads the (empty) offset-syncs topic to its end before it translates.
          store: markReadToEnd(emptySyncStore()),
          replicated: 0,
          runs: [],
        };
        flow.partitions[tpKey(topic, p.partition)] = part;
      }
      created.push({ topic, remoteTopic });
    }
    area.flows[name] = flow;
    ctx.emit(
      'mirrorFlowStarted',
      `MirrorMaker 2 flow ${name} started: ${created.map((c) => `${c.topic} → ${c.remoteTopic}`).join(', ')}; offset syncs go to ${flow.offsetSyncsTopic}, checkpoints to ${flow.checkpointsTopic}`,
      { flow: name, topics: created.map((c) => c.topic) },
    );
    schedulePoll(ctx, flow);
    ctx.schedule(CHECKPOINT_INTERVAL_MS, { type: 'mirrorCheckpoint', flow: name });
    return ok({ flow: name, topics: created });
  },

  mirrorRegionDown: (ctx, cmd) => {
    const area = ctx.state.areas.mirror;
    if (area.downRegions.includes(cmd.alias))
      return fail('INVALID_REQUEST', `Region ${cmd.alias} is already down.`);
    const flows = Object.values(area.flows).filter((f) => f.source === cmd.alias);
    if (flows.length === 0 && !Object.values(area.flows).some((f) => f.target === cmd.alias))
      return fail('INVALID_REQUEST', `Unknown region '${cmd.alias}': no MirrorMaker 2 flow names it.`);
    area.downRegions.push(cmd.alias);
    let unmirrored = 0;
    for (const f of flows) {
      f.status = 'source-down';
      for (const p of Object.values(f.partitions)) {
        const src = ctx.state.topics[p.topic]?.partitions[p.partition];
        if (src) unmirrored += Math.max(0, highWatermark(src) - p.position);
      }
    }
    ctx.emit(
      'mirrorRegionLost',
      `region ${cmd.alias} is down: its brokers, producers and consumers are unreachable; ${unmirrored} committed record${unmirrored === 1 ? ' was' : 's were'} not mirrored yet and ${unmirrored === 1 ? 'is' : 'are'} lost to the other region (the RPO)`,
      { alias: cmd.alias, unmirrored },
    );
    // The region's consumers die with it: no commit, no LeaveGroup.
    for (const c of Object.values(ctx.state.areas.consumers.consumers))
      if (c.status === 'running' && regionDownError(ctx, c.config.topics))
        consumerCommands.consumerCrash(ctx, { type: 'consumerCrash', name: c.name });
    return ok({ unmirrored });
  },
} satisfies CommandHandlers;

function schedulePoll(ctx: Ctx, flow: MirrorFlow): void {
  if (flow.pollScheduled || flow.status !== 'running') return;
  flow.pollScheduled = true;
  ctx.schedule(MIRROR_POLL_MS, { type: 'mirrorPoll', flow: flow.name });
}

function writeSync(
  ctx: Ctx,
  flow: MirrorFlow,
  p: MirrorPartition,
  upstream: number,
  downstream: number,
): void {
  const id = flow.nextSyncId++;
  p.store = applySync(p.store, { id, upstream, downstream });
  const syncs = ctx.state.topics[flow.offsetSyncsTopic]?.partitions[0];
  if (syncs && syncs.leader !== null)
    appendAsCoordinator(ctx, syncs, {
      leaderEpoch: syncs.leaderEpoch,
      records: [
        {
          timestamp: ctx.now,
          key: `${p.topic}-${p.partition}`,
          value: JSON.stringify({ upstreamOffset: upstream, offset: downstream }),
        },
      ],
    });
  ctx.emit(
    'mirrorOffsetSynced',
    `offset sync ${p.topic}-${p.partition}: upstream ${upstream} = downstream ${downstream} on ${p.remoteTopic} (written to ${flow.offsetSyncsTopic})`,
    { flow: flow.name, topic: p.topic, partition: p.partition, upstream, downstream },
  );
}

function copyPartition(ctx: Ctx, flow: MirrorFlow, p: MirrorPartition): boolean {
  const src = ctx.state.topics[p.topic]?.partitions[p.partition];
  const dst = ctx.state.topics[p.remoteTopic]?.partitions[p.partition];
  if (!src || !dst || src.leader === null) return false;
  if (dst.leader === null) return highWatermark(src) > p.position; // retry later
  const log = src.replicaLogs[src.leader].log;
  const read = readRecords(
    log,
    Math.max(p.position, log.logStartOffset),
    highWatermark(src),
    MAX_POLL_RECORDS,
  );
  if (read.kind !== 'records') return false;
  const data = read.records.filter((r) => r.control === null);
  const from = p.position;
  p.position = read.nextOffset;
  if (data.length === 0) return false;
  const appended = appendAsCoordinator(ctx, dst, {
    leaderEpoch: dst.leaderEpoch,
    records: data.map((r) => ({ timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers })),
  });
  p.replicated += data.length;
  ctx.emit(
    'mirrorRecordsReplicated',
    `MirrorSourceTask copied ${data.length} record${data.length === 1 ? '' : 's'} of ${p.topic}-${p.partition} (offsets ${data[0].offset}–${data[data.length - 1].offset}) to ${p.remoteTopic}-${p.partition} at ${appended.firstOffset}–${appended.lastOffset}`,
    {
      flow: flow.name,
      topic: p.topic,
      partition: p.partition,
      remoteTopic: p.remoteTopic,
      fromOffset: from,
      toOffset: p.position,
      downstreamFrom: appended.firstOffset,
    },
  );
  data.forEach((r, i) => {
    const downstream = appended.firstOffset + i;
    const last = p.runs.at(-1);
    if (last && last.upstream + last.count === r.offset && last.downstream + last.count === downstream)
      last.count++;
    else p.runs.push({ upstream: r.offset, downstream, count: 1 });
    const verdict = shouldSyncOffsets(p.syncState, r.offset, downstream, flow.offsetLagMax);
    p.syncState = verdict.state;
    if (verdict.sync) writeSync(ctx, flow, p, r.offset, downstream);
  });
  return read.nextOffset < highWatermark(src);
}

export const mirrorTasks = {
  mirrorPoll: (ctx, task) => {
    const flow = ctx.state.areas.mirror.flows[task.flow];
    if (!flow) return;
    flow.pollScheduled = false;
    if (flow.status !== 'running') return;
    let more = false;
    for (const p of Object.values(flow.partitions)) more = copyPartition(ctx, flow, p) || more;
    if (more) schedulePoll(ctx, flow);
  },

  mirrorCheckpoint: (ctx, task) => {
    const flow = ctx.state.areas.mirror.flows[task.flow];
    // With its source region gone the checkpoint task cannot read the groups' offsets any more.
    if (flow?.status !== 'running') return;
    for (const [groupId, rec] of Object.entries(ctx.state.areas.consumers.groups)) {
      if (!filterMatches(groupId, flow.groups, flow.groupsExclude)) continue;
      for (const p of Object.values(flow.partitions)) {
        const committed = rec.offsets[tpKey(p.topic, p.partition)];
        if (!committed) continue;
        const t = translateDownstream(p.store, committed.offset);
        if (t.kind !== 'translated') continue;
        const key = tpKey(p.remoteTopic, p.partition);
        const prev = flow.checkpoints[groupId]?.[key];
        if (prev && prev.upstreamOffset === committed.offset && prev.offset === t.downstream) continue;
        const cp = {
          group: groupId,
          topic: p.remoteTopic,
          partition: p.partition,
          upstreamOffset: committed.offset,
          offset: t.downstream,
          time: ctx.now,
        };
        flow.checkpoints[groupId] = { ...flow.checkpoints[groupId], [key]: cp };
        const cps = ctx.state.topics[flow.checkpointsTopic]?.partitions[0];
        if (cps && cps.leader !== null)
          appendAsCoordinator(ctx, cps, {
            leaderEpoch: cps.leaderEpoch,
            records: [
              {
                timestamp: ctx.now,
                key: `${groupId}:${p.remoteTopic}:${p.partition}`,
                value: JSON.stringify({ upstreamOffset: cp.upstreamOffset, offset: cp.offset }),
              },
            ],
          });
        ctx.emit(
          'mirrorCheckpointed',
          `checkpoint for group ${groupId}: ${p.topic}-${p.partition} committed ${committed.offset} → ${key} offset ${t.downstream} (from the offset sync ${t.from.upstream}↔${t.from.downstream}${committed.offset === t.from.upstream ? '' : ', one past it: never ahead of what was mirrored'})`,
          {
            flow: flow.name,
            group: groupId,
            topic: p.remoteTopic,
            partition: p.partition,
            upstreamOffset: cp.upstreamOffset,
            offset: cp.offset,
          },
        );
      }
    }
    ctx.schedule(CHECKPOINT_INTERVAL_MS, task);
  },
} satisfies TaskHandlers;

export const mirrorHooks: readonly Hook[] = [
  on('highWatermarkAdvanced', (ctx, ev) => {
    const flows = ctx.state.areas.mirror.flows;
    // No allocation when no flow runs: this hook sees every high-watermark move of the cluster.
    for (const name in flows)
      if (flows[name].partitions[tpKey(ev.topic, ev.partition)]) schedulePoll(ctx, flows[name]);
  }),
];

/** A lost region's clients cannot reach its cluster. */
export const mirrorGuards: readonly Guard[] = [
  guard('producerSend', (ctx, cmd) => regionDownError(ctx, [cmd.topic])),
  guard('producerSendMany', (ctx, cmd) => regionDownError(ctx, [cmd.topic])),
  guard('consumerCreate', (ctx, cmd) => regionDownError(ctx, cmd.config.topics)),
  guard('consumerPoll', (ctx, cmd) =>
    regionDownError(ctx, ctx.state.areas.consumers.consumers[cmd.name]?.config.topics ?? []),
  ),
];
