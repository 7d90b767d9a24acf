// Simulation client commands: named producers and consumers that live in the simulation.
//   producer create NAME [--acks 0|1|all] [--idempotence true|false] [--transactional-id ID]
//                        [--linger-ms N] [--batch-size N] [--retries N] [--max-in-flight N]
//                        [--command-config FILE]   (its security settings; every request then passes the
//                                                   security path, as does every client once security is on)
//   producer send NAME TOPIC [--key K] [--partition P] [--header k=v ...] VALUE|--null
//   producer flush|begin|commit|abort|close NAME
//   producer send-offsets NAME --consumer CONSUMER
//   consumer create NAME --group G --topics T[,T...] [--assignor range|roundrobin|sticky|cooperative-sticky]
//                        [--auto-commit true|false] [--isolation-level read_uncommitted|read_committed]
//                        [--offset-reset earliest|latest|none] [--instance-id ID]
//                        [--consumer-property metadata.max.age.ms=N]
//   consumer poll NAME [--max N] | consumer process NAME [--count N] | consumer commit|close|crash NAME

import { waitedNote } from '../format';
import { errorText } from '../kafkaErrors';
import { type OptionSpec, parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ConsumerSettings, SendResult } from '../port';
import type { ToolContext, ToolDef } from '../tool';
import {
  capToBytes,
  fetchQuota,
  fetchResponseBytes,
  gated,
  passGate,
  produceRequestBytes,
  waitOutThrottle,
} from '../tools/securityGate';

const PRODUCER_CREATE: OptionSpec[] = [
  { name: 'acks', arg: 'required', help: '0, 1 or all' },
  { name: 'idempotence', arg: 'required', help: 'true or false' },
  { name: 'transactional-id', arg: 'required', help: 'transactional.id' },
  { name: 'linger-ms', arg: 'required', type: 'int', help: 'linger.ms' },
  { name: 'batch-size', arg: 'required', type: 'int', help: 'batch.size' },
  { name: 'retries', arg: 'required', type: 'int', help: 'retries' },
  { name: 'max-in-flight', arg: 'required', type: 'int', help: 'max.in.flight.requests.per.connection' },
  { name: 'command-config', arg: 'required', help: 'properties file with the security settings' },
  {
    name: 'producer-property',
    arg: 'required',
    help: 'any producer config as key=value, e.g. metadata.max.age.ms=1000 (repeatable)',
  },
];

const PRODUCER_SEND: OptionSpec[] = [
  { name: 'key', arg: 'required', help: 'record key' },
  { name: 'partition', arg: 'required', type: 'int', help: 'explicit partition' },
  { name: 'header', arg: 'required', help: 'k=v header (repeatable)' },
  { name: 'null', arg: 'none', help: 'send a tombstone (null value)' },
  {
    name: 'timestamp',
    arg: 'required',
    type: 'long',
    help: 'CreateTime in ms (ProducerRecord timestamp; default now)',
  },
];

const CONSUMER_CREATE: OptionSpec[] = [
  { name: 'group', arg: 'required', help: 'group.id' },
  { name: 'topics', arg: 'required', help: 'comma-separated topics' },
  { name: 'assignor', arg: 'required', help: 'range | roundrobin | sticky | cooperative-sticky' },
  { name: 'auto-commit', arg: 'required', help: 'true or false' },
  { name: 'isolation-level', arg: 'required', help: 'read_uncommitted or read_committed' },
  { name: 'offset-reset', arg: 'required', help: 'earliest, latest or none' },
  { name: 'instance-id', arg: 'required', help: 'group.instance.id (static membership)' },
  { name: 'command-config', arg: 'required', help: 'properties file with the security settings' },
  {
    name: 'consumer-property',
    arg: 'required',
    help: 'metadata.max.age.ms=N (the other consumer configs have their own flags)',
  },
];

const NAME_RE = /^[A-Za-z0-9._-]{1,64}$/;

