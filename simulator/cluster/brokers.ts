// Broker commands: crash/controlled stop, start, network isolation and healing, adding a broker.
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../engine/registry';
import {
  fenceBroker,
  keepSessionTimer,
  scheduleRegistration,
  scheduleUnfence,
} from '../kraft/brokerLifecycle';
import { hasActiveController } from '../kraft/metadataLog';
import { isBrokerAlive } from './lookup';
import { brokerConfigNumber } from './topicConfig';
import type { Broker, BrokerId } from './types';

export function newBroker(id: BrokerId, now: number, registered: boolean): Broker {
  return {
    id,
    process: 'running',
    network: 'connected',
    registration: registered ? 'unfenced' : 'fenced',
    brokerEpoch: -1,
    generation: 0,
    startedAt: now,
    lastHeartbeatAt: now,
    isrCheckAt: null,
  };
}

function findBroker(ctx: Ctx, id: BrokerId): Broker | undefined {
  return ctx.state.brokers[id];
}

const noSuchBroker = (id: BrokerId) => fail('BROKER_NOT_AVAILABLE', `Broker ${id} does not exist.`);

export const brokerCommands = {
  brokerStop: (ctx, cmd) => {
    const b = findBroker(ctx, cmd.id);
    if (!b) return noSuchBroker(cmd.id);
    if (b.process === 'stopped') return fail('INVALID_REQUEST', `Broker ${cmd.id} is already stopped.`);
    const mode = cmd.mode ?? 'crash';
    const wasAlive = isBrokerAlive(ctx.state, cmd.id);
    b.process = 'stopped';
    b.generation++;
    b.isrCheckAt = null;
    const timeout = brokerConfigNumber(ctx.state, 'broker.session.timeout.ms');
    ctx.emit(
      'brokerStopped',
      mode === 'crash'
        ? `broker ${cmd.id} crashed; the controller will notice when its session expires (broker.session.timeout.ms=${timeout})`
        : `broker ${cmd.id} is shutting down cleanly: the controller moves its leaderships away first`,
      { brokerId: cmd.id, mode },
    );
    if (mode === 'controlled' && hasActiveController(ctx)) fenceBroker(ctx, cmd.id, 'controlledShutdown');
    else keepSessionTimer(ctx, cmd.id, wasAlive);
    return okVoid();
  },
  brokerStart: (ctx, cmd) => {
    const b = findBroker(ctx, cmd.id);
    if (!b) return noSuchBroker(cmd.id);
    if (b.process === 'running') return fail('INVALID_REQUEST', `Broker ${cmd.id} is already running.`);
    b.process = 'running';
    b.generation++;
    b.startedAt = ctx.now;
    b.isrCheckAt = null;
    ctx.emit(
      'brokerStarted',
      `broker ${cmd.id} started; it registers with the controller and recovers its logs`,
      {
        brokerId: cmd.id,
      },
    );
    if (b.network === 'connected') scheduleRegistration(ctx, cmd.id);
    else keepSessionTimer(ctx, cmd.id, false);
    return okVoid();
  },
  brokerIsolate: (ctx, cmd) => {
    const b = findBroker(ctx, cmd.id);
    if (!b) return noSuchBroker(cmd.id);
    if (b.network === 'isolated') return fail('INVALID_REQUEST', `Broker ${cmd.id} is already isolated.`);
    const wasAlive = isBrokerAlive(ctx.state, cmd.id);
    b.network = 'isolated';
    b.generation++;
    b.isrCheckAt = null;
    ctx.emit(
      'brokerIsolated',
      `broker ${cmd.id} is cut off from the network: no heartbeats reach the controller, no fetches or produce requests reach it`,
      { brokerId: cmd.id },
    );
    keepSessionTimer(ctx, cmd.id, wasAlive);
    return okVoid();
  },
  brokerHeal: (ctx, cmd) => {
    const b = findBroker(ctx, cmd.id);
    if (!b) return noSuchBroker(cmd.id);
    if (b.network === 'connected') return fail('INVALID_REQUEST', `Broker ${cmd.id} is not isolated.`);
    b.network = 'connected';
    b.generation++;
    ctx.emit('brokerHealed', `broker ${cmd.id} is reachable again`, { brokerId: cmd.id });
    // A registered broker's followers resume fetching: a hook of the replication area on brokerHealed.
    if (b.process === 'running') {
      if (b.brokerEpoch < 0) scheduleRegistration(ctx, cmd.id);
      else if (b.registration === 'fenced') scheduleUnfence(ctx, cmd.id);
    } else keepSessionTimer(ctx, cmd.id, false);
    return okVoid();
  },
  brokerAdd: (ctx) => {
    const ids = Object.keys(ctx.state.brokers).map(Number);
    const id = (ids.length ? Math.max(...ids) : 0) + 1;
    ctx.state.brokers[id] = newBroker(id, ctx.now, false);
    ctx.emit(
      'brokerAdded',
      `broker ${id} joined the cluster (empty: existing partitions stay where they are until reassigned)`,
      {
        brokerId: id,
      },
    );
    scheduleRegistration(ctx, id);
    return ok({ id });
  },
} satisfies CommandHandlers;
