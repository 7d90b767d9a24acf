// kafka-transactions.sh — TransactionsCommand (KIP-664, Kafka 4.0): list, describe, describe-producers,
// find-hanging and abort over the simulated transaction coordinators and partition producer states. Tables are
// ToolsUtils#prettyPrintTable; failures are printErrorAndExit's `<what failed>: <cause>. Enable debug logging…`.

import { type ArgSpec, parseSubcommandArgs, prettyPrintTable, usageError } from '../argparse';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { KAFKA_VERSION } from './kafkaTopics';
import {
  describeProducersGate,
  describeTopicsGate,
  describeTransactionGate,
  leaderLookupGate,
  listTopicsGate,
  listTransactionsGate,
  type TxnGate,
  writeTxnMarkersGate,
} from './transactionsGate';

const PROG = 'kafka-transactions.sh';
const USAGE = '[-h] [-v] [--command-config FILE] --bootstrap-server host:port COMMAND ...';
const GLOBAL: ArgSpec[] = [
  { name: 'bootstrap-server', kind: 'value' },
  { name: 'command-config', kind: 'value' },
  { name: 'version', kind: 'switch' },
];
const TP: ArgSpec[] = [
  { name: 'topic', kind: 'value' },
  { name: 'partition', kind: 'value', type: 'int' },
];
const COMMANDS = [
  { name: 'list', args: [{ name: 'duration-filter', kind: 'value', type: 'int' }] },
  { name: 'describe', args: [{ name: 'transactional-id', kind: 'value' }] },
  { name: 'describe-producers', args: [...TP, { name: 'broker-id', kind: 'value', type: 'int' }] },
  {
    name: 'abort',
    args: [
      ...TP,
      { name: 'start-offset', kind: 'value', type: 'int' },
      { name: 'producer-id', kind: 'value', type: 'int' },
      { name: 'producer-epoch', kind: 'value', type: 'int' },
      { name: 'coordinator-epoch', kind: 'value', type: 'int' },
    ],
  },
  {
    name: 'find-hanging',
    args: [
      ...TP,
      { name: 'broker-id', kind: 'value', type: 'int' },
      { name: 'max-transaction-timeout', kind: 'value', type: 'int' },
    ],
  },
] satisfies ReadonlyArray<{ name: string; args: readonly ArgSpec[] }>;

const DEBUG = ' Enable debug logging for additional detail.';
const UNKNOWN_TP = 'This server does not host this topic-partition.';

type Args = ReadonlyMap<string, string | true>;
const str = (a: Args, k: string): string | undefined => {
  const v = a.get(k);
  return typeof v === 'string' ? v : undefined;
};
const num = (a: Args, k: string): number | undefined => {
  const v = str(a, k);
  return v === undefined ? undefined : Number(v);
};

function list(ctx: ToolContext, a: Args, out: Output, g: TxnGate): CommandOutput {
  const filter = num(a, 'duration-filter');
  const now = ctx.read.now();
  const all = ctx.read.transactions();
  const visible = listTransactionsGate(
    ctx,
    g,
    all.map((t) => t.transactionalId),
  );
  if (!visible.ok) return out.fail(`Failed to list transactions: ${visible.message}.${DEBUG}`).result();
  const rows = all
    .filter((t) => visible.ids.has(t.transactionalId))
    .filter(
      (t) =>
        filter === undefined ||
        filter < 0 ||
        (t.state === 'Ongoing' &&
          t.transactionStartTimeMs !== null &&
          now - t.transactionStartTimeMs > filter),
    )
    // allByBrokerId: one coordinator's listings after another
    .sort((x, y) => (x.coordinator ?? -1) - (y.coordinator ?? -1))
    .map((t) => [t.transactionalId, String(t.coordinator ?? -1), String(t.producerId), t.state]);
  return out
    .line(prettyPrintTable(['TransactionalId', 'Coordinator', 'ProducerId', 'TransactionState'], rows))
    .result();
}

const topicOf = (tp: string): string => tp.slice(0, tp.lastIndexOf('-'));

