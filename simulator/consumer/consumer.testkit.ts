// Test kit for the consumer tests: a real Simulation with topics, records produced into chosen partitions,
// and consumer configs with Kafka's defaults.
import { leaderReplica } from '../cluster/lookup';
import type { SimState } from '../engine/state';
import { Simulation } from '../index';
import { must } from '../testing/sim.testkit';
import { fullConsumerConfig } from './client/config';
import type { ConsumerConfig, ConsumerCreateConfig } from './types';

export type ClusterSpec = {
  /** Topic name → partition count. */
  topics: Record<string, number>;
  brokers?: number;
  replicationFactor?: number;
  topicConfigs?: Record<string, string>;
  seed?: number;
};

/** A cluster with these topics and an acks=1 producer `tk` for produce(). */
export function consumerCluster(spec: ClusterSpec): Simulation {
  const sim = new Simulation({ seed: spec.seed ?? 42, brokers: spec.brokers ?? 1 });
  for (const [topic, partitions] of Object.entries(spec.topics))
    must(sim, {
      type: 'createTopic',
      topic,
      partitions,
      replicationFactor: spec.replicationFactor ?? 1,
      configs: spec.topicConfigs,
    });
  must(sim, { type: 'producerCreate', name: 'tk', configs: { acks: '1', 'enable.idempotence': 'false' } });
  return sim;
}

/** Append `count` records to one partition and wait for their acknowledgement. */
export function produce(sim: Simulation, topic: string, partition: number, count: number): void {
  if (count === 0) return;
  const records = Array.from({ length: count }, (_, i) => ({ key: null, value: `v${i}`, partition }));
  must(sim, { type: 'producerSendMany', producer: 'tk', topic, records });
  must(sim, { type: 'producerFlush', producer: 'tk' });
}

/** A consumer config like the console's `consumer create`, with explicit overrides. */
export function config(
  groupId: string,
  topics: string[],
  over: Partial<ConsumerConfig> = {},
): ConsumerCreateConfig {
  return { ...fullConsumerConfig({ groupId, topics }), ...over };
}

/** Run the clock to absolute virtual time `t` (no-op if already there). */
export function advanceTo(sim: Simulation, t: number): void {
  if (t > sim.state.now) must(sim, { type: 'advanceClock', ms: t - sim.state.now });
}

/** Offsets a poll returned, as "partition@offset". */
export function polled(sim: Simulation, name: string, maxRecords?: number): string[] {
  const r = sim.dispatch({ type: 'consumerPoll', name, maxRecords });
  if (!r.ok) throw new Error(`poll failed: ${r.error.code}: ${r.error.message}`);
  return r.data.records.map((x) => `${x.partition}@${x.offset}`);
}

/** The leader's high watermark and log start offset. */
export function leaderOffsets(state: SimState, topic: string, partition: number) {
  const leader = leaderReplica(state.topics[topic].partitions[partition])!;
  return { logStartOffset: leader.log.logStartOffset, highWatermark: leader.highWatermark };
}
