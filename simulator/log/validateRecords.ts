// Produce-path validation owned by the log (LogValidator#validateKey).
import { isCompacted, type LogConfig } from './logConfig';

export type RecordValidationError = {
  kind: 'INVALID_RECORD';
  /** Kafka error code 87. */
  code: 87;
  message: string;
  /** Index of the offending record within the batch. */
  batchIndex: number;
};

/**
 * A compacted topic (cleanup.policy contains compact) rejects any record without a key, failing
 * the whole batch with INVALID_RECORD (LogValidator#validateKey). `topicPartition` is printed
 * the way Kafka prints a TopicPartition: "orders-0".
 */
export function validateRecordsForAppend(
  config: LogConfig,
  topicPartition: string,
  records: ReadonlyArray<{ key: string | null; control?: unknown }>,
): RecordValidationError | null {
  if (!isCompacted(config)) return null;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r.key === null && (r.control === undefined || r.control === null)) {
      return {
        kind: 'INVALID_RECORD',
        code: 87,
        message: `Compacted topic cannot accept message without key in topic partition ${topicPartition}.`,
        batchIndex: i,
      };
    }
  }
  return null;
}
