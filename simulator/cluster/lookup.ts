// Small read helpers over the cluster state, shared by the core and other areas.
import type { SimState } from '../engine/state';
import { tpKey } from './topicPartition';
import type { Broker, BrokerId, Partition, Replica } from './types';

/** "orders-1": how Kafka prints a TopicPartition (the same string as tpKey). */
export const tpName = tpKey;

export function getPartition(state: SimState, topic: string, partition: number): Partition | undefined {
  return state.topics[topic]?.partitions[partition];
}

export function brokerList(state: SimState): Broker[] {
  return Object.values(state.brokers);
}

/** The process runs and is reachable on the network. */
export function isBrokerAlive(state: SimState, id: BrokerId): boolean {
  const b = state.brokers[id];
  return b !== undefined && b.process === 'running' && b.network === 'connected';
}

/** What the controller accepts as a leader candidate: registered and unfenced (it cannot see crashes until the session expires). */
export function isBrokerUnfenced(state: SimState, id: BrokerId): boolean {
  return state.brokers[id]?.registration === 'unfenced';
}

export function leaderReplica(p: Partition): Replica | undefined {
  return p.leader === null ? undefined : p.replicaLogs[p.leader];
}

/** The partition's high watermark as the leader knows it (the last leader's when offline). */
export function highWatermark(p: Partition): number {
  const r = leaderReplica(p);
  if (r) return r.highWatermark;
  let hw = 0;
  for (const id of p.isr) hw = Math.max(hw, p.replicaLogs[id]?.highWatermark ?? 0);
  return hw;
}

export function logEndOffset(p: Partition): number {
  return leaderReplica(p)?.log.logEndOffset ?? 0;
}

export function* allPartitions(state: SimState): Generator<Partition> {
  for (const name in state.topics) yield* state.topics[name].partitions;
}

export const fmtIds = (ids: readonly number[]): string => `[${ids.join(',')}]`;
