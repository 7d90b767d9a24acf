// Shared contract for a replica's log. The storage module (this folder) owns the
// functions over these types; the cluster core (replication, producers, consumers,
// transactions) only goes through simulator/log/index.ts.

/** One record as stored in a replica's log (a data record or a transaction control record). */
export type LogRecord = {
  offset: number;
  /** CreateTime from the producer, or the broker's append time under LogAppendTime. */
  timestamp: number;
  key: string | null;
  /** null = tombstone (for data records). Control records carry null too. */
  value: string | null;
  headers: ReadonlyArray<readonly [string, string]>;
  /** Bytes this record adds to its segment (see recordSize in segments.ts). */
  sizeBytes: number;
  /** Leader epoch of the leader that appended it (batch header partitionLeaderEpoch). */
  leaderEpoch: number;
  /** Batch this record was appended in; records of one produce request share it. */
  batchId: number;
  /** Idempotent/transactional producer fields; -1 when the producer has none. */
  producerId: number;
  producerEpoch: number;
  sequence: number;
  /** Part of a transaction (batch attribute isTransactional). */
  transactional: boolean;
  /** Control record (transaction marker), never returned to applications. */
  control: null | { type: 'COMMIT' | 'ABORT' };
};

export type Segment = {
  baseOffset: number;
  records: LogRecord[];
  sizeBytes: number;
  /** Largest record timestamp in the segment (-1 when empty). */
  largestTimestamp: number;
  /** Timestamp of the first batch, used by segment.ms rolling (-1 when empty). */
  firstTimestamp: number;
  /** Virtual time at which the segment file was created. */
  createdAt: number;
  /** Set by the log cleaner: offsets below this in the segment have been compacted. */
  cleaned: boolean;
};

export type PartitionLog = {
  /** Oldest first; the last one is the active segment. Never empty. */
  segments: Segment[];
  logStartOffset: number;
  /** Next offset to assign (LEO). */
  logEndOffset: number;
  /** Leader epoch cache: [epoch, startOffset] pairs, ascending (leader-epoch-checkpoint). */
  epochs: Array<readonly [number, number]>;
  /** Cleaner checkpoint: first offset not yet cleaned (first dirty offset). */
  cleanerCheckpoint: number;
  /** Tombstones/markers first seen by the cleaner: offset -> delete horizon (ms). */
  deleteHorizons: Record<number, number>;
};
