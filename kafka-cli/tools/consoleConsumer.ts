// kafka-console-consumer.sh — ConsoleConsumer with DefaultMessageFormatter. Run as a line of a script it
// prints what is readable now and exits (as if stopped with --timeout-ms), then reports
// `Processed a total of N messages` on stderr like the real tool does on exit. Typed in the browser console
// without --max-messages or --timeout-ms it keeps running until Ctrl-C (../consoleFollow.ts).

import type { RecordView, TopicView } from '../../simulator';
import { COMMON_FLAGS } from '../commonFlags';
import { errorText } from '../kafkaErrors';
import type { OptionSpec, ParsedOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { parseProperties } from './connectWorkers';
import { fetchUnderQuota, MAX_THROTTLED_IN_A_ROW, stuckNote } from './fetchThrottle';
import {
  capToBytes,
  commandConfigOf,
  fetchQuota,
  fetchResponseBytes,
  gated,
  passGate,
  throttledNote,
} from './securityGate';
import { toolPrologue } from './toolPrologue';
import { compileIncludeList } from './topicFilter';

/** The tool's options (the console's follow mode reads a typed line with them too). */
export const CONSOLE_CONSUMER_OPTIONS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'topic', arg: 'required', help: 'Topic to consume from.' },
  { name: 'include', arg: 'required', help: 'Regular expression of topics to consume from.' },
  { name: 'partition', arg: 'required', type: 'int', help: 'Consume only this partition (assign mode).' },
  {
    name: 'offset',
    arg: 'required',
    help: "Start offset with --partition: a number, 'earliest' or 'latest' (default).",
  },
  {
    name: 'from-beginning',
    arg: 'none',
    help: 'Start at the earliest offset when there is no committed offset.',
  },
  { name: 'group', arg: 'required', help: 'Consumer group id; offsets are committed for it.' },
  { name: 'max-messages', arg: 'required', type: 'int', help: 'Stop after this many records.' },
  {
    name: 'timeout-ms',
    arg: 'required',
    type: 'int',
    help: 'Stop when no record came for this long; in a script the tool stops when nothing more is readable.',
  },
  { name: 'isolation-level', arg: 'required', help: 'read_uncommitted (default) or read_committed.' },
  {
    name: 'property',
    arg: 'required',
    argName: 'prop',
    help: 'Formatter property: print.key, print.partition, print.offset, print.timestamp, print.headers, key.separator, line.separator, null.literal.',
  },
  {
    name: 'formatter-property',
    arg: 'required',
    argName: 'prop',
    help: 'Same as --property (its Kafka 4.1 name).',
  },
  {
    name: 'formatter-config',
    arg: 'required',
    help: 'Properties file for the formatter; --property takes precedence over it.',
  },
  {
    name: 'consumer-property',
    arg: 'required',
    argName: 'k=v',
    help: 'Consumer config, e.g. isolation.level=read_committed, group.id=g.',
  },
  {
    name: 'consumer.config',
    arg: 'required',
    help: 'Older name of --command-config (its security settings decide the principal).',
  },
  {
    name: 'command-config',
    arg: 'required',
    help: 'Consumer properties file: its security settings decide the principal (other settings are not read).',
  },
  { name: 'formatter', arg: 'required', help: 'Formatter class (only the default formatter exists here).' },
  { name: 'skip-message-on-error', arg: 'none', help: 'Accepted.' },
  { name: 'key-deserializer', arg: 'required', help: 'Accepted; keys are strings.' },
  { name: 'value-deserializer', arg: 'required', help: 'Accepted; values are strings.' },
  { name: 'enable-systest-events', arg: 'none', help: 'Accepted.' },
];

/** `k=v` arguments (--property, --consumer-property) as a map; a bare key maps to the empty string. */
export function props(values: string[]): Record<string, string> {
  const p: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq < 0) p[v] = '';
    else p[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return p;
}

const unescapeSeparator = (s: string): string => s.replace(/\\t/g, '\t').replace(/\\n/g, '\n');
const isTrue = (v: string | undefined): boolean => (v ?? '').trim().toLowerCase() === 'true';

