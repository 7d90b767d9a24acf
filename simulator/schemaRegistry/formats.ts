// The three schema libraries, loaded lazily. Nothing in this folder imports avsc, protobufjs or ajv statically
// (only `import type`, which the compiler erases): a page that never shows schemas never downloads them. The page
// awaits `loadSchemaFormats()` once, then hands the result to the synchronous core (`handle`, serializers, ...).

import type AjvClass from 'ajv';
import type * as Avsc from 'avsc';
import type * as Protobuf from 'protobufjs';

export type AvscModule = typeof Avsc;
export type ProtobufModule = typeof Protobuf;
export type AjvConstructor = typeof AjvClass;

/** The loaded libraries: Avro (avsc), Protobuf (protobufjs), JSON Schema validation (ajv). */
export interface Formats {
  avsc: AvscModule;
  protobuf: ProtobufModule;
  Ajv: AjvConstructor;
}

// CommonJS packages come back as `{ default: module }` from a dynamic import in some bundlers and as the
// namespace itself in others; accept both.
function interop<T>(mod: unknown): T {
  const m = mod as { default?: unknown };
  return (m && typeof m === 'object' && 'default' in m && m.default ? m.default : mod) as T;
}

let loading: Promise<Formats> | null = null;

/** Loads avsc, protobufjs and ajv with dynamic imports (once; later calls share the same promise). */
export function loadSchemaFormats(): Promise<Formats> {
  if (!loading) {
    loading = Promise.all([import('avsc'), import('protobufjs'), import('ajv')]).then(([a, p, j]) => {
      const avsc = interop<AvscModule>(a);
      const protobuf = interop<ProtobufModule>(p);
      // ajv's CommonJS entry exports the class as `module.exports` and again as `.default`.
      const ajvModule = interop<unknown>(j) as { default?: AjvConstructor };
      const Ajv = (typeof ajvModule === 'function' ? ajvModule : ajvModule.default) as AjvConstructor;
      return { avsc, protobuf, Ajv };
    });
  }
  return loading;
}
