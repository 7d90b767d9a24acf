// MirrorMaker 2's connectors on the virtual clock: MirrorSourceTask copies records below the source's high
// watermark into the remote topic and writes offset syncs (OffsetSyncWriter); MirrorCheckpointTask translates
// the groups' committed offsets (OffsetSyncStore#translateDownstream) every emit.checkpoints.interval.seconds
// and, with sync.group.offsets.enabled, commits them for groups that are empty on the target;
// MirrorHeartbeatTask writes heartbeats to the target.

import { clusterNameOf } from '../clusters/index';
import { adminCommitOffsets, groupIsInactive } from '../consumer/offsets/offsetReset';
import type { Ctx } from '../engine/context';
import { type Hook, on, type TaskHandlers } from '../engine/registry';
import { appendAsCoordinator, highWatermark, tpKey } from '../extend';
import { readRecords } from '../log';
import { checkpointedGroup, flowCtx, flowPolicy, mirrorState } from './mirrorClusters';
import { refreshTopics, syncTopicConfigs } from './mirrorTopics';
import { applySync, shouldSyncOffsets, translateDownstream } from './offsetSyncs';
import type { Checkpoint, MirrorFlow, MirrorPartition } from './types';

/** The source task's poll after the source's high watermark moved (the simulation's figure). */
export const MIRROR_POLL_MS = 500;
/** emit.checkpoints.interval.seconds = 60 and sync.group.offsets.interval.seconds = 60 (MirrorCheckpointConfig). */
export const CHECKPOINT_INTERVAL_MS = 60_000;
/**
 * MirrorHeartbeatTask writes one heartbeat every emit.heartbeats.interval.seconds (default 1 s). The simulation
 * writes one every 10 s, so a week-long clock advance stays fast (simplification: lessons say so).
 */
export const HEARTBEAT_INTERVAL_MS = 10_000;
const MAX_POLL_RECORDS = 500;

/** The flow's periodic work after a start or a resume: checkpoints, heartbeats, topic refresh and config sync. */
export function scheduleFlowTicks(ctx: Ctx, flow: MirrorFlow): void {
  const tick = { flow: flow.name, ...(flow.epoch ? { epoch: flow.epoch } : {}) };
  ctx.root.schedule(CHECKPOINT_INTERVAL_MS, { type: 'mirrorCheckpoint', ...tick });
  if (flow.heartbeats) ctx.root.schedule(HEARTBEAT_INTERVAL_MS, { type: 'mirrorHeartbeat', ...tick });
  // refreshTopicPartitions is scheduleRepeatingDelayed (first run one interval after the start);
  // syncTopicConfigs is scheduleRepeating (its first run is the start itself, where the remote topics were
  // just created with the synced configs), so both first fire one interval later here.
  if (flow.refreshTopicsMs) ctx.root.schedule(flow.refreshTopicsMs, { type: 'mirrorRefreshTopics', ...tick });
  if (flow.syncTopicConfigsMs)
    ctx.root.schedule(flow.syncTopicConfigsMs, { type: 'mirrorSyncTopicConfigs', ...tick });
}

/**
 * MirrorSourceMetrics: record-age-ms is the poll time minus the record's timestamp, replication-latency-ms the
 * time the target acknowledged the copy minus the record's timestamp. The simulation writes the copy at the
 * poll's instant, so the two are equal here (in Kafka the latency adds the produce round trip to the target).
 */
function recordLatency(p: MirrorPartition, now: number, timestamps: readonly number[]): void {
  if (timestamps.length === 0) return;
  // Plain JSON state: the minimums start at the first age, never at Infinity.
  const first = Math.max(0, now - timestamps[0]);
  const m = p.latency ?? {
    count: 0,
    recordAgeLast: 0,
    recordAgeMin: first,
    recordAgeMax: 0,
    recordAgeSum: 0,
    latencyLast: 0,
    latencyMin: first,
    latencyMax: 0,
    latencySum: 0,
  };
  for (const ts of timestamps) {
    const age = Math.max(0, now - ts);
    m.count++;
    m.recordAgeLast = age;
    m.recordAgeMin = Math.min(m.recordAgeMin, age);
    m.recordAgeMax = Math.max(m.recordAgeMax, age);
    m.recordAgeSum += age;
    m.latencyLast = age;
    m.latencyMin = Math.min(m.latencyMin, age);
    m.latencyMax = Math.max(m.latencyMax, age);
    m.latencySum += age;
  }
  p.latency = m;
}