/** DefaultMessageFormatter.writeTo, returning the text written for one record. */
export function formatRecord(r: RecordView, p: Record<string, string>): string {
  const printTimestamp = isTrue(p['print.timestamp']);
  const printKey = isTrue(p['print.key']);
  const printOffset = isTrue(p['print.offset']);
  const printPartition = isTrue(p['print.partition']);
  const printHeaders = isTrue(p['print.headers']);
  const printValue = p['print.value'] === undefined ? true : isTrue(p['print.value']);
  const keySep = unescapeSeparator(p['key.separator'] ?? '\t');
  const lineSep = unescapeSeparator(p['line.separator'] ?? '\n');
  const headersSep = unescapeSeparator(p['headers.separator'] ?? ',');
  const nullLiteral = p['null.literal'] ?? 'null';
  let s = '';
  const sep = (more: boolean): void => {
    s += more ? keySep : lineSep;
  };
  if (printTimestamp) {
    s += `${r.timestampType}:${r.timestamp}`;
    sep(printPartition || printOffset || printHeaders || printKey || printValue);
  }
  if (printPartition) {
    s += `Partition:${r.partition}`;
    sep(printOffset || printHeaders || printKey || printValue);
  }
  if (printOffset) {
    s += `Offset:${r.offset}`;
    sep(printHeaders || printKey || printValue);
  }
  if (printHeaders) {
    s += r.headers.length === 0 ? 'NO_HEADERS' : r.headers.map(([k, v]) => `${k}:${v}`).join(headersSep);
    sep(printKey || printValue);
  }
  if (printKey) {
    s += r.key ?? nullLiteral;
    sep(printValue);
  }
  if (printValue) s += (r.value ?? nullLiteral) + lineSep;
  return s;
}

type Plan = { topic: string; partition: number; start: number };

/**
 * With security (or a --command-config file): the consumer's requests pass the security path first —
 * Metadata (DESCRIBE topic), then with a group FindCoordinator (DESCRIBE group), JoinGroup and SyncGroup
 * (READ group), OffsetFetch, then ListOffsets and Fetch (READ topic). Without --group (and without
 * --partition) ConsoleConsumer subscribes with a generated group `console-consumer-<random>`, so it needs
 * READ on that group too; the number here is derived from the command count, not drawn at random.
 * Returns the lines to print when refused, or null.
 */
function authorizeConsumer(
  o: ParsedOptions,
  ctx: ToolContext,
  group: string | null,
  topics: TopicView[],
): { refusal: string[] | null; fetchMaxBytes: number | null } {
  const cc = commandConfigOf(o, 'consumer.config');
  if (!gated(ctx, cc)) return { refusal: null, fetchMaxBytes: null };
  const names = topics.map((t) => t.name);
  const gid =
    group ?? (o.has('partition') ? null : `console-consumer-${(ctx.port.commandCount() * 7919) % 100000}`);
  const g = passGate(ctx, o, { clientId: 'console-consumer', kind: 'consumer', commandConfig: cc }, [
    {
      api: 'Metadata',
      topics: names,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: names,
    },
    ...(gid === null
      ? []
      : [
          { api: 'FindCoordinator' as const, keyType: 'GROUP' as const, key: gid },
          { api: 'JoinGroup' as const, groupId: gid },
          { api: 'SyncGroup' as const, groupId: gid },
          { api: 'OffsetFetch' as const, groupId: gid, topics: names },
        ]),
    { api: 'ListOffsets', topics: names },
    { api: 'Fetch', topics: names },
  ]);
  return g.ok
    ? { refusal: null, fetchMaxBytes: g.fetchMaxBytes ?? null }
    : { refusal: g.lines, fetchMaxBytes: null };
}

