// Broker sessions with the active controller (BrokerHeartbeatManager): a broker that stops heartbeating is fenced
// broker.session.timeout.ms later; a (re)starting broker registers (its broker epoch is the offset of its
// RegisterBrokerRecord) and is unfenced once caught up, one heartbeat later. Heartbeats of healthy brokers are
// not simulated one by one: only the moments that change something are scheduled.
import { isBrokerAlive } from '../cluster/lookup';
import { brokerConfigNumber } from '../cluster/topicConfig';
import type { BrokerId } from '../cluster/types';
import type { Ctx } from '../engine/context';
import type { TaskHandlers } from '../engine/registry';
import { onBrokerFenced, onBrokerUnfenced } from './controller';
import { appendMetadata, hasActiveController } from './metadataLog';

function writeRecord(ctx: Ctx, body: Parameters<typeof appendMetadata>[1], what: string): number {
  const offset = appendMetadata(ctx, body);
  ctx.emit(
    'metadataRecordAppended',
    `controller ${ctx.state.quorum.leaderId} wrote ${what} at metadata offset ${offset}`,
    {
      record: ctx.state.quorum.log[offset],
    },
  );
  return offset;
}

/** Fence now (session expired, controlled shutdown, or re-registration of a new incarnation). */
export function fenceBroker(
  ctx: Ctx,
  id: BrokerId,
  cause: 'sessionTimeout' | 'controlledShutdown' | 'reregistration',
): void {
  const b = ctx.state.brokers[id];
  if (b.registration === 'fenced') return;
  b.registration = 'fenced';
  writeRecord(
    ctx,
    { type: 'BrokerRegistrationChangeRecord', brokerId: id, brokerEpoch: b.brokerEpoch, fenced: true },
    `BrokerRegistrationChangeRecord (broker ${id} fenced)`,
  );
  const why =
    cause === 'sessionTimeout'
      ? `sent no heartbeat for broker.session.timeout.ms=${brokerConfigNumber(ctx.state, 'broker.session.timeout.ms')}`
      : cause === 'controlledShutdown'
        ? 'is shutting down (controlled shutdown)'
        : 'restarted and registered again';
  ctx.emit('brokerFenced', `controller fenced broker ${id}: it ${why}`, { brokerId: id, cause });
  onBrokerFenced(
    ctx,
    id,
    cause === 'sessionTimeout'
      ? 'was fenced (missed heartbeats)'
      : cause === 'controlledShutdown'
        ? 'is shutting down'
        : 'restarted',
  );
}

/** Broker stopped heartbeating now: fence it when the session runs out. */
export function scheduleSessionExpiry(ctx: Ctx, id: BrokerId, lastHeartbeatAt = ctx.now): void {
  const b = ctx.state.brokers[id];
  b.lastHeartbeatAt = lastHeartbeatAt;
  if (b.registration === 'fenced') return;
  ctx.scheduleAt(lastHeartbeatAt + brokerConfigNumber(ctx.state, 'broker.session.timeout.ms'), {
    type: 'brokerSessionExpiry',
    brokerId: id,
    generation: b.generation,
  });
}

/**
 * After any change to a broker's process or network: if it cannot heartbeat now, make sure a session expiry is
 * pending for the current generation, counted from its last heartbeat (now, if it was reachable until now).
 */
export function keepSessionTimer(ctx: Ctx, id: BrokerId, wasAlive: boolean): void {
  if (isBrokerAlive(ctx.state, id)) return;
  scheduleSessionExpiry(ctx, id, wasAlive ? ctx.now : ctx.state.brokers[id].lastHeartbeatAt);
}

export function scheduleRegistration(ctx: Ctx, id: BrokerId): void {
  ctx.schedule(ctx.state.latencyMs, {
    type: 'brokerRegistration',
    brokerId: id,
    generation: ctx.state.brokers[id].generation,
  });
}

export function scheduleUnfence(ctx: Ctx, id: BrokerId): void {
  ctx.schedule(brokerConfigNumber(ctx.state, 'broker.heartbeat.interval.ms'), {
    type: 'brokerUnfence',
    brokerId: id,
    generation: ctx.state.brokers[id].generation,
  });
}

/** A new active controller: restart session timers and finish pending registrations. */
export function onControllerActivated(ctx: Ctx): void {
  for (const key in ctx.state.brokers) {
    const b = ctx.state.brokers[key];
    const alive = isBrokerAlive(ctx.state, b.id);
    if (!alive && b.registration === 'unfenced') scheduleSessionExpiry(ctx, b.id);
    else if (alive && b.registration === 'fenced') scheduleRegistration(ctx, b.id);
  }
}

export const brokerLifecycleTasks = {
  brokerSessionExpiry: (ctx, t) => {
    const b = ctx.state.brokers[t.brokerId];
    if (!b || b.generation !== t.generation || isBrokerAlive(ctx.state, t.brokerId)) return;
    if (!hasActiveController(ctx)) return; // the next active controller starts a fresh session timer
    fenceBroker(ctx, t.brokerId, 'sessionTimeout');
  },
  brokerRegistration: (ctx, t) => {
    const b = ctx.state.brokers[t.brokerId];
    if (
      !b ||
      b.generation !== t.generation ||
      !isBrokerAlive(ctx.state, t.brokerId) ||
      !hasActiveController(ctx)
    )
      return;
    if (b.registration === 'unfenced') fenceBroker(ctx, t.brokerId, 'reregistration');
    const offset = ctx.state.quorum.log.length;
    b.brokerEpoch = offset;
    writeRecord(
      ctx,
      { type: 'RegisterBrokerRecord', brokerId: t.brokerId, brokerEpoch: offset, fenced: true },
      `RegisterBrokerRecord (broker ${t.brokerId}, epoch ${offset})`,
    );
    ctx.emit(
      'brokerRegistered',
      `broker ${t.brokerId} registered with the controller (broker epoch ${offset}); it stays fenced until it has caught up with the metadata log`,
      { brokerId: t.brokerId, brokerEpoch: offset },
    );
    // Its followers start fetching again: a hook of the replication area on brokerRegistered.
    scheduleUnfence(ctx, t.brokerId);
  },
  brokerUnfence: (ctx, t) => {
    const b = ctx.state.brokers[t.brokerId];
    if (
      !b ||
      b.generation !== t.generation ||
      !isBrokerAlive(ctx.state, t.brokerId) ||
      !hasActiveController(ctx)
    )
      return;
    if (b.registration === 'unfenced') return;
    b.registration = 'unfenced';
    writeRecord(
      ctx,
      {
        type: 'BrokerRegistrationChangeRecord',
        brokerId: t.brokerId,
        brokerEpoch: b.brokerEpoch,
        fenced: false,
      },
      `BrokerRegistrationChangeRecord (broker ${t.brokerId} unfenced)`,
    );
    ctx.emit(
      'brokerUnfenced',
      `broker ${t.brokerId} caught up with the metadata log and is unfenced: it can lead partitions and rejoin ISRs`,
      {
        brokerId: t.brokerId,
      },
    );
    onBrokerUnfenced(ctx, t.brokerId);
  },
} satisfies TaskHandlers;
