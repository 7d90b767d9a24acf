// The consumer group of a sink connector (`connect-<name>`, SinkUtils#consumerGroupId) as the group coordinator
// holds it: each running sink task's consumer is a member with client id `connector-consumer-<name>-<task>`
// (Worker#baseConsumerConfigs), subscribed to the connector's topics, and the partitions are split among them by
// the consumer's default assignor, RangeAssignor (Kafka 4.0's partition.assignment.strategy is [range,
// cooperative-sticky], eager). So a task that fails or stops closes its consumer, leaves the group, and the
// connector's other tasks take its partitions; kafka-consumer-groups --describe --members / --state show them.
//
// Simplified: the Connect area drives the join itself (the group goes PreparingRebalance → CompletingRebalance →
// Stable in one step whenever the set of running tasks or the topics' partition counts change); a crashed
// worker's consumers leave at once instead of after the consumer's session.timeout.ms (45 s); a paused connector's
// members stay as they are and its resumed tasks join with new member ids (the real consumer keeps its id); hosts
// are made up.
import { tpKey } from '../../cluster/topicPartition';
import { rangeAssign } from '../../consumer/assignors/rangeAssignor';
import type { Subscription, TopicPartition } from '../../consumer/assignors/types';
import { memberUuid } from '../../consumer/client/consumerClient';
import { transitionTo } from '../../consumer/group/groupState';
import type { GroupMember } from '../../consumer/group/types';
import { groupRecord } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import type { ConnectorEntry } from '../rest/types';
import { area } from './group';
import type { TaskRuntime } from './types';

export const sinkGroupId = (connector: string) => `connect-${connector}`;
export const sinkClientId = (connector: string, task: number) => `connector-consumer-${connector}-${task}`;

/** Consumer defaults Connect does not override for sink consumers (ConsumerConfig). */
const SESSION_TIMEOUT_MS = 45_000;
const HEARTBEAT_INTERVAL_MS = 3_000;
const MAX_POLL_INTERVAL_MS = 300_000;

