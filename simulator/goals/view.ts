// Build a GoalView from the console's read-only port plus the simulation itself, for what the port does not
// expose: producer settings (state.producers) and what poll() delivered to each group (consumerPolled events).
import type { SimEvent } from '../engine/registry';
import type { SimState } from '../engine/state';
import { partitionForKey } from '../producer/murmur2';
import type { ProducerConfig } from '../producer/types';
import type { GoalView } from './types';

export function producerConfigByKafkaName(c: ProducerConfig): Record<string, string> {
  const out: Record<string, string> = {
    acks: String(c.acks),
    'enable.idempotence': String(c.enableIdempotence),
    retries: String(c.retries),
    'batch.size': String(c.batchSize),
    'linger.ms': String(c.lingerMs),
    'delivery.timeout.ms': String(c.deliveryTimeoutMs),
    'request.timeout.ms': String(c.requestTimeoutMs),
    'max.in.flight.requests.per.connection': String(c.maxInFlight),
    'retry.backoff.ms': String(c.retryBackoffMs),
    'partitioner.ignore.keys': String(c.partitionerIgnoreKeys),
  };
  if (c.transactionalId !== null) out['transactional.id'] = c.transactionalId;
  return out;
}

/** Only open producers count: a closed producer no longer writes anything. */
export function openProducerConfig(state: SimState, name: string): Record<string, string> | null {
  const p = state.producers[name];
  return p && p.status === 'open' ? producerConfigByKafkaName(p.config) : null;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** consumer name -> group.id, from whichever state area keeps consumer clients ({ consumers: { name: { config: { groupId } } } }). */
export function consumerGroups(state: SimState): Map<string, string> {
  const out = new Map<string, string>();
  for (const area of Object.values(state.areas as unknown as Record<string, unknown>)) {
    if (!isObject(area) || !isObject(area.consumers)) continue;
    for (const [name, c] of Object.entries(area.consumers)) {
      if (isObject(c) && isObject(c.config) && typeof c.config.groupId === 'string')
        out.set(name, c.config.groupId);
    }
  }
  return out;
}

/** Distinct records of `topic` delivered by poll() to members of `group`, from the consumerPolled events. */
export function groupReceivedCount(
  state: SimState,
  events: readonly SimEvent[],
  group: string,
  topic: string,
): number {
  const groups = consumerGroups(state);
  const seen = new Set<string>();
  for (const e of events as readonly unknown[]) {
    if (!isObject(e) || e.type !== 'consumerPolled' || typeof e.consumer !== 'string') continue;
    if (groups.get(e.consumer) !== group || !Array.isArray(e.records)) continue;
    for (const r of e.records as unknown[]) {
      if (isObject(r) && r.topic === topic) seen.add(`${r.partition}@${r.offset}`);
    }
  }
  return seen.size;
}

/** What goalView needs from a Simulation (structurally: `new Simulation(...)` fits). */
export type SimulationLike = { state: SimState; events: readonly SimEvent[] };

export function goalView(
  port: Pick<GoalView, 'brokers' | 'topic' | 'group' | 'read'>,
  sim: SimulationLike,
): GoalView {
  return {
    brokers: () => port.brokers(),
    topic: (name) => port.topic(name),
    group: (id) => port.group(id),
    read: (topic, partition, offset, max, isolation) => port.read(topic, partition, offset, max, isolation),
    producerConfig: (name) => openProducerConfig(sim.state, name),
    partitionForKey: (key, n) => partitionForKey(key, n),
    groupReceived: (group, topic) => groupReceivedCount(sim.state, sim.events, group, topic),
  };
}
