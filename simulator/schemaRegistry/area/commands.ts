// The registry's requests as commands. `handle` (the REST resources) and `produceLine` (the console producer's
// serializer) are pure and loaded with the schema libraries (runtime.ts); this file writes the records they return to `_schemas` on the simulated cluster
// (`KafkaStore#put`: the write goes to the topic first, and the store is what the topic says) and emits their events.
import { isBrokerAlive } from '../../cluster/lookup';
import { createTopicInternal } from '../../cluster/topics';
import { runUntil } from '../../engine/clock';
import type { Ctx } from '../../engine/context';
import { type CommandHandlers, fail, ok } from '../../engine/registry';
import { appendAsCoordinator } from '../../replication/coordinatorAppend';
import { installedSchemaRuntime } from '../loader';
import { emptyRegistryState, rebuildRegistryState, SCHEMAS_TOPIC } from '../schemasTopic';
import type { RegistryEvent, RegistryState, SchemasTopicRecord } from '../types';

/** While stopped (`schema-registry stop`), nothing listens on 8081. */
const STOPPED = 'Schema Registry is stopped: connection refused on port 8081';

/** `kafkastore.timeout.ms` default. */
const KAFKASTORE_TIMEOUT_MS = 500;
/** `kafkastore.topic.replication.factor` default. */
const SCHEMAS_TOPIC_REPLICATION_FACTOR = 3;

const NOT_LOADED =
  'The schema libraries (avsc, protobufjs, ajv) are not loaded: await loadSchemaFormats() before dispatching';

/** `KafkaStore#createOrVerifySchemaTopic`: one partition, compacted, RF 3 (capped by the live brokers here). */
function ensureStarted(ctx: Ctx): { ok: true } | { ok: false; message: string } {
  const area = ctx.state.areas.schemaRegistry;
  if (area.started) return { ok: true };
  if (!ctx.state.topics[SCHEMAS_TOPIC]) {
    const alive = Object.values(ctx.state.brokers).filter((b) => isBrokerAlive(ctx.state, b.id)).length;
    // Simplification: the real registry refuses to start with fewer live brokers than the configured RF.
    const rf = Math.max(1, Math.min(SCHEMAS_TOPIC_REPLICATION_FACTOR, alive));
    const created = createTopicInternal(ctx, {
      topic: SCHEMAS_TOPIC,
      partitions: 1,
      replicationFactor: rf,
      configs: { 'cleanup.policy': 'compact' },
    });
    if (!created.ok) return { ok: false, message: created.error.message };
  }
  area.started = true;
  const rf = ctx.state.topics[SCHEMAS_TOPIC].partitions[0].replicas.length;
  ctx.emit(
    'schemaRegistryStarted',
    `Schema Registry starts on port 8081; its store is the compacted topic ${SCHEMAS_TOPIC} (1 partition, replication factor ${rf}, kafkastore.topic)`,
    { topic: SCHEMAS_TOPIC, replicationFactor: rf },
  );
  return { ok: true };
}

function emitRegistryEvent(ctx: Ctx, e: RegistryEvent): void {
  switch (e.type) {
    case 'schemaRegistered':
      ctx.emit('schemaRegistered', e.reason, {
        subject: e.subject,
        version: e.version,
        id: e.id,
        schemaType: e.schemaType,
        newId: e.newId,
      });
      return;
    case 'schemaRefused':
      ctx.emit('schemaRefused', e.reason, {
        subject: e.subject,
        errorCode: e.errorCode,
        messages: e.messages,
      });
      return;
    case 'versionSoftDeleted':
      ctx.emit('schemaVersionSoftDeleted', e.reason, { subject: e.subject, version: e.version });
      return;
    case 'versionHardDeleted':
      ctx.emit('schemaVersionHardDeleted', e.reason, { subject: e.subject, version: e.version });
      return;
    case 'subjectSoftDeleted':
      ctx.emit('schemaSubjectSoftDeleted', e.reason, { subject: e.subject, versions: e.versions });
      return;
    case 'subjectHardDeleted':
      ctx.emit('schemaSubjectHardDeleted', e.reason, { subject: e.subject, versions: e.versions });
      return;
    case 'compatibilityChanged':
      ctx.emit('schemaCompatibilityChanged', e.reason, { subject: e.subject, level: e.level });
      return;
    case 'modeChanged':
      ctx.emit('schemaModeChanged', e.reason, { subject: e.subject, mode: e.mode });
      return;
  }
}

