// A freshly formatted KRaft cluster: controllers 1000.., brokers 1..N registered and unfenced at time 0.
import { Ctx } from '../engine/context';
import { type AreaStates, areaInitializers, type SimEvent } from '../engine/registry';
import { seedToRng } from '../engine/rng';
import type { SimInit, SimState } from '../engine/state';
import { appendMetadata } from '../kraft/metadataLog';
import { initialQuorum } from '../kraft/quorum';
import { initialNetwork } from '../network/faults';
import { newBroker } from './brokers';
import { BROKER_CONFIG_DEFAULTS } from './topicConfig';

export function createInitialState(init: SimInit, sink: SimEvent[]): SimState {
  const seed = init.seed ?? 42;
  const brokerCount = init.brokers ?? 3;
  const state: SimState = {
    seed,
    rng: seedToRng(seed),
    now: 0,
    nextEventSeq: 0,
    nextTaskSeq: 0,
    tasks: [],
    clusterId: '',
    latencyMs: init.latencyMs ?? 1,
    brokerConfig: { ...BROKER_CONFIG_DEFAULTS, ...(init.brokerConfig ?? {}) },
    brokers: {},
    quorum: initialQuorum(init.controllers ?? 3),
    topics: {},
    producers: {},
    network: initialNetwork(),
    nextProducerId: 0,
    nextBatchId: 0,
    nextRequestId: 0,
    areas: {} as AreaStates,
  };
  const ctx = new Ctx(state, sink);
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
  for (const [key, initArea] of areaInitializers()) {
    (state.areas as unknown as Record<string, unknown>)[key] = initArea(init, state);
  }
  return state;
}
