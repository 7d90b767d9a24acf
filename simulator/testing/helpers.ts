// Test helpers for the simulator's own tests (not exported from index.ts).

import type { Partition } from '../cluster/types';
import { type Command, type CommandResult, Simulation } from '../index';
import type { LogRecord } from '../log';

export function sim(init: ConstructorParameters<typeof Simulation>[0] = {}): Simulation {
  return new Simulation({ seed: 42, brokers: 3, ...init });
}

/** Dispatch and fail the test with the Kafka error if the command did not succeed. */
export function must<C extends Command>(s: Simulation, cmd: C): CommandResult<C['type']> {
  const r = s.dispatch(cmd);
  if (!r.ok) throw new Error(`${cmd.type} failed: ${r.error.code}: ${r.error.message}`);
  return r;
}

export function part(s: Simulation, topic: string, p = 0): Partition {
  return s.state.topics[topic].partitions[p];
}

export function leaderRecords(p: Partition): LogRecord[] {
  if (p.leader === null) return [];
  return p.replicaLogs[p.leader].log.segments.flatMap((seg) => seg.records);
}

export function replicaValues(p: Partition, broker: number): Array<string | null> {
  return p.replicaLogs[broker].log.segments.flatMap((seg) => seg.records.map((r) => r.value));
}

export function hw(p: Partition): number {
  return p.leader === null ? -1 : p.replicaLogs[p.leader].highWatermark;
}

export const advance = (s: Simulation, ms: number) => must(s, { type: 'advanceClock', ms });

export function eventsOf(s: Simulation, type: string) {
  return s.events.filter((e) => e.type === type);
}
