// Public surface of the replica log (segments, retention, compaction). The core and other
// simulator areas import from here only.
export * from './format';
export * from './leaderEpochCache';
export * from './logCleaner';
export * from './logCleanerManager';
export * from './logConfig';
export * from './retention';
export {
  ceilRecordIndex,
  createSegment,
  floorSegmentIndex,
  RECORD_BATCH_OVERHEAD,
  recordSize,
  segmentEndOffset,
  shouldRoll,
  utf8Length,
  varintSize,
} from './segments';
export * from './transactionIndex';
export type { LogRecord, PartitionLog, Segment } from './types';
export {
  type AppendBatchInput,
  type AppendRecordInput,
  type AppendResult,
  activeSegment,
  appendAsFollower,
  appendAsLeader,
  createLog,
  incrementLogStartOffset,
  logSize,
  type ReadResult,
  readRecords,
  recordAt,
  recordCount,
  truncateFullyAndStartAt,
  truncateTo,
} from './unifiedLog';
export * from './validateRecords';
