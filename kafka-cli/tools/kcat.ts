// kcat (formerly kafkacat): getopt-style short flags; -L metadata listing, -P produce from stdin
// lines, -C consume with -o/-e/-c/-f. Output shapes follow kcat's metadata_print and format tokens.

import {
  LIBRDKAFKA_DEFAULT_PARTITIONER,
  LIBRDKAFKA_PARTITIONERS,
  type LibrdkafkaPartitioner,
  librdkafkaPartition,
  type RecordView,
} from '../../simulator';
import { type CommandOutput, Output } from '../output';
import type { SendRequest, SendResult } from '../port';
import type { ToolContext, ToolDef } from '../tool';
import { freeClientName } from './consoleProducer';
import { fetchUnderQuota } from './fetchThrottle';
import { runKcatGroup } from './kcatGroup';
import {
  exceptionMessage,
  type GateResult,
  gated,
  passGate,
  produceRequestBytes,
  throttledNote,
} from './securityGate';

const WITH_ARG = new Set([
  'b',
  't',
  'p',
  'o',
  'k',
  'K',
  'c',
  'f',
  'D',
  'H',
  'X',
  's',
  'r',
  'F',
  'G',
  'z',
  'd',
  'm',
  'i',
]);
const FLAGS = new Set(['P', 'C', 'L', 'Q', 'e', 'E', 'O', 'q', 'v', 'l', 'u', 'J', 'Z', 'T', 'V', 'h']);

export type KcatOpts = { flags: Set<string>; values: Map<string, string[]>; rest: string[] };

/** POSIX getopt: clustered flags (-eq), attached or separate arguments (-tT / -t T). */
export function getopt(args: readonly string[]): KcatOpts | string {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const rest: string[] = [];
  let i = 0;
  while (i < args.length) {
    const a = args[i];
    i++;
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      rest.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (WITH_ARG.has(c)) {
        let v = a.slice(j + 1);
        if (v === '') {
          if (i >= args.length) return `option requires an argument -- '${c}'`;
          v = args[i];
          i++;
        }
        values.set(c, [...(values.get(c) ?? []), v]);
        break;
      }
      if (FLAGS.has(c)) flags.add(c);
      else return `invalid option -- '${c}'`;
    }
  }
  return { flags, values, rest };
}

export const last = (o: KcatOpts, k: string): string | undefined => {
  const v = o.values.get(k);
  return v ? v[v.length - 1] : undefined;
};

const USAGE =
  'Usage: kcat <options> [file1 file2 .. | topic1 topic2 ..]]\n  -P produce, -C consume, -L metadata list; -b <brokers> -t <topic> -p <partition>';

export function runKcat(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const o = getopt(args);
  if (typeof o === 'string') return out.fail(`kcat: ${o}`).fail(USAGE).result();
  if (o.flags.has('h'))
    return out
      .line(
        `${USAGE}\n  -o beginning|end|stored|<offset>|-<n>  -e exit at end  -c <cnt>  -f <fmt> (%t %p %o %k %s %T %h %S %K)\n  -k <key>  -K <delim>  -H name=value  -Z null for empty`,
      )
      .result();
  if (o.flags.has('V'))
    return out.line('kcat - Apache Kafka producer and consumer tool (simulated)').result();
  const modes = ['P', 'C', 'L', 'Q'].filter((m) => o.flags.has(m));
  // -G <group> is a mode of its own (kcat.c: conf.mode = 'G'), the high-level KafkaConsumer.
  if (o.values.has('G')) return runKcatGroup(o, ctx, out);
  if (modes.length > 1) return out.fail(`% ERROR: Conflicting modes: -${modes.join(' -')}`).result();
  if (modes.length === 0)
    return out
      .fail('% ERROR: Specify a mode: -P (produce), -C (consume) or -L (metadata list)')
      .fail(USAGE)
      .result();
  const mode = modes[0];
  if (mode === 'Q')
    return out
      .fail('% ERROR: -Q (query offsets by timestamp) is not simulated; use kafka-get-offsets.sh --time')
      .result();
  if (mode === 'L') return metadata(o, ctx, out);
  const topic = last(o, 't') ?? o.rest[0];
  if (!topic) return out.fail('% ERROR: -t <topic> missing').result();
  let partition: number | null = null;
  const pRaw = last(o, 'p');
  if (pRaw !== undefined) {
    if (!/^-?\d+$/.test(pRaw)) return out.fail(`% ERROR: Invalid partition: ${pRaw}`).result();
    partition = Number(pRaw);
    if (partition === -1) partition = null; // RD_KAFKA_PARTITION_UA: let the partitioner decide
  }
  return mode === 'P' ? produce(o, topic, partition, ctx, out) : consume(o, topic, partition, ctx, out);
}

