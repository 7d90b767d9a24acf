// The whole simulation state: plain serialisable data (JSON round-trips it exactly).
import type { Broker, BrokerId, Topic } from '../cluster/types';
import type { Quorum } from '../kraft/types';
import type { NetworkState } from '../network/faults';
import type { Producer } from '../producer/types';
import type { AreaStates } from './registry';
import type { ScheduledTask } from './scheduler';

export type SimInit = {
  seed?: number;
  /** Number of brokers, ids 1..N (default 3). */
  brokers?: number;
  /** Number of KRaft controllers, ids 1000.. (default 3, separate from brokers). */
  controllers?: number;
  /** Broker config overrides (server.properties), e.g. { 'auto.create.topics.enable': 'false' }. */
  brokerConfig?: Record<string, string>;
  /** One-way network latency in virtual ms (default 1). */
  latencyMs?: number;
  /** Extra options for extension areas. */
  areas?: Record<string, unknown>;
};

export type SimState = {
  seed: number;
  rng: number;
  now: number;
  nextEventSeq: number;
  nextTaskSeq: number;
  tasks: ScheduledTask[];
  clusterId: string;
  latencyMs: number;
  brokerConfig: Record<string, string>;
  brokers: Record<BrokerId, Broker>;
  quorum: Quorum;
  topics: Record<string, Topic>;
  producers: Record<string, Producer>;
  network: NetworkState;
  nextProducerId: number;
  nextBatchId: number;
  nextRequestId: number;
  areas: AreaStates;
};
