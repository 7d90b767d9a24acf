// Two regions as two clusters of one simulation (east, the first, and west), for the MirrorMaker 2 tests.

import type { Command } from '../engine/registry';
import { readModel, Simulation } from '../index';
import { advance, must } from '../testing/sim.testkit';
import { parseMm2Config } from './mm2Config';
import type { MirrorFlowSpec } from './types';

export const inWest = (command: Command) => ({ type: 'clusterRun' as const, cluster: 'west', command });

export function twoRegions(): Simulation {
  const s = new Simulation({ seed: 42, brokers: 3 });
  must(s, { type: 'clusterCreate', name: 'west', first: 'east' });
  return s;
}

/** The flows of an MM2 properties file (`clusters = east, west` and the lines given). */
export function flows(lines: string): MirrorFlowSpec[] {
  const r = parseMm2Config(`clusters = east, west\n${lines}`);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.specs;
}

export const eastToWest = (extra = '') => flows(`east->west.enabled = true\ntopics = orders\n${extra}`)[0];

/** `n` orders produced in a cluster (east unless `west`), offsets from `from`. */
export function produce(s: Simulation, n: number, where: 'east' | 'west' = 'east', from = 0): void {
  const run = (c: Command) => must(s, where === 'east' ? c : inWest(c));
  if (!s.state.topics.orders && where === 'east')
    run({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
  if (where === 'west' && !s.state.clusters?.west.topics.orders)
    run({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
  const producers = where === 'east' ? s.state.producers : s.state.clusters?.west.producers;
  if (!producers?.app) run({ type: 'producerCreate', name: 'app' });
  run({
    type: 'producerSendMany',
    producer: 'app',
    topic: 'orders',
    records: Array.from({ length: n }, (_, i) => ({ value: `order ${from + i}`, partition: 0 })),
  });
  run({ type: 'producerFlush', producer: 'app' });
}

/** The values of a topic-partition's log in a cluster. */
export function values(s: Simulation, where: 'east' | 'west', topic: string, p = 0): Array<string | null> {
  const view = where === 'east' ? readModel(s) : readModel(s).cluster('west');
  return view?.partitionLog(topic, p)?.segments.flatMap((g) => g.records.map((r) => r.value)) ?? [];
}

export const commit = (
  s: Simulation,
  where: 'east' | 'west',
  group: string,
  topic: string,
  offset: number,
) => {
  const c: Command = {
    type: 'groupCommitOffsets',
    groupId: group,
    offsets: [{ topic, partition: 0, offset }],
  };
  return must(s, where === 'east' ? c : inWest(c));
};

export { advance, must };
