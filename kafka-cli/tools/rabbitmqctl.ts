// rabbitmqctl's listing commands over the simulated RabbitMQ broker: list_queues, list_consumers,
// list_exchanges, list_bindings, with their info-key columns, banners and tab-separated tables
// (RabbitMQ.CLI.Ctl.Commands.List*Command; the Table formatter). The simulation has one node and one vhost,
// "/"; channel pids are made up in Erlang's <node.a.b.c> shape.
import type { RabbitView } from '../../simulator';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

type Table = {
  banner: string;
  valid: readonly string[];
  defaults: readonly string[];
  rows: Record<string, string>[];
};

/** Info keys RabbitMQ accepts for queues that this simulation does not compute (memory, policies, ...). */
const QUEUE_KEYS_NOT_MODELLED = [
  'auto_delete',
  'consumer_capacity',
  'consumer_utilisation',
  'effective_policy_definition',
  'exclusive',
  'exclusive_consumer_pid',
  'exclusive_consumer_tag',
  'head_message_timestamp',
  'leader',
  'members',
  'memory',
  'message_bytes',
  'message_bytes_ready',
  'message_bytes_unacknowledged',
  'online',
  'operator_policy',
  'owner_pid',
  'pid',
  'policy',
  'slave_pids',
  'state',
  'synchronised_slave_pids',
];

const NODE = 'rabbit@localhost';
const channelPid = (channel: number) => `<${NODE}.1.${1000 + channel * 7}.0>`;

function queuesTable(v: RabbitView): Table {
  return {
    banner: 'Listing queues for vhost / ...',
    valid: [
      'name',
      'type',
      'durable',
      'arguments',
      'messages',
      'messages_ready',
      'messages_unacknowledged',
      'consumers',
    ],
    defaults: ['name', 'messages'],
    rows: v.queues.map((q) => ({
      name: q.name,
      type: q.type,
      durable: 'true',
      arguments:
        q.type === 'quorum'
          ? `[{"x-queue-type","quorum"}${q.deadLetterExchange ? `, {"x-dead-letter-exchange","${q.deadLetterExchange}"}` : ''}]`
          : q.deadLetterExchange
            ? `[{"x-dead-letter-exchange","${q.deadLetterExchange}"}]`
            : '[]',
      messages: String(q.messages),
      messages_ready: String(q.ready.length),
      messages_unacknowledged: String(q.unacked),
      consumers: String(q.consumers.length),
    })),
  };
}

function consumersTable(v: RabbitView): Table {
  return {
    banner: 'Listing consumers in vhost / ...',
    valid: [
      'queue_name',
      'channel_pid',
      'consumer_tag',
      'ack_required',
      'prefetch_count',
      'active',
      'activity_status',
      'arguments',
    ],
    // Every key but activity_status (ListConsumersCommand#merge_defaults).
    defaults: [
      'queue_name',
      'channel_pid',
      'consumer_tag',
      'ack_required',
      'prefetch_count',
      'active',
      'arguments',
    ],
    rows: v.queues.flatMap((q) =>
      q.consumers.map((c) => ({
        queue_name: q.name,
        channel_pid: channelPid(c.channel),
        consumer_tag: c.tag,
        ack_required: String(!c.autoAck),
        prefetch_count: String(c.prefetch),
        active: 'true',
        activity_status: 'up',
        arguments: '[]',
      })),
    ),
  };
}

function exchangesTable(v: RabbitView): Table {
  return {
    banner: 'Listing exchanges for vhost / ...',
    valid: ['name', 'type', 'durable', 'auto_delete', 'internal', 'arguments'],
    defaults: ['name', 'type'],
    rows: [{ name: '', type: 'direct' }, ...v.exchanges].map((e) => ({
      name: e.name,
      type: e.type,
      durable: 'true',
      auto_delete: 'false',
      internal: 'false',
      arguments: '[]',
    })),
  };
}

