import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interop, loadSchemaFormats } from '../loader';

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

/** Files reachable from `entry` through value imports and re-exports (type-only ones are erased by the compiler). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const re = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]/gm;
    for (const m of text.matchAll(re)) {
      const base = resolve(dirname(file), m[1]);
      const candidates = [`${base}.ts`, join(base, 'index.ts'), base];
      const hit = candidates.find((c) => {
        try {
          return statSync(c).isFile();
        } catch {
          return false;
        }
      });
      if (hit) visit(hit);
    }
  };
  visit(entry);
  return seen;
}

describe('the registry’s logic loads with the libraries, not with the simulator', () => {
  it('simulator/index.ts reaches no rule engine, REST resource or serde module statically (runtime.ts is imported lazily)', () => {
    const reached = [...staticGraph(join(root, '..', 'index.ts'))]
      .filter((f) => f.startsWith(root))
      .map((f) => f.slice(root.length + 1))
      .sort();
    const heavy = reached.filter((f) =>
      /^(rest|registry|compatibility|parsedSchema|serde|wireBreakdown|runtime)\.ts$|^(avro|protobuf|jsonSchema)\/|schemaConsoleTools/.test(
        f,
      ),
    );
    expect(heavy).toEqual([]);
    expect(reached).toContain('area/commands.ts');
  });
});

describe('bundler interop of the CommonJS libraries', () => {
  it('a callable wrapper around a class export (Turbopack, ajv) yields the class, not the wrapper', () => {
    class Lib {}
    const wrapper = Object.assign((...args: unknown[]) => Reflect.apply(Lib as never, undefined, args), {
      default: Lib,
    });
    expect(interop(wrapper)).toBe(Lib);
    expect(interop({ default: Lib })).toBe(Lib);
    const ns = { Type: 1 };
    expect(interop(ns)).toBe(ns);
  });
});
