// Segment-level helpers: record sizing, creating segments, and the roll decision
// (LogSegment#shouldRoll).
import type { LogRecord, Segment } from './types';

/**
 * Fixed header of a v2 record batch (DefaultRecordBatch.RECORD_BATCH_OVERHEAD = 61 bytes).
 * The log charges it to the first record of each batch (see appendAsLeader).
 */
export const RECORD_BATCH_OVERHEAD = 61;

/** Bytes of a zig-zag varint (the encoding v2 records use for lengths and deltas). */
export function varintSize(n: number): number {
  let z = n >= 0 ? n * 2 : -n * 2 - 1;
  let bytes = 1;
  while (z >= 128) {
    z = Math.floor(z / 128);
    bytes++;
  }
  return bytes;
}

/** Any UTF-16 unit outside ASCII (then the string needs the per-unit count below). */
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * UTF-8 byte length without allocating. An all-ASCII string (the common case) is one byte per unit:
 * the regular expression scan is native and about three times faster than the loop, which only runs
 * when some unit is not ASCII.
 */
export function utf8Length(s: string): number {
  if (!NON_ASCII.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // surrogate pair: one 4-byte code point
      i++;
    } else n += 3;
  }
  return n;
}

const fieldSize = (s: string | null): number => {
  if (s === null) return 1; // length -1
  const len = utf8Length(s);
  return varintSize(len) + len;
};

/**
 * Size in bytes of one record inside a v2 record batch (DefaultRecord): length varint,
 * attributes, timestamp delta, offset delta, key, value and headers.
 * Simplification: the timestamp and offset deltas are counted as 1 byte each (they are
 * varints that are usually 1–3 bytes), there is no compression, and the 61-byte batch
 * header is added separately, once per produced batch.
 */
export function recordSize(
  key: string | null,
  value: string | null,
  headers: ReadonlyArray<readonly [string, string]> = [],
): number {
  let body = 1 + 1 + 1 + fieldSize(key) + fieldSize(value) + varintSize(headers.length);
  for (const [hk, hv] of headers) {
    const kl = utf8Length(hk);
    const vl = utf8Length(hv);
    body += varintSize(kl) + kl + varintSize(vl) + vl;
  }
  return varintSize(body) + body;
}

export function createSegment(baseOffset: number, now: number): Segment {
  return {
    baseOffset,
    records: [],
    sizeBytes: 0,
    largestTimestamp: -1,
    firstTimestamp: -1,
    createdAt: now,
    cleaned: false,
  };
}

/** Offset one past the segment's range: the next segment's base, or the log end offset for the last. */
export function segmentEndOffset(segments: readonly Segment[], index: number, logEndOffset: number): number {
  return index + 1 < segments.length ? segments[index + 1].baseOffset : logEndOffset;
}

/** Index of the segment whose range holds `offset` (floor by base offset); -1 if before the first. */
export function floorSegmentIndex(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].baseOffset <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Index of the first record with offset ≥ `offset` in a segment (records.length if none). */
export function ceilRecordIndex(records: readonly LogRecord[], offset: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid].offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * LogSegment#shouldRoll, checked before each append: roll when the batch would push the
 * segment past segment.bytes, or when the segment is non-empty and the batch's max timestamp
 * is more than segment.ms after the segment's first batch timestamp (falling back to the
 * segment's creation time when it has no timestamp). Time alone never rolls a quiet
 * partition: this is only evaluated on append. Index-full and 32-bit relative offset
 * overflow are not modelled: with index.interval.bytes=4096 and segment.index.bytes=10 MiB an
 * index fills only after several GB of data, past the 1 GiB segment.bytes default.
 */
export function shouldRoll(
  segment: Segment,
  batchBytes: number,
  batchMaxTimestamp: number,
  now: number,
  segmentBytes: number,
  rollMs: number,
): boolean {
  const waited =
    segment.firstTimestamp >= 0 ? batchMaxTimestamp - segment.firstTimestamp : now - segment.createdAt;
  return segment.sizeBytes > segmentBytes - batchBytes || (segment.sizeBytes > 0 && waited > rollMs);
}

/** Recomputes size and timestamps after records were removed (truncation, cleaning). */
export function recomputeSegmentStats(segment: Segment): void {
  let size = 0;
  let largest = -1;
  for (const r of segment.records) {
    size += r.sizeBytes;
    if (r.timestamp > largest) largest = r.timestamp;
  }
  segment.sizeBytes = size;
  segment.largestTimestamp = largest;
  if (segment.records.length === 0) segment.firstTimestamp = -1;
}
