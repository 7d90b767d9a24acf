// isolation.level support. read_uncommitted consumers read below the high watermark; read_committed ones
// below the last stable offset and skip aborted transactional records (FetchIsolation, KIP-98). The
// transactions area installs the real rules with setReadCommittedRules; until then LSO = HW and no
// record counts as aborted.
import type { LogRecord } from '../log/types';

export type IsolationLevel = 'read_uncommitted' | 'read_committed';

export type ReadCommittedRules = {
  /** Last stable offset of the partition, given its leader log and high watermark. */
  lastStableOffset(topic: string, partition: number, highWatermark: number): number;
  /** True for a transactional data record whose transaction was aborted. */
  isAborted(topic: string, partition: number, record: LogRecord): boolean;
};

const defaultRules: ReadCommittedRules = {
  lastStableOffset: (_t, _p, hw) => hw,
  isAborted: () => false,
};

let rules: ReadCommittedRules = defaultRules;

/** Installed by the transactions area (at module load, so replay stays deterministic). */
export function setReadCommittedRules(next: ReadCommittedRules): void {
  rules = next;
}

export function readCommittedRules(): ReadCommittedRules {
  return rules;
}

/** Exclusive upper bound of what a consumer with this isolation level may read. */
export function fetchLimit(
  topic: string,
  partition: number,
  highWatermark: number,
  isolation: IsolationLevel,
): number {
  if (isolation === 'read_uncommitted') return highWatermark;
  return Math.min(highWatermark, rules.lastStableOffset(topic, partition, highWatermark));
}
