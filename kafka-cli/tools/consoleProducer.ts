// kafka-console-producer.sh — ConsoleProducer + LineMessageReader: one record per stdin line,
// optional key (parse.key / key.separator) and headers (parse.headers), sent by a short-lived
// producer whose client.id is `console-producer`. Prints nothing on success, like the real tool.

import { COMMON_FLAGS } from '../commonFlags';
import { waitedNote } from '../format';
import { errorText } from '../kafkaErrors';
import { missingRequired, type OptionSpec, type ParsedOptions, parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { SendRequest, SendResult } from '../port';
import type { ToolContext, ToolDef } from '../tool';
import { parseProperties } from './connectWorkers';
import { commandConfigOf, gated, passGate, produceRequestBytes, throttledNote } from './securityGate';
import { toolPrologue } from './toolPrologue';

export const CONSOLE_PRODUCER_SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'topic', arg: 'required', help: 'Topic to produce to.' },
  {
    name: 'property',
    arg: 'required',
    argName: 'prop',
    help: 'Reader property: parse.key, key.separator, parse.headers, null.marker, ignore.error.',
  },
  {
    name: 'reader-property',
    arg: 'required',
    argName: 'prop',
    help: 'Same as --property (its Kafka 4.1 name).',
  },
  {
    name: 'reader-config',
    arg: 'required',
    help: 'Properties file for the line reader; --property takes precedence over it.',
  },
  {
    name: 'producer-property',
    arg: 'required',
    argName: 'k=v',
    help: 'Producer config, e.g. acks=1, enable.idempotence=false, linger.ms=0.',
  },
  {
    name: 'producer.config',
    arg: 'required',
    help: 'Older name of --command-config (its security settings decide the principal).',
  },
  {
    name: 'command-config',
    arg: 'required',
    help: 'Producer properties file (--producer-property and the tool options take precedence over it); its security settings decide the principal.',
  },
  { name: 'request-required-acks', arg: 'required', help: 'acks for the producer (-1/all, 0, 1).' },
  { name: 'sync', arg: 'none', help: 'Send synchronously (each line is its own batch).' },
  {
    name: 'compression-codec',
    arg: 'optional',
    help: 'compression.type: none, gzip, snappy, lz4 or zstd; given without a value, gzip (no effect in the simulation).',
  },
  { name: 'batch-size', arg: 'required', type: 'int', help: 'batch.size for the producer, in bytes.' },
  { name: 'timeout', arg: 'required', type: 'long', help: 'linger.ms for the producer (default 1000).' },
  {
    name: 'message-send-max-retries',
    arg: 'required',
    type: 'int',
    help: 'retries for the producer (default 3).',
  },
  { name: 'retry-backoff-ms', arg: 'required', type: 'long', help: 'retry.backoff.ms for the producer.' },
  {
    name: 'request-timeout-ms',
    arg: 'required',
    type: 'int',
    help: 'request.timeout.ms for the producer (default 1500).',
  },
  {
    name: 'metadata-expiry-ms',
    arg: 'required',
    type: 'long',
    help: 'metadata.max.age.ms for the producer.',
  },
  { name: 'max-block-ms', arg: 'required', type: 'long', help: 'max.block.ms for the producer.' },
  { name: 'max-memory-bytes', arg: 'required', type: 'long', help: 'buffer.memory for the producer.' },
  {
    name: 'max-partition-memory-bytes',
    arg: 'required',
    type: 'int',
    help: 'batch.size for the producer (replaces --batch-size).',
  },
  {
    name: 'socket-buffer-size',
    arg: 'required',
    type: 'int',
    help: 'send.buffer.bytes for the producer (no effect in the simulation).',
  },
  { name: 'line-reader', arg: 'required', help: 'Reader class (only the default line reader exists here).' },
];

/**
 * ConsoleProducer#producerProps: each option is merged into its producer config with
 * CommandLineUtils#maybeMergeOptions — the option's value when it is given, else a value already in
 * --producer-property / --producer.config, else the option's own default (ConsoleProducerOptions). So the
 * console producer does not run with KafkaProducer's defaults: linger.ms=1000, request.timeout.ms=1500 and
 * retries=3 unless the learner sets them.
 */
const PRODUCER_OPTIONS: ReadonlyArray<readonly [flag: string, config: string, fallback: string]> = [
  ['timeout', 'linger.ms', '1000'],
  ['request-required-acks', 'acks', '-1'],
  ['request-timeout-ms', 'request.timeout.ms', '1500'],
  ['message-send-max-retries', 'retries', '3'],
  ['retry-backoff-ms', 'retry.backoff.ms', '100'],
  ['socket-buffer-size', 'send.buffer.bytes', String(1024 * 100)],
  ['max-memory-bytes', 'buffer.memory', String(32 * 1024 * 1024)],
  // Two options for batch.size (KIP-717): the second given wins, like the two merges in Kafka's order.
  ['batch-size', 'batch.size', '16384'],
  ['max-partition-memory-bytes', 'batch.size', '16384'],
  ['metadata-expiry-ms', 'metadata.max.age.ms', String(5 * 60 * 1000)],
  ['max-block-ms', 'max.block.ms', String(60 * 1000)],
];