export function describeSend(r: SendResult): string {
  if (r.kind === 'acked') return `${r.topic}-${r.partition}@${r.offset}`;
  if (r.kind === 'pending')
    return `${r.topic}-${r.partition} (queued; the acknowledgement is reported when it arrives: advance the clock or flush)`;
  return `org.apache.kafka.common.errors.${errorText(r.error)}`;
}

function bool(v: string | undefined, flag: string): boolean | string {
  if (v === 'true') return true;
  if (v === 'false') return false;
  return `--${flag} must be true or false, not '${v}'`;
}

function runProducer(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, name, ...rest] = args;
  const verbs = ['create', 'send', 'flush', 'begin', 'send-offsets', 'commit', 'abort', 'close', 'crash'];
  if (!verb || !verbs.includes(verb))
    return out
      .fail(`producer: unknown action '${verb ?? ''}'. Use: producer ${verbs.join('|')} NAME ...`)
      .result();
  if (!name || name.startsWith('--')) return out.fail(`producer ${verb}: missing producer NAME`).result();
  if (!NAME_RE.test(name))
    return out.fail(`producer ${verb}: NAME may use letters, digits, '.', '_' and '-' (at most 64)`).result();
  if (verb === 'create') {
    const p = parseLongOptions(rest, PRODUCER_CREATE);
    if (p.kind === 'error') return out.fail(`producer create: ${p.message}`).result();
    const o = p.options;
    if (o.nonOptions.length > 0)
      return out.fail(`producer create: unexpected argument '${o.nonOptions[0]}'`).result();
    // Only what was given goes to the client, so Kafka's own defaults and checks apply
    // (e.g. acks=1 without --idempotence silently disables idempotence; with it, a ConfigException).
    const configs: Record<string, string> = {};
    const map: Array<[string, string]> = [
      ['acks', 'acks'],
      ['idempotence', 'enable.idempotence'],
      ['transactional-id', 'transactional.id'],
      ['linger-ms', 'linger.ms'],
      ['batch-size', 'batch.size'],
      ['retries', 'retries'],
      ['max-in-flight', 'max.in.flight.requests.per.connection'],
    ];
    for (const kv of o.values('producer-property')) {
      const eq = kv.indexOf('=');
      if (eq <= 0)
        return out.fail(`producer create: --producer-property expects key=value, got '${kv}'`).result();
      configs[kv.slice(0, eq).trim()] = kv.slice(eq + 1).trim();
    }
    for (const [flag, key] of map) {
      const v = o.value(flag);
      if (v !== undefined) configs[key] = v;
    }
    // An idempotent or transactional producer starts with InitProducerId (KafkaApis#handleInitProducerIdRequest).
    const cc = o.value('command-config') ?? null;
    const idempotent = configs['enable.idempotence'] !== 'false' && (configs.acks ?? 'all') === 'all';
    if (idempotent || configs['transactional.id'] !== undefined) {
      // A transactional producer first finds its coordinator (FindCoordinator TRANSACTION: DESCRIBE on the
      // transactional id), then InitProducerId (WRITE on it; KafkaApis#handleInitProducerIdRequest).
      const txnId = configs['transactional.id'] ?? null;
      const g = passGate(ctx, null, { clientId: name, kind: 'producer', commandConfig: cc }, [
        ...(txnId === null
          ? []
          : [{ api: 'FindCoordinator' as const, keyType: 'TRANSACTION' as const, key: txnId }]),
        { api: 'InitProducerId', transactionalId: txnId },
      ]);
      if (!g.ok) return out.fail(`producer create: ${g.lines.join('\n')}`).result();
    }
    const res = ctx.port.createProducer(name, configs);
    if (!res.ok) return out.fail(`producer create: ${errorText(res.error)}`).result();
    if (cc !== null) {
      const bound = ctx.port.bindClientSecurity(name, 'producer', cc);
      if (!bound.ok) return out.fail(`producer create: ${errorText(bound.error)}`).result();
    }
    for (const w of res.data) out.warn(`WARN ${w}`);
    return out.line(`Producer ${name} created (client.id=${name}).`).result();
  }
  if (verb === 'send') {
    const p = parseLongOptions(rest, PRODUCER_SEND);
    if (p.kind === 'error') return out.fail(`producer send: ${p.message}`).result();
    const o = p.options;
    const [topic, ...values] = o.nonOptions;
    if (!topic)
      return out
        .fail(
          'producer send: missing TOPIC. Usage: producer send NAME TOPIC [--key K] [--partition P] [--header k=v] VALUE|--null',
        )
        .result();
    if (o.has('null') && values.length > 0)
      return out.fail('producer send: give either a VALUE or --null, not both').result();
    if (!o.has('null') && values.length === 0)
      return out.fail('producer send: missing VALUE (or --null for a tombstone)').result();
    if (values.length > 1)
      return out
        .fail(`producer send: unexpected argument '${values[1]}' (quote a VALUE that has spaces)`)
        .result();
    const headers: Array<[string, string]> = [];
    for (const h of o.values('header')) {
      const eq = h.indexOf('=');
      if (eq <= 0) return out.fail(`producer send: --header needs k=v, not '${h}'`).result();
      headers.push([h.slice(0, eq), h.slice(eq + 1)]);
    }
    const partition = o.has('partition') ? (o.int('partition') ?? null) : null;
    if (partition !== null && partition < 0)
      return out.fail('producer send: --partition must not be negative').result();
    const ts = o.value('timestamp');
    if (ts !== undefined && !/^\d+$/.test(ts))
      return out.fail(`producer send: --timestamp must be a non-negative number of ms, not '${ts}'`).result();
    const key = o.value('key') ?? null;
    const value = o.has('null') ? null : values[0];
    const waited = waitOutThrottle(ctx, name);
    if (waited) out.warn(waited);
    const refused = authorizeSend(ctx, name, topic, key, value);
    if (refused) return out.fail(`producer send: ${refused}`).result();
    const res = ctx.port.send(name, {
      topic,
      ...(ts !== undefined ? { timestamp: Number(ts) } : {}),
      key: o.value('key') ?? null,
      value: o.has('null') ? null : values[0],
      partition,
      headers,
    });
    if (!res.ok) return out.fail(`producer send: ${errorText(res.error)}`).result();
    if (res.data.kind === 'failed') return out.fail(describeSend(res.data)).result();
    return out.line(describeSend(res.data)).result();
  }
  if (verb === 'send-offsets') {
    // producer send-offsets NAME --consumer C: sendOffsetsToTransaction(C's positions, C's group metadata).
    const p = parseLongOptions(rest, [
      { name: 'consumer', arg: 'required', help: 'the consumer whose positions to commit' },
    ]);
    if (p.kind === 'error') return out.fail(`producer send-offsets: ${p.message}`).result();
    const consumer = p.options.value('consumer');
    if (!consumer) return out.fail('producer send-offsets: missing --consumer NAME').result();
    if (p.options.nonOptions.length > 0)
      return out.fail(`producer send-offsets: unexpected argument '${p.options.nonOptions[0]}'`).result();
    const res = ctx.port.sendOffsetsToTransaction(name, consumer);
    if (!res.ok) return out.fail(`producer send-offsets: ${errorText(res.error)}`).result();
    const list = res.data.offsets.map((o) => `${o.topic}-${o.partition}=${o.offset}`).join(', ') || 'none';
    return out
      .line(
        `Offsets ${list} for group ${res.data.groupId} added to ${name}'s transaction (committed only if it commits).`,
      )
      .result();
  }
  if (rest.length > 0) return out.fail(`producer ${verb}: unexpected argument '${rest[0]}'`).result();
  if (verb === 'flush') {
    const from = ctx.read.now();
    const res = ctx.port.flush(name);
    if (!res.ok) return out.fail(`producer flush: ${errorText(res.error)}`).result();
    for (const r of res.data) {
      if (r.kind === 'failed') out.fail(describeSend(r));
      else out.line(describeSend(r));
    }
    if (res.data.length === 0) out.line('Nothing to flush.');
    const waited = waitedNote(from, ctx.read.now());
    if (waited) out.line(waited);
    return out.result();
  }
  const actions = {
    begin: () => ctx.port.beginTransaction(name),
    commit: () => ctx.port.commitTransaction(name),
    abort: () => ctx.port.abortTransaction(name),
    close: () => ctx.port.closeProducer(name),
    crash: () => ctx.port.crashProducer(name),
  } as const;
  const done = {
    begin: 'Transaction begun',
    commit: 'Transaction committed',
    abort: 'Transaction aborted',
    close: 'Producer closed',
    crash: 'Producer crashed: unsent records are lost and an open transaction stays open',
  } as const;
  const v = verb as keyof typeof actions;
  if (v === 'commit' || v === 'abort') {
    const refused = authorizeEndTxn(ctx, name);
    if (refused) return out.fail(`producer ${verb}: ${refused}`).result();
  }
  const res = actions[v]();
  if (!res.ok) return out.fail(`producer ${verb}: ${errorText(res.error)}`).result();
  return out.line(`${done[v]} (${name}).`).result();
}