/**
 * Writes `records` to `_schemas` and takes `next` as the store. False (nothing written, nothing changed) when the
 * partition has no leader: the registry's write fails (50001).
 */
function commit(
  ctx: Ctx,
  next: RegistryState,
  records: SchemasTopicRecord[],
  events: RegistryEvent[],
): boolean {
  const area = ctx.state.areas.schemaRegistry;
  if (records.length > 0) {
    const part = ctx.state.topics[SCHEMAS_TOPIC]?.partitions[0];
    if (!part || part.leader === null || !isBrokerAlive(ctx.state, part.leader)) return false;
    const appended = appendAsCoordinator(ctx, part, {
      leaderEpoch: part.leaderEpoch,
      records: records.map((r) => ({ key: r.key, value: r.value, timestamp: ctx.now })),
    });
    // KafkaStore#put writes with acks=all and waits (kafkastore.timeout.ms, 500 ms) until the write is committed
    // and its reader has consumed it: the clock runs while the followers fetch the records.
    const committed = () =>
      (ctx.state.topics[SCHEMAS_TOPIC]?.partitions[0].replicaLogs[part.leader ?? -1]?.highWatermark ?? 0) >
      appended.lastOffset;
    runUntil(ctx, ctx.now + KAFKASTORE_TIMEOUT_MS, committed);
    // The store's reader position: the next offset of `_schemas` it will read.
    next = { ...next, nextOffset: appended.lastOffset + 1 };
  }
  area.store = next;
  for (const e of events) emitRegistryEvent(ctx, e);
  return true;
}

/** `Errors.storeException`: the write to `_schemas` failed (here: its partition has no leader). */
const STORE_ERROR = {
  error_code: 50001,
  message: 'Register schema operation failed while writing to the Kafka store',
};

/**
 * A (re)starting registry: `KafkaStoreReaderThread` reads the committed records of `_schemas` (below the high
 * watermark) from the start and the store is what they make. A record that is not the registry's JSON is skipped,
 * as the reader logs and skips it. Without a leader for `_schemas-0` it cannot start.
 */
function rebuildFromSchemasTopic(
  ctx: Ctx,
): { ok: true; data: { records: number; subjects: number } } | ReturnType<typeof fail> {
  const part = ctx.state.topics[SCHEMAS_TOPIC]?.partitions[0];
  const area = ctx.state.areas.schemaRegistry;
  if (!part) return fail('INVALID_REQUEST', 'Schema Registry is not running');
  if (part.leader === null || !isBrokerAlive(ctx.state, part.leader)) {
    return fail(
      'LEADER_NOT_AVAILABLE',
      `${SCHEMAS_TOPIC}-0 has no leader: the registry cannot read its store`,
    );
  }
  const leader = part.replicaLogs[part.leader];
  const hw = leader.highWatermark;
  const records: SchemasTopicRecord[] = [];
  for (const seg of leader.log.segments)
    for (const r of seg.records) {
      if (r.offset >= hw || r.control || r.key === null) continue;
      try {
        JSON.parse(r.key);
        if (r.value !== null) JSON.parse(r.value);
        records.push({ key: r.key, value: r.value });
      } catch {
        // not a registry record
      }
    }
  const rebuilt = {
    ...rebuildRegistryState(records, area.store.defaultCompatibility),
    nextOffset: hw,
  };
  const wasStopped = area.stopped;
  area.store = rebuilt;
  area.stopped = false;
  const subjects = new Set(rebuilt.schemas.filter((s) => !s.deleted).map((s) => s.subject)).size;
  ctx.emit(
    'schemaRegistryRestarted',
    `Schema Registry ${wasStopped ? 'starts again' : 'restarts'} and rebuilds its store from ${records.length} record${records.length === 1 ? '' : 's'} of ${SCHEMAS_TOPIC}: ${subjects} subject${subjects === 1 ? '' : 's'}, nothing else was kept`,
    { records: records.length, subjects },
  );
  return ok({ records: records.length, subjects });
}