function describeTransaction(ctx: ToolContext, a: Args, out: Output, g: TxnGate): CommandOutput {
  const id = str(a, 'transactional-id') as string;
  const t = ctx.read.transactions().find((x) => x.transactionalId === id);
  const gate = describeTransactionGate(ctx, g, id, [...new Set((t?.partitions ?? []).map(topicOf))]);
  if (!gate.ok)
    return out
      .fail(`Failed to describe transaction state of transactional-id \`${id}\`: ${gate.message}.${DEBUG}`)
      .result();
  if (!t)
    return out
      .fail(
        `Failed to describe transaction state of transactional-id \`${id}\`: DescribeTransactions request for transactionalId \`${id}\` failed because the ID could not be found.${DEBUG}`,
      )
      .result();
  const start = t.transactionStartTimeMs;
  const row = [
    String(t.coordinator ?? -1),
    id,
    String(t.producerId),
    String(t.producerEpoch),
    t.state,
    String(t.transactionTimeoutMs),
    start === null ? 'None' : String(start),
    start === null ? 'None' : String(ctx.read.now() - start),
    t.partitions.filter((tp) => gate.topics.has(topicOf(tp))).join(','),
  ];
  const headers = [
    'CoordinatorId',
    'TransactionalId',
    'ProducerId',
    'ProducerEpoch',
    'TransactionState',
    'TransactionTimeoutMs',
    'CurrentTransactionStartTimeMs',
    'TransactionDurationMs',
    'TopicPartitions',
  ];
  return out.line(prettyPrintTable(headers, [row])).result();
}

function describeProducers(ctx: ToolContext, a: Args, out: Output, g: TxnGate): CommandOutput {
  const topic = str(a, 'topic') as string;
  const partition = num(a, 'partition') as number;
  const broker = num(a, 'broker-id');
  // Without --broker-id the Admin client looks the leader up first (PartitionLeaderStrategy).
  const refused =
    (broker === undefined ? leaderLookupGate(ctx, g, topic, partition) : null) ??
    describeProducersGate(ctx, g, [{ topic, partition }]);
  if (refused !== null)
    return out
      .fail(
        `Failed to describe producers for partition ${topic}-${partition} on ${broker === undefined ? 'leader' : `broker ${broker}`}: ${refused}.${DEBUG}`,
      )
      .result();
  const states = ctx.read.producerStates(topic, partition, broker);
  if (states === null)
    return out
      .fail(
        `Failed to describe producers for partition ${topic}-${partition} on ${broker === undefined ? 'leader' : `broker ${broker}`}: ${UNKNOWN_TP}${DEBUG}`,
      )
      .result();
  const rows = states.map((p) => [
    String(p.producerId),
    String(p.producerEpoch),
    String(p.coordinatorEpoch),
    String(p.lastSequence),
    String(p.lastTimestamp),
    p.currentTransactionStartOffset === null ? 'None' : String(p.currentTransactionStartOffset),
  ]);
  const headers = [
    'ProducerId',
    'ProducerEpoch',
    'LatestCoordinatorEpoch',
    'LastSequence',
    'LastTimestamp',
    'CurrentTransactionStartOffset',
  ];
  return out.line(prettyPrintTable(headers, rows)).result();
}

