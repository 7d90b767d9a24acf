import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSchemaFormats } from '../formats';

const root = join(__dirname, '..');
function productionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === '__tests__' ? [] : productionFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

describe('avsc, protobufjs and ajv load lazily', () => {
  it('no production module imports them except as types or through import()', () => {
    const offenders = productionFiles(root).filter((file) =>
      /^\s*import\s+(?!type\b)[^;]*from\s+['"](avsc|protobufjs|ajv)['"]/m.test(readFileSync(file, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
  it('loadSchemaFormats() resolves the three libraries (once)', async () => {
    const a = await loadSchemaFormats();
    expect([typeof a.avsc.Type.forSchema, typeof a.protobuf.parse, typeof a.Ajv]).toEqual([
      'function',
      'function',
      'function',
    ]);
    expect(await loadSchemaFormats()).toBe(a);
  });
});