/**
 * What every request meets first: the schema libraries must be loaded, something must listen on 8081, and a
 * registry's first request starts it (creating `_schemas`).
 */
function reachRegistry(
  ctx: Ctx,
): { ok: true; data: NonNullable<ReturnType<typeof installedSchemaRuntime>> } | ReturnType<typeof fail> {
  const loaded = installedSchemaRuntime();
  if (!loaded) return fail('INTERNAL', NOT_LOADED);
  if (ctx.state.areas.schemaRegistry.stopped) return fail('NETWORK_EXCEPTION', STOPPED);
  const started = ensureStarted(ctx);
  if (!started.ok) return fail('LEADER_NOT_AVAILABLE', started.message);
  return { ok: true, data: loaded };
}

export const schemaRegistryCommands = {
  schemaRegistryRequest: (ctx, cmd) => {
    const reached = reachRegistry(ctx);
    if (!reached.ok) return reached;
    const { formats, runtime } = reached.data;
    const store = ctx.state.areas.schemaRegistry.store;
    const res = runtime.handle(
      store,
      { method: cmd.method, path: cmd.path, query: cmd.query, headers: cmd.headers, body: cmd.body },
      formats,
    );
    if (!commit(ctx, res.newState, res.records, res.events)) {
      return ok({ status: 500, body: JSON.stringify(STORE_ERROR) });
    }
    return ok({ status: res.status, body: res.bodyText });
  },

  schemaRegistrySerializeLine: (ctx, cmd) => {
    const reached = reachRegistry(ctx);
    if (!reached.ok) return reached;
    const { formats, runtime } = reached.data;
    const r = runtime.produceLine(formats, ctx.state.areas.schemaRegistry.store, cmd.args, cmd.line);
    if (!commit(ctx, r.newState, r.records, r.events)) {
      return ok({
        ok: false,
        stderr: `org.apache.kafka.common.errors.SerializationException: Error registering schema\nCaused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: ${STORE_ERROR.message}; error code: ${STORE_ERROR.error_code}\n`,
      });
    }
    if (!r.ok) return ok({ ok: false, stderr: r.stderr });
    return ok({
      ok: true,
      key: r.key ? [...r.key] : null,
      value: r.value ? [...r.value] : null,
      valueSchemaId: r.valueSchemaId,
    });
  },

  schemaRegistryRestart: (ctx) => {
    const area = ctx.state.areas.schemaRegistry;
    if (!area.started) return fail('INVALID_REQUEST', 'Schema Registry is not running');
    return rebuildFromSchemasTopic(ctx);
  },

  schemaRegistryStop: (ctx) => {
    const area = ctx.state.areas.schemaRegistry;
    if (!area.started || area.stopped) return fail('INVALID_REQUEST', 'Schema Registry is not running');
    // The process ends: its in-memory store is gone, `_schemas` keeps every record.
    area.stopped = true;
    area.store = { ...emptyRegistryState(), defaultCompatibility: area.store.defaultCompatibility };
    ctx.emit(
      'schemaRegistryStopped',
      `Schema Registry stops: nothing listens on port 8081 any more, and its in-memory store is gone; every schema it knew is still a record in ${SCHEMAS_TOPIC}`,
      {},
    );
    return ok({});
  },

  schemaRegistryStart: (ctx) => {
    const area = ctx.state.areas.schemaRegistry;
    if (area.started && !area.stopped) return fail('INVALID_REQUEST', 'Schema Registry is already running');
    if (!area.started) {
      const started = ensureStarted(ctx);
      if (!started.ok) return fail('LEADER_NOT_AVAILABLE', started.message);
      return ok({ records: 0, subjects: 0 });
    }
    return rebuildFromSchemasTopic(ctx);
  },
} satisfies CommandHandlers;
