// Loading the schema libraries and the registry's logic (runtime.ts) with dynamic imports, and handing them to the
// synchronous simulator once loaded. Nothing in the simulator's static import graph reaches runtime.ts.
import type { AjvConstructor, AvscModule, Formats, ProtobufModule } from './formats';
import type { SchemaRuntime } from './runtime';

// CommonJS packages come back as `{ default: module }` from a dynamic import in some bundlers and as the
// namespace itself in others; a bundler may even hand back a callable wrapper around a function export (Turbopack
// does for ajv), which must not be used as the class. Take `default` whenever there is one (exported for its test).
export function interop<T>(mod: unknown): T {
  const m = mod as { default?: unknown } | null;
  const wrapped = m !== null && (typeof m === 'object' || typeof m === 'function') && 'default' in m;
  return (wrapped && m.default ? m.default : mod) as T;
}

let loading: Promise<Formats> | null = null;
let installed: Formats | null = null;
let runtime: SchemaRuntime | null = null;

/**
 * The libraries the Schema Registry area parses with. The simulator stays synchronous: a page awaits
 * `loadSchemaFormats()` (which installs them) before it dispatches the first schema command; tests install a
 * statically imported set. Not state: the same libraries give the same answers, so replay is unaffected.
 */
export function installSchemaFormats(formats: Formats, logic: SchemaRuntime): void {
  installed = formats;
  runtime = logic;
}

/** The installed libraries, or null before `loadSchemaFormats()` resolved. */
export function installedSchemaFormats(): Formats | null {
  return runtime ? installed : null;
}

/** The libraries and the registry's logic (`runtime.ts`), or null before `loadSchemaFormats()` resolved. */
export function installedSchemaRuntime(): { formats: Formats; runtime: SchemaRuntime } | null {
  return installed && runtime ? { formats: installed, runtime } : null;
}

/** Loads avsc, protobufjs and ajv with dynamic imports (once; later calls share the same promise). */
export function loadSchemaFormats(): Promise<Formats> {
  if (!loading) {
    loading = Promise.all([
      // avsc's types-only entry: its main entry also loads file and RPC helpers that need Node's `fs`, which no
      // browser bundle has (and the bundler does not apply avsc's `browser` field to its main entry).
      // @ts-expect-error: the entry ships no declarations; its exports are avsc's `Type` and `types`.
      import('avsc/etc/browser/avsc-types.js'),
      import('protobufjs'),
      import('ajv'),
      import('./runtime'),
    ]).then(([a, p, j, r]) => {
      const avsc = interop<AvscModule>(a);
      const protobuf = interop<ProtobufModule>(p);
      // ajv's CommonJS entry exports the class as `module.exports` and again as `.default` (the class itself).
      const Ajv = interop<AjvConstructor>(j);
      const formats = { avsc, protobuf, Ajv };
      if (!installed) installSchemaFormats(formats, r.schemaRuntime);
      return formats;
    });
  }
  return loading;
}