function bindingsTable(v: RabbitView): Table {
  // Every queue is bound to the default exchange with its own name as the key (AMQP 0-9-1 "default exchange").
  const rows = [
    ...v.queues.map((q) => ({ source: '', destination: q.name, routingKey: q.name })),
    ...v.bindings,
  ].map((b) => ({
    source_name: b.source,
    source_kind: 'exchange',
    destination_name: b.destination,
    destination_kind: 'queue',
    routing_key: b.routingKey,
    arguments: '[]',
  }));
  return {
    banner: 'Listing bindings for vhost /...',
    valid: ['source_name', 'source_kind', 'destination_name', 'destination_kind', 'routing_key', 'arguments'],
    defaults: [
      'source_name',
      'source_kind',
      'destination_name',
      'destination_kind',
      'routing_key',
      'arguments',
    ],
    rows,
  };
}

const LISTS: Record<string, (v: RabbitView) => Table> = {
  list_queues: queuesTable,
  list_consumers: consumersTable,
  list_exchanges: exchangesTable,
  list_bindings: bindingsTable,
};

const USAGE = [
  'Usage',
  '',
  'rabbitmqctl [--node <node>] [--timeout <timeout>] [--longnames] [--quiet] <command> [<command options>]',
  '',
  'Commands modelled by this simulation:',
  '',
  '   list_queues [--vhost <vhost>] [--no-table-headers] [<column> ...]',
  '   list_consumers [--vhost <vhost>] [--no-table-headers] [<column> ...]',
  '   list_exchanges [--vhost <vhost>] [--no-table-headers] [<column> ...]',
  '   list_bindings [--vhost <vhost>] [--no-table-headers] [<column> ...]',
].join('\n');

function run(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  let quiet = false;
  let headers = true;
  let vhost = '/';
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-s' || a === '--silent') {
      quiet = true;
      headers = false;
    } else if (a === '--no-table-headers') headers = false;
    else if (a === '-p' || a === '--vhost') vhost = args[++i] ?? '';
    else if (a.startsWith('--vhost=')) vhost = a.slice('--vhost='.length);
    else if (a === '-n' || a === '--node' || a === '-t' || a === '--timeout') i++;
    else if (a === '--help' || a === 'help') return out.line(USAGE).result();
    else words.push(a);
  }
  const [command, ...columns] = words;
  if (command === undefined) return out.fail(USAGE, 64).result();
  const list = LISTS[command];
  if (!list)
    return out
      .fail(
        `Command '${command}' not found.\nThis simulation models list_queues, list_consumers, list_exchanges and list_bindings.`,
        64,
      )
      .result();
  const table = list(ctx.read.rabbitmq());
  // InfoKeys.prepare_info_keys: "name,messages" and "name messages" mean the same.
  const keys = [
    ...new Set(
      columns
        .flatMap((c) => c.split(','))
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
  const wanted = keys.length > 0 ? keys : [...table.defaults];
  const notModelled =
    command === 'list_queues' ? wanted.filter((k) => QUEUE_KEYS_NOT_MODELLED.includes(k)) : [];
  if (notModelled.length > 0)
    return out
      .fail(
        `The simulation does not compute ${notModelled.join(', ')} (RabbitMQ does; try ${table.valid.join(', ')}).`,
        64,
      )
      .result();
  const bad = wanted.filter((k) => !table.valid.includes(k));
  if (bad.length > 0)
    return out
      .fail(`Error (argument validation): Info key(s) ${bad.join(',')} are not supported`, 64)
      .result();
  if (vhost !== '/')
    return out
      .fail(`Error:\nVirtual host '${vhost}' does not exist (the simulated broker has one vhost: /)`, 2)
      .result();
  if (!quiet) {
    if (command === 'list_queues') out.line('Timeout: 60.0 seconds ...');
    out.line(table.banner);
  }
  if (headers) out.line(wanted.join('\t'));
  for (const row of table.rows) out.line(wanted.map((k) => row[k]).join('\t'));
  return out.result();
}

export const rabbitmqctlTool: ToolDef = {
  name: 'rabbitmqctl',
  aliases: [],
  summary: "RabbitMQ's node tool: list_queues, list_consumers, list_exchanges, list_bindings.",
  usage: USAGE,
  flags: ['--quiet', '--silent', '--no-table-headers', '--vhost'],
  subcommands: Object.keys(LISTS),
  run,
};