function abort(ctx: ToolContext, a: Args, out: Output, g: TxnGate): CommandOutput {
  const topic = str(a, 'topic') as string;
  const partition = num(a, 'partition') as number;
  const tp = `${topic}-${partition}`;
  const startOffset = num(a, 'start-offset');
  const producerId = num(a, 'producer-id');
  if (startOffset === undefined && producerId === undefined)
    return out
      .fail(
        'The transaction to abort must be identified either with --start-offset (for brokers on 3.0 or above) or with --producer-id, --producer-epoch, and --coordinator-epoch (for older brokers)',
      )
      .result();
  let spec: { producerId: number; producerEpoch: number; coordinatorEpoch: number };
  if (startOffset === undefined) {
    const producerEpoch = num(a, 'producer-epoch');
    if (producerEpoch === undefined) return out.fail('Missing required argument --producer-epoch').result();
    const coordinatorEpoch = num(a, 'coordinator-epoch');
    if (coordinatorEpoch === undefined)
      return out.fail('Missing required argument --coordinator-epoch').result();
    spec = {
      producerId: producerId as number,
      producerEpoch,
      coordinatorEpoch: Math.max(0, coordinatorEpoch),
    };
  } else {
    const refused =
      leaderLookupGate(ctx, g, topic, partition) ?? describeProducersGate(ctx, g, [{ topic, partition }]);
    if (refused !== null)
      return out.fail(`Failed to validate producer state for partition ${tp}: ${refused}.${DEBUG}`).result();
    const states = ctx.read.producerStates(topic, partition);
    if (states === null)
      return out
        .fail(`Failed to validate producer state for partition ${tp}: ${UNKNOWN_TP}${DEBUG}`)
        .result();
    const found = states.find((s) => s.currentTransactionStartOffset === startOffset);
    if (!found)
      return out
        .fail(`Could not find any open transactions starting at offset ${startOffset} on partition ${tp}`)
        .result();
    spec = {
      producerId: found.producerId,
      producerEpoch: found.producerEpoch,
      coordinatorEpoch: Math.max(0, found.coordinatorEpoch),
    };
  }
  const specText = `AbortTransactionSpec(topicPartition=${tp}, producerId=${spec.producerId}, producerEpoch=${spec.producerEpoch}, coordinatorEpoch=${spec.coordinatorEpoch})`;
  // Admin#abortTransaction: the leader lookup, then WriteTxnMarkers to the leader (a cluster action).
  const refused = leaderLookupGate(ctx, g, topic, partition) ?? writeTxnMarkersGate(ctx, g, specText);
  if (refused !== null)
    return out.fail(`Failed to abort transaction ${specText}: ${refused}.${DEBUG}`).result();
  const res = ctx.port.adminAbortTransaction({ topic, partition, ...spec });
  if (!res.ok)
    return out.fail(`Failed to abort transaction ${specText}: ${res.error.message}.${DEBUG}`).result();
  return out.result(); // the tool prints nothing when the marker is written
}

function findHanging(ctx: ToolContext, a: Args, out: Output, g: TxnGate): CommandOutput {
  const topic = str(a, 'topic');
  const partition = num(a, 'partition');
  const broker = num(a, 'broker-id');
  if (topic === undefined && broker === undefined)
    return out
      .fail(
        'The `find-hanging` command requires either --topic or --broker-id to limit the scope of the search',
      )
      .result();
  if (partition !== undefined && topic === undefined)
    return out.fail('The --partition argument requires --topic to be provided').result();
  const maxTimeoutMs = (num(a, 'max-transaction-timeout') ?? 15) * 60_000;
  const now = ctx.read.now();
  // --topic: Admin#describeTopics; --broker-id alone: Admin#listTopics (what the principal may describe).
  let topics = topic === undefined ? ctx.read.topics() : [ctx.read.topic(topic)];
  if (topic === undefined) {
    const listed = listTopicsGate(
      ctx,
      g,
      topics.flatMap((t) => (t ? [t.name] : [])),
    );
    if (typeof listed === 'string') return out.fail(`Failed to list topics: ${listed}.${DEBUG}`).result();
    topics = topics.filter((t) => t && listed.has(t.name));
  } else {
    const refused = describeTopicsGate(ctx, g, [topic]);
    if (refused !== null) return out.fail(`Failed to describe 1 topics: ${refused}.${DEBUG}`).result();
  }
  const partitions = topics
    .flatMap((t) => t?.partitions ?? [])
    .filter((p) => partition === undefined || p.partition === partition)
    .filter((p) => broker === undefined || p.replicas.includes(broker));
  const refused = describeProducersGate(ctx, g, partitions);
  if (refused !== null)
    return out
      .fail(
        `Failed to describe producers for ${partitions.length} partitions on broker ${broker === undefined ? 'Optional.empty' : `Optional[${broker}]`}: ${refused}.${DEBUG}`,
      )
      .result();
  // Admin#listTransactions leaves out the ids the principal may not describe: their open transactions
  // then look hanging to the tool (TransactionsCommand#filterHangingTransactions finds no transactional id).
  const all = ctx.read.transactions();
  const visible = listTransactionsGate(
    ctx,
    g,
    all.map((t) => t.transactionalId),
  );
  if (!visible.ok) return out.fail(`Failed to list transactions: ${visible.message}.${DEBUG}`).result();
  const txns = all.filter((t) => visible.ids.has(t.transactionalId));
  const rows: string[][] = [];
  for (const p of partitions) {
    for (const s of ctx.read.producerStates(p.topic, p.partition, broker) ?? []) {
      if (s.currentTransactionStartOffset === null || now - s.lastTimestamp <= maxTimeoutMs) continue;
      // Hanging: the coordinator does not know the producer, or no longer lists this partition in its transaction.
      const t = txns.find((x) => x.producerId === s.producerId);
      if (t?.partitions.includes(`${p.topic}-${p.partition}`)) continue;
      rows.push([
        p.topic,
        String(p.partition),
        String(s.producerId),
        String(s.producerEpoch),
        String(s.coordinatorEpoch),
        String(s.currentTransactionStartOffset),
        String(s.lastTimestamp),
        String(Math.floor((now - s.lastTimestamp) / 60_000)),
      ]);
    }
  }
  const headers = [
    'Topic',
    'Partition',
    'ProducerId',
    'ProducerEpoch',
    'CoordinatorEpoch',
    'StartOffset',
    'LastTimestamp',
    'Duration(min)',
  ];
  return out.line(prettyPrintTable(headers, rows)).result();
}

