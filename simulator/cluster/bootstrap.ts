// A freshly formatted KRaft cluster (kafka-storage format, then every node starts): brokers 1..N registered
// and unfenced at time 0, before the first command.
import type { Ctx } from '../engine/context';
import type { SimInit, SimState } from '../engine/state';
import { appendMetadata } from '../kraft/metadataLog';
import { newBroker } from './brokers';
import { BROKER_CONFIG_DEFAULTS } from './topicConfig';

/** The cluster's state fields, empty (start fills them). */
export function initCluster(state: SimState, init: SimInit): void {
  state.clusterId = '';
  state.latencyMs = init.latencyMs ?? 1;
  state.brokerConfig = { ...BROKER_CONFIG_DEFAULTS, ...(init.brokerConfig ?? {}) };
  state.brokers = {};
  state.topics = {};
}

/** Draw the cluster id, register every broker with the active controller and announce the cluster. */
export function startCluster(ctx: Ctx, init: SimInit): void {
  const state = ctx.state;
  const brokerCount = init.brokers ?? 3;
  state.clusterId = ctx.uuid();
  appendMetadata(ctx, { type: 'LeaderChangeMessage', leaderId: state.quorum.leaderId! });
  for (let id = 1; id <= brokerCount; id++) {
    const b = newBroker(id, 0, true);
    b.brokerEpoch = appendMetadata(ctx, {
      type: 'RegisterBrokerRecord',
      brokerId: id,
      brokerEpoch: state.quorum.log.length,
      fenced: false,
    });
    state.brokers[id] = b;
  }
  ctx.emit(
    'clusterStarted',
    `KRaft cluster ${state.clusterId} started: controllers ${state.quorum.voters.map((v) => v.id).join(', ')} (active: ${state.quorum.leaderId}), brokers ${Object.keys(state.brokers).join(', ')}`,
    {
      brokers: Object.keys(state.brokers).map(Number),
      controllers: state.quorum.voters.map((v) => v.id),
      clusterId: state.clusterId,
    },
  );
}

/** The initial state of a whole simulation (engine/initialState.ts); kept here for code written before areas. */
export { createInitialState } from '../engine/initialState';
