// rabbitmqadmin v2 (the HTTP API client of RabbitMQ 4.x) over the simulated broker: declare queue /
// exchange / binding and publish message, with its flags (`--name`, `--type`, `--arguments '{...}'`,
// `--source --destination-type --destination --routing-key`, `-e/-k/-m`) and its outputs: nothing on a
// successful declare, "Message published and routed successfully" / "Message published but NOT routed"
// (rabbitmqadmin-ng src/cli, rabbitmq_http_client's MessageRouted). Global flags come before the command.
import type { CommandOutput } from '../output';
import { Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

type Flags = { values: Map<string, string>; error: string | null };

/** clap-style `--long value`, `--long=value` and `-s value`; every flag here takes a value. */
function parseFlags(args: string[], known: Record<string, string>): Flags {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const eq = a.indexOf('=');
    const raw = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    const name = known[raw];
    if (!name) {
      return {
        values,
        error: `error: unexpected argument '${a}' found\n\nFor more information, try '--help'.`,
      };
    }
    const value = raw !== a ? a.slice(eq + 1) : args[++i];
    if (value === undefined)
      return {
        values,
        error: `error: a value is required for '${raw} <${name}>' but none was supplied\n\nFor more information, try '--help'.`,
      };
    values.set(name, value);
  }
  return { values, error: null };
}

function required(usage: string, missing: string[]): string {
  return [
    'error: the following required arguments were not provided:',
    ...missing.map((m) => `  ${m}`),
    '',
    `Usage: ${usage}`,
    '',
    "For more information, try '--help'.",
  ].join('\n');
}

function parseArguments(text: string | undefined): Record<string, unknown> | string {
  if (text === undefined) return {};
  try {
    const v = JSON.parse(text);
    if (v === null || typeof v !== 'object' || Array.isArray(v))
      return `could not parse '${text}' as a JSON object`;
    return v as Record<string, unknown>;
  } catch {
    return `could not parse '${text}' as a JSON object`;
  }
}

function declareQueue(args: string[], ctx: ToolContext, out: Output): Output {
  const f = parseFlags(args, {
    '--name': 'name',
    '--type': 'type',
    '--durable': 'durable',
    '--auto-delete': 'auto_delete',
    '--arguments': 'arguments',
  });
  if (f.error) return out.fail(f.error, 2);
  const name = f.values.get('name');
  if (name === undefined)
    return out.fail(required('rabbitmqadmin declare queue --name <name>', ['--name <name>']), 2);
  const type = f.values.get('type') ?? 'classic';
  if (type === 'stream')
    return out.fail(
      'Streams (--type stream) are a RabbitMQ log with non-destructive reads; this simulation does not model them.',
      1,
    );
  if (type !== 'classic' && type !== 'quorum')
    return out.fail(
      `error: invalid value '${type}' for '--type <type>'\n  [possible values: classic, quorum, stream]\n\nFor more information, try '--help'.`,
      2,
    );
  const x = parseArguments(f.values.get('arguments'));
  if (typeof x === 'string') return out.fail(x, 1);
  const limit = x['x-delivery-limit'];
  const dlx = x['x-dead-letter-exchange'];
  const dlk = x['x-dead-letter-routing-key'];
  const r = ctx.port.rabbitmq({
    type: 'rabbitDeclareQueue',
    name,
    queueType: type,
    ...(typeof limit === 'number' ? { deliveryLimit: limit } : {}),
    ...(typeof dlx === 'string' ? { deadLetterExchange: dlx } : {}),
    ...(typeof dlk === 'string' ? { deadLetterRoutingKey: dlk } : {}),
  });
  return r.ok ? out : out.fail(r.error.message, 1);
}

function declareExchange(args: string[], ctx: ToolContext, out: Output): Output {
  const f = parseFlags(args, {
    '--name': 'name',
    '--type': 'type',
    '--durable': 'durable',
    '--auto-delete': 'auto_delete',
    '--arguments': 'arguments',
  });
  if (f.error) return out.fail(f.error, 2);
  const name = f.values.get('name');
  if (name === undefined)
    return out.fail(required('rabbitmqadmin declare exchange --name <name>', ['--name <name>']), 2);
  const type = f.values.get('type') ?? 'direct';
  if (!['direct', 'fanout', 'topic', 'headers'].includes(type))
    return out.fail(`The simulation models direct, fanout, topic and headers exchanges, not '${type}'.`, 1);
  const r = ctx.port.rabbitmq({
    type: 'rabbitDeclareExchange',
    name,
    exchangeType: type as 'direct' | 'fanout' | 'topic' | 'headers',
  });
  return r.ok ? out : out.fail(r.error.message, 1);
}