/** Settings a --producer.config / --command-config file holds that the security path reads, not the producer model. */
const SECURITY_PREFIXES = ['security.', 'sasl.', 'ssl.'];

/**
 * The producer's configs as ConsoleProducer#producerProps builds them: the config file, then
 * --producer-property over it, compression.type always from --compression-codec (none without it, gzip when
 * it is given empty), then each tool option merged in (CommandLineUtils#maybeMergeOptions).
 */
export function consoleProducerConfigs(
  o: ParsedOptions,
  file: Record<string, string>,
): Record<string, string> {
  const p: Record<string, string> = {};
  for (const [k, v] of Object.entries(file)) if (!SECURITY_PREFIXES.some((x) => k.startsWith(x))) p[k] = v;
  Object.assign(p, props(o.values('producer-property')));
  const codec = o.has('compression-codec') ? (o.value('compression-codec') ?? '') : 'none';
  p['compression.type'] = codec === '' ? 'gzip' : codec;
  for (const [flag, key, fallback] of PRODUCER_OPTIONS) {
    const v = o.value(flag);
    if (v !== undefined) p[key] = v;
    else if (!(key in p)) p[key] = fallback;
  }
  return p;
}

function props(values: string[]): Record<string, string> {
  const p: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) p[v] = '';
    else p[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return p;
}

/** Java-style unescaping of separators given on the command line (`\t` is common). */
function unescapeSeparator(s: string): string {
  return s.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}

export type ParsedLine = { ok: true; record: SendRequest } | { ok: false; message: string };

/** LineMessageReader.readRecord for one line. */
export function readLine(
  topic: string,
  line: string,
  lineNumber: number,
  reader: Record<string, string>,
): ParsedLine {
  const parseKey = (reader['parse.key'] ?? 'false').trim().toLowerCase() === 'true';
  const parseHeaders = (reader['parse.headers'] ?? 'false').trim().toLowerCase() === 'true';
  const keySep = unescapeSeparator(reader['key.separator'] ?? '\t');
  const headersDelim = unescapeSeparator(reader['headers.delimiter'] ?? '\t');
  const headersSep = unescapeSeparator(reader['headers.separator'] ?? ',');
  const headersKeySep = unescapeSeparator(reader['headers.key.separator'] ?? ':');
  const ignoreError = (reader['ignore.error'] ?? 'false').trim().toLowerCase() === 'true';
  const nullMarker = reader['null.marker'];
  let rest = line;
  const headers: Array<[string, string]> = [];
  if (parseHeaders) {
    const i = rest.indexOf(headersDelim);
    if (i < 0) {
      if (!ignoreError) {
        return { ok: false, message: `No headers delimiter found on line number ${lineNumber}: '${line}'` };
      }
    } else {
      const text = rest.slice(0, i);
      rest = rest.slice(i + headersDelim.length);
      if (text !== '') {
        for (const h of text.split(headersSep)) {
          const k = h.indexOf(headersKeySep);
          if (k < 0) headers.push([h, '']);
          else headers.push([h.slice(0, k), h.slice(k + headersKeySep.length)]);
        }
      }
    }
  }
  let key: string | null = null;
  let value: string | null = rest;
  if (parseKey) {
    const i = rest.indexOf(keySep);
    if (i < 0) {
      if (!ignoreError)
        return { ok: false, message: `No key separator found on line number ${lineNumber}: '${line}'` };
    } else {
      key = rest.slice(0, i);
      value = rest.slice(i + keySep.length);
    }
  }
  if (nullMarker !== undefined) {
    if (key === nullMarker) key = null;
    if (value === nullMarker) value = null;
  }
  return { ok: true, record: { topic, key, value, partition: null, headers } };
}

export function describeSendError(topic: string, req: SendRequest, r: SendResult): string | null {
  if (r.kind !== 'failed') return null;
  const key = req.key === null ? 'null' : `${new TextEncoder().encode(req.key).length} bytes`;
  const value = req.value === null ? 'null' : `${new TextEncoder().encode(req.value).length} bytes`;
  return `ERROR Error when sending message to topic ${topic} with key: ${key}, value: ${value} with error: org.apache.kafka.common.errors.${errorText(r.error)}`;
}