/** With security: commitTransaction/abortTransaction send EndTxn (WRITE on the transactional id). */
function authorizeEndTxn(ctx: ToolContext, name: string): string | null {
  const cc = ctx.read.security().clients[name]?.commandConfig ?? null;
  const txnId = ctx.read.producer(name)?.transactionalId ?? null;
  if (!gated(ctx, cc) || txnId === null) return null;
  const g = passGate(ctx, null, { clientId: name, kind: 'producer', commandConfig: cc }, [
    { api: 'EndTxn', transactionalId: txnId },
  ]);
  return g.ok ? null : g.lines.join('\n');
}

/**
 * With security: a named producer's send passes Metadata (Describe) and Produce (Write; transactional
 * batches also Write on the transactional id) with the request's size (approximated, produceRequestBytes) for the quota.
 * Returns the client's exception when refused.
 */
function authorizeSend(
  ctx: ToolContext,
  name: string,
  topic: string,
  key: string | null,
  value: string | null,
): string | null {
  const cc = ctx.read.security().clients[name]?.commandConfig ?? null;
  if (!gated(ctx, cc)) return null;
  const p = ctx.read.producer(name);
  const transactional = p?.transaction === 'open';
  const bytes = produceRequestBytes([{ key, value }]);
  const g = passGate(
    ctx,
    null,
    { clientId: name, kind: 'producer', commandConfig: cc },
    [
      {
        api: 'Metadata',
        topics: [topic],
        allowAutoTopicCreation: true,
        autoCreateTopicsEnable: false,
        existingTopics: ctx.read.topics().map((t) => t.name),
      },
      // In a transaction the partition is added first (AddPartitionsToTxn: WRITE on the transactional id
      // and the topic). Simplified: every send adds it again; the real producer adds each partition once.
      ...(transactional && p?.transactionalId
        ? [{ api: 'AddPartitionsToTxn' as const, transactionalId: p.transactionalId, topics: [topic] }]
        : []),
      { api: 'Produce', topics: [topic], transactionalId: p?.transactionalId ?? null, transactional },
    ],
    bytes,
  );
  return g.ok ? null : g.lines.join('\n');
}

