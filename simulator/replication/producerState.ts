// Broker-side idempotence state (ProducerStateManager / ProducerAppendInfo): per producer id, its epoch and the
// metadata of its last 5 batches on this partition (NUM_BATCHES_TO_RETAIN), rebuilt from the log after truncation.
import type { ProducerStateEntry, Replica } from '../cluster/types';
import type { LogRecord } from '../log';

export const NUM_BATCHES_TO_RETAIN = 5;
const INT_MAX = 2147483647;

export type SequenceCheck =
  | { kind: 'append' }
  | { kind: 'duplicate'; firstOffset: number; lastOffset: number; timestamp: number }
  | { kind: 'error'; code: 'OUT_OF_ORDER_SEQUENCE_NUMBER' | 'INVALID_PRODUCER_EPOCH'; message: string };

const nextSeq = (s: number): number => (s === INT_MAX ? 0 : s + 1);

/** Check an incoming idempotent batch against the producer's state (UnifiedLog#analyzeAndValidateProducerState). */
export function checkSequence(
  replica: Replica,
  producerId: number,
  producerEpoch: number,
  firstSeq: number,
  count: number,
  tp: string,
): SequenceCheck {
  const entry = replica.producers[producerId];
  // The offset the batch would be written at, as ProducerAppendInfo's messages name it.
  const offset = replica.log.logEndOffset;
  if (!entry) {
    // Producer state is never expired here, so an unknown producer is a new one and must start at sequence 0.
    // (Kafka accepts any sequence only when the state was removed by retention/DeleteRecords; TCP ordering on the
    // real connection prevents a later batch from overtaking a lost earlier one, which this model's independent
    // request loss does not.)
    if (firstSeq === 0) return { kind: 'append' };
    return {
      kind: 'error',
      code: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
      message: `Out of order sequence number for producer ${producerId} at offset ${offset} in partition ${tp}: ${firstSeq} (incoming seq. number), -1 (current end sequence number)`,
    };
  }
  if (producerEpoch < entry.producerEpoch) {
    return {
      kind: 'error',
      code: 'INVALID_PRODUCER_EPOCH',
      message: `Epoch of producer ${producerId} at offset ${offset} in ${tp} is ${producerEpoch}, which is smaller than the last seen epoch ${entry.producerEpoch}`,
    };
  }
  const lastSeq = (firstSeq + count - 1) % (INT_MAX + 1);
  if (producerEpoch === entry.producerEpoch) {
    const dup = entry.batches.find((b) => b.firstSeq === firstSeq && b.lastSeq === lastSeq);
    if (dup)
      return {
        kind: 'duplicate',
        firstOffset: dup.firstOffset,
        lastOffset: dup.lastOffset,
        timestamp: dup.timestamp,
      };
    const last = entry.batches[entry.batches.length - 1];
    if (last && firstSeq !== nextSeq(last.lastSeq)) {
      return {
        kind: 'error',
        code: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
        message: `Out of order sequence number for producer ${producerId} at offset ${offset} in partition ${tp}: ${firstSeq} (incoming seq. number), ${last.lastSeq} (current end sequence number)`,
      };
    }
    return { kind: 'append' };
  }
  if (firstSeq !== 0) {
    return {
      kind: 'error',
      code: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
      // Kafka's own text has no space before "at" (ProducerAppendInfo#checkSequence).
      message: `Invalid sequence number for new epoch of producer ${producerId}at offset ${offset} in partition ${tp}: ${producerEpoch} (request epoch), ${firstSeq} (seq. number), ${entry.producerEpoch} (current producer epoch)`,
    };
  }
  return { kind: 'append' };
}

/** Record appended batches (leader or follower) in the producer state; `records` are in offset order. */
export function trackAppended(replica: Replica, records: readonly LogRecord[]): void {
  let i = 0;
  while (i < records.length) {
    const first = records[i];
    let j = i;
    while (j + 1 < records.length && records[j + 1].batchId === first.batchId) j++;
    if (first.producerId >= 0 && first.sequence >= 0 && first.control === null) {
      const last = records[j];
      let entry: ProducerStateEntry | undefined = replica.producers[first.producerId];
      if (!entry || entry.producerEpoch !== first.producerEpoch) {
        entry = { producerEpoch: first.producerEpoch, batches: [] };
        replica.producers[first.producerId] = entry;
      }
      entry.batches.push({
        firstSeq: first.sequence,
        lastSeq: last.sequence,
        firstOffset: first.offset,
        lastOffset: last.offset,
        timestamp: last.timestamp,
      });
      if (entry.batches.length > NUM_BATCHES_TO_RETAIN) entry.batches.shift();
    }
    i = j + 1;
  }
}

/** Rebuild from the log (after truncation), as a broker reloads producer state from its snapshot + log. */
export function rebuildProducerState(replica: Replica): void {
  replica.producers = {};
  for (const seg of replica.log.segments) trackAppended(replica, seg.records);
}
