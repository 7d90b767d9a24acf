// Turning the simulator's stored records back into record batches v2 for a fetch response. Records appended
// together share a batchId (the offset of their first record), so each run of records with one batchId is one
// batch, as the broker stored it; compaction may have left gaps, which offset deltas express. Control records
// (transaction markers) become control batches with the ControlRecordType key and EndTransactionMarker value.
// Simplifications: batches are returned uncompressed; the marker's coordinator epoch is 0.
import type { LogRecord } from '../log';
import { Writer } from './bytes';
import { controlKey, controlValue, encodeBatch, type RecordBatch } from './recordBatch';
import { simStringToBytes } from './textCodec';

function toBatch(records: LogRecord[], timestampType: RecordBatch['timestampType']): RecordBatch {
  const first = records[0];
  const last = records[records.length - 1];
  let maxTs = first.timestamp;
  for (const r of records) if (r.timestamp > maxTs) maxTs = r.timestamp;
  const control = first.control !== null;
  return {
    baseOffset: first.offset,
    partitionLeaderEpoch: first.leaderEpoch,
    compression: 'none',
    timestampType,
    transactional: first.transactional || control,
    control,
    lastOffsetDelta: last.offset - first.offset,
    baseTimestamp: first.timestamp,
    maxTimestamp: maxTs,
    producerId: first.producerId,
    producerEpoch: first.producerEpoch,
    baseSequence: first.sequence,
    records: records.map((r) => ({
      offsetDelta: r.offset - first.offset,
      timestampDelta: r.timestamp - first.timestamp,
      key: r.control ? controlKey(r.control.type) : r.key === null ? null : simStringToBytes(r.key),
      value: r.control ? controlValue(0) : r.value === null ? null : simStringToBytes(r.value),
      headers: r.headers.map(([k, v]) => ({ key: k, value: simStringToBytes(v) })),
    })),
  };
}

/** Split records (offset order) into stored batches. */
export function groupIntoBatches(records: readonly LogRecord[]): LogRecord[][] {
  const out: LogRecord[][] = [];
  let cur: LogRecord[] = [];
  for (const r of records) {
    const prev = cur[cur.length - 1];
    if (prev && (prev.batchId !== r.batchId || (prev.control === null) !== (r.control === null))) {
      out.push(cur);
      cur = [];
    }
    cur.push(r);
  }
  if (cur.length) out.push(cur);
  return out;
}

export type EncodedRecords = { bytes: Uint8Array; lastOffset: number; batches: number };

/**
 * Encode whole batches while they fit in maxBytes; the first batch is always included when `mustInclude`
 * (KIP-74: a fetch makes progress even when one batch exceeds the limits).
 */
export function encodeLogRecords(
  records: readonly LogRecord[],
  timestampType: RecordBatch['timestampType'],
  maxBytes: number,
  mustInclude: boolean,
): EncodedRecords {
  const w = new Writer(1024);
  let lastOffset = -1;
  let batches = 0;
  for (const group of groupIntoBatches(records)) {
    const before = w.pos;
    encodeBatch(toBatch(group, timestampType), w);
    if (w.pos > maxBytes && !(batches === 0 && mustInclude)) {
      w.pos = before;
      break;
    }
    batches++;
    lastOffset = group[group.length - 1].offset;
    if (w.pos >= maxBytes) break;
  }
  return { bytes: w.finish(), lastOffset, batches };
}
