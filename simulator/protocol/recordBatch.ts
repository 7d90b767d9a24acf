// Record batch v2 (implementation.html §5.3, DefaultRecordBatch / DefaultRecord): the unit a producer sends and a
// fetch returns. Header: baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic int8 = 2,
// crc uint32 (CRC-32C from attributes to the end), attributes int16, lastOffsetDelta int32, baseTimestamp int64,
// maxTimestamp int64, producerId int64, producerEpoch int16, baseSequence int32, recordCount int32, records.
// Attributes: bits 0–2 compression, 3 timestamp type (1 = LogAppendTime), 4 transactional, 5 control.
import { ProtocolError, Reader, utf8, utf8Bytes, Writer } from './bytes';
import { crc32c } from './crc32c';

export const BATCH_HEADER_SIZE = 61;
/** Offset of the attributes field: the CRC covers [this, end of batch). */
const CRC_START = 21;

export type Compression = 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
export const COMPRESSION_CODECS: readonly Compression[] = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

export type WireHeader = { key: string; value: Uint8Array | null };

export type WireRecord = {
  offsetDelta: number;
  timestampDelta: number;
  key: Uint8Array | null;
  value: Uint8Array | null;
  headers: WireHeader[];
};

export type RecordBatch = {
  baseOffset: number;
  partitionLeaderEpoch: number;
  compression: Compression;
  timestampType: 'CreateTime' | 'LogAppendTime';
  transactional: boolean;
  control: boolean;
  lastOffsetDelta: number;
  baseTimestamp: number;
  maxTimestamp: number;
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  records: WireRecord[];
};

/** Thrown for a batch whose codec the server cannot read: the partition answers UNSUPPORTED_COMPRESSION_TYPE. */
export class UnsupportedCompressionError extends Error {
  constructor(readonly codec: Compression) {
    super(`compression ${codec} is not supported`);
    this.name = 'UnsupportedCompressionError';
  }
}

/** A batch that fails validation (bad magic, CRC mismatch, bad lengths): the partition answers CORRUPT_MESSAGE. */
export class CorruptRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptRecordError';
  }
}

/** Decompression is injected: the pure layer has no zlib; the Node server passes node:zlib (gzip) here. */
export type Decompress = (codec: Compression, data: Uint8Array) => Uint8Array;
export const noDecompression: Decompress = (codec) => {
  throw new UnsupportedCompressionError(codec);
};

function readRecord(r: Reader): WireRecord {
  const length = r.varint();
  if (length < 0 || length > r.remaining)
    throw new CorruptRecordError(`record length ${length} out of bounds`);
  const end = r.pos + length;
  const rr = new Reader(r.buf, end);
  rr.pos = r.pos;
  rr.int8(); // record attributes: unused
  const timestampDelta = rr.varlong();
  const offsetDelta = rr.varint();
  const keyLen = rr.varint();
  const key = keyLen < 0 ? null : rr.bytes(keyLen);
  const valueLen = rr.varint();
  const value = valueLen < 0 ? null : rr.bytes(valueLen);
  const headerCount = rr.varint();
  if (headerCount < 0 || headerCount > rr.remaining)
    throw new CorruptRecordError(`bad header count ${headerCount}`);
  const headers: WireHeader[] = [];
  for (let i = 0; i < headerCount; i++) {
    const hk = rr.varint();
    if (hk < 0) throw new CorruptRecordError('null header key');
    const hkey = utf8(rr.bytes(hk));
    const hv = rr.varint();
    headers.push({ key: hkey, value: hv < 0 ? null : rr.bytes(hv) });
  }
  if (rr.pos !== end) throw new CorruptRecordError('record length does not match its content');
  r.pos = end;
  return { offsetDelta, timestampDelta, key, value, headers };
}