/**
 * kcat's librdkafka security properties (-X) in the Java client's names, so the same security path decides:
 * security.protocol, sasl.mechanisms (or sasl.mechanism), sasl.username/sasl.password (librdkafka builds
 * no JAAS line; here they become the PLAIN or SCRAM login module's options), ssl.keystore.location/
 * password, ssl.ca.location as the truststore. Null when kcat was given no security.protocol.
 * Simplified: kcat's -F configuration file is not read.
 */
export function kcatSecurityProps(o: KcatOpts): Record<string, string> | null {
  const x: Record<string, string> = {};
  for (const v of o.values.get('X') ?? []) {
    const eq = v.indexOf('=');
    if (eq > 0) x[v.slice(0, eq)] = v.slice(eq + 1);
  }
  const protocol = x['security.protocol'];
  if (protocol === undefined) return null;
  const props: Record<string, string> = { 'security.protocol': protocol.toUpperCase() };
  const mechanism = x['sasl.mechanisms'] ?? x['sasl.mechanism'];
  if (mechanism !== undefined) props['sasl.mechanism'] = mechanism;
  if (x['sasl.username'] !== undefined) {
    const module = (mechanism ?? 'GSSAPI').startsWith('SCRAM-')
      ? 'org.apache.kafka.common.security.scram.ScramLoginModule'
      : 'org.apache.kafka.common.security.plain.PlainLoginModule';
    props['sasl.jaas.config'] =
      `${module} required username="${x['sasl.username']}" password="${x['sasl.password'] ?? ''}";`;
  }
  for (const k of ['ssl.keystore.location', 'ssl.keystore.password']) if (x[k] !== undefined) props[k] = x[k];
  if (x['ssl.ca.location'] !== undefined) props['ssl.truststore.location'] = x['ssl.ca.location'];
  return props;
}

/** rd_kafka_err2str of the errors a refused request carries. */
const RDKAFKA_ERRORS: Record<string, string> = {
  TOPIC_AUTHORIZATION_FAILED: 'Broker: Topic authorization failed',
  GROUP_AUTHORIZATION_FAILED: 'Broker: Group authorization failed',
  CLUSTER_AUTHORIZATION_FAILED: 'Broker: Cluster authorization failed',
  TRANSACTIONAL_ID_AUTHORIZATION_FAILED: 'Broker: Transactional Id authorization failed',
};

type Refusal = Extract<GateResult, { ok: false }>;

/** librdkafka's text for a refusal: the broker's error, or the local authentication failure. */
export function rdkafkaError(g: Refusal): string {
  const broker = g.error === null ? undefined : RDKAFKA_ERRORS[g.error];
  if (broker !== undefined) return broker;
  // A failed SASL/TLS handshake: librdkafka's error callback reports it as a local error (kcat prints
  // it with "% ERROR:"); the broker's message is the one the Java client would show.
  return `Local: Authentication failure: ${exceptionMessage(g.exception)}`;
}

/** kcat's requests through the security path (none when no security is configured or asked for). */
export function kcatGate(
  o: KcatOpts,
  ctx: ToolContext,
  kind: 'producer' | 'consumer',
  requests: Parameters<typeof passGate>[3],
  bytes?: number,
): GateResult {
  const props = kcatSecurityProps(o);
  if (props === null && !gated(ctx, null))
    return { ok: true, principal: null, throttleTimeMs: 0, authorizedTopics: null, authorizedGroups: null };
  return passGate(
    ctx,
    null,
    // librdkafka's client.id default is "rdkafka".
    {
      clientId: 'rdkafka',
      kind,
      commandConfig: null,
      props: props ?? {},
      bootstrapServer: last(o, 'b') ?? null,
    },
    requests,
    bytes,
  );
}