/** A free client name like `console-producer`, `console-producer-2`, ... */
export function freeClientName(ctx: ToolContext, base: string): string {
  if (!ctx.port.clientNameTaken(base)) return base;
  for (let i = 2; ; i++) if (!ctx.port.clientNameTaken(`${base}-${i}`)) return `${base}-${i}`;
}

export function runConsoleProducer(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const start = toolPrologue(
    args,
    CONSOLE_PRODUCER_SPECS,
    'This tool helps to read data from standard input and publish it to Kafka.',
    out,
  );
  if (start.kind === 'done') return start.output;
  const o = start.options;
  if (!o.has('topic')) return out.fail(missingRequired('topic')).result();
  const topic = o.value('topic') ?? '';
  let readerFile: Record<string, string> = {};
  if (o.has('reader-config')) {
    const path = o.value('reader-config') ?? '';
    const text = ctx.read.file(path);
    if (text === null) return out.fail(`java.nio.file.NoSuchFileException: ${path}`).result();
    readerFile = parseProperties(text);
  }
  const reader = { ...readerFile, ...props([...o.values('property'), ...o.values('reader-property')]) };
  let producerFile: Record<string, string> = {};
  const configPath = commandConfigOf(o, 'producer.config');
  if (configPath !== null) {
    const path = configPath;
    const text = ctx.read.file(path);
    if (text === null) return out.fail(`java.nio.file.NoSuchFileException: ${path}`).result();
    producerFile = parseProperties(text);
  }
  const producerProps = consoleProducerConfigs(o, producerFile);

  const lines = ctx.input ?? [];
  const records: SendRequest[] = [];
  let readerError: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const r = readLine(topic, lines[i], i + 1, reader);
    if (!r.ok) {
      // LineMessageReader throws and the producer stops reading; records before it are still sent.
      readerError = r.message;
      break;
    }
    records.push(r.record);
  }
  // Under security the records go in requests of at most batch.size bytes, each checked and counted
  // against producer_byte_rate (simplified: one request per batch, whatever the partitions).
  const requests = gated(ctx, commandConfigOf(o, 'producer.config'))
    ? produceRequests(records, Number(producerProps['batch.size'] ?? 16384))
    : [records];
  const auth =
    records.length > 0
      ? authorizeSends(
          {
            commandConfig: commandConfigOf(o, 'producer.config'),
            bootstrapServer: o.value('bootstrap-server') ?? null,
          },
          ctx,
          topic,
          records,
          produceRequestBytes(requests[0]),
          out,
        )
      : { refused: false, throttleTimeMs: 0 };
  const refused = auth.refused;
  if (records.length > 0 && !refused) {
    const name = freeClientName(ctx, 'console-producer');
    const created = ctx.port.createProducer(name, producerProps);
    if (!created.ok)
      return out.fail(`org.apache.kafka.common.config.ConfigException: ${created.error.message}`).result();
    for (const w of created.data) out.warn(`WARN ${w}`);
    const sync = o.has('sync');
    const sent: Array<{ req: SendRequest; result: SendResult }> = [];
    let throttle = auth.throttleTimeMs;
    const waits = { ms: 0, count: 0 };
    for (const [i, request] of requests.entries()) {
      if (i > 0) {
        // KIP-219: after a throttled response the producer sends nothing on that connection until
        // throttle_time_ms has passed (the broker muted it too); the wait is on the virtual clock.
        settle(ctx, name, sent);
        if (throttle > 0) {
          ctx.port.advanceClock(throttle);
          waits.ms += throttle;
          waits.count++;
        }
        throttle = produceQuota(o, ctx, topic, request);
      }
      for (const req of request) {
        const res = ctx.port.send(name, req);
        if (!res.ok) sent.push({ req, result: { kind: 'failed', error: res.error } });
        else sent.push({ req, result: res.data });
        if (sync) settle(ctx, name, sent);
      }
    }
    if (waits.count > 0) out.warn(throttledNote('producer_byte_rate', waits.ms, waits.count));
    if (throttle > 0)
      out.warn(
        `(simulation) the last produce response carried throttle_time_ms=${throttle}; the producer had nothing more to send and closed without waiting`,
      );
    const from = ctx.read.now();
    settle(ctx, name, sent);
    ctx.port.closeProducer(name);
    const waited = waitedNote(from, ctx.read.now());
    for (const s of sent) {
      const msg = describeSendError(topic, s.req, s.result);
      if (msg) out.fail(msg);
    }
    if (waited) out.line(waited);
  }
  if (readerError) out.fail(`org.apache.kafka.common.KafkaException: ${readerError}`);
  return out.result();
}

/**
 * With security (or a --command-config file): the producer's requests pass the security path first —
 * Metadata (DESCRIBE on the topic), InitProducerId (idempotence is on by default: IDEMPOTENT_WRITE on the
 * cluster or, since KIP-679, WRITE on any topic), Produce (WRITE) with the batch's bytes for the
 * producer_byte_rate quota. A refusal fails every record with the client's exception; nothing is written.
 * Simplified: the real producer's metadata and InitProducerId requests race; here they go in this order.
 */