/** With security: poll needs Metadata, OffsetFetch, ListOffsets and Fetch; commit needs OffsetCommit. */
function authorizeConsumer(ctx: ToolContext, name: string, what: 'poll' | 'commit'): string | null {
  return consumerGate(ctx, name, what).refusal;
}

/** The named consumer's requests through the security path: the refusal, and the fetch cap of its quota. */
function consumerGate(
  ctx: ToolContext,
  name: string,
  what: 'poll' | 'commit',
): { refusal: string | null; fetchMaxBytes: number | null } {
  const none = { refusal: null, fetchMaxBytes: null };
  const cc = ctx.read.security().clients[name]?.commandConfig ?? null;
  if (!gated(ctx, cc)) return none;
  const c = ctx.read.consumer(name);
  if (!c) return none; // the consumer area reports the unknown name
  const topics = c.topics;
  const requests: Parameters<typeof passGate>[3] =
    what === 'commit'
      ? [{ api: 'OffsetCommit', groupId: c.groupId, topics }]
      : [
          {
            api: 'Metadata',
            topics,
            allowAutoTopicCreation: false,
            autoCreateTopicsEnable: false,
            existingTopics: topics,
          },
          { api: 'OffsetFetch', groupId: c.groupId, topics },
          { api: 'ListOffsets', topics },
          { api: 'Fetch', topics },
        ];
  const g = passGate(ctx, null, { clientId: name, kind: 'consumer', commandConfig: cc }, requests);
  return g.ok
    ? { refusal: null, fetchMaxBytes: g.fetchMaxBytes ?? null }
    : { refusal: g.lines.join('\n'), fetchMaxBytes: null };
}

