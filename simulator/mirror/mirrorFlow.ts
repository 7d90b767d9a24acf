// MirrorMaker 2's flows: starting one (connect-mirror-maker.sh), losing a region and getting it back. The
// connectors' work on the virtual clock is in mirrorTasks.ts; where the two ends are, in mirrorClusters.ts.
import { clusterNames } from '../clusters/index';
import { consumerCommands } from '../consumer/commands';
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, ok } from '../engine/registry';
import { createTopicInternal, highWatermark } from '../extend';
import { flowCtx, flowPolicy, mirroredTopics, mirrorState, regionDownError } from './mirrorClusters';
import { scheduleFlowTicks, schedulePoll } from './mirrorTasks';
import { DEFAULT_REFRESH_INTERVAL_MS, mirrorTopic } from './mirrorTopics';
import type { MirrorFlow, MirrorFlowSpec } from './types';

/** Are the flow's aliases clusters of the simulation (true), or does one cluster play both (false)? */
function resolveClusters(
  ctx: Ctx,
  spec: MirrorFlowSpec,
): { ok: true; clusters: boolean } | { ok: false; message: string } {
  const names = clusterNames(ctx.root.state);
  if (names === null) return { ok: true, clusters: false };
  for (const alias of [spec.source, spec.target])
    if (!names.includes(alias))
      return {
        ok: false,
        message: `Unknown cluster alias '${alias}': the simulation's clusters are ${names.join(', ')} (the aliases in clusters = … name them).`,
      };
  return { ok: true, clusters: true };
}

/** With IdentityReplicationPolicy both ways, each flow would copy the other's records back forever. */
function identityLoop(ctx: Ctx, spec: MirrorFlowSpec, topics: string[]): string | null {
  for (const f of Object.values(mirrorState(ctx).flows)) {
    if (f.source !== spec.target || f.target !== spec.source) continue;
    if (spec.policy !== 'identity' && f.policy !== 'identity') continue;
    const back = Object.values(f.partitions).map((p) => p.remoteTopic);
    const shared = topics.find((t) => back.includes(t));
    if (shared)
      return `IdentityReplicationPolicy keeps topic names, so ${spec.source}->${spec.target} would copy ${shared} (which ${f.name} writes) back to ${spec.target}, and ${f.name} would copy it back again, forever: MirrorSourceConnector#isCycle cannot see a cycle without the source prefix. Active/active needs DefaultReplicationPolicy (remote topics named <source>.<topic>), or topic filters that do not overlap.`;
  }
  return null;
}

