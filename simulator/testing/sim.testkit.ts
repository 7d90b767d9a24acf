// Test kit for the simulator's own tests: a seeded Simulation, dispatch-or-fail, and partition readers.

import type { Partition } from '../cluster/types';
import type { EventOf, EventType, SimEvent } from '../engine/registry';
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

/** The retained events of one type, typed. */
export function eventsOf<K extends EventType>(
  s: Simulation | { events: readonly SimEvent[] },
  type: K,
): EventOf<K>[] {
  return s.events.filter((e) => e.type === type) as unknown as EventOf<K>[];
}