export function runConsoleConsumer(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const start = toolPrologue(
    args,
    CONSOLE_CONSUMER_OPTIONS,
    'This tool helps to read data from Kafka topics and outputs it to standard output.',
    out,
  );
  if (start.kind === 'done') return start.output;
  const o = start.options;
  // ConsoleConsumerOptions.checkRequiredArgs
  const filters = ['topic', 'include'].filter((x) => o.has(x));
  if (filters.length !== 1) return out.fail('Exactly one of --include/--topic is required. ').result();
  const consumerProps = props(o.values('consumer-property'));
  const groupFromProps = consumerProps['group.id'];
  if (o.has('group') && groupFromProps !== undefined && groupFromProps !== o.value('group')) {
    return out
      .fail(
        `The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer.config') do not match. Detected group ids: '${o.value('group')}', '${groupFromProps}'`,
      )
      .result();
  }
  const group = o.value('group') ?? groupFromProps ?? null;
  if (o.has('partition')) {
    if (!o.has('topic')) return out.fail('The topic is required when partition is specified.').result();
    if (o.has('from-beginning') && o.has('offset')) {
      return out.fail('Options from-beginning and offset cannot be specified together.').result();
    }
    // ConsoleConsumerOptions#checkConsumerGroup (Kafka 4.0): assign mode has no group.
    if (group !== null) return out.fail('Options group and partition cannot be specified together.').result();
  } else if (o.has('offset')) {
    return out.fail('The partition is required when offset is specified.').result();
  }
  // ConsoleConsumerOptions#setAutoOffsetResetValue: an explicit auto.offset.reset wins, --from-beginning means earliest.
  const resetProp = consumerProps['auto.offset.reset'];
  if (resetProp !== undefined && o.has('from-beginning') && resetProp !== 'earliest') {
    return out
      .fail(
        `Can't simultaneously specify --from-beginning and 'auto.offset.reset=${resetProp}', please remove one option`,
      )
      .result();
  }
  const autoOffsetReset = resetProp ?? (o.has('from-beginning') ? 'earliest' : 'latest');
  if (autoOffsetReset !== 'earliest' && autoOffsetReset !== 'latest' && autoOffsetReset !== 'none') {
    return out
      .fail(
        `org.apache.kafka.common.config.ConfigException: Invalid value ${autoOffsetReset} for configuration auto.offset.reset: Invalid value ${autoOffsetReset} for configuration auto.offset.reset`,
      )
      .result();
  }
  let offsetSpec: 'earliest' | 'latest' | number = o.has('from-beginning') ? 'earliest' : 'latest';
  if (o.has('offset')) {
    const v = (o.value('offset') ?? '').toLowerCase();
    if (v === 'earliest' || v === 'latest') offsetSpec = v;
    else if (/^\d+$/.test(v) && Number.isSafeInteger(Number(v))) offsetSpec = Number(v);
    else {
      return out
        .fail(
          "The provided offset value is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.",
        )
        .result();
    }
  }
  const isolationRaw = o.value('isolation-level') ?? consumerProps['isolation.level'] ?? 'read_uncommitted';
  if (isolationRaw !== 'read_uncommitted' && isolationRaw !== 'read_committed') {
    return out
      .fail(
        `org.apache.kafka.common.config.ConfigException: Invalid value ${isolationRaw} for configuration isolation.level: String must be one of: read_committed, read_uncommitted`,
      )
      .result();
  }
  const isolation = isolationRaw;
  const maxMessages = o.has('max-messages') ? (o.int('max-messages') ?? -1) : -1;
  let formatterFile: Record<string, string> = {};
  if (o.has('formatter-config')) {
    const path = o.value('formatter-config') ?? '';
    const text = ctx.read.file(path);
    if (text === null) return out.fail(`java.nio.file.NoSuchFileException: ${path}`).result();
    formatterFile = parseProperties(text);
  }
  // ConsoleConsumerOptions#formatterArgs: the file first, then --property over it.
  const formatter = {
    ...formatterFile,
    ...props([...o.values('property'), ...o.values('formatter-property')]),
  };

  // Which topics.
  let topics: TopicView[];
  if (o.has('topic')) {
    const t = ctx.read.topic(o.value('topic') ?? '');
    if (!t) {
      out.fail(
        `WARN [Consumer clientId=console-consumer${group ? `, groupId=${group}` : ''}] Error while fetching metadata: {${o.value('topic')}=UNKNOWN_TOPIC_OR_PARTITION}`,
      );
      return out.fail('Processed a total of 0 messages').result();
    }
    topics = [t];
  } else {
    const allowed = compileIncludeList(o.value('include') ?? '');
    if (typeof allowed === 'string') return out.fail(allowed).result();
    topics = ctx.read.topics().filter((t) => !t.internal && allowed(t.name));
  }
  const { refusal, fetchMaxBytes } = authorizeConsumer(o, ctx, group, topics);
  if (refusal !== null) {
    out.fail(
      'ERROR Error processing message, terminating consumer process:  (org.apache.kafka.tools.consumer.ConsoleConsumer$)',
    );
    for (const l of refusal) out.fail(l);
    return out.fail('Processed a total of 0 messages').result();
  }

  if (group !== null) {
    const autoCommit =
      consumerProps['enable.auto.commit'] === undefined ? true : isTrue(consumerProps['enable.auto.commit']);
    return consumeInGroup(ctx, out, {
      group,
      topics: topics.map((t) => t.name),
      autoOffsetReset,
      autoCommit,
      isolation,
      maxMessages,
      formatter,
      commandConfig: commandConfigOf(o, 'consumer.config'),
      bootstrapServer: o.value('bootstrap-server') ?? null,
      fetchMaxBytes,
    });
  }

  // Without --group ConsoleConsumer uses a throwaway group (console-consumer-<random>) with auto-commit off, so
  // nothing it does is visible to any group: it reads the log from its start position and commits nothing.
  const plans: Plan[] = [];
  for (const t of topics) {
    for (const p of t.partitions) {
      if (o.has('partition') && p.partition !== o.int('partition')) continue;
      const resetTo = (spec: 'earliest' | 'latest' | number): number => {
        if (spec === 'earliest') return p.logStartOffset;
        if (spec === 'latest') return isolation === 'read_committed' ? p.lastStableOffset : p.highWatermark;
        // Out-of-range explicit offsets fall back to auto.offset.reset (latest by default).
        return spec < p.logStartOffset || spec > p.highWatermark ? p.highWatermark : spec;
      };
      plans.push({ topic: t.name, partition: p.partition, start: resetTo(offsetSpec) });
    }
    if (o.has('partition') && !t.partitions.some((p) => p.partition === o.int('partition'))) {
      out.fail(`WARN The partition ${t.name}-${o.int('partition')} does not exist; nothing to consume.`);
      return out.fail('Processed a total of 0 messages').result();
    }
  }
  plans.sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));

  let total = 0;
  const fetched: RecordView[] = [];
  for (const plan of plans) {
    const budget = maxMessages >= 0 ? maxMessages - total : Number.MAX_SAFE_INTEGER;
    if (budget <= 0) break;
    for (const r of ctx.read.records(plan.topic, plan.partition, plan.start, budget, isolation)) {
      fetched.push(r);
      total++;
    }
  }
  // Under consumer_byte_rate the records come in responses within the quota window, and a throttled
  // response carries none: the consumer waits throttle_time_ms and fetches them again (KIP-219).
  const q = fetchUnderQuota(
    ctx,
    { clientId: 'console-consumer', kind: 'consumer', commandConfig: commandConfigOf(o, 'consumer.config') },
    o.value('bootstrap-server') ?? null,
    fetched,
    fetchMaxBytes,
  );
  for (const r of fetched.slice(0, q.delivered)) out.write(formatRecord(r, formatter));
  total = q.delivered;
  if (q.throttled > 0) out.warn(throttledNote('consumer_byte_rate', q.waitedMs, q.throttled));
  if (q.stuck !== null) out.warn(q.stuck);
  out.warn(`Processed a total of ${total} messages`);
  return out.result();
}