const REQUIRED: Record<string, readonly string[]> = {
  describe: ['transactional-id'],
  'describe-producers': ['topic', 'partition'],
  abort: ['topic', 'partition'],
};

export function runTransactions(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  if (args.includes('-h') || args.includes('--help'))
    return out
      .line(`usage: ${PROG} ${USAGE}`)
      .line('')
      .line(
        'This tool is used to analyze the transactional state of producers in the cluster. It can be used to detect and recover from hanging transactions.',
      )
      .line('')
      .line('commands: list, describe, describe-producers, abort, find-hanging')
      .result();
  if (args.includes('-v')) return out.line(KAFKA_VERSION).result();
  const parsed = parseSubcommandArgs(args, GLOBAL, COMMANDS);
  if (!parsed.ok) return out.fail(usageError(PROG, USAGE, parsed.message)).result();
  if (parsed.global.has('version')) return out.line(KAFKA_VERSION).result();
  if (parsed.command === null) return out.fail(usageError(PROG, USAGE, 'too few arguments')).result();
  const missing = (REQUIRED[parsed.command] ?? []).find((k) => !parsed.args.has(k));
  if (missing) return out.fail(usageError(PROG, USAGE, `argument --${missing} is required`)).result();
  const g: TxnGate = {
    commandConfig: str(parsed.global, 'command-config') ?? null,
    bootstrapServer: str(parsed.global, 'bootstrap-server') ?? null,
  };
  const commands: Record<string, (ctx: ToolContext, a: Args, out: Output, g: TxnGate) => CommandOutput> = {
    list,
    describe: describeTransaction,
    'describe-producers': describeProducers,
    abort,
    'find-hanging': findHanging,
  };
  return commands[parsed.command](ctx, parsed.args, out, g);
}

export const transactionsTool: ToolDef = {
  name: 'kafka-transactions.sh',
  aliases: ['kafka-transactions'],
  summary: 'List and describe transactions and producer states; find and abort hanging transactions.',
  usage:
    'kafka-transactions.sh --bootstrap-server localhost:9092 list | describe --transactional-id ID | describe-producers --topic T --partition P | find-hanging --topic T | abort --topic T --partition P --start-offset O',
  flags: [
    '--bootstrap-server',
    '--transactional-id',
    '--topic',
    '--partition',
    '--broker-id',
    '--start-offset',
    '--duration-filter',
    '--max-transaction-timeout',
  ],
  subcommands: [],
  run: runTransactions,
};
