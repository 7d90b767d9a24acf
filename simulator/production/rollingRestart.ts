// The Strimzi cluster operator's rolling restart of the simulated cluster: KafkaRoller's order (rollingOrder),
// KafkaAvailability#canRoll before each broker, one pod at a time, waiting for each to be ready again.
import { brokerCommands } from '../cluster/brokers';
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, ok, type TaskHandlers } from '../engine/registry';
import { isBrokerAlive, isBrokerUnfenced, topicConfigNumber } from '../extend';
import { quorumCommands } from '../kraft/quorum';
import { canRoll, type RollerNode, type RollerPartition, rollingOrder } from './kafkaRoller';
import type { RollScope, RollState } from './types';

/** Pod name of a node: Strimzi names pods <cluster>-<node pool>-<node id>; the simulation's cluster is my-cluster. */
export const podName = (ctx: { state: Ctx['state'] } | Ctx['state'], id: number): string => {
  const state = 'state' in ctx ? ctx.state : ctx;
  return `my-cluster-${state.brokers[id] ? 'broker' : 'controller'}-${id}`;
};

/**
 * Time from deleting a pod to its new container running. The simulation's figure: in Kubernetes it is the
 * broker's clean shutdown plus scheduling, image and JVM start-up, seconds to minutes.
 */
export const POD_RESTART_MS = 5_000;
/** How often the operator looks again at a pod it waits for (readiness) in the simulation. */
export const READY_CHECK_MS = 1_000;
/**
 * A broker KafkaAvailability refuses is asked again after a back-off until the operation times out
 * (STRIMZI_OPERATION_TIMEOUT_MS, default 300000); then the reconciliation fails. The simulation asks every 5 s.
 */
export const BLOCKED_RETRY_MS = 5_000;
export const OPERATION_TIMEOUT_MS = 300_000;

const isController = (ctx: Ctx, id: number) => ctx.state.quorum.voters.some((v) => v.id === id);

function isReady(ctx: Ctx, id: number): boolean {
  if (isController(ctx, id)) return ctx.state.quorum.voters.find((v) => v.id === id)?.process === 'running';
  // A broker pod's readiness probe passes once the broker is RUNNING: registered and unfenced.
  return isBrokerAlive(ctx.state, id) && isBrokerUnfenced(ctx.state, id);
}

function rollerNodes(ctx: Ctx, scope: RollScope): RollerNode[] {
  const brokers: RollerNode[] = Object.values(ctx.state.brokers).map((b) => ({
    id: b.id,
    controller: false,
    broker: true,
    ready: false,
  }));
  const controllers: RollerNode[] = ctx.state.quorum.voters.map((v) => ({
    id: v.id,
    controller: true,
    broker: false,
    ready: false,
  }));
  const all = [...controllers, ...brokers].map((n) => ({ ...n, ready: isReady(ctx, n.id) }));
  if (scope.kind === 'brokers') return all.filter((n) => n.broker);
  if (scope.kind === 'controllers') return all.filter((n) => n.controller);
  return all.filter((n) => n.id === scope.id);
}

/** The live partitions KafkaAvailability looks at: replicas, ISR and the topic's min.insync.replicas. */
export function livePartitions(state: Ctx['state']): RollerPartition[] {
  const out: RollerPartition[] = [];
  for (const t of Object.values(state.topics))
    for (const p of t.partitions)
      out.push({
        topic: t.name,
        partition: p.partition,
        replicas: [...p.replicas],
        isr: [...p.isr],
        minIsr: topicConfigNumber(state, t.name, 'min.insync.replicas'),
      });
  return out;
}

/**
 * KafkaQuorumCheck, simplified: a controller may restart only if the other running controllers are still a
 * majority of the voters (the simulation does not model how far each voter has caught up).
 */
function controllerVerdict(ctx: Ctx, id: number): string | null {
  const voters = ctx.state.quorum.voters;
  const othersRunning = voters.filter((v) => v.id !== id && v.process === 'running').length;
  const majority = Math.floor(voters.length / 2) + 1;
  return othersRunning >= majority
    ? null
    : `controller ${id} should not be restarted: only ${othersRunning} of ${voters.length} other controllers are running and the quorum needs ${majority}.`;
}

export const rollCommands = {
  productionRoll: (ctx, cmd) => {
    const current = ctx.state.areas.production.roll;
    if (current?.status === 'rolling')
      return fail(
        'INVALID_REQUEST',
        `A rolling restart is already in progress (${current.done.length} of ${current.order.length} pods done).`,
      );
    const nodes = rollerNodes(ctx, cmd.scope);
    if (nodes.length === 0) return fail('INVALID_REQUEST', 'No pods match the annotated object.');
    const order = rollingOrder(nodes, ctx.state.quorum.leaderId);
    const area = ctx.state.areas.production;
    const roll: RollState = {
      id: area.nextRollId++,
      trigger: cmd.trigger,
      order,
      done: [],
      current: null,
      blocked: null,
      status: 'rolling',
      startedAt: ctx.now,
      finishedAt: null,
    };
    area.roll = roll;
    ctx.emit(
      'productionRollStarted',
      `the cluster operator rolls ${order.map((id) => podName(ctx, id)).join(', ')} one at a time (${cmd.trigger}); controllers first, the active controller last, then brokers`,
      { rollId: roll.id, order },
    );
    ctx.schedule(0, { type: 'productionRollStep', rollId: roll.id });
    return ok({ order });
  },
} satisfies CommandHandlers;