function metadata(o: KcatOpts, ctx: ToolContext, out: Output): CommandOutput {
  const only = last(o, 't');
  // Metadata: DESCRIBE on each topic; for "all topics" the ones without it are silently left out
  // (KafkaApis#handleTopicMetadataRequest), for a named one the broker answers TOPIC_AUTHORIZATION_FAILED.
  const existing = ctx.read.topics().map((t) => t.name);
  const g = kcatGate(o, ctx, 'producer', [
    {
      api: 'Metadata',
      topics: only === undefined ? null : [only],
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: existing,
    },
  ]);
  if (!g.ok && g.error !== 'TOPIC_AUTHORIZATION_FAILED')
    return out.fail(`% ERROR: ${rdkafkaError(g)}`).result();
  const visible = new Set(g.ok ? (g.authorizedTopics ?? existing) : []);
  const brokers = ctx.read.brokers().filter((b) => b.state === 'online');
  const from = brokers[0];
  out.line(
    `Metadata for ${only ?? 'all topics'} (from broker ${from ? `${from.id}: ${from.host}:${from.port}/${from.id}` : '-1: bootstrap'}):`,
  );
  out.line(` ${brokers.length} brokers:`);
  for (const b of brokers)
    out.line(`  broker ${b.id} at ${b.host}:${b.port}${b.controller ? ' (controller)' : ''}`);
  let topics = ctx.read.topics().filter((t) => visible.has(t.name));
  if (!g.ok && only !== undefined) {
    out.line(' 1 topics:');
    out.line(`  topic "${only}" with 0 partitions: ${rdkafkaError(g)}`);
    return out.fail(`% ERROR: Topic ${only} error: ${rdkafkaError(g)}`).result();
  }
  if (only !== undefined) {
    topics = topics.filter((t) => t.name === only);
    if (topics.length === 0) {
      out.line(' 1 topics:');
      out.line(`  topic "${only}" with 0 partitions: Broker: Unknown topic or partition`);
      return out.fail(`% ERROR: Topic ${only} error: Broker: Unknown topic or partition`).result();
    }
  }
  out.line(` ${topics.length} topics:`);
  for (const t of topics) {
    out.line(`  topic "${t.name}" with ${t.partitions.length} partitions:`);
    for (const p of t.partitions.slice().sort((a, b) => a.partition - b.partition)) {
      const err = p.leader === null ? ', Broker: Leader not available' : '';
      out.line(
        `    partition ${p.partition}, leader ${p.leader ?? -1}, replicas: ${p.replicas.join(',')}, isrs: ${p.isr.join(',')}${err}`,
      );
    }
  }
  return out.result();
}

export function unescapeDelim(s: string): string {
  return s.replace(/\\t/g, '\t').replace(/\\n/g, '\n').replace(/\\r/g, '\r');
}

