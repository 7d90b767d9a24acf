// The Schema Registry as a simulator area: its state, commands and events. The registry is a separate server
// (port 8081) whose store is the compacted `_schemas` topic of the simulated cluster (`KafkaStore`): every change
// is first a record there, and the in-memory store is what those records make.
import type { SchemaToolArgs } from '../console/schemaConsoleTools';
import type { CompatibilityLevel, RegistryMode, RegistryState, SchemaType } from '../types';

export type SchemaRegistryAreaState = {
  /** False until the first request: the registry starts (and creates `_schemas`) when it is first used. */
  started: boolean;
  /** Stopped by the learner (`schema-registry stop`): port 8081 refuses connections until it starts again. */
  stopped: boolean;
  /** The registry's in-memory store, rebuilt from `_schemas` on a restart. */
  store: RegistryState;
};

/** Bytes as plain JSON data (command results must be plain). */
export type ByteList = number[];

export type SchemaRegistrySerialized =
  | { ok: true; key: ByteList | null; value: ByteList | null; valueSchemaId: number }
  | { ok: false; stderr: string };

declare module '../../engine/registry' {
  interface AreaStates {
    schemaRegistry: SchemaRegistryAreaState;
  }
  interface CommandMap {
    /** One HTTP request to the registry's REST API (`curl http://localhost:8081/...`). */
    schemaRegistryRequest: {
      method: string;
      path: string;
      query?: Record<string, string>;
      headers?: Record<string, string>;
      body?: string;
    };
    /**
     * The serializer of a `kafka-{avro,protobuf,json-schema}-console-producer` for one input line: it registers
     * (or looks up) the schema over REST and returns the framed key and value bytes for the producer to send.
     */
    schemaRegistrySerializeLine: { args: SchemaToolArgs; line: string };
    /** Restart the registry: its store is rebuilt by reading `_schemas` from the beginning. */
    schemaRegistryRestart: Record<never, never>;
    /** Stop the registry process: nothing listens on 8081, its in-memory store is gone (`_schemas` stays). */
    schemaRegistryStop: Record<never, never>;
    /** Start it again: it rebuilds its store from `_schemas` (or starts for the first time). */
    schemaRegistryStart: Record<never, never>;
  }
  interface CommandResultMap {
    schemaRegistryRequest: { status: number; body: string };
    schemaRegistrySerializeLine: SchemaRegistrySerialized;
    schemaRegistryRestart: { records: number; subjects: number };
    schemaRegistryStop: Record<string, never>;
    schemaRegistryStart: { records: number; subjects: number };
  }
  interface EventMap {
    schemaRegistryStarted: { topic: string; replicationFactor: number };
    schemaRegistryRestarted: { records: number; subjects: number };
    schemaRegistryStopped: Record<string, never>;
    schemaRegistered: {
      subject: string;
      version: number;
      id: number;
      schemaType: SchemaType;
      newId: boolean;
    };
    schemaRefused: { subject: string; errorCode: number; messages: string[] };
    schemaVersionSoftDeleted: { subject: string; version: number };
    schemaVersionHardDeleted: { subject: string; version: number };
    schemaSubjectSoftDeleted: { subject: string; versions: number[] };
    schemaSubjectHardDeleted: { subject: string; versions: number[] };
    schemaCompatibilityChanged: { subject: string | null; level: CompatibilityLevel | null };
    schemaModeChanged: { subject: string | null; mode: RegistryMode | null };
  }
}
