// The Schema Registry as views and the console read it: subjects with their versions (soft-deleted ones marked),
// the level each subject is checked at and where it comes from, and the registry's store for client-side
// deserializers (a deserializer fetches the writer schema by id: `GET /schemas/ids/{id}`, a read).
import type { SimEvent } from '../engine/registry';
import type { SimState } from '../engine/state';
import { installedSchemaRuntime } from '../schemaRegistry/loader';
import { SCHEMAS_TOPIC } from '../schemaRegistry/schemasTopic';
import {
  effectiveCompatibility,
  effectiveMode,
  listSubjects,
  subjectVersions,
} from '../schemaRegistry/store';
import { toHex } from '../schemaRegistry/wireFormat';
import { recordsOf } from './log';
import type { SchemaLevelVerdictView, SchemaRecordBytesView, SchemaRegistryView, TopicView } from './types';

function schemasTopicRecords(state: SimState): number {
  const part = state.topics[SCHEMAS_TOPIC]?.partitions[0];
  if (!part || part.leader === null) return 0;
  return part.replicaLogs[part.leader]?.highWatermark ?? 0;
}

export function schemaRegistryOf(state: SimState, events: readonly SimEvent[]): SchemaRegistryView {
  const area = state.areas.schemaRegistry;
  const store = area.store;
  const subjects = listSubjects(store, true).map((subject) => {
    const versions = subjectVersions(store, subject, true).map((v) => ({
      version: v.version,
      id: v.id,
      schemaType: v.schemaType,
      schema: v.schema,
      deleted: v.deleted,
    }));
    return {
      subject,
      versions,
      deleted: versions.every((v) => v.deleted),
      compatibility: effectiveCompatibility(store, subject),
      compatibilitySource: store.subjectCompatibility[subject]
        ? ('subject' as const)
        : store.globalCompatibility
          ? ('global' as const)
          : ('default' as const),
      mode: effectiveMode(store, subject),
    };
  });
  let lastRefusal: SchemaRegistryView['lastRefusal'] = null;
  for (let i = events.length - 1; i >= 0 && !lastRefusal; i--) {
    const e = events[i];
    if (e.type === 'schemaRefused')
      lastRefusal = {
        subject: e.subject,
        errorCode: e.errorCode,
        messages: e.messages,
        reason: e.reason,
        time: e.time,
      };
  }
  return {
    running: area.started && !area.stopped,
    stopped: area.stopped,
    topicRecords: schemasTopicRecords(state),
    lastRefusal,
    topic: SCHEMAS_TOPIC,
    globalCompatibility: effectiveCompatibility(store, null),
    globalMode: effectiveMode(store, null),
    subjects,
    maxId: store.maxId,
    store,
  };
}

/**
 * The verdict of every compatibility level for `version` of `subject` against the versions before it (the
 * "which levels would this change pass" matrix). Null for a first version, an unknown one, or before the schema
 * libraries are loaded.
 */
export function schemaCompatibilityOf(
  state: SimState,
  subject: string,
  version: number,
): SchemaLevelVerdictView[] | null {
  const loaded = installedSchemaRuntime();
  if (!loaded) return null;
  const { formats, runtime } = loaded;
  const { parseSchema, compatibilityMatrix } = runtime;
  const versions = subjectVersions(state.areas.schemaRegistry.store, subject);
  const at = versions.findIndex((v) => v.version === version);
  if (at <= 0) return null;
  const candidate = parseSchema(formats, versions[at].schemaType, versions[at].schema);
  if (!candidate.ok) return null;
  const history = versions.slice(0, at).flatMap((e) => {
    const p = parseSchema(formats, e.schemaType, e.schema);
    return p.ok ? [{ parsed: p.value, version: e.version }] : [];
  });
  return compatibilityMatrix(candidate.value, history).map((v) => ({
    level: v.level,
    compatible: v.compatible,
    checkedVersions: v.checkedVersions.filter((x): x is number => x !== null),
    messages: v.messages,
    reason: v.reason,
  }));
}

/** A stored value string as bytes: the schema console producers store one character per byte. */
function valueBytes(value: string): Uint8Array | null {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return null;
  return Uint8Array.from(value, (c) => c.charCodeAt(0));
}

/**
 * The newest records (at most `max`, newest first by timestamp, then offset) whose values start with the magic
 * byte 0 and a schema id, from every non-internal topic: what a consumer's deserializer gets, byte by byte, with
 * the header (magic byte, schema id, Protobuf message indexes) and each payload field labelled.
 */
export function schemaRecordBytesOf(
  state: SimState,
  topics: readonly TopicView[],
  max: number,
): SchemaRecordBytesView[] {
  const store = state.areas.schemaRegistry.store;
  const loaded = installedSchemaRuntime();
  const found: Array<SchemaRecordBytesView & { timestamp: number }> = [];
  for (const t of topics) {
    if (t.internal || t.name === SCHEMAS_TOPIC) continue;
    for (const p of t.partitions) {
      const records = recordsOf(
        state,
        t.name,
        p.partition,
        p.logStartOffset,
        Number.MAX_SAFE_INTEGER,
        'read_uncommitted',
      );
      for (const r of records) {
        if (r.value === null || r.value.length < 5 || r.value.charCodeAt(0) !== 0) continue;
        const bytes = valueBytes(r.value);
        if (!bytes) continue;
        const schemaId = ((bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]) >>> 0;
        const entries = store.schemas.filter((e) => e.id === schemaId);
        const schemaType = entries[0]?.schemaType ?? null;
        found.push({
          topic: t.name,
          partition: p.partition,
          offset: r.offset,
          timestamp: r.timestamp,
          schemaId,
          schemaType,
          subjects: [...new Set(entries.map((e) => e.subject))],
          hex: toHex(bytes),
          spans:
            loaded && schemaType
              ? loaded.runtime.describeRecordBytes(loaded.formats, store, bytes, schemaType)
              : null,
        });
      }
    }
  }
  found.sort((a, b) => b.timestamp - a.timestamp || b.offset - a.offset);
  return found.slice(0, max).map(({ timestamp: _t, ...view }) => view);
}
