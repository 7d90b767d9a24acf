// The serde runs in a page, where no global `Buffer` exists: these tests hide Node's global while they run.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deserialize, serialize } from '../serde';
import { describeRecordBytes } from '../wireBreakdown';
import { avroRecord, formats, registry } from './formats.testkit';

const ORDER = avroRecord('Order', [
  { name: 'id', type: 'string' },
  { name: 'amount', type: 'int' },
]);

const root = join(__dirname, '..');
function productionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '__tests__' ? [] : productionFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('the serde needs no global Buffer (browser: Uint8Array, TextEncoder, avsc’s own buffer class)', () => {
  const saved = (globalThis as { Buffer?: unknown }).Buffer;
  beforeEach(() => {
    delete (globalThis as { Buffer?: unknown }).Buffer;
  });
  afterEach(() => {
    (globalThis as { Buffer?: unknown }).Buffer = saved;
  });

  it('no production module names the global Buffer', () => {
    const offenders = productionFiles(root).filter((file) =>
      /\bBuffer\.(from|alloc|concat|isBuffer)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('KafkaAvroSerializer/Deserializer round trip and the byte breakdown work without it', () => {
    expect((globalThis as { Buffer?: unknown }).Buffer).toBeUndefined();
    const r = registry();
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'AVRO',
      schema: ORDER,
      value: { id: 'o-1', amount: 42 },
    });
    if (!s.ok) throw new Error(s.message);
    expect(s.bytes).toBeInstanceOf(Uint8Array);
    const d = deserialize(formats, s.newState, { schemaType: 'AVRO', isKey: false, bytes: s.bytes });
    expect(d).toMatchObject({ ok: true, value: { id: 'o-1', amount: 42 }, schemaId: 1 });
    const spans = describeRecordBytes(formats, s.newState, s.bytes, 'AVRO');
    expect(spans.map((x) => x.part)).toEqual(['magic', 'schemaId', 'field', 'field']);
  });
});