function runConsumer(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, name, ...rest] = args;
  const verbs = ['create', 'poll', 'process', 'commit', 'close', 'crash'];
  if (!verb || !verbs.includes(verb))
    return out
      .fail(`consumer: unknown action '${verb ?? ''}'. Use: consumer ${verbs.join('|')} NAME ...`)
      .result();
  if (!name || name.startsWith('--')) return out.fail(`consumer ${verb}: missing consumer NAME`).result();
  if (!NAME_RE.test(name))
    return out.fail(`consumer ${verb}: NAME may use letters, digits, '.', '_' and '-' (at most 64)`).result();
  if (verb === 'create') {
    const p = parseLongOptions(rest, CONSUMER_CREATE);
    if (p.kind === 'error') return out.fail(`consumer create: ${p.message}`).result();
    const o = p.options;
    if (o.nonOptions.length > 0)
      return out.fail(`consumer create: unexpected argument '${o.nonOptions[0]}'`).result();
    if (!o.has('group')) return out.fail('consumer create: --group G is required').result();
    if (!o.has('topics')) return out.fail('consumer create: --topics T[,T...] is required').result();
    const topics = (o.value('topics') ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (topics.length === 0) return out.fail('consumer create: --topics needs at least one topic').result();
    const assignor = o.value('assignor') ?? 'range';
    if (!['range', 'roundrobin', 'sticky', 'cooperative-sticky'].includes(assignor)) {
      return out
        .fail(
          `consumer create: --assignor must be range, roundrobin, sticky or cooperative-sticky, not '${assignor}'`,
        )
        .result();
    }
    const autoCommit = o.has('auto-commit') ? bool(o.value('auto-commit'), 'auto-commit') : true;
    if (typeof autoCommit === 'string') return out.fail(`consumer create: ${autoCommit}`).result();
    const iso = o.value('isolation-level') ?? 'read_uncommitted';
    if (iso !== 'read_uncommitted' && iso !== 'read_committed') {
      return out
        .fail(`consumer create: --isolation-level must be read_uncommitted or read_committed, not '${iso}'`)
        .result();
    }
    const reset = o.value('offset-reset') ?? 'latest';
    if (reset !== 'earliest' && reset !== 'latest' && reset !== 'none') {
      return out
        .fail(`consumer create: --offset-reset must be earliest, latest or none, not '${reset}'`)
        .result();
    }
    let metadataMaxAgeMs: number | null = null;
    for (const kv of o.values('consumer-property')) {
      const eq = kv.indexOf('=');
      const key = eq > 0 ? kv.slice(0, eq).trim() : '';
      const value = kv.slice(eq + 1).trim();
      if (key !== 'metadata.max.age.ms')
        return out
          .fail(
            `consumer create: --consumer-property supports metadata.max.age.ms=N here (the other consumer configs have their own flags), got '${kv}'`,
          )
          .result();
      if (!/^\d+$/.test(value))
        return out
          .fail(
            `consumer create: Invalid value ${value} for configuration metadata.max.age.ms: Not a number of type LONG`,
          )
          .result();
      metadataMaxAgeMs = Number(value);
    }
    const settings: ConsumerSettings = {
      groupId: o.value('group') ?? '',
      topics,
      assignor: assignor as ConsumerSettings['assignor'],
      autoCommit,
      isolationLevel: iso,
      offsetReset: reset,
      instanceId: o.value('instance-id') ?? null,
      ...(metadataMaxAgeMs === null ? {} : { metadataMaxAgeMs }),
    };
    // subscribe() + the first poll: FindCoordinator, JoinGroup and SyncGroup need the group (Read).
    const cc = o.value('command-config') ?? null;
    const g = passGate(ctx, null, { clientId: name, kind: 'consumer', commandConfig: cc }, [
      { api: 'FindCoordinator', keyType: 'GROUP', key: settings.groupId },
      { api: 'JoinGroup', groupId: settings.groupId },
      { api: 'SyncGroup', groupId: settings.groupId },
    ]);
    if (!g.ok) return out.fail(`consumer create: ${g.lines.join('\n')}`).result();
    const res = ctx.port.createConsumer(name, settings);
    if (!res.ok) return out.fail(`consumer create: ${errorText(res.error)}`).result();
    if (cc !== null) {
      const bound = ctx.port.bindClientSecurity(name, 'consumer', cc);
      if (!bound.ok) return out.fail(`consumer create: ${errorText(bound.error)}`).result();
    }
    return out
      .line(
        `Consumer ${name} created in group ${settings.groupId}, subscribed to ${topics.join(', ')} (client.id=${name}).`,
      )
      .result();
  }
  if (verb === 'poll') {
    const p = parseLongOptions(rest, [
      { name: 'max', arg: 'required', type: 'int', help: 'max.poll.records' },
    ]);
    if (p.kind === 'error') return out.fail(`consumer poll: ${p.message}`).result();
    if (p.options.nonOptions.length > 0)
      return out.fail(`consumer poll: unexpected argument '${p.options.nonOptions[0]}'`).result();
    const max = p.options.int('max') ?? 500;
    if (max < 1) return out.fail('consumer poll: --max must be at least 1').result();
    const waited = waitOutThrottle(ctx, name);
    if (waited) out.warn(waited);
    const gate = consumerGate(ctx, name, 'poll');
    if (gate.refusal) return out.fail(`consumer poll: ${gate.refusal}`).result();
    const cc = ctx.read.security().clients[name]?.commandConfig ?? null;
    let count = max;
    if (gated(ctx, cc)) {
      // consumer_byte_rate is decided before the response is sent: a throttled fetch carries no records,
      // only throttle_time_ms (KafkaApis#handleFetchRequest, KIP-219); the records stay for the next poll.
      const next = capToBytes(ctx.read.nextPoll(name, max), gate.fetchMaxBytes);
      const q = fetchQuota(
        ctx,
        { clientId: name, kind: 'consumer', commandConfig: cc },
        null,
        fetchResponseBytes(next),
      );
      if (!q.returnsData)
        return out
          .line('(no records)')
          .warn(
            `(simulation) the fetch response carried throttle_time_ms=${q.throttleTimeMs} and no records: ${name} is over its consumer_byte_rate quota, and its next poll waits ${q.throttleTimeMs} ms before fetching them again (KIP-219)`,
          )
          .result();
      if (next.length > 0) count = next.length;
    }
    const res = ctx.port.poll(name, count);
    if (!res.ok) return out.fail(`consumer poll: ${errorText(res.error)}`).result();
    if (res.data.length === 0) return out.line('(no records)').result();
    for (const r of res.data) {
      out.line(`${r.topic}-${r.partition}@${r.offset} key=${r.key ?? 'null'} value=${r.value ?? 'null'}`);
    }
    return out.result();
  }
  if (verb === 'process') return runConsumerProcess(name, rest, ctx, out);
  if (rest.length > 0) return out.fail(`consumer ${verb}: unexpected argument '${rest[0]}'`).result();
  if (verb === 'commit') {
    // commitSync(): the positions of everything polled so far, processed or not (at-most-once if unprocessed)
    const refused = authorizeConsumer(ctx, name, 'commit');
    if (refused) return out.fail(`consumer commit: ${refused}`).result();
    const res = ctx.port.commitConsumer(name);
    if (!res.ok) return out.fail(`consumer commit: ${errorText(res.error)}`).result();
    if (res.data.length === 0) return out.line(`Nothing to commit (${name} has no positions yet).`).result();
    const list = res.data.map((o) => `${o.topic}-${o.partition}=${o.offset}`).join(', ');
    return out.line(`Offsets committed (${name}): ${list}.`).result();
  }
  const actions = {
    close: () => ctx.port.closeConsumer(name),
    crash: () => ctx.port.crashConsumer(name),
  } as const;
  const done = {
    close: 'Consumer closed; it left its group',
    crash: 'Consumer crashed without leaving; the group notices after session.timeout.ms',
  } as const;
  const v = verb as keyof typeof actions;
  const res = actions[v]();
  if (!res.ok) return out.fail(`consumer ${verb}: ${errorText(res.error)}`).result();
  return out.line(`${done[v]} (${name}).`).result();
}

