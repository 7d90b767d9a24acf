// Tests load the three libraries statically (production code never does; see formats.ts).
import Ajv from 'ajv';
import * as avsc from 'avsc';
import * as protobuf from 'protobufjs';
import type { Formats } from '../formats';
import { handle, type RegistryHttpResponse } from '../rest';
import { emptyRegistryState } from '../schemasTopic';
import type { RegistryState, SchemasTopicRecord } from '../types';

export const formats: Formats = {
  avsc: avsc as unknown as Formats['avsc'],
  protobuf: protobuf as unknown as Formats['protobuf'],
  Ajv,
};

/** A registry driven by requests, keeping every `_schemas` record written. */
export function registry(initial: RegistryState = emptyRegistryState()) {
  let state = initial;
  const log: SchemasTopicRecord[] = [];
  return {
    get state() {
      return state;
    },
    log,
    call(
      method: string,
      path: string,
      body?: unknown,
      headers?: Record<string, string>,
    ): RegistryHttpResponse {
      const r = handle(
        state,
        {
          method,
          path,
          ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          ...(headers ? { headers } : {}),
        },
        formats,
      );
      state = r.newState;
      log.push(...r.records);
      return r;
    },
  };
}

export const avroRecord = (name: string, fields: unknown[]) =>
  JSON.stringify({ type: 'record', name, fields });
