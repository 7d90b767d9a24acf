// The narrow view of the cluster the consumer area works through. The engine glue (area.ts) implements
// it over the simulation state; tests implement it over a few in-memory logs.
import type { LogRecord } from '../log/types';
import type { ConsumerEvent } from './consumerEvents';
import type { ReadCommittedView } from './isolation';

export type PartitionReadView = {
  /** A leader exists and clients can reach it (consumers fetch from the leader only). */
  leaderAvailable: boolean;
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
};

export type FetchResult =
  | { kind: 'records'; records: LogRecord[]; nextOffset: number }
  | { kind: 'offsetOutOfRange'; logStartOffset: number; logEndOffset: number };

export interface ClusterAccess extends ReadCommittedView {
  readonly now: number;
  partitionCount(topic: string): number | undefined;
  partition(topic: string, partition: number): PartitionReadView | undefined;
  /** Leader read of [from, upTo), at most max records (control records included). */
  fetch(topic: string, partition: number, from: number, upTo: number, max: number): FetchResult;
  /** ListOffsets by timestamp: first offset whose timestamp >= ts, or null when none. */
  offsetForTimestamp(topic: string, partition: number, timestamp: number): number | null;
  /** Is the group coordinator (leader of the group's __consumer_offsets partition) reachable? */
  coordinatorAvailable(groupId: string): boolean;
  /** Broker id of the group coordinator, or -1 when unknown. */
  coordinatorId(groupId: string): number;
  /** Persist commits as records of __consumer_offsets (key group/topic/partition, value offset). */
  writeOffsetCommits(
    groupId: string,
    offsets: Array<{ topic: string; partition: number; offset: number }>,
  ): void;
  emit(event: ConsumerEvent): void;
  uuid(): string;
  /** Arrange for the area's timers to run at `at` (virtual ms). */
  wakeAt(at: number, wake: WakeUp): void;
}

export type WakeUp =
  | { kind: 'group-timer'; groupId: string }
  | { kind: 'poll-timeout'; consumer: string; pollEpoch: number };