function produce(
  o: KcatOpts,
  topic: string,
  partition: number | null,
  ctx: ToolContext,
  out: Output,
): CommandOutput {
  const fixedKey = last(o, 'k');
  const keyDelim = last(o, 'K');
  const nullEmpty = o.flags.has('Z');
  const headers: Array<[string, string]> = [];
  for (const h of o.values.get('H') ?? []) {
    const eq = h.indexOf('=');
    if (eq <= 0) return out.fail(`% ERROR: Expected -H "name=value..", not ${h}`).result();
    headers.push([h.slice(0, eq), h.slice(eq + 1)]);
  }
  const config: Record<string, string> = {};
  for (const x of o.values.get('X') ?? []) {
    const eq = x.indexOf('=');
    if (eq > 0) config[x.slice(0, eq)] = x.slice(eq + 1);
  }
  if (config['request.required.acks'] !== undefined) config.acks = config['request.required.acks'];
  // librdkafka's defaults differ from the Java client's: idempotence is off unless asked for.
  const settings: Record<string, string> = { 'enable.idempotence': 'false', ...config };
  delete settings['request.required.acks'];
  // librdkafka's `partitioner` (default consistent_random: CRC32 of the key, not the Java client's murmur2), so
  // the same key can land elsewhere than a Java producer puts it (rdkafka_msg.c, CONFIGURATION.md).
  const partitioner = (config.partitioner ?? LIBRDKAFKA_DEFAULT_PARTITIONER) as LibrdkafkaPartitioner;
  delete settings.partitioner;
  if (!LIBRDKAFKA_PARTITIONERS.includes(partitioner))
    return out
      .fail(`% ERROR: Invalid value "${config.partitioner}" for configuration property "partitioner"`)
      .result();
  const target = ctx.read.topic(topic);
  if (target === null) {
    return out.fail(`% ERROR: Topic ${topic} error: Broker: Unknown topic or partition`).result();
  }
  const count = target.partitions.length;
  // A null key with a *_random partitioner (or `random`) is spread by the producer itself.
  const route = (key: string | null): number | null =>
    partition !== null || partitioner === 'random' || (key === null && partitioner.endsWith('_random'))
      ? partition
      : librdkafkaPartition(partitioner, key, count, () => 0);
  const reqs: SendRequest[] = [];
  for (const line of ctx.input ?? []) {
    let key: string | null = fixedKey ?? null;
    let value: string | null = line;
    if (keyDelim !== undefined) {
      const d = unescapeDelim(keyDelim);
      const i = line.indexOf(d);
      if (i >= 0) {
        key = line.slice(0, i);
        value = line.slice(i + d.length);
      }
    }
    if (nullEmpty) {
      if (key === '') key = null;
      if (value === '') value = null;
    }
    reqs.push({ topic, key, value, partition: route(key), headers });
  }
  if (reqs.length === 0) return out.result();
  // Metadata (DESCRIBE; a librdkafka producer may ask for auto-creation), InitProducerId only when
  // enable.idempotence=true (WRITE on any topic since KIP-679), then Produce (WRITE) with the request's size.
  const existing = ctx.read.topics().map((t) => t.name);
  const g = kcatGate(
    o,
    ctx,
    'producer',
    [
      {
        api: 'Metadata',
        topics: [topic],
        allowAutoTopicCreation: true,
        autoCreateTopicsEnable: false,
        existingTopics: existing,
      },
      ...(settings['enable.idempotence'] === 'true'
        ? [{ api: 'InitProducerId' as const, transactionalId: null }]
        : []),
      { api: 'Produce', topics: [topic], transactionalId: null, transactional: false },
    ],
    produceRequestBytes(reqs),
  );
  if (!g.ok) {
    if (g.error === null) return out.fail(`% ERROR: ${rdkafkaError(g)}`).result();
    for (const _ of reqs) out.fail(`% Delivery failed for message: ${rdkafkaError(g)}`);
    return out.result();
  }
  const name = freeClientName(ctx, 'rdkafka');
  const created = ctx.port.createProducer(name, settings);
  if (!created.ok) return out.fail(`% ERROR: ${created.error.message}`).result();
  const results: SendResult[] = [];
  for (const r of reqs) {
    const res = ctx.port.send(name, r);
    results.push(res.ok ? res.data : { kind: 'failed', error: res.error });
  }
  const pendingIdx = results.map((r, i) => (r.kind === 'pending' ? i : -1)).filter((i) => i >= 0);
  if (pendingIdx.length > 0) {
    const flushed = ctx.port.flush(name);
    pendingIdx.forEach((idx, j) => {
      results[idx] = flushed.ok
        ? (flushed.data[j] ?? results[idx])
        : { kind: 'failed', error: flushed.error };
    });
  }
  ctx.port.closeProducer(name);
  for (const r of results) {
    if (r.kind === 'failed') out.fail(`% Delivery failed for message: ${r.error.message}`);
  }
  return out.result();
}