export function schedulePoll(ctx: Ctx, flow: MirrorFlow): void {
  if (flow.pollScheduled || flow.status !== 'running') return;
  flow.pollScheduled = true;
  ctx.root.schedule(MIRROR_POLL_MS, { type: 'mirrorPoll', flow: flow.name });
}

function writeSync(
  source: Ctx,
  flow: MirrorFlow,
  p: MirrorPartition,
  upstream: number,
  downstream: number,
): void {
  const id = flow.nextSyncId++;
  p.store = applySync(p.store, { id, upstream, downstream });
  const syncs = source.state.topics[flow.offsetSyncsTopic]?.partitions[0];
  if (syncs && syncs.leader !== null)
    appendAsCoordinator(source, syncs, {
      leaderEpoch: syncs.leaderEpoch,
      records: [
        {
          timestamp: source.now,
          key: `${p.topic}-${p.partition}`,
          value: JSON.stringify({ upstreamOffset: upstream, offset: downstream }),
        },
      ],
    });
  source.root.emit(
    'mirrorOffsetSynced',
    `offset sync ${p.topic}-${p.partition}: upstream ${upstream} = downstream ${downstream} on ${p.remoteTopic} (written to ${flow.offsetSyncsTopic})`,
    { flow: flow.name, topic: p.topic, partition: p.partition, upstream, downstream },
  );
}

function copyPartition(source: Ctx, target: Ctx, flow: MirrorFlow, p: MirrorPartition): boolean {
  const src = source.state.topics[p.topic]?.partitions[p.partition];
  const dst = target.state.topics[p.remoteTopic]?.partitions[p.partition];
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
  const appended = appendAsCoordinator(target, dst, {
    leaderEpoch: dst.leaderEpoch,
    records: data.map((r) => ({ timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers })),
  });
  p.replicated += data.length;
  recordLatency(
    p,
    source.now,
    data.map((r) => r.timestamp),
  );
  source.root.emit(
    'mirrorRecordsReplicated',
    `MirrorSourceTask copied ${data.length} record${data.length === 1 ? '' : 's'} of ${p.topic}-${p.partition} (offsets ${data[0].offset}–${data[data.length - 1].offset}) to ${p.remoteTopic}-${p.partition} at ${appended.firstOffset}–${appended.lastOffset}${flow.clusters ? ` on ${flow.target}` : ''}`,
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
    if (verdict.sync) writeSync(source, flow, p, r.offset, downstream);
  });
  return read.nextOffset < highWatermark(src);
}

/** A tick of a flow that stopped (its region went down) or resumed since it was scheduled does nothing. */
const currentFlow = (ctx: Ctx, task: { flow: string; epoch?: number }) => {
  const flow = mirrorState(ctx).flows[task.flow];
  return flow && flow.status === 'running' && (task.epoch ?? 0) === (flow.epoch ?? 0) ? flow : null;
};

function writeCheckpoint(target: Ctx, flow: MirrorFlow, cp: Checkpoint): void {
  const cps = target.state.topics[flow.checkpointsTopic]?.partitions[0];
  if (cps && cps.leader !== null)
    appendAsCoordinator(target, cps, {
      leaderEpoch: cps.leaderEpoch,
      records: [
        {
          timestamp: target.now,
          key: `${cp.group}:${cp.topic}:${cp.partition}`,
          value: JSON.stringify({ upstreamOffset: cp.upstreamOffset, offset: cp.offset }),
        },
      ],
    });
}

/**
 * MirrorCheckpointTask#syncGroupOffset: a group's checkpointed offsets are committed on the target only while
 * the group is empty there (ConsumerGroupState.EMPTY, or unknown to it), and only forward: a partition whose
 * target offset is already at or past the translated one is skipped.
 */
function syncGroupOffsets(target: Ctx, flow: MirrorFlow, groupId: string): void {
  const area = target.state.areas.consumers;
  if (!groupIsInactive(area, groupId)) return;
  const current = area.groups[groupId]?.offsets ?? {};
  const offsets = Object.values(flow.checkpoints[groupId] ?? {})
    .filter((cp) => target.state.topics[cp.topic]?.partitions[cp.partition])
    .filter((cp) => (current[tpKey(cp.topic, cp.partition)]?.offset ?? -1) < cp.offset)
    .map((cp) => ({ topic: cp.topic, partition: cp.partition, offset: cp.offset }));
  if (offsets.length === 0) return;
  const r = adminCommitOffsets(target, groupId, offsets);
  if (!r.ok) return;
  target.root.emit(
    'mirrorGroupOffsetsSynced',
    `sync.group.offsets.enabled: group ${groupId} has no active member on ${flow.target}, so MirrorCheckpointTask committed its translated offsets there: ${offsets.map((o) => `${o.topic}-${o.partition}=${o.offset}`).join(', ')}`,
    { flow: flow.name, group: groupId, offsets },
  );
}

