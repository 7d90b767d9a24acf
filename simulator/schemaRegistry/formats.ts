// The three schema libraries as the core receives them. Nothing in this folder imports avsc, protobufjs or ajv
// statically (only `import type`, which the compiler erases): `loader.ts` loads them with dynamic imports, so a
// page that never shows schemas never downloads them, and hands them to the synchronous core.

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