/** consumer process NAME [--count N]: the application's processing step (consumerProcess). */
function runConsumerProcess(name: string, rest: string[], ctx: ToolContext, out: Output): CommandOutput {
  const p = parseLongOptions(rest, [
    { name: 'count', arg: 'required', type: 'int', help: 'how many polled records to process' },
  ]);
  if (p.kind === 'error') return out.fail(`consumer process: ${p.message}`).result();
  if (p.options.nonOptions.length > 0)
    return out.fail(`consumer process: unexpected argument '${p.options.nonOptions[0]}'`).result();
  const count = p.options.has('count') ? (p.options.int('count') ?? null) : null;
  if (count !== null && count < 1) return out.fail('consumer process: --count must be at least 1').result();
  const res = ctx.port.processConsumer(name, count);
  if (!res.ok) return out.fail(`consumer process: ${errorText(res.error)}`).result();
  if (res.data.length === 0) return out.line('(nothing to process: poll first)').result();
  for (const r of res.data) out.line(`processed ${r.topic}-${r.partition}@${r.offset}`);
  return out.result();
}

export const producerTool: ToolDef = {
  name: 'producer',
  aliases: [],
  summary:
    'Named producers: create, send, flush, transactions (begin/send-offsets/commit/abort), close, crash.',
  usage:
    'producer create NAME [--acks 0|1|all] [--idempotence true|false] [--transactional-id ID] [--linger-ms N] [--batch-size N] [--retries N] [--max-in-flight N]\n' +
    'producer send NAME TOPIC [--key K] [--partition P] [--header k=v ...] [--timestamp MS] VALUE|--null\n' +
    'producer flush|begin|commit|abort|close|crash NAME\n' +
    'producer send-offsets NAME --consumer CONSUMER   (sendOffsetsToTransaction with its positions and group)',
  flags: [...PRODUCER_CREATE, ...PRODUCER_SEND].map((s) => `--${s.name}`),
  subcommands: ['create', 'send', 'flush', 'begin', 'send-offsets', 'commit', 'abort', 'close', 'crash'],
  run: runProducer,
};

export const consumerTool: ToolDef = {
  name: 'consumer',
  aliases: [],
  summary: 'Named consumers in groups: create, poll, process, commit, close, crash.',
  usage:
    'consumer create NAME --group G --topics T[,T...] [--assignor range|roundrobin|sticky|cooperative-sticky] [--auto-commit true|false]\n' +
    '                [--isolation-level read_uncommitted|read_committed] [--offset-reset earliest|latest|none] [--instance-id ID]\n' +
    '                [--consumer-property metadata.max.age.ms=N]\n' +
    'consumer poll NAME [--max N] | consumer process NAME [--count N] | consumer commit|close|crash NAME\n' +
    '  process: the application handles polled records (all, or the first N); commit: commitSync() of the positions polled so far',
  flags: [...CONSUMER_CREATE.map((s) => `--${s.name}`), '--max', '--count'],
  subcommands: ['create', 'poll', 'process', 'commit', 'close', 'crash'],
  run: runConsumer,
};