const topicsOf = (c: ConnectorEntry): string[] =>
  (c.config.topics ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** A new consumer's member id: client id, dash, a UUID (as the classic coordinator hands it out). */
export function sinkMemberId(ctx: Ctx, connector: string, task: number): string {
  return `${sinkClientId(connector, task)}-${memberUuid(ctx)}`;
}

function workerHost(ctx: Ctx, worker: string): string {
  const i = area(ctx).workers.findIndex((w) => w.id === worker);
  return `/10.0.2.${(Math.max(0, i) % 250) + 2}`;
}

/** Rewrite the group's members from the connector's running sink tasks; a change of members or partitions is a new generation. */
export function syncSinkGroup(ctx: Ctx, connector: string): void {
  const a = area(ctx);
  const c = a.cluster.connectors.find((x) => x.name === connector);
  const groups = ctx.state.areas.consumers.groups;
  const id = sinkGroupId(connector);
  const runtimes: TaskRuntime[] = Object.values(a.runtime)
    .filter((rt) => rt.connector === connector && rt.kind === 'sink' && rt.memberId)
    .sort((x, y) => x.task - y.task);
  // the group exists once a consumer joined; a group of that name with other (non-Connect) members is left alone
  if (!groups[id] && runtimes.length === 0) return;
  if (groups[id] && !groups[id].connect && groups[id].group.members.length > 0) return;
  const rec = groupRecord(ctx.state.areas.consumers, id);
  rec.connect = true;
  const g = rec.group;
  const topics = c?.type === 'sink' ? topicsOf(c) : [];
  // A PAUSED sink task keeps its consumer in the group (WorkerSinkTask pauses the partitions, still polls and
  // heartbeats); the simulation stops its poll loop, so its member is carried over while the status is PAUSED.
  const paused = g.members.filter((m) => {
    if (c?.targetState !== 'PAUSED' || !rec.connect) return false;
    const task = Number(m.clientId.slice(sinkClientId(connector, 0).length - 1));
    const st = c.taskStatuses[task];
    return st?.state === 'PAUSED' && a.workers.some((w) => w.id === st.workerId && w.state === 'running');
  });
  if (paused.length > 0 && runtimes.length === 0) return;
  const partitions = new Map<string, number>();
  for (const t of topics) {
    const n = ctx.state.topics[t]?.partitions.length;
    if (n !== undefined) partitions.set(t, n);
  }
  const subs = new Map<string, Subscription>(
    runtimes.map((rt) => [
      rt.memberId as string,
      { topics, ownedPartitions: [], generation: null, groupInstanceId: null },
    ]),
  );
  const assignment = rangeAssign(partitions, subs);
  const same =
    g.members.length === runtimes.length &&
    runtimes.every((rt, i) => {
      const m = g.members[i];
      const next = assignment.get(rt.memberId as string) ?? [];
      return (
        m.memberId === rt.memberId &&
        m.assignment.length === next.length &&
        m.assignment.every(
          (tp, j) => tpKey(tp.topic, tp.partition) === tpKey(next[j].topic, next[j].partition),
        )
      );
    });
  if (same) return;
  const why =
    runtimes.length === g.members.length
      ? "the subscribed topics' partitions changed"
      : runtimes.length > g.members.length
        ? 'a sink task consumer joined'
        : 'a sink task consumer left';
  if (g.state === 'Dead') g.state = 'Empty';
  if (g.state === 'Stable' || g.state === 'Empty' || g.state === 'CompletingRebalance')
    transitionTo(ctx, g, 'PreparingRebalance', `group ${id}: ${why}, rebalance`);
  const members: GroupMember[] = runtimes.map((rt) => {
    const tps: TopicPartition[] = assignment.get(rt.memberId as string) ?? [];
    return {
      memberId: rt.memberId as string,
      label: sinkClientId(connector, rt.task),
      groupInstanceId: null,
      clientId: sinkClientId(connector, rt.task),
      host: workerHost(ctx, rt.worker),
      topics,
      strategies: ['range', 'cooperative-sticky'],
      protocol: 'EAGER',
      sessionTimeoutMs: SESSION_TIMEOUT_MS,
      rebalanceTimeoutMs: MAX_POLL_INTERVAL_MS,
      heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
      since: ctx.now,
      heartbeating: true,
      lastHeartbeatAt: ctx.now,
      joined: true,
      rejoinAt: null,
      assignment: tps,
      owned: tps,
      ownedGeneration: g.generationId + 1,
    };
  });
  g.members = members;
  g.leaderId = members[0]?.memberId ?? null;
  if (members.length === 0) {
    g.protocolName = null;
    transitionTo(ctx, g, 'Empty', `group ${id}: no members left (${why})`);
    rec.emptySince = ctx.now;
    return;
  }
  g.generationId += 1;
  g.protocolName = 'range';
  transitionTo(
    ctx,
    g,
    'CompletingRebalance',
    `group ${id}: every member joined generation ${g.generationId}`,
  );
  transitionTo(
    ctx,
    g,
    'Stable',
    `group ${id}: generation ${g.generationId} assigned with range: ${members
      .map(
        (m) =>
          `${m.clientId} ← ${m.assignment.map((tp) => tpKey(tp.topic, tp.partition)).join(', ') || 'nothing'}`,
      )
      .join('; ')}`,
  );
  rec.emptySince = null;
}

/** Every sink connector's group (and the groups of deleted ones), after tasks started, stopped or failed. */
export function syncSinkGroups(ctx: Ctx): void {
  const names = new Set(
    area(ctx)
      .cluster.connectors.filter((c) => c.type === 'sink')
      .map((c) => c.name),
  );
  for (const [id, rec] of Object.entries(ctx.state.areas.consumers.groups))
    if (rec.connect) names.add(id.slice('connect-'.length));
  for (const name of names) syncSinkGroup(ctx, name);
}

/** The partitions the group assigned to a sink task's consumer (none before it joined). */
export function partitionsOfTask(ctx: Ctx, rt: TaskRuntime): TopicPartition[] {
  const g = ctx.state.areas.consumers.groups[sinkGroupId(rt.connector)]?.group;
  return g?.members.find((m) => m.memberId === rt.memberId)?.assignment ?? [];
}