/** Consecutive records in requests of at most `batchSize` bytes (always at least one record each). */
function produceRequests(records: SendRequest[], batchSize: number): SendRequest[][] {
  const out: SendRequest[][] = [];
  let current: SendRequest[] = [];
  for (const r of records) {
    if (current.length > 0 && produceRequestBytes([...current, r]) > batchSize) {
      out.push(current);
      current = [];
    }
    current.push(r);
  }
  if (current.length > 0) out.push(current);
  return out.length > 0 ? out : [[]];
}

/** A later Produce request of the same run: its bytes against producer_byte_rate; its throttle_time_ms. */
function produceQuota(o: ParsedOptions, ctx: ToolContext, topic: string, records: SendRequest[]): number {
  const g = passGate(
    ctx,
    o,
    { clientId: 'console-producer', kind: 'producer', commandConfig: commandConfigOf(o, 'producer.config') },
    [{ api: 'Produce', topics: [topic], transactionalId: null, transactional: false }],
    produceRequestBytes(records),
  );
  return g.ok ? g.throttleTimeMs : 0;
}

export function authorizeSends(
  client: { commandConfig: string | null; bootstrapServer: string | null },
  ctx: ToolContext,
  topic: string,
  records: SendRequest[],
  /** The first Produce request's size (producer_byte_rate). */
  bytes: number,
  out: Output,
): { refused: boolean; throttleTimeMs: number } {
  const existing = ctx.read.topics().map((t) => t.name);
  const g = passGate(
    ctx,
    null,
    {
      clientId: 'console-producer',
      kind: 'producer',
      commandConfig: client.commandConfig,
      bootstrapServer: client.bootstrapServer,
    },
    [
      {
        api: 'Metadata',
        topics: [topic],
        allowAutoTopicCreation: true,
        autoCreateTopicsEnable: false,
        existingTopics: existing,
      },
      { api: 'InitProducerId', transactionalId: null },
      { api: 'Produce', topics: [topic], transactionalId: null, transactional: false },
    ],
    bytes,
  );
  if (g.ok) return { refused: false, throttleTimeMs: g.throttleTimeMs };
  if (g.lines.length > 1) for (const l of g.lines.slice(0, -1)) out.warn(l);
  if (g.exception.includes('TopicAuthorizationException'))
    out.warn(
      `WARN [Producer clientId=console-producer] Error while fetching metadata with correlation id 1 : {${topic}=TOPIC_AUTHORIZATION_FAILED} (org.apache.kafka.clients.NetworkClient)`,
    );
  for (const req of records) {
    const key = req.key === null ? 'null' : `${new TextEncoder().encode(req.key).length} bytes`;
    const value = req.value === null ? 'null' : `${new TextEncoder().encode(req.value).length} bytes`;
    out.fail(
      `ERROR Error when sending message to topic ${topic} with key: ${key}, value: ${value} with error: ${g.exception}`,
    );
  }
  return { refused: true, throttleTimeMs: 0 };
}

/** Flush and fill pending results with what the flush returned (in send order). */
export function settle(
  ctx: ToolContext,
  name: string,
  sent: Array<{ req: SendRequest; result: SendResult }>,
): void {
  const pending = sent.filter((s) => s.result.kind === 'pending');
  if (pending.length === 0) return;
  const flushed = ctx.port.flush(name);
  if (!flushed.ok) {
    for (const p of pending) p.result = { kind: 'failed', error: flushed.error };
    return;
  }
  pending.forEach((p, i) => {
    p.result = flushed.data[i] ?? {
      kind: 'failed',
      error: { code: 'TIMEOUT_EXCEPTION', message: 'Expiring record(s): delivery timed out.' },
    };
  });
}

export const consoleProducerTool: ToolDef = {
  name: 'kafka-console-producer.sh',
  aliases: ['kafka-console-producer'],
  summary: 'Send the lines that follow (up to EOF) as records.',
  usage:
    'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic T [--property parse.key=true] [--property key.separator=:] <<EOF\n' +
    'key1:value1\nEOF',
  flags: CONSOLE_PRODUCER_SPECS.map((s) => `--${s.name}`),
  // Only a runnable invocation reads the following lines (a usage error must not swallow the script).
  readsStdin: (args) => {
    const parsed = parseLongOptions(args, CONSOLE_PRODUCER_SPECS);
    return (
      parsed.kind === 'ok' &&
      parsed.options.has('topic') &&
      !parsed.options.has('help') &&
      !parsed.options.has('version')
    );
  },
  run: runConsoleProducer,
};