export const mirrorTasks = {
  mirrorRefreshTopics: (ctx, task) => {
    const flow = currentFlow(ctx, task);
    if (!flow?.refreshTopicsMs) return;
    if (refreshTopics(ctx, flow) > 0) schedulePoll(ctx, flow);
    ctx.root.schedule(flow.refreshTopicsMs, task);
  },

  mirrorSyncTopicConfigs: (ctx, task) => {
    const flow = currentFlow(ctx, task);
    if (!flow?.syncTopicConfigsMs) return;
    syncTopicConfigs(ctx, flow);
    ctx.root.schedule(flow.syncTopicConfigsMs, task);
  },

  mirrorPoll: (ctx, task) => {
    const flow = mirrorState(ctx).flows[task.flow];
    if (!flow) return;
    flow.pollScheduled = false;
    if (flow.status !== 'running') return;
    const source = flowCtx(ctx, flow, 'source');
    const target = flowCtx(ctx, flow, 'target');
    if (!source || !target) return;
    let more = false;
    for (const p of Object.values(flow.partitions)) more = copyPartition(source, target, flow, p) || more;
    if (more) schedulePoll(ctx, flow);
  },

  mirrorCheckpoint: (ctx, task) => {
    // With its source region gone the checkpoint task cannot read the groups' offsets any more.
    const flow = currentFlow(ctx, task);
    const source = flow && flowCtx(ctx, flow, 'source');
    const target = flow && flowCtx(ctx, flow, 'target');
    if (!flow || !source || !target) return;
    for (const [groupId, rec] of Object.entries(source.state.areas.consumers.groups)) {
      if (!checkpointedGroup(flow, groupId)) continue;
      for (const p of Object.values(flow.partitions)) {
        const committed = rec.offsets[tpKey(p.topic, p.partition)];
        if (!committed) continue;
        const t = translateDownstream(p.store, committed.offset);
        if (t.kind !== 'translated') continue;
        const key = tpKey(p.remoteTopic, p.partition);
        const prev = flow.checkpoints[groupId]?.[key];
        if (prev && prev.upstreamOffset === committed.offset && prev.offset === t.downstream) continue;
        const cp: Checkpoint = {
          group: groupId,
          topic: p.remoteTopic,
          partition: p.partition,
          upstreamOffset: committed.offset,
          offset: t.downstream,
          time: ctx.now,
        };
        flow.checkpoints[groupId] = { ...flow.checkpoints[groupId], [key]: cp };
        writeCheckpoint(target, flow, cp);
        ctx.root.emit(
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
    if (flow.syncGroupOffsets)
      for (const groupId in flow.checkpoints) syncGroupOffsets(target, flow, groupId);
    ctx.root.schedule(CHECKPOINT_INTERVAL_MS, task);
  },

  mirrorHeartbeat: (ctx, task) => {
    const flow = currentFlow(ctx, task);
    const target = flow && flowCtx(ctx, flow, 'target');
    if (!flow || !target) return;
    const topic = flowPolicy(flow).heartbeatsTopic();
    const hb = target.state.topics[topic]?.partitions[0];
    if (hb && hb.leader !== null) {
      appendAsCoordinator(target, hb, {
        leaderEpoch: hb.leaderEpoch,
        records: [
          {
            timestamp: ctx.now,
            // Heartbeat#recordKey / recordValue: the source and target aliases, and the time.
            key: JSON.stringify({ sourceClusterAlias: flow.source, targetClusterAlias: flow.target }),
            value: JSON.stringify({ timestamp: ctx.now }),
          },
        ],
      });
      flow.heartbeatCount = (flow.heartbeatCount ?? 0) + 1;
    }
    ctx.root.schedule(HEARTBEAT_INTERVAL_MS, task);
  },
} satisfies TaskHandlers;

export const mirrorHooks: readonly Hook[] = [
  on('highWatermarkAdvanced', (ctx, ev) => {
    const flows = mirrorState(ctx).flows;
    // No allocation when no flow runs: this hook sees every high-watermark move of every cluster.
    for (const name in flows) {
      const f = flows[name];
      if (!f.partitions[tpKey(ev.topic, ev.partition)]) continue;
      if (f.clusters && clusterNameOf(ctx) !== f.source) continue;
      schedulePoll(ctx, f);
    }
  }),
];