/** kcat's -f format: %t topic, %p partition, %o offset, %k key, %s value, %T timestamp, %h headers, %S/%K sizes. */
export function formatKcat(fmt: string, r: RecordView, nullWord: string): string {
  let s = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '\\' && i + 1 < fmt.length) {
      const n = fmt[++i];
      s += n === 'n' ? '\n' : n === 't' ? '\t' : n === 'r' ? '\r' : n === '0' ? '\0' : n;
      continue;
    }
    if (c !== '%' || i + 1 >= fmt.length) {
      s += c;
      continue;
    }
    const t = fmt[++i];
    const bytes = (x: string | null): number => (x === null ? -1 : new TextEncoder().encode(x).length);
    switch (t) {
      case 't':
        s += r.topic;
        break;
      case 'p':
        s += r.partition;
        break;
      case 'o':
        s += r.offset;
        break;
      case 'k':
        s += r.key ?? nullWord;
        break;
      case 's':
        s += r.value ?? nullWord;
        break;
      case 'K':
        s += bytes(r.key);
        break;
      case 'S':
        s += bytes(r.value);
        break;
      case 'T':
        s += r.timestamp;
        break;
      case 'h':
        s += r.headers.length === 0 ? '' : r.headers.map(([k, v]) => `${k}=${v}`).join(',');
        break;
      case '%':
        s += '%';
        break;
      default:
        s += `%${t}`;
    }
  }
  return s;
}

function consume(
  o: KcatOpts,
  topic: string,
  partition: number | null,
  ctx: ToolContext,
  out: Output,
): CommandOutput {
  const t = ctx.read.topic(topic);
  if (!t) return out.fail(`% ERROR: Topic ${topic} error: Broker: Unknown topic or partition`).result();
  const offsetRaw = last(o, 'o') ?? 'beginning';
  const countRaw = last(o, 'c');
  let remaining = countRaw === undefined ? Number.MAX_SAFE_INTEGER : Number(countRaw);
  if (!Number.isInteger(remaining) || remaining < 0)
    return out.fail(`% ERROR: Invalid count: ${countRaw}`).result();
  const keyDelim = last(o, 'K');
  const delim = unescapeDelim(last(o, 'D') ?? '\n');
  const fmt =
    last(o, 'f') ?? (keyDelim !== undefined ? `%k${keyDelim}%s${delim === '\n' ? '\\n' : delim}` : null);
  const nullWord = o.flags.has('Z') ? 'NULL' : '';
  // librdkafka's isolation.level defaults to read_committed (since 1.2.0), unlike the Java consumer's
  // read_uncommitted: kcat stops at the last stable offset unless told otherwise.
  const isolation = (o.values.get('X') ?? []).some((x) => x === 'isolation.level=read_uncommitted')
    ? 'read_uncommitted'
    : 'read_committed';
  const partitions = t.partitions.filter((p) => partition === null || p.partition === partition);
  if (partitions.length === 0)
    return out
      .fail(`% ERROR: Topic ${topic} [${partition}] error: Broker: Unknown topic or partition`)
      .result();
  // Stored offsets need a group.id, which the simple consumer (-C) has none of: rd_kafka_consume_start refuses the
  // first partition (checked with kcat 1.7.1).
  if (offsetRaw === 'stored')
    return out
      .fail(
        `% ERROR: Failed to start consuming topic ${topic} [${partitions[0].partition}]: Local: Invalid argument or configuration`,
      )
      .result();
  const exitAtEnd = o.flags.has('e');
  const quiet = o.flags.has('q');
  const ordered = partitions.slice().sort((a, b) => a.partition - b.partition);
  const fetched: RecordView[] = [];
  // Metadata (DESCRIBE), ListOffsets for the start offsets (DESCRIBE), Fetch (READ), each topic listed
  // once per partition; the records read are then counted against consumer_byte_rate.
  const perPartition = ordered.map(() => topic);
  const g = kcatGate(o, ctx, 'consumer', [
    {
      api: 'Metadata',
      topics: [topic],
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: [topic],
    },
    { api: 'ListOffsets', topics: perPartition },
    { api: 'Fetch', topics: perPartition },
  ]);
  if (!g.ok) {
    if (g.error === null || g.error !== 'TOPIC_AUTHORIZATION_FAILED')
      return out.fail(`% ERROR: ${rdkafkaError(g)}`).result();
    for (const p of ordered) out.fail(`% ERROR: Topic ${topic} [${p.partition}] error: ${rdkafkaError(g)}`);
    return out.result();
  }
  for (const [i, p] of ordered.entries()) {
    const end = isolation === 'read_committed' ? p.lastStableOffset : p.highWatermark;
    let start: number;
    if (offsetRaw === 'beginning') start = p.logStartOffset;
    else if (offsetRaw === 'end') start = end;
    else if (/^-\d+$/.test(offsetRaw)) start = Math.max(p.logStartOffset, end + Number(offsetRaw));
    else if (/^\d+$/.test(offsetRaw)) start = Math.min(Math.max(Number(offsetRaw), p.logStartOffset), end);
    else if (/^s@\d+$/.test(offsetRaw))
      start = ctx.read.offsetForTime(topic, p.partition, Number(offsetRaw.slice(2))) ?? end;
    else return out.fail(`% ERROR: Invalid offset: ${offsetRaw}`).result();
    const records = remaining > 0 ? ctx.read.records(topic, p.partition, start, remaining, isolation) : [];
    remaining -= records.length;
    fetched.push(...records);
    // kcat reports each partition's end, and says it is exiting once every partition got there. The
    // PARTITION_EOF event carries librdkafka's fetch position, which has moved past control records
    // (transaction markers): it is the partition's end (HW, or LSO under read_committed), not last+1.
    if (exitAtEnd && !quiet && remaining > 0) {
      const last = i === ordered.length - 1 ? ': exiting' : '';
      out.warn(`% Reached end of topic ${topic} [${p.partition}] at offset ${Math.max(start, end)}${last}`);
    }
  }
  // Under consumer_byte_rate: responses within the quota window; a throttled one carries no records and
  // librdkafka waits throttle_time_ms before fetching again (KIP-219).
  const props = kcatSecurityProps(o);
  const q = fetchUnderQuota(
    ctx,
    { clientId: 'rdkafka', kind: 'consumer', commandConfig: null, ...(props ? { props } : {}) },
    last(o, 'b') ?? null,
    fetched,
    g.ok ? g.fetchMaxBytes : null,
  );
  for (const r of fetched.slice(0, q.delivered))
    out.write(fmt === null ? `${r.value ?? nullWord}${delim}` : formatKcat(fmt, r, nullWord));
  if (q.throttled > 0) out.warn(`% ${throttledNote('consumer_byte_rate', q.waitedMs, q.throttled)}`);
  if (q.stuck !== null) out.warn(`% ${q.stuck}`);
  if (!exitAtEnd && !quiet)
    out.warn('% (simulation) printed everything readable now; kcat without -e would keep waiting');
  return out.result();
}

