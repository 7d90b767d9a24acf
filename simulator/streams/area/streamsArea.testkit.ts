// Helpers for the Streams area's tests: a cluster with input topics, producing input, reading outputs.
import { leaderReplica } from '../../cluster/lookup';
import type { Simulation } from '../../index';
import { advance, must, sim } from '../../testing/sim.testkit';
import { readCommittedRecords, readUncommittedRecords } from '../../transactions/readCommitted';

export { advance, must };

export function cluster(topics: Record<string, number>, seed = 42): Simulation {
  const s = sim({ seed });
  for (const [topic, partitions] of Object.entries(topics))
    must(s, { type: 'createTopic', topic, partitions, replicationFactor: 3 });
  must(s, { type: 'producerCreate', name: 'input', configs: { 'linger.ms': '0' } });
  return s;
}

/** Produce [key, value, timestamp] records to `topic` and wait for their acks. */
export function produce(
  s: Simulation,
  topic: string,
  records: Array<[string | null, string | null, number?]>,
): void {
  for (const [key, value, timestamp] of records)
    must(s, { type: 'producerSend', producer: 'input', topic, key, value, timestamp });
  must(s, { type: 'producerFlush', producer: 'input' });
}

/** "key=value" of every data record of a topic, partition by partition (read_committed or not). */
export function read(
  s: Simulation,
  topic: string,
  isolation: 'read_committed' | 'read_uncommitted' = 'read_uncommitted',
): string[] {
  const t = s.state.topics[topic];
  if (!t) return [];
  return t.partitions.flatMap((p) => {
    const leader = leaderReplica(p);
    if (!leader) return [];
    const rs =
      isolation === 'read_committed'
        ? readCommittedRecords(leader.log, leader.highWatermark)
        : readUncommittedRecords(leader.log, leader.highWatermark);
    return rs.map((r) => `${r.key}=${r.value}`);
  });
}

/** Start an instance and let the group's join phase (group.initial.rebalance.delay.ms, heartbeats) complete. */
export function start(s: Simulation, app: string, instance: string): void {
  must(s, { type: 'streamsInstanceStart', app, instance });
  settle(s, app);
}

/** Advance the clock in small steps until no rebalance of `app` is in progress (at most 2 minutes). */
export function settle(s: Simulation, app: string): void {
  for (let i = 0; i < 1200; i++) {
    const a = s.state.areas.streams.apps[app];
    if (!a || (a.join === null && a.state !== 'REBALANCING')) return;
    advance(s, 100);
  }
  throw new Error(`${app} did not settle`);
}
