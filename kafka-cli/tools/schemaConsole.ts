// kafka-avro-console-producer / -consumer and their Protobuf and JSON Schema twins (Confluent's wrappers of the
// console producer and consumer with `SchemaMessageReader` / `SchemaMessageFormatter`). The producer's serializer
// registers the schema with the registry on port 8081 (`auto.register.schemas=true`) and frames each value as
// magic byte 0 + 4-byte schema id + payload; the consumer's deserializer fetches the writer schema by that id.
// Simplified: record keys and values of the simulated log are strings, so the framed bytes are stored one
// character per byte (what a plain kafka-console-consumer prints of them is those bytes, as on a real cluster).
import { type RecordView, schemaRegistry } from '../../simulator';
import { type CommandOutput, Output } from '../output';
import type { SendRequest, SendResult } from '../port';
import type { ToolContext, ToolDef } from '../tool';
import { authorizeSends, describeSendError, freeClientName, settle } from './consoleProducer';
import { fetchUnderQuota } from './fetchThrottle';
import { gated, passGate, produceRequestBytes, throttledNote } from './securityGate';

type Tool = schemaRegistry.SchemaConsoleTool;

/** Framed bytes as a record string, one character per byte. */
export function bytesToRecordString(bytes: readonly number[]): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** A record string back to bytes: one byte per character; text written by other producers as UTF-8. */
export function recordStringToBytes(s: string): Uint8Array {
  if ([...s].every((c) => c.charCodeAt(0) <= 0xff)) return Uint8Array.from(s, (c) => c.charCodeAt(0));
  return new TextEncoder().encode(s);
}

const NOT_LOADED =
  'The schema libraries (avsc, protobufjs, ajv) are still loading in this page; run the command again in a moment.';

/** The libraries and the registry's logic, or null after starting to load them (run the command again). */
function runtimeOrLoad(): { formats: schemaRegistry.Formats; runtime: schemaRegistry.SchemaRuntime } | null {
  const loaded = schemaRegistry.installedSchemaRuntime();
  if (!loaded) void schemaRegistry.loadSchemaFormats();
  return loaded;
}

function registryUrlProblem(url: string): string | null {
  const m = /^https?:\/\/([^/:]+):(\d+)\/?$/.exec(url.split(',')[0].trim());
  if (m && (m[1] === 'localhost' || m[1] === '127.0.0.1' || m[1] === 'schema-registry') && m[2] === '8081')
    return null;
  return `java.net.ConnectException: Connection refused (${url})`;
}

function runProducer(tool: Tool, argv: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const parsed = schemaRegistry.parseSchemaToolArgs(tool, argv);
  if (!parsed.ok) return { stdout: '', stderr: parsed.stderr.replace(/\n$/, ''), exitCode: parsed.exitCode };
  const args = parsed.args;
  if (!runtimeOrLoad()) return out.fail(NOT_LOADED).result();
  const word = schemaRegistry.TOOL_SCHEMA_TYPE[tool] === 'AVRO' ? 'Avro' : '';
  const refused = registryUrlProblem(args.properties['schema.registry.url'] ?? '');
  const records: SendRequest[] = [];
  let error: string | null = null;
  for (const line of ctx.input ?? []) {
    if (refused) {
      error = `org.apache.kafka.common.errors.SerializationException: Error registering ${word} schema\nCaused by: ${refused}`;
      break;
    }
    const r = ctx.port.schemaRegistrySerializeLine(args, line);
    if (!r.ok) {
      // The registry could not start (no broker for `_schemas`) or is stopped: nothing listens on 8081. Anything
      // else is a bug of the simulation, shown as it is.
      error =
        r.error.code === 'LEADER_NOT_AVAILABLE' || r.error.code === 'NETWORK_EXCEPTION'
          ? `org.apache.kafka.common.errors.SerializationException: Error registering ${word} schema\nCaused by: java.net.ConnectException: Connection refused`
          : `${r.error.code}: ${r.error.message}`;
      break;
    }
    if (!r.data.ok) {
      // The reader throws and the tool stops; the lines before were sent.
      error = r.data.stderr.replace(/\n$/, '');
      break;
    }
    records.push({
      topic: args.topic,
      key: r.data.key ? bytesToRecordString(r.data.key) : null,
      value: r.data.value ? bytesToRecordString(r.data.value) : null,
      partition: null,
      headers: [],
    });
  }
  // The Kafka side is the plain console producer's (ConsoleProducer under Confluent's wrapper): under
  // security its Metadata, InitProducerId and Produce are authorized and counted against producer_byte_rate
  // (one request here). The schema was registered with the registry before (its own REST API, not ACLs).
  const client = { commandConfig: args.commandConfig ?? null, bootstrapServer: args.bootstrapServer };
  const auth =
    records.length > 0 && gated(ctx, args.commandConfig ?? null)
      ? authorizeSends(client, ctx, args.topic, records, produceRequestBytes(records), out)
      : { refused: false, throttleTimeMs: 0 };
  if (records.length > 0 && !auth.refused) {
    const name = freeClientName(ctx, 'console-producer');
    const created = ctx.port.createProducer(name, { ...args.clientProperties });
    if (!created.ok)
      return out.fail(`org.apache.kafka.common.config.ConfigException: ${created.error.message}`).result();
    for (const w of created.data) out.warn(`WARN ${w}`);
    const sent: Array<{ req: SendRequest; result: SendResult }> = [];
    for (const req of records) {
      const res = ctx.port.send(name, req);
      sent.push({ req, result: res.ok ? res.data : { kind: 'failed', error: res.error } });
    }
    settle(ctx, name, sent);
    ctx.port.closeProducer(name);
    if (auth.throttleTimeMs > 0)
      out.warn(
        `(simulation) the last produce response carried throttle_time_ms=${auth.throttleTimeMs}; the producer had nothing more to send and closed without waiting`,
      );
    for (const s of sent) {
      const msg = describeSendError(args.topic, s.req, s.result);
      if (msg) out.fail(msg);
    }
  }
  if (error) out.fail(error);
  return out.result();
}