export const kcatTool: ToolDef = {
  name: 'kcat',
  aliases: ['kafkacat'],
  summary:
    'Metadata listing (-L), produce the lines that follow (-P), consume (-C), consume in a group (-G).',
  usage:
    'kcat -b localhost:9092 -L\n' +
    'kcat -b localhost:9092 -P -t T [-k K | -K :] [-p P] <<EOF ... EOF\n' +
    "kcat -b localhost:9092 -C -t T [-p P] [-o beginning|end|N|-N] [-e] [-c N] [-f '%t %p %o %k %s %T\\n']\n" +
    'kcat -b localhost:9092 -G GROUP [-o beginning|end|N|-N] [-e] [-c N] TOPIC [TOPIC ...]',
  flags: [
    '-b',
    '-t',
    '-p',
    '-o',
    '-k',
    '-K',
    '-c',
    '-f',
    '-D',
    '-H',
    '-X',
    '-P',
    '-C',
    '-G',
    '-L',
    '-e',
    '-q',
    '-Z',
    '-h',
  ],
  readsStdin: (args) => {
    const o = getopt(args);
    return (
      typeof o !== 'string' &&
      o.flags.has('P') &&
      !o.flags.has('C') &&
      !o.flags.has('L') &&
      (o.values.has('t') || o.rest.length > 0)
    );
  },
  run: runKcat,
};