/** Decode every batch in a records field (the last one may be partial, as in fetch responses: it is dropped). */
export function decodeBatches(bytes: Uint8Array, decompress: Decompress = noDecompression): RecordBatch[] {
  const out: RecordBatch[] = [];
  const r = new Reader(bytes);
  while (r.remaining >= BATCH_HEADER_SIZE) {
    const start = r.pos;
    const baseOffset = r.int64();
    const batchLength = r.int32();
    if (batchLength < BATCH_HEADER_SIZE - 12)
      throw new CorruptRecordError(`batch length ${batchLength} too small`);
    if (batchLength > r.remaining) break; // partial trailing batch
    const end = r.pos + batchLength;
    const partitionLeaderEpoch = r.int32();
    const magic = r.int8();
    if (magic !== 2) throw new CorruptRecordError(`record batch magic ${magic} is not supported (only v2)`);
    const crc = r.uint32();
    const actual = crc32c(bytes, start + CRC_START, end);
    if (crc !== actual)
      throw new CorruptRecordError(`record batch CRC ${crc} does not match its content (${actual})`);
    const attributes = r.int16();
    const lastOffsetDelta = r.int32();
    const baseTimestamp = r.int64();
    const maxTimestamp = r.int64();
    const producerId = r.int64();
    const producerEpoch = r.int16();
    const baseSequence = r.int32();
    const count = r.int32();
    if (count < 0 || count > batchLength) throw new CorruptRecordError(`bad record count ${count}`);
    const compression = COMPRESSION_CODECS[attributes & 0x07];
    if (!compression) throw new CorruptRecordError(`unknown compression codec ${attributes & 0x07}`);
    const body = bytes.subarray(r.pos, end);
    const plain = compression === 'none' ? body : decompress(compression, body);
    const rr = new Reader(plain);
    const records: WireRecord[] = [];
    for (let i = 0; i < count; i++) records.push(readRecord(rr));
    if (rr.remaining !== 0) throw new CorruptRecordError('bytes left after the last record of a batch');
    r.pos = end;
    out.push({
      baseOffset,
      partitionLeaderEpoch,
      compression,
      timestampType: attributes & 0x08 ? 'LogAppendTime' : 'CreateTime',
      transactional: (attributes & 0x10) !== 0,
      control: (attributes & 0x20) !== 0,
      lastOffsetDelta,
      baseTimestamp,
      maxTimestamp,
      producerId,
      producerEpoch,
      baseSequence,
      records,
    });
  }
  return out;
}

function writeRecord(w: Writer, rec: WireRecord): void {
  const inner = new Writer(64);
  inner.int8(0);
  inner.varlong(rec.timestampDelta);
  inner.varint(rec.offsetDelta);
  if (rec.key === null) inner.varint(-1);
  else inner.varint(rec.key.length).bytes(rec.key);
  if (rec.value === null) inner.varint(-1);
  else inner.varint(rec.value.length).bytes(rec.value);
  inner.varint(rec.headers.length);
  for (const h of rec.headers) {
    const k = utf8Bytes(h.key);
    inner.varint(k.length).bytes(k);
    if (h.value === null) inner.varint(-1);
    else inner.varint(h.value.length).bytes(h.value);
  }
  const body = inner.view_();
  w.varint(body.length).bytes(body);
}

/** Encode one uncompressed batch (the server always answers fetches uncompressed). */
export function encodeBatch(b: RecordBatch, w: Writer = new Writer(256)): Writer {
  if (b.compression !== 'none') throw new UnsupportedCompressionError(b.compression);
  const start = w.pos;
  w.int64(b.baseOffset);
  const lengthAt = w.reserve(4);
  w.int32(b.partitionLeaderEpoch);
  w.int8(2);
  const crcAt = w.reserve(4);
  const attributes =
    (b.timestampType === 'LogAppendTime' ? 0x08 : 0) | (b.transactional ? 0x10 : 0) | (b.control ? 0x20 : 0);
  w.int16(attributes);
  w.int32(b.lastOffsetDelta);
  w.int64(b.baseTimestamp);
  w.int64(b.maxTimestamp);
  w.int64(b.producerId);
  w.int16(b.producerEpoch);
  w.int32(b.baseSequence);
  w.int32(b.records.length);
  for (const rec of b.records) writeRecord(w, rec);
  w.setInt32At(lengthAt, w.pos - start - 12);
  const bytes = w.view_();
  w.setUint32At(crcAt, crc32c(bytes, start + CRC_START, w.pos));
  return w;
}

/** Control record key (ControlRecordType): version int16 0, type int16 (0 = ABORT, 1 = COMMIT). */
export function controlKey(type: 'ABORT' | 'COMMIT'): Uint8Array {
  return new Writer(4)
    .int16(0)
    .int16(type === 'COMMIT' ? 1 : 0)
    .finish();
}

/** Control record value (EndTransactionMarker): version int16 0, coordinatorEpoch int32. */
export function controlValue(coordinatorEpoch: number): Uint8Array {
  return new Writer(6).int16(0).int32(coordinatorEpoch).finish();
}

export function controlTypeOf(key: Uint8Array | null): 'ABORT' | 'COMMIT' | null {
  if (!key || key.length < 4) return null;
  const r = new Reader(key);
  r.int16();
  const t = r.int16();
  return t === 0 ? 'ABORT' : t === 1 ? 'COMMIT' : null;
}

export { ProtocolError };