function declareBinding(args: string[], ctx: ToolContext, out: Output): Output {
  const f = parseFlags(args, {
    '--source': 'source',
    '--destination-type': 'destination_type',
    '--destination': 'destination',
    '--routing-key': 'routing_key',
    '--arguments': 'arguments',
  });
  if (f.error) return out.fail(f.error, 2);
  const missing = [
    ['source', '--source <source>'],
    ['destination_type', '--destination-type <destination_type>'],
    ['destination', '--destination <destination>'],
    ['routing_key', '--routing-key <routing_key>'],
  ]
    .filter(([k]) => !f.values.has(k))
    .map(([, label]) => label);
  if (missing.length > 0)
    return out.fail(
      required(
        'rabbitmqadmin declare binding --source <source> --destination-type <destination_type> --destination <destination> --routing-key <routing_key>',
        missing,
      ),
      2,
    );
  if (f.values.get('destination_type') !== 'queue')
    return out.fail(
      'The simulation models bindings to queues (--destination-type queue), not exchange-to-exchange.',
      1,
    );
  const x = parseArguments(f.values.get('arguments'));
  if (typeof x === 'string') return out.fail(x, 1);
  const headers = Object.fromEntries(Object.entries(x).map(([k, v]) => [k, String(v)]));
  const r = ctx.port.rabbitmq({
    type: 'rabbitBind',
    exchange: f.values.get('source') ?? '',
    queue: f.values.get('destination') ?? '',
    routingKey: f.values.get('routing_key') ?? '',
    arguments: headers,
  });
  return r.ok ? out : out.fail(r.error.message, 1);
}

function publishMessage(args: string[], ctx: ToolContext, out: Output): Output {
  const f = parseFlags(args, {
    '--routing-key': 'routing_key',
    '-k': 'routing_key',
    '--exchange': 'exchange',
    '-e': 'exchange',
    '--payload': 'payload',
    '-m': 'payload',
    '--properties': 'properties',
    '-p': 'properties',
  });
  if (f.error) return out.fail(f.error, 2);
  const props = parseArguments(f.values.get('properties'));
  if (typeof props === 'string') return out.fail(props, 1);
  const headers =
    props.headers && typeof props.headers === 'object' ? (props.headers as Record<string, unknown>) : {};
  const r = ctx.port.rabbitmq({
    type: 'rabbitPublish',
    // The HTTP API names the default exchange amq.default.
    exchange: f.values.get('exchange') === 'amq.default' ? '' : (f.values.get('exchange') ?? ''),
    routingKey: f.values.get('routing_key') ?? '',
    body: f.values.get('payload') ?? 'test',
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
  });
  if (!r.ok) return out.fail(r.error.message, 1);
  return out.line(
    r.data.routedTo.length > 0
      ? 'Message published and routed successfully'
      : 'Message published but NOT routed',
  );
}

const USAGE = [
  'Usage: rabbitmqadmin [OPTIONS] <COMMAND>',
  '',
  'Commands modelled by this simulation:',
  '  declare queue --name <name> [--type classic|quorum] [--arguments <json>]',
  '  declare exchange --name <name> --type direct|fanout|topic|headers',
  '  declare binding --source <exchange> --destination-type queue --destination <queue> --routing-key <key>',
  '  publish message [--exchange <x>] --routing-key <key> --payload <body>',
  '',
  'Global options (before the command): --vhost /, --non-interactive',
  'Listing: use rabbitmqctl list_queues / list_consumers / list_exchanges / list_bindings.',
].join('\n');

function run(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  let i = 0;
  // Global flags precede the command group (rabbitmqadmin v2 "Global Arguments Come First").
  while (i < args.length && args[i].startsWith('-')) {
    const a = args[i];
    if (a === '--help' || a === '-h') return out.line(USAGE).result();
    if (a === '--non-interactive' || a === '-q' || a === '--quiet') i++;
    else if (a === '--vhost' || a === '-V') {
      if (args[i + 1] !== '/')
        return out
          .fail(`The simulated broker has one virtual host, '/', not '${args[i + 1] ?? ''}'.`, 1)
          .result();
      i += 2;
    } else if (
      ['--host', '-H', '--port', '-P', '--username', '-u', '--password', '-p', '--node', '-N'].includes(a)
    )
      i += 2;
    else
      return out
        .fail(`error: unexpected argument '${a}' found\n\nFor more information, try '--help'.`, 2)
        .result();
  }
  const [group, object, ...rest] = args.slice(i);
  if (group === undefined) return out.fail(USAGE, 2).result();
  if (rest.includes('--help')) return out.line(USAGE).result();
  if (group === 'declare' && object === 'queue') return declareQueue(rest, ctx, out).result();
  if (group === 'declare' && object === 'exchange') return declareExchange(rest, ctx, out).result();
  if (group === 'declare' && object === 'binding') return declareBinding(rest, ctx, out).result();
  if (group === 'publish' && object === 'message') return publishMessage(rest, ctx, out).result();
  if (group === 'list')
    return out
      .fail(
        `rabbitmqadmin list ${object ?? ''}: not modelled by this simulation; rabbitmqctl list_queues, list_consumers, list_exchanges and list_bindings are.`,
        1,
      )
      .result();
  return out
    .fail(`rabbitmqadmin ${group} ${object ?? ''}: not modelled by this simulation.\n\n${USAGE}`, 2)
    .result();
}

export const rabbitmqadminTool: ToolDef = {
  name: 'rabbitmqadmin',
  aliases: [],
  summary: 'RabbitMQ HTTP API client (v2): declare queues, exchanges, bindings; publish messages.',
  usage: USAGE,
  flags: [
    '--name',
    '--type',
    '--arguments',
    '--source',
    '--destination-type',
    '--destination',
    '--routing-key',
    '--exchange',
    '--payload',
  ],
  subcommands: ['declare', 'publish'],
  run,
};