type GroupRun = {
  group: string;
  topics: string[];
  autoOffsetReset: 'earliest' | 'latest' | 'none';
  autoCommit: boolean;
  isolation: 'read_uncommitted' | 'read_committed';
  maxMessages: number;
  formatter: Record<string, string>;
  commandConfig: string | null;
  bootstrapServer: string | null;
  /** Under consumer_byte_rate: the most one fetch response carries (the broker's quota-window cap). */
  fetchMaxBytes: number | null;
};

/** How long the simulated tool waits for the group to hand it partitions (rejoins, group.initial.rebalance.delay.ms). */
const JOIN_WAIT_MS = 60_000;
const JOIN_STEP_MS = 500;

/**
 * With --group the console consumer is an ordinary member of the group: it subscribes and joins (a new or empty
 * group waits group.initial.rebalance.delay.ms, and running members rebalance), polls until nothing more is
 * readable (the simulation's stand-in for Ctrl-C or --timeout-ms), and closes, which auto-commits its positions
 * (enable.auto.commit defaults to true) and leaves the group (ConsoleConsumer.ConsumerWrapper#cleanup). Joining
 * moves the virtual clock, as it takes real time on a cluster.
 */
function consumeInGroup(ctx: ToolContext, out: Output, run: GroupRun): CommandOutput {
  const name = consoleClientName(ctx);
  const created = ctx.port.createConsumer(name, {
    groupId: run.group,
    topics: run.topics,
    assignor: 'range',
    autoCommit: run.autoCommit,
    isolationLevel: run.isolation,
    offsetReset: run.autoOffsetReset,
    instanceId: null,
  });
  if (!created.ok) {
    out.fail(`ERROR ${errorText(created.error)}`);
    return out.fail('Processed a total of 0 messages').result();
  }
  let total = 0;
  let waited = 0;
  let throttled = 0;
  const assigned = (): boolean => (ctx.port.read().consumer(name)?.assignment.length ?? 0) > 0;
  while (!assigned() && waited < JOIN_WAIT_MS) {
    ctx.port.advanceClock(JOIN_STEP_MS);
    waited += JOIN_STEP_MS;
  }
  if (!assigned()) {
    out.warn(
      `WARN The simulated console consumer got no partitions of ${run.topics.join(', ')} from group ${run.group} within ${JOIN_WAIT_MS / 1000} s and stopped.`,
    );
  }
  let throttledResponses = 0;
  const client = {
    clientId: 'console-consumer',
    kind: 'consumer' as const,
    commandConfig: run.commandConfig,
  };
  const underQuota = gated(ctx, run.commandConfig);
  for (let inARow = 0; ; ) {
    let budget = run.maxMessages >= 0 ? run.maxMessages - total : 500;
    if (budget <= 0 || !assigned()) break;
    if (underQuota) {
      // consumer_byte_rate is decided before the response is sent: a throttled fetch returns no records
      // (KafkaApis#handleFetchRequest), so the consumer waits throttle_time_ms and fetches them again.
      const next = capToBytes(ctx.read.nextPoll(name, budget), run.fetchMaxBytes);
      const bytes = fetchResponseBytes(next);
      if (inARow >= MAX_THROTTLED_IN_A_ROW) {
        out.warn(stuckNote(bytes, run.fetchMaxBytes));
        break;
      }
      const q = fetchQuota(ctx, client, run.bootstrapServer, bytes);
      if (!q.returnsData) {
        ctx.port.advanceClock(q.throttleTimeMs);
        throttled += q.throttleTimeMs;
        throttledResponses++;
        inARow++;
        continue;
      }
      inARow = 0;
      if (next.length > 0) budget = next.length;
    }
    const polled = ctx.port.poll(name, budget);
    if (!polled.ok) {
      out.fail(`ERROR ${errorText(polled.error)}`);
      break;
    }
    if (polled.data.length === 0) break;
    const read = ctx.port.read();
    for (const r of polled.data) {
      const full = read.records(r.topic, r.partition, r.offset, 1, run.isolation)[0];
      out.write(formatRecord(full?.offset === r.offset ? full : r, run.formatter));
      total++;
    }
  }
  if (throttledResponses > 0) out.warn(throttledNote('consumer_byte_rate', throttled, throttledResponses));
  const closed = ctx.port.closeConsumer(name);
  if (!closed.ok) out.fail(`ERROR Offset commit failed: ${errorText(closed.error)}`);
  out.warn(`Processed a total of ${total} messages`);
  return out.result();
}

/** A fresh client name per run, so records one run delivered stay attributed to its own group. */
function consoleClientName(ctx: ToolContext): string {
  const taken = new Set(
    ctx.port
      .read()
      .consumers()
      .map((c) => c.name),
  );
  let n = 1;
  while (taken.has(`console-consumer-${n}`)) n++;
  return `console-consumer-${n}`;
}

export const consoleConsumerTool: ToolDef = {
  name: 'kafka-console-consumer.sh',
  aliases: ['kafka-console-consumer'],
  summary: 'Print records; typed in the console it runs until Ctrl-C (a script: until none are left).',
  usage:
    'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic T [--from-beginning] [--group G] [--partition P --offset N]\n' +
    '  [--max-messages N] [--property print.key=true] [--property print.partition=true] [--property print.offset=true]',
  flags: CONSOLE_CONSUMER_OPTIONS.map((s) => `--${s.name}`),
  run: runConsoleConsumer,
};