export const mirrorCommands = {
  mirrorStart: (ctx, cmd) => {
    const spec = cmd.spec;
    const name = `${spec.source}->${spec.target}`;
    const area = mirrorState(ctx);
    if (area.flows[name]) return fail('INVALID_REQUEST', `MirrorMaker 2 already runs the flow ${name}.`);
    const where = resolveClusters(ctx, spec);
    if (!where.ok) return fail('CONFIG_EXCEPTION', where.message);
    const clusters = where.clusters;
    if (!clusters && Object.keys(area.flows).length > 0)
      return fail('INVALID_REQUEST', 'The simulation runs one cluster, so it mirrors one flow at a time.');
    for (const alias of [spec.source, spec.target])
      if (area.downRegions.includes(alias))
        return fail(
          'TIMEOUT_EXCEPTION',
          `Timed out waiting for a node assignment (region ${alias} is down).`,
        );
    if (!clusters && spec.policy === 'identity')
      return fail(
        'CONFIG_EXCEPTION',
        "IdentityReplicationPolicy keeps topic names, so in the simulation's single cluster the copy would be the topic itself; use DefaultReplicationPolicy (remote topics named <source>.<topic>), or create a second cluster (cluster create west --first east).",
      );
    if (!clusters && spec.syncGroupOffsets)
      return fail(
        'CONFIG_EXCEPTION',
        "sync.group.offsets.enabled commits offsets in the target cluster's groups, and the simulation has one cluster: create a second one first (cluster create west --first east).",
      );
    const flowShape = { clusters, policy: spec.policy, separator: spec.separator };
    const stub = { ...flowShape, source: spec.source, target: spec.target } as MirrorFlow;
    const source = flowCtx(ctx, stub, 'source');
    const target = flowCtx(ctx, stub, 'target');
    if (!source || !target) return fail('CONFIG_EXCEPTION', `Unknown cluster in ${name}.`);
    const policy = flowPolicy(spec);
    const topics = mirroredTopics(source, spec, clusters);
    if (topics.length === 0)
      return fail(
        'INVALID_REQUEST',
        `No topic matches topics = ${spec.topics} (topics.exclude = ${spec.topicsExclude}).`,
      );
    const loop = identityLoop(ctx, spec, topics);
    if (loop) return fail('CONFIG_EXCEPTION', loop);
    const targetBrokers = Object.keys(target.state.brokers).length;
    if (spec.replicationFactor > targetBrokers)
      return fail(
        'INVALID_REPLICATION_FACTOR',
        `Unable to replicate the partition ${spec.replicationFactor} time(s): The target replication factor of ${spec.replicationFactor} cannot be reached because only ${targetBrokers} broker(s) are registered.`,
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
      topicsExclude: spec.topicsExclude,
      replicationFactor: spec.replicationFactor,
      refreshTopicsMs:
        spec.refreshTopicsMs === undefined ? DEFAULT_REFRESH_INTERVAL_MS : spec.refreshTopicsMs,
      syncTopicConfigsMs:
        spec.syncTopicConfigsMs === undefined ? DEFAULT_REFRESH_INTERVAL_MS : spec.syncTopicConfigsMs,
      offsetSyncsTopic: policy.offsetSyncsTopic(spec.target),
      checkpointsTopic: policy.checkpointsTopic(spec.source),
      ...(clusters
        ? {
            ...flowShape,
            syncGroupOffsets: spec.syncGroupOffsets ?? false,
            heartbeats: spec.emitHeartbeats ?? true,
            heartbeatCount: 0,
            epoch: 0,
          }
        : {}),
    };
    // Internal topics: replication factor 3 by default (offset-syncs/checkpoints/heartbeats.topic.replication.
    // factor), capped at the brokers the cluster has. Offset syncs live on the source
    // (offset-syncs.topic.location = source), checkpoints and heartbeats on the target.
    const internal: Array<[Ctx, string]> = [
      [source, flow.offsetSyncsTopic],
      [target, flow.checkpointsTopic],
    ];
    if (flow.heartbeats) internal.push([target, policy.heartbeatsTopic()]);
    for (const [c, topic] of internal)
      if (!c.state.topics[topic]) {
        const rf = Math.min(3, Object.keys(c.state.brokers).length);
        const r = createTopicInternal(c, { topic, partitions: 1, replicationFactor: rf });
        if (!r.ok) return r;
      }
    const created: Array<{ topic: string; remoteTopic: string }> = [];
    for (const topic of topics) {
      const r = mirrorTopic(source, target, flow, topic, spec.replicationFactor);
      if (!r.ok) return r;
      created.push({ topic, remoteTopic: r.remoteTopic });
    }
    area.flows[name] = flow;
    ctx.emit(
      'mirrorFlowStarted',
      `MirrorMaker 2 flow ${name} started: ${created.map((c) => `${c.topic} → ${c.remoteTopic}`).join(', ')}; offset syncs go to ${flow.offsetSyncsTopic}${clusters ? ` on ${spec.source}` : ''}, checkpoints to ${flow.checkpointsTopic}${clusters ? ` on ${spec.target}` : ''}${flow.heartbeats ? `, heartbeats to ${policy.heartbeatsTopic()} on ${spec.target}` : ''}`,
      { flow: name, topics: created.map((c) => c.topic) },
    );
    schedulePoll(ctx, flow);
    scheduleFlowTicks(ctx, flow);
    return ok({ flow: name, topics: created });
  },

  mirrorRegionDown: (ctx, cmd) => {
    const area = mirrorState(ctx);
    if (area.downRegions.includes(cmd.alias))
      return fail('INVALID_REQUEST', `Region ${cmd.alias} is already down.`);
    const names = clusterNames(ctx.root.state);
    const flows = Object.values(area.flows).filter((f) => f.source === cmd.alias);
    const named = Object.values(area.flows).some((f) => f.source === cmd.alias || f.target === cmd.alias);
    if (!named && !names?.includes(cmd.alias))
      return fail(
        'INVALID_REQUEST',
        names
          ? `Unknown region '${cmd.alias}': the simulation's clusters are ${names.join(', ')}.`
          : `Unknown region '${cmd.alias}': no MirrorMaker 2 flow names it.`,
      );
    area.downRegions.push(cmd.alias);
    let unmirrored = 0;
    for (const f of flows) {
      f.status = 'source-down';
      const source = flowCtx(ctx, f, 'source');
      for (const p of Object.values(f.partitions)) {
        const src = source?.state.topics[p.topic]?.partitions[p.partition];
        if (src) unmirrored += Math.max(0, highWatermark(src) - p.position);
      }
    }
    // Between clusters the flows into the lost region stop too (in one cluster, the target is the same cluster).
    for (const f of Object.values(area.flows))
      if (f.clusters && f.target === cmd.alias && f.status === 'running') f.status = 'target-down';
    ctx.emit(
      'mirrorRegionLost',
      `region ${cmd.alias} is down: its brokers, producers and consumers are unreachable; ${unmirrored} committed record${unmirrored === 1 ? ' was' : 's were'} not mirrored yet and ${unmirrored === 1 ? 'is' : 'are'} lost to the other region (the RPO)`,
      { alias: cmd.alias, unmirrored },
    );
    // The region's consumers die with it: no commit, no LeaveGroup.
    const lost = names?.includes(cmd.alias) ? clusterCtxOf(ctx, cmd.alias) : ctx.root;
    if (lost)
      for (const c of Object.values(lost.state.areas.consumers.consumers))
        if (c.status === 'running' && regionDownError(lost, c.config.topics))
          consumerCommands.consumerCrash(lost, { type: 'consumerCrash', name: c.name });
    return ok({ unmirrored });
  },

  mirrorRegionUp: (ctx, cmd) => {
    const area = mirrorState(ctx);
    if (!area.downRegions.includes(cmd.alias))
      return fail('INVALID_REQUEST', `Region ${cmd.alias} is not down.`);
    area.downRegions = area.downRegions.filter((a) => a !== cmd.alias);
    const resumed: string[] = [];
    for (const f of Object.values(area.flows)) {
      if (f.status === 'running') continue;
      if (area.downRegions.includes(f.source) || area.downRegions.includes(f.target)) continue;
      f.status = 'running';
      f.epoch = (f.epoch ?? 0) + 1;
      resumed.push(f.name);
      schedulePoll(ctx, f);
      scheduleFlowTicks(ctx, f);
    }
    ctx.emit(
      'mirrorRegionRestored',
      `region ${cmd.alias} is back: its cluster answers again${resumed.length ? `; ${resumed.join(', ')} resume${resumed.length === 1 ? 's' : ''} from where ${resumed.length === 1 ? 'it' : 'they'} stopped` : ''} (its crashed consumers stay down until restarted)`,
      { alias: cmd.alias, flows: resumed },
    );
    return ok({ flows: resumed });
  },
} satisfies CommandHandlers;

function clusterCtxOf(ctx: Ctx, alias: string): Ctx | null {
  return flowCtx(ctx, { clusters: true, source: alias, target: alias } as MirrorFlow, 'source');
}