function runConsumer(tool: Tool, argv: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const parsed = schemaRegistry.parseSchemaToolArgs(tool, argv);
  if (!parsed.ok) return { stdout: '', stderr: parsed.stderr.replace(/\n$/, ''), exitCode: parsed.exitCode };
  const args = parsed.args;
  const loaded = runtimeOrLoad();
  if (!loaded) return out.fail(NOT_LOADED).result();
  const { formats, runtime } = loaded;
  const topic = ctx.read.topic(args.topic);
  if (!topic) {
    out.fail(
      `WARN [Consumer clientId=console-consumer] Error while fetching metadata: {${args.topic}=UNKNOWN_TOPIC_OR_PARTITION}`,
    );
    return out.fail('Processed a total of 0 messages').result();
  }
  const { refusal, fetchMaxBytes } = authorizeSchemaConsumer(ctx, args);
  if (refusal !== null) {
    out.fail(
      'ERROR Error processing message, terminating consumer process:  (org.apache.kafka.tools.consumer.ConsoleConsumer$)',
    );
    for (const l of refusal) out.fail(l);
    return out.fail('Processed a total of 0 messages').result();
  }
  const registry = ctx.read.schemaRegistry();
  // A stopped registry (schema-registry stop) refuses the deserializer's GET /schemas/ids/{id}.
  const refused =
    registryUrlProblem(args.properties['schema.registry.url'] ?? '') ??
    (registry.stopped ? 'java.net.ConnectException: Connection refused' : null);
  const store = registry.store as schemaRegistry.RegistryState;
  const committed = args.group ? ctx.read.group(args.group) : null;
  const limit = args.maxMessages ?? Number.MAX_SAFE_INTEGER;
  let total = 0;
  let failed = false;
  let throttled = { waitedMs: 0, count: 0 };
  const positions: Array<{ topic: string; partition: number; offset: number }> = [];
  for (const p of topic.partitions) {
    const c = committed?.offsets.find((x) => x.partition === p.partition);
    let position = c ? c.offset : args.fromBeginning ? p.logStartOffset : p.highWatermark;
    if (!failed && total < limit) {
      const records: RecordView[] = ctx.read.records(
        topic.name,
        p.partition,
        position,
        limit - total,
        'read_uncommitted',
      );
      // Under a consumer_byte_rate quota the fetch responses wait out their throttle time first.
      if (gated(ctx, args.commandConfig ?? null)) {
        const q = fetchUnderQuota(
          ctx,
          { clientId: 'console-consumer', kind: 'consumer', commandConfig: args.commandConfig ?? null },
          args.bootstrapServer,
          records,
          fetchMaxBytes,
        );
        throttled = { waitedMs: throttled.waitedMs + q.waitedMs, count: throttled.count + q.throttled };
      }
      for (const r of records) {
        if (refused && r.value !== null) {
          out.fail(
            `ERROR Unknown error when running consumer:  (kafka.tools.ConsoleConsumer$)\norg.apache.kafka.common.errors.SerializationException: Error retrieving schema\nCaused by: ${refused}`,
          );
          failed = true;
          break;
        }
        const line = runtime.formatConsumedRecord(formats, store, args, {
          key: r.key === null ? null : recordStringToBytes(r.key),
          value: r.value === null ? null : recordStringToBytes(r.value),
          partition: r.partition,
          offset: r.offset,
          timestamp: r.timestamp,
        });
        if (!line.ok) {
          // The deserializer throws: the consumer stops at this record.
          out.fail(line.stderr.replace(/\n$/, ''));
          failed = true;
          break;
        }
        out.line(line.line);
        position = r.offset + 1;
        total++;
      }
    }
    positions.push({ topic: topic.name, partition: p.partition, offset: position });
  }
  if (args.group && !failed) {
    const res = ctx.port.commitGroupOffsets(args.group, positions);
    if (!res.ok) out.fail(`ERROR Offset commit failed: ${res.error.message}`);
  }
  if (throttled.count > 0) out.warn(throttledNote('consumer_byte_rate', throttled.waitedMs, throttled.count));
  out.warn(`Processed a total of ${total} messages`);
  return out.result();
}

