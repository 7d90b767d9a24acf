// Simulation commands (not Confluent tools) around the Schema Registry:
//   schema-registry stop | schema-registry start | schema-registry restart
//     the registry process: stopped, port 8081 refuses connections (curl (7)); started, it rebuilds its store by
//     reading `_schemas` from the beginning (KafkaStoreReaderThread).
//   avro-app read --topic T --reader-schema '<Avro schema>' [--max-messages N] [--skip-bad-records]
//     a Java application whose generated SpecificRecord class was compiled from that schema, consuming with
//     KafkaAvroDeserializer and `specific.avro.reader=true`: the class's schema is the reader schema, so Avro schema
//     resolution turns each writer's record into the reader's shape (fields dropped, defaults filled, promotions),
//     or the deserializer fails. The real console consumer has no reader-schema setting (it prints generic records
//     in the writer's schema), which is why this is a simulated application. It reads from the beginning, outside
//     any group (assign + seekToBeginning), and stops at the first record it cannot deserialize, as poll() throws.
import { schemaRegistry } from '../../simulator';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { recordStringToBytes } from '../tools/schemaConsole';

const VERBS = ['stop', 'start', 'restart'] as const;

function runSchemaRegistry(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...extra] = args;
  if (!verb || !(VERBS as readonly string[]).includes(verb))
    return out
      .fail(`schema-registry: unknown action '${verb ?? ''}'. Use: schema-registry stop|start|restart`)
      .result();
  if (extra.length > 0)
    return out.fail(`schema-registry ${verb}: unexpected argument '${extra[0]}'`).result();
  const res = ctx.port.schemaRegistryControl(verb as (typeof VERBS)[number]);
  if (!res.ok) return out.fail(`schema-registry ${verb}: ${res.error.message}`).result();
  if (verb === 'stop')
    return out
      .line('Schema Registry stopped: port 8081 refuses connections; its schemas stay in _schemas.')
      .result();
  const view = ctx.read.schemaRegistry();
  const data = res.data as { records: number; subjects: number };
  return out
    .line(
      `Schema Registry ${verb === 'start' ? 'started' : 'restarted'} on port 8081: store rebuilt from ${data.records} record${data.records === 1 ? '' : 's'} of ${view.topic} (${data.subjects} subject${data.subjects === 1 ? '' : 's'}).`,
    )
    .result();
}

export const schemaRegistryTool: ToolDef = {
  name: 'schema-registry',
  aliases: [],
  summary: 'Stop, start or restart the Schema Registry (it rebuilds its store from _schemas on start).',
  usage: 'schema-registry stop | schema-registry start | schema-registry restart',
  flags: [],
  subcommands: [...VERBS],
  run: runSchemaRegistry,
};

const NOT_LOADED =
  'The schema libraries (avsc, protobufjs, ajv) are still loading in this page; run the command again in a moment.';

function runAvroApp(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  if (verb !== 'read')
    return out
      .fail(
        `avro-app: unknown action '${verb ?? ''}'. Use: avro-app read --topic T --reader-schema '<Avro schema>' [--max-messages N] [--skip-bad-records]`,
      )
      .result();
  let topicName: string | null = null;
  let readerSchema: string | null = null;
  let max = Number.MAX_SAFE_INTEGER;
  let skip = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--skip-bad-records') skip = true;
    else if (a === '--topic') topicName = rest[++i] ?? null;
    else if (a === '--reader-schema') readerSchema = rest[++i] ?? null;
    else if (a === '--max-messages') max = Number(rest[++i]);
    else return out.fail(`avro-app read: unexpected argument '${a}'`).result();
  }
  if (!topicName) return out.fail('avro-app read: --topic is required').result();
  if (!readerSchema) return out.fail("avro-app read: --reader-schema '<Avro schema>' is required").result();
  if (!Number.isInteger(max) || max < 1)
    return out.fail('avro-app read: --max-messages must be a positive number').result();
  const loaded = schemaRegistry.installedSchemaRuntime();
  if (!loaded) {
    void schemaRegistry.loadSchemaFormats();
    return out.fail(NOT_LOADED).result();
  }
  const { formats, runtime } = loaded;
  const parsedReader = runtime.parseSchema(formats, 'AVRO', readerSchema);
  if (!parsedReader.ok)
    return out
      .fail(`org.apache.avro.SchemaParseException: ${parsedReader.message} (the generated class's schema)`)
      .result();
  const topic = ctx.read.topic(topicName);
  if (!topic) return out.fail(`avro-app read: topic '${topicName}' does not exist`).result();
  const view = ctx.read.schemaRegistry();
  let total = 0;
  let skipped = 0;
  for (const p of topic.partitions) {
    if (total >= max) break;
    for (const r of ctx.read.records(
      topic.name,
      p.partition,
      p.logStartOffset,
      max - total,
      'read_uncommitted',
    )) {
      const where = `${topic.name}-${p.partition} at offset ${r.offset}`;
      if (r.value !== null && view.stopped) {
        out.fail(
          `org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing VALUE for partition ${where}. If needed, please seek past the record to continue consumption.\nCaused by: org.apache.kafka.common.errors.SerializationException: Error retrieving Avro value schema for id ${schemaIdOf(r.value)}\nCaused by: java.net.ConnectException: Connection refused`,
        );
        return out.warn(summary(total, skipped)).result();
      }
      const d = runtime.deserialize(formats, view.store as schemaRegistry.RegistryState, {
        schemaType: 'AVRO',
        isKey: false,
        bytes: r.value === null ? null : recordStringToBytes(r.value),
        readerSchema,
      });
      if (!d.ok) {
        const exception = `org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing VALUE for partition ${where}. If needed, please seek past the record to continue consumption.\nCaused by: ${d.text}`;
        if (!skip) {
          out.fail(exception);
          return out.warn(summary(total, skipped)).result();
        }
        out.line(`ERROR ${exception.replace(/\n/g, '\n  ')}`);
        out.line(
          `  the app seeks ${topic.name}-${p.partition} to offset ${r.offset + 1} and goes on: this record is never processed`,
        );
        skipped++;
        continue;
      }
      out.line(JSON.stringify(d.value));
      for (const step of d.resolution)
        out.line(`  resolution (writer schema id ${d.schemaId} → reader): ${step.reason}`);
      total++;
    }
  }
  return out.warn(summary(total, skipped)).result();
}

function summary(read: number, skipped: number): string {
  return `Read ${read} record${read === 1 ? '' : 's'}${skipped > 0 ? `, skipped ${skipped} it could not deserialize` : ''}`;
}

/** The id in a framed value's header, or -1 when it is not the wire format. */
function schemaIdOf(value: string): number {
  const b = recordStringToBytes(value);
  return b.length >= 5 && b[0] === 0 ? ((b[1] << 24) | (b[2] << 16) | (b[3] << 8) | b[4]) >>> 0 : -1;
}

export const avroAppTool: ToolDef = {
  name: 'avro-app',
  aliases: [],
  summary: 'A simulated Java app with a generated Avro class: reads a topic with its reader schema.',
  usage: "avro-app read --topic T --reader-schema '<Avro schema>' [--max-messages N] [--skip-bad-records]",
  flags: ['--topic', '--reader-schema', '--max-messages', '--skip-bad-records'],
  subcommands: ['read'],
  run: runAvroApp,
};