function finish(ctx: Ctx, roll: RollState, status: 'completed' | 'failed', node: number | null): void {
  roll.status = status;
  roll.finishedAt = ctx.now;
  roll.current = null;
  if (status === 'completed')
    ctx.emit(
      'productionRollCompleted',
      `rolling restart finished: ${roll.order.length} pods restarted, no partition went below min.insync.replicas`,
      { rollId: roll.id },
    );
  else
    ctx.emit(
      'productionRollFailed',
      `the reconciliation failed: ${podName(ctx, node ?? -1)} could not be rolled within ${OPERATION_TIMEOUT_MS / 1000} s (STRIMZI_OPERATION_TIMEOUT_MS); the operator tries again at the next reconciliation`,
      { rollId: roll.id, node: node ?? -1 },
    );
}

function restart(ctx: Ctx, roll: RollState, node: number): void {
  roll.blocked = null;
  roll.current = { node, phase: 'terminating', since: ctx.now };
  ctx.emit(
    'productionNodeRestarting',
    `the operator deletes pod ${podName(ctx, node)}; Kubernetes sends SIGTERM and creates the pod again`,
    { rollId: roll.id, node },
  );
  if (isController(ctx, node)) {
    if (ctx.state.quorum.voters.find((v) => v.id === node)?.process === 'running')
      quorumCommands.controllerStop(ctx, { type: 'controllerStop', id: node });
  } else if (ctx.state.brokers[node].process === 'running')
    // SIGTERM: the broker shuts down cleanly, the controller moves its leaderships away first.
    brokerCommands.brokerStop(ctx, { type: 'brokerStop', id: node, mode: 'controlled' });
  ctx.schedule(POD_RESTART_MS, { type: 'productionRollStep', rollId: roll.id });
}

export const rollTasks = {
  productionRollStep: (ctx, task) => {
    const roll = ctx.state.areas.production.roll;
    if (!roll || roll.id !== task.rollId || roll.status !== 'rolling') return;
    const step = (ms: number) => ctx.schedule(ms, { type: 'productionRollStep', rollId: roll.id });
    const cur = roll.current;
    if (cur?.phase === 'terminating') {
      cur.phase = 'starting';
      cur.since = ctx.now;
      if (isController(ctx, cur.node))
        quorumCommands.controllerStart(ctx, { type: 'controllerStart', id: cur.node });
      else if (ctx.state.brokers[cur.node].process === 'stopped')
        brokerCommands.brokerStart(ctx, { type: 'brokerStart', id: cur.node });
      return step(READY_CHECK_MS);
    }
    if (cur?.phase === 'starting') {
      if (!isReady(ctx, cur.node)) {
        // KafkaRoller waits for readiness at most the operation timeout, then fails the reconciliation.
        if (ctx.now - cur.since >= OPERATION_TIMEOUT_MS) return finish(ctx, roll, 'failed', cur.node);
        return step(READY_CHECK_MS);
      }
      roll.done.push(cur.node);
      roll.current = null;
      ctx.emit(
        'productionNodeRolled',
        `pod ${podName(ctx, cur.node)} is ready again (${roll.done.length} of ${roll.order.length} done)`,
        { rollId: roll.id, node: cur.node },
      );
    }
    const next = roll.order.find((id) => !roll.done.includes(id));
    if (next === undefined) return finish(ctx, roll, 'completed', null);
    // A pod that is not ready is restarted without asking: it holds no ISR membership to lose.
    if (!isReady(ctx, next)) return restart(ctx, roll, next);
    const refusal = isController(ctx, next)
      ? controllerVerdict(ctx, next)
      : (() => {
          const v = canRoll(next, livePartitions(ctx.state));
          return v.canRoll ? null : v.reason;
        })();
    if (refusal === null) return restart(ctx, roll, next);
    const attempts = roll.blocked?.node === next ? roll.blocked.attempts + 1 : 1;
    roll.blocked = { node: next, reason: refusal, attempts };
    if (attempts * BLOCKED_RETRY_MS > OPERATION_TIMEOUT_MS) return finish(ctx, roll, 'failed', next);
    ctx.emit('productionRollBlocked', `the operator waits: ${refusal}`, {
      rollId: roll.id,
      node: next,
      attempts,
    });
    return step(BLOCKED_RETRY_MS);
  },
} satisfies TaskHandlers;
