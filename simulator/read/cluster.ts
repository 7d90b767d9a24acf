// Brokers, controllers and partitions as every reader sees them.
import type { Broker, Partition, Replica, Topic } from '../cluster/types';
import type { SimState } from '../engine/state';
import { lastStableOffset } from '../transactions/readCommitted';
import type {
  BrokerState,
  BrokerView,
  ControllerView,
  MetadataReplicaView,
  NetworkView,
  PartitionView,
  QuorumView,
  TopicView,
} from './types';

export function brokerState(b: Broker): BrokerState {
  if (b.process === 'stopped') return 'stopped';
  return b.network === 'isolated' ? 'isolated' : 'online';
}

export function brokersOf(state: SimState): BrokerView[] {
  const list = Object.values(state.brokers).sort((a, b) => a.id - b.id);
  const controller = list.find((b) => b.process === 'running' && b.network === 'connected')?.id;
  return list.map((b) => ({
    id: b.id,
    host: 'localhost',
    port: 9091 + b.id,
    state: brokerState(b),
    controller: b.id === controller,
  }));
}

/** Controllers listen for the quorum on their own port (the simulation's choice: 19092 for node 1000, …). */
export const controllerPort = (id: number): number => 19092 + (id - 1000);

export function quorumOf(state: SimState): QuorumView {
  const q = state.quorum;
  const voters: ControllerView[] = q.voters.map((v) => ({
    id: v.id,
    running: v.process === 'running',
    active: q.leaderId === v.id,
  }));
  const hw = q.log.length;
  const replica = (nodeId: number, role: 'voter' | 'observer'): MetadataReplicaView => {
    const stopped = q.stoppedFetching[nodeId];
    return {
      nodeId,
      role,
      endpoint: role === 'voter' ? `CONTROLLER://localhost:${controllerPort(nodeId)}` : null,
      logEndOffset: stopped?.logEndOffset ?? hw,
      lastFetchTimestamp: stopped?.time ?? state.now,
      lastCaughtUpTimestamp: stopped?.time ?? state.now,
    };
  };
  const brokers = Object.values(state.brokers).sort((a, b) => a.id - b.id);
  return {
    leaderId: q.leaderId,
    epoch: q.epoch,
    voters,
    highWatermark: hw,
    replicas: [
      ...q.voters.map((v) => replica(v.id, 'voter')),
      ...brokers.map((b) => replica(b.id, 'observer')),
    ],
  };
}

/** The replica whose log a reader sees: the leader's, else the first replica that has one. */
export function servingReplica(p: Partition): Replica | undefined {
  const leader = p.leader === null ? undefined : p.replicaLogs[p.leader];
  return leader ?? p.replicaLogs[p.replicas[0]] ?? Object.values(p.replicaLogs)[0];
}

export function partitionOf(state: SimState, p: Partition): PartitionView {
  const leader = p.leader === null ? undefined : p.replicaLogs[p.leader];
  const serving = servingReplica(p);
  const hw = leader
    ? leader.highWatermark
    : Math.max(0, ...p.isr.map((id) => p.replicaLogs[id]?.highWatermark ?? 0));
  const adding = new Set(p.addingReplicas);
  const removing = new Set(p.removingReplicas);
  return {
    topic: p.topic,
    partition: p.partition,
    leader: p.leader,
    leaderEpoch: p.leaderEpoch,
    replicas: [...p.replicas],
    isr: [...p.isr],
    replicaStates: p.replicas.map((id) => {
      const b = state.brokers[id];
      return {
        broker: id,
        leader: p.leader === id,
        inIsr: p.isr.includes(id),
        brokerDown: !b || brokerState(b) !== 'online',
        logEndOffset: p.replicaLogs[id]?.log.logEndOffset ?? 0,
        highWatermark: p.replicaLogs[id]?.highWatermark ?? 0,
        adding: adding.has(id),
        removing: removing.has(id),
      };
    }),
    addingReplicas: [...p.addingReplicas],
    removingReplicas: [...p.removingReplicas],
    elr: [],
    lastKnownElr: [],
    logStartOffset: serving?.log.logStartOffset ?? 0,
    highWatermark: hw,
    logEndOffset: serving?.log.logEndOffset ?? 0,
    lastStableOffset: leader ? lastStableOffset(leader.log, hw) : hw,
  };
}

export function topicOf(state: SimState, t: Topic): TopicView {
  return {
    name: t.name,
    topicId: t.topicId,
    internal: t.internal,
    partitions: t.partitions.map((p) => partitionOf(state, p)),
    overrides: { ...t.configs },
  };
}

export function stateTopic(state: SimState, name: string): Topic | undefined {
  return Object.hasOwn(state.topics, name) ? state.topics[name] : undefined;
}

export function statePartition(state: SimState, topic: string, partition: number): Partition | undefined {
  return stateTopic(state, topic)?.partitions[partition];
}

export function networkOf(state: SimState): NetworkView {
  const n = state.network;
  return {
    requestLossRate: n.requestLossRate,
    responseLossRate: n.responseLossRate,
    pendingDrops: n.dropRules.map((r) => ({ what: r.what, producer: r.producer, remaining: r.remaining })),
  };
}
