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
let installed: Formats | null = null;

/**
 * The libraries the Schema Registry area parses with. The simulator stays synchronous: a page awaits
 * `loadSchemaFormats()` (which installs them) before it dispatches the first schema command; tests install a
 * statically imported set. Not state: the same libraries give the same answers, so replay is unaffected.
 */
export function installSchemaFormats(formats: Formats): void {
  installed = formats;
}

/** The installed libraries, or null before `loadSchemaFormats()` resolved. */
export function installedSchemaFormats(): Formats | null {
  return installed;
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
    ]).then(([a, p, j]) => {
      const avsc = interop<AvscModule>(a);
      const protobuf = interop<ProtobufModule>(p);
      // ajv's CommonJS entry exports the class as `module.exports` and again as `.default`.
      const ajvModule = interop<unknown>(j) as { default?: AjvConstructor };
      const Ajv = (typeof ajvModule === 'function' ? ajvModule : ajvModule.default) as AjvConstructor;
      const formats = { avsc, protobuf, Ajv };
      installed ??= formats;
      return formats;
    });
  }
  return loading;
}

type AvroBuffer = Parameters<Avsc.Type['fromBuffer']>[0];
const bufferClasses = new WeakMap<object, { from(bytes: Uint8Array): AvroBuffer }>();

/**
 * `bytes` as the buffer avsc decodes from. avsc reads with Node's `Buffer` methods, and in the browser its bundle
 * carries its own `buffer` polyfill while no global `Buffer` exists; so the class is taken from a buffer avsc itself
 * made, never from the global (the serde must run in a page).
 */
export function avroBuffer(formats: Formats, bytes: Uint8Array): AvroBuffer {
  let cls = bufferClasses.get(formats.avsc);
  if (!cls) {
    const sample = formats.avsc.Type.forSchema('null').toBuffer(null) as unknown as {
      constructor: { from(bytes: Uint8Array): AvroBuffer };
    };
    cls = sample.constructor;
    bufferClasses.set(formats.avsc, cls);
  }
  return cls.from(bytes);
}