/**
 * The consumer side under security, as the plain console consumer: Metadata (DESCRIBE), the group's
 * FindCoordinator/JoinGroup/SyncGroup/OffsetFetch (READ on --group, or on the generated
 * console-consumer-<n> group ConsoleConsumer subscribes with), ListOffsets and Fetch (READ on the topic).
 */
function authorizeSchemaConsumer(
  ctx: ToolContext,
  args: schemaRegistry.SchemaToolArgs,
): { refusal: string[] | null; fetchMaxBytes: number | null } {
  if (!gated(ctx, args.commandConfig ?? null)) return { refusal: null, fetchMaxBytes: null };
  const gid = args.group ?? `console-consumer-${(ctx.port.commandCount() * 7919) % 100000}`;
  const names = [args.topic];
  const g = passGate(
    ctx,
    null,
    {
      clientId: 'console-consumer',
      kind: 'consumer',
      commandConfig: args.commandConfig ?? null,
      bootstrapServer: args.bootstrapServer,
    },
    [
      {
        api: 'Metadata',
        topics: names,
        allowAutoTopicCreation: false,
        autoCreateTopicsEnable: false,
        existingTopics: names,
      },
      { api: 'FindCoordinator', keyType: 'GROUP', key: gid },
      { api: 'JoinGroup', groupId: gid },
      { api: 'SyncGroup', groupId: gid },
      { api: 'OffsetFetch', groupId: gid, topics: names },
      { api: 'ListOffsets', topics: names },
      { api: 'Fetch', topics: names },
    ],
  );
  // fetchMaxBytes: the most one response may carry under consumer_byte_rate (the quota window).
  return g.ok
    ? { refusal: null, fetchMaxBytes: g.fetchMaxBytes ?? null }
    : { refusal: g.lines, fetchMaxBytes: null };
}

const PRODUCER_USAGE = (tool: string, schemaProp: string) =>
  `${tool} --bootstrap-server localhost:9092 --topic T \\\n  --property schema.registry.url=http://localhost:8081 \\\n  --property ${schemaProp} [--property parse.key=true --property key.schema=...] <<EOF\n{...one JSON value per line...}\nEOF`;
const CONSUMER_USAGE = (tool: string) =>
  `${tool} --bootstrap-server localhost:9092 --topic T --from-beginning \\\n  --property schema.registry.url=http://localhost:8081 [--property print.key=true] [--property print.schema.ids=true]`;

const FLAGS = [
  '--bootstrap-server',
  '--producer.config',
  '--consumer.config',
  '--command-config',
  '--topic',
  '--property',
  '--producer-property',
  '--consumer-property',
  '--from-beginning',
  '--max-messages',
  '--group',
];

function producerTool(tool: Tool, what: string, schemaProp: string): ToolDef {
  return {
    name: tool,
    aliases: [],
    summary: `Send ${what} records, one JSON value per line (registers the schema).`,
    usage: PRODUCER_USAGE(tool, schemaProp),
    helpGroup: 'other',
    flags: FLAGS.filter(
      (f) =>
        f !== '--consumer-property' &&
        f !== '--from-beginning' &&
        f !== '--group' &&
        f !== '--consumer.config',
    ),
    readsStdin: (args) => schemaRegistry.parseSchemaToolArgs(tool, args).ok,
    run: (args, ctx) => runProducer(tool, args, ctx),
  };
}

function consumerTool(tool: Tool, what: string): ToolDef {
  return {
    name: tool,
    aliases: [],
    summary: `Print ${what} records as JSON (writer schema fetched by id).`,
    usage: CONSUMER_USAGE(tool),
    helpGroup: 'other',
    flags: FLAGS.filter((f) => f !== '--producer-property' && f !== '--producer.config'),
    run: (args, ctx) => runConsumer(tool, args, ctx),
  };
}

export const SCHEMA_CONSOLE_TOOLS: readonly ToolDef[] = [
  producerTool(
    'kafka-avro-console-producer',
    'Avro',
    'value.schema=\'{"type":"record","name":"Order","fields":[...]}\'',
  ),
  consumerTool('kafka-avro-console-consumer', 'Avro'),
  producerTool(
    'kafka-protobuf-console-producer',
    'Protobuf',
    'value.schema=\'syntax = "proto3"; message Order { string id = 1; }\'',
  ),
  consumerTool('kafka-protobuf-console-consumer', 'Protobuf'),
  producerTool(
    'kafka-json-schema-console-producer',
    'JSON Schema',
    'value.schema=\'{"type":"object","properties":{...}}\'',
  ),
  consumerTool('kafka-json-schema-console-consumer', 'JSON Schema'),
];

/** Do these console lines need the schema libraries loaded before they run (a lesson's setup, a share link)? */
export function needsSchemaFormats(lines: readonly string[]): boolean {
  return lines.some((l) =>
    /kafka-(avro|protobuf|json-schema)-console-|:8081\b|^\s*(schema-registry|avro-app)\s/.test(l),
  );
}
