import { describe, expect, it } from 'vitest';
import { API_BY_NAME } from './apis';
import { Reader, Writer } from './bytes';
import { decode, encode } from './codec';
import { crc32c } from './crc32c';
import { decodeRequest, encodeResponse } from './frames';
import { decodeBatches, encodeBatch } from './recordBatch';
import { bytesToSimString, simStringToBytes } from './textCodec';

const hex = (s: string) =>
  Uint8Array.from(s.replace(/\s+/g, '').match(/../g) ?? [], (b) => Number.parseInt(b, 16));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const api = (name: Parameters<typeof API_BY_NAME.get>[0]) => API_BY_NAME.get(name)!;

describe('primitive encodings (protocol.html "Protocol Primitive Types")', () => {
  it('CRC-32C check value: crc32c("123456789") = 0xe3069283', () => {
    expect(crc32c(new TextEncoder().encode('123456789'))).toBe(0xe3069283);
  });

  it('zig-zag varints map 0, -1, 1, -2, 2 to 0, 1, 2, 3, 4 and 300 to ac 02 before zig-zag (Protobuf encoding)', () => {
    const w = new Writer();
    for (const n of [0, -1, 1, -2, 2, 150, -2147483648, 2147483647]) w.varint(n);
    expect(toHex(w.finish())).toBe('0001020304ac02ffffffff0ffeffffff0f');
    w.pos = 0;
    w.uvarint(300);
    expect(toHex(w.finish())).toBe('ac02');
    const r = new Reader(hex('00010203 04ac02ffffffff0ffeffffff0f'));
    expect([
      r.varint(),
      r.varint(),
      r.varint(),
      r.varint(),
      r.varint(),
      r.varint(),
      r.varint(),
      r.varint(),
    ]).toEqual([0, -1, 1, -2, 2, 150, -2147483648, 2147483647]);
  });

  it('zig-zag varlong covers 64-bit timestamps deltas', () => {
    const w = new Writer();
    w.varlong(1_700_000_000_000).varlong(-1);
    const r = new Reader(w.finish());
    expect(r.varlong()).toBe(1_700_000_000_000);
    expect(r.varlong()).toBe(-1);
  });
});

describe('request and response vectors', () => {
  it('ApiVersions v0 response: error, [key min max], no throttle time (ApiVersionsResponse.json)', () => {
    const body = { errorCode: 0, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }] };
    expect(toHex(encode(api('ApiVersions').response, 0, body))).toBe(
      '0000 00000001 0012 0000 0004'.replace(/ /g, ''),
    );
  });

  it('ApiVersions v3 response is flexible: compact array (n+1), tagged field sections; header v0 (no tags)', () => {
    const body = { errorCode: 0, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 4 }], throttleTimeMs: 0 };
    const frame = encodeResponse(api('ApiVersions'), 3, 7, body);
    expect(toHex(frame)).toBe(
      // size, correlation id (header v0), error, compact array of 1, key/min/max + empty tags, throttle, empty tags
      '00000013 00000007 0000 02 0012 0000 0004 00 00000000 00'.replace(/ /g, ''),
    );
  });

  it("librdkafka 2.0.2's first request: ApiVersions v3 with request header v2 and compact strings", () => {
    const frame = hex('0012000300000001000772646b61666b61000b6c696272646b61666b6106322e302e3200');
    const d = decodeRequest(frame);
    expect(d.kind).toBe('ok');
    if (d.kind !== 'ok') return;
    expect(d.header).toEqual({ apiKey: 18, apiVersion: 3, correlationId: 1, clientId: 'rdkafka' });
    expect(d.body).toEqual({ clientSoftwareName: 'librdkafka', clientSoftwareVersion: '2.0.2' });
  });

  it('librdkafka Metadata v4 for one topic with allow_auto_topic_creation', () => {
    const d = decodeRequest(hex('0003000400000002000772646b61666b6100000001000464656d6f01'));
    expect(d.kind === 'ok' && d.body).toEqual({
      topics: [{ topicId: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'demo' }],
      allowAutoTopicCreation: true,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
  });

  it('Metadata v1+ null topic list (-1) means every topic; v0 has no nullable list', () => {
    expect(decode(api('Metadata').request, 1, hex('ffffffff')).topics).toBeNull();
    expect(() => decode(api('Metadata').request, 0, hex('ffffffff'))).toThrow(/not nullable/);
  });

  it('Metadata v9 flexible request: compact nullable array 0 = null, then two bools and empty tags', () => {
    const bytes = encode(api('Metadata').request, 9, {
      topics: null,
      allowAutoTopicCreation: true,
      includeTopicAuthorizedOperations: false,
      includeClusterAuthorizedOperations: false,
    });
    // topics null (0), allow auto-create true, cluster ops false (v8–10), topic ops false, no tags
    expect(toHex(bytes)).toBe('0001000000');
  });
});

