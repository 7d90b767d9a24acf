// The arguments of kafka-{avro,protobuf,json-schema}-console-{producer,consumer} (no schema library needed: the
// console parses them before the libraries load, e.g. to know whether a line reads a here-document).
import type { SchemaType } from '../types';

export type SchemaConsoleTool =
  | 'kafka-avro-console-producer'
  | 'kafka-protobuf-console-producer'
  | 'kafka-json-schema-console-producer'
  | 'kafka-avro-console-consumer'
  | 'kafka-protobuf-console-consumer'
  | 'kafka-json-schema-console-consumer';

export const TOOL_SCHEMA_TYPE: Record<SchemaConsoleTool, SchemaType> = {
  'kafka-avro-console-producer': 'AVRO',
  'kafka-protobuf-console-producer': 'PROTOBUF',
  'kafka-json-schema-console-producer': 'JSON',
  'kafka-avro-console-consumer': 'AVRO',
  'kafka-protobuf-console-consumer': 'PROTOBUF',
  'kafka-json-schema-console-consumer': 'JSON',
};

export interface SchemaToolArgs {
  tool: SchemaConsoleTool;
  schemaType: SchemaType;
  bootstrapServer: string;
  topic: string;
  /** `--property k=v` (the reader's / formatter's properties). */
  properties: Record<string, string>;
  /** `--producer-property` / `--consumer-property`. */
  clientProperties: Record<string, string>;
  /** --producer.config / --consumer.config / --command-config: the client's properties file (security). */
  commandConfig?: string | null;
  fromBeginning: boolean;
  maxMessages: number | null;
  group: string | null;
}

export type ToolParse = { ok: true; args: SchemaToolArgs } | { ok: false; stderr: string; exitCode: number };

function kv(text: string): [string, string] | null {
  const eq = text.indexOf('=');
  return eq > 0 ? [text.slice(0, eq).trim(), text.slice(eq + 1)] : null;
}

/** Parses the tool's arguments (kafka-console-producer/-consumer options plus the schema properties). */
export function parseSchemaToolArgs(tool: SchemaConsoleTool, tokens: string[]): ToolParse {
  const args = tokens[0] === tool ? tokens.slice(1) : tokens;
  const properties: Record<string, string> = {};
  const clientProperties: Record<string, string> = {};
  let bootstrap: string | null = null;
  let topic: string | null = null;
  let fromBeginning = false;
  let maxMessages: number | null = null;
  let group: string | null = null;
  let commandConfig: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const next = () => args[++i];
    switch (a) {
      case '--bootstrap-server':
      case '--broker-list':
        bootstrap = next() ?? null;
        break;
      case '--topic':
        topic = next() ?? null;
        break;
      case '--property': {
        const p = kv(next() ?? '');
        if (p) properties[p[0]] = p[1];
        break;
      }
      case '--producer-property':
      case '--consumer-property': {
        const p = kv(next() ?? '');
        if (p) clientProperties[p[0]] = p[1];
        break;
      }
      case '--producer.config':
      case '--consumer.config':
      case '--command-config':
        commandConfig = next() ?? null;
        break;
      case '--from-beginning':
        fromBeginning = true;
        break;
      case '--max-messages':
        maxMessages = Number(next());
        break;
      case '--group':
        group = next() ?? null;
        break;
      default:
        return { ok: false, exitCode: 1, stderr: `${a} is not a recognized option\n` };
    }
  }
  if (!topic) return { ok: false, exitCode: 1, stderr: 'Missing required argument "[topic]"\n' };
  if (!bootstrap) {
    return { ok: false, exitCode: 1, stderr: 'Missing required argument "[bootstrap-server]"\n' };
  }
  if (!properties['schema.registry.url']) {
    return {
      ok: false,
      exitCode: 1,
      stderr: 'org.apache.kafka.common.config.ConfigException: Missing schema registry url!\n',
    };
  }
  return {
    ok: true,
    args: {
      tool,
      schemaType: TOOL_SCHEMA_TYPE[tool],
      bootstrapServer: bootstrap,
      topic,
      properties,
      clientProperties,
      commandConfig,
      fromBeginning,
      maxMessages,
      group,
    },
  };
}
