// The KRaft controller quorum: separate controller nodes (process.roles=controller, ids 1000..), one active
// controller (the Raft leader of __cluster_metadata). Losing the active controller triggers an election after
// controller.quorum.election.timeout.ms; without a majority nothing in the metadata can change (no elections,
// no fencing) until it is back.
import { isBrokerAlive } from '../cluster/lookup';
import { brokerConfigNumber } from '../cluster/topicConfig';
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, okVoid, type TaskHandlers } from '../engine/registry';
import { onControllerActivated } from './brokerLifecycle';
import { appendMetadata } from './metadataLog';
import type { Quorum } from './types';

export function initialQuorum(count: number): Quorum {
  const voters = Array.from({ length: count }, (_, i) => ({ id: 1000 + i, process: 'running' as const }));
  return {
    voters,
    leaderId: voters[0].id,
    epoch: 1,
    log: [],
    electionPending: false,
    leaderImbalanceCheckAt: null,
    stoppedFetching: {},
  };
}

const majority = (q: Quorum): number => Math.floor(q.voters.length / 2) + 1;
const running = (q: Quorum): number[] => q.voters.filter((v) => v.process === 'running').map((v) => v.id);

function scheduleElection(ctx: Ctx): void {
  const q = ctx.state.quorum;
  if (q.electionPending) return;
  if (running(q).length < majority(q)) {
    ctx.emit(
      'quorumLost',
      `controller quorum lost its majority (${running(q).length} of ${q.voters.length} running, ${majority(q)} needed): no metadata change can be committed, so no leader elections and no broker fencing`,
      { running: running(q), needed: majority(q) },
    );
    return;
  }
  q.electionPending = true;
  // Raft: a voter times out after controller.quorum.election.timeout.ms plus a random backoff, then wins the vote.
  const delay = brokerConfigNumber(ctx.state, 'controller.quorum.election.timeout.ms') + ctx.randomInt(1000);
  ctx.schedule(delay, { type: 'controllerElection', epoch: q.epoch });
}

/** Is there a controller that `brokerId` can heartbeat to? */
export function controllerReachable(ctx: Ctx, brokerId: number): boolean {
  return ctx.state.quorum.leaderId !== null && isBrokerAlive(ctx.state, brokerId);
}

export const quorumCommands = {
  controllerStop: (ctx, cmd) => {
    const q = ctx.state.quorum;
    const node = q.voters.find((v) => v.id === cmd.id);
    if (!node)
      return fail(
        'INVALID_REQUEST',
        `Controller ${cmd.id} does not exist (controllers: ${q.voters.map((v) => v.id).join(', ')})`,
      );
    if (node.process === 'stopped') return fail('INVALID_REQUEST', `Controller ${cmd.id} is already stopped`);
    node.process = 'stopped';
    q.stoppedFetching[cmd.id] = { logEndOffset: q.log.length, time: ctx.now };
    const wasActive = q.leaderId === cmd.id;
    ctx.emit(
      'controllerStopped',
      wasActive
        ? `active controller ${cmd.id} stopped; the remaining voters will elect a new one after the election timeout`
        : `controller ${cmd.id} (a standby) stopped`,
      { controllerId: cmd.id },
    );
    if (wasActive) {
      q.leaderId = null;
      scheduleElection(ctx);
    } else if (q.leaderId !== null && running(q).length < majority(q)) {
      q.leaderId = null;
      scheduleElection(ctx);
    }
    return okVoid();
  },
  controllerStart: (ctx, cmd) => {
    const q = ctx.state.quorum;
    const node = q.voters.find((v) => v.id === cmd.id);
    if (!node) return fail('INVALID_REQUEST', `Controller ${cmd.id} does not exist`);
    if (node.process === 'running') return fail('INVALID_REQUEST', `Controller ${cmd.id} is already running`);
    node.process = 'running';
    delete q.stoppedFetching[cmd.id];
    ctx.emit('controllerStarted', `controller ${cmd.id} started and rejoined the quorum`, {
      controllerId: cmd.id,
    });
    if (q.leaderId === null) scheduleElection(ctx);
    return okVoid();
  },
} satisfies CommandHandlers;

export const quorumTasks = {
  controllerElection: (ctx, t) => {
    const q = ctx.state.quorum;
    if (t.epoch !== q.epoch || q.leaderId !== null) return;
    q.electionPending = false;
    const alive = running(q);
    if (alive.length < majority(q)) return scheduleElection(ctx);
    const winner = alive[ctx.randomInt(alive.length)];
    q.epoch++;
    q.leaderId = winner;
    appendMetadata(ctx, { type: 'LeaderChangeMessage', leaderId: winner });
    ctx.emit(
      'controllerElected',
      `controller ${winner} won the KRaft election for epoch ${q.epoch} (votes from ${alive.length} of ${q.voters.length} voters) and is now the active controller`,
      { controllerId: winner, epoch: q.epoch },
    );
    onControllerActivated(ctx);
  },
} satisfies TaskHandlers;