describe('record batch v2 (implementation.html §5.3)', () => {
  // librdkafka 2.0.2 (kcat -P -K:) producing "k1:hello" to demo: Produce v7, acks 1, one batch.
  const produce = hex(
    '0000000700000004000772646b61666b61ffffffff0000753000000001000464656d6f00000001000000000000004b' +
      '00000000000000000000003f0000000002dcbac5e8000000000000000001a23adcf9ac000001a23adcf9acffffffff' +
      'ffffffffffffffffffff000000011a000000046b310a68656c6c6f00',
  );

  it("decodes librdkafka's batch and verifies its CRC-32C", () => {
    const d = decodeRequest(produce);
    expect(d.kind).toBe('ok');
    if (d.kind !== 'ok') return;
    const records = d.body.topicData[0].partitionData[0].records as Uint8Array;
    const [batch] = decodeBatches(records);
    expect(batch.producerId).toBe(-1);
    expect(batch.records).toHaveLength(1);
    expect(new TextDecoder().decode(batch.records[0].key as Uint8Array)).toBe('k1');
    expect(new TextDecoder().decode(batch.records[0].value as Uint8Array)).toBe('hello');
    // re-encoding gives librdkafka's exact bytes, CRC included
    expect(toHex(encodeBatch(batch).finish())).toBe(toHex(records));
  });

  it('a flipped byte fails the CRC check (CORRUPT_MESSAGE)', () => {
    const d = decodeRequest(produce);
    if (d.kind !== 'ok') throw new Error('decode');
    const records = (d.body.topicData[0].partitionData[0].records as Uint8Array).slice();
    records[records.length - 3] ^= 0x01;
    expect(() => decodeBatches(records)).toThrow(/CRC/);
  });

  it('magic other than 2 is refused', () => {
    const d = decodeRequest(produce);
    if (d.kind !== 'ok') throw new Error('decode');
    const records = (d.body.topicData[0].partitionData[0].records as Uint8Array).slice();
    records[16] = 1;
    expect(() => decodeBatches(records)).toThrow(/magic 1/);
  });

  it('a compressed batch without a decompressor says which codec (UNSUPPORTED_COMPRESSION_TYPE)', () => {
    const d = decodeRequest(produce);
    if (d.kind !== 'ok') throw new Error('decode');
    const [batch] = decodeBatches(d.body.topicData[0].partitionData[0].records);
    const bytes = encodeBatch(batch).finish();
    bytes[22] = 2; // attributes low byte: snappy
    const view = new DataView(bytes.buffer);
    view.setUint32(17, crc32c(bytes, 21));
    expect(() => decodeBatches(bytes)).toThrow(/snappy/);
  });
});

describe('keys and values as simulator strings', () => {
  it('UTF-8 round-trips, and invalid UTF-8 bytes survive as escaped code units', () => {
    for (const b of [
      hex('68c3a96c6c6f'),
      hex('00ff80c0'),
      hex('f09f9880'),
      hex('eda080'),
      new Uint8Array(0),
    ]) {
      expect(toHex(simStringToBytes(bytesToSimString(b)))).toBe(toHex(b));
    }
    expect(bytesToSimString(hex('68c3a9'))).toBe('hé');
  });
});
