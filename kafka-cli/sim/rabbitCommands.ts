// Simulation commands for the AMQP applications around the RabbitMQ broker (what a client library does,
// not a RabbitMQ CLI tool):
//   rabbit consume QUEUE --tag TAG [--prefetch N] [--auto-ack] [--process-ms MS] [--fail-on TEXT]
//   rabbit publish [--exchange X] --routing-key KEY [BODY | <<EOF lines EOF]
//   rabbit ack|nack|reject TAG DELIVERY_TAG [--multiple] [--no-requeue]
//   rabbit cancel|crash TAG
//   rabbit consumer-timeout DURATION
import type { SimEvent } from '../../simulator';
import { parseDuration } from '../format';
import { type OptionSpec, parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const CONSUME: OptionSpec[] = [
  { name: 'tag', arg: 'required', help: 'consumer tag' },
  { name: 'prefetch', arg: 'required', type: 'int', help: 'basic.qos prefetch count (0 = unlimited)' },
  { name: 'auto-ack', arg: 'none', help: 'automatic acknowledgement (no-ack mode)' },
  {
    name: 'process-ms',
    arg: 'required',
    type: 'int',
    help: 'the application acks each delivery after this long',
  },
  { name: 'fail-on', arg: 'required', help: 'the application nacks (requeue) bodies containing this text' },
];

const PUBLISH: OptionSpec[] = [
  { name: 'exchange', arg: 'required', help: 'exchange (default: the default exchange)' },
  { name: 'routing-key', arg: 'required', help: 'routing key (the queue name on the default exchange)' },
];

const SETTLE: OptionSpec[] = [
  { name: 'multiple', arg: 'none', help: 'settle every delivery tag up to this one' },
  { name: 'no-requeue', arg: 'none', help: 'nack/reject: dead-letter or drop instead of requeueing' },
];

const USAGE = [
  'rabbit consume QUEUE --tag TAG [--prefetch N] [--auto-ack] [--process-ms MS] [--fail-on TEXT]',
  'rabbit publish [--exchange X] --routing-key KEY BODY      (or one message per line: <<EOF ... EOF)',
  'rabbit ack|nack|reject TAG DELIVERY_TAG [--multiple] [--no-requeue]',
  'rabbit cancel TAG | rabbit crash TAG',
  'rabbit consumer-timeout DURATION                          (rabbitmq.conf consumer_timeout)',
].join('\n');

const SHOWN = new Set([
  'rabbitDelivered',
  'rabbitAcked',
  'rabbitRequeued',
  'rabbitDeadLettered',
  'rabbitDropped',
  'rabbitChannelClosed',
  'rabbitConsumerCancelled',
  'rabbitUnroutable',
]);

/** What the broker did, one line each, from the events' own reasons. */
function narrate(out: Output, events: readonly SimEvent[]): void {
  for (const e of events) if (SHOWN.has(e.type)) out.line(`  ${e.reason}`);
}

function consume(args: string[], ctx: ToolContext, out: Output): Output {
  const p = parseLongOptions(args, CONSUME);
  if (p.kind === 'error') return out.fail(`rabbit consume: ${p.message}`);
  const o = p.options;
  const [queue, ...extra] = o.nonOptions;
  if (!queue) return out.fail(`rabbit consume: missing QUEUE\n${USAGE}`);
  if (extra.length > 0) return out.fail(`rabbit consume: unexpected argument '${extra[0]}'`);
  const tag = o.value('tag');
  if (!tag) return out.fail('rabbit consume: missing --tag TAG (the consumer tag)');
  const prefetch = o.int('prefetch') ?? 1;
  const r = ctx.port.rabbitmq({
    type: 'rabbitConsume',
    queue,
    consumerTag: tag,
    prefetch,
    autoAck: o.has('auto-ack'),
    processingMs: o.int('process-ms') ?? null,
    failOn: o.value('fail-on') ?? null,
  });
  if (!r.ok) return out.fail(r.error.message);
  out.line(
    `Consumer ${tag} subscribed to ${queue} on channel ${r.data.channel} (${o.has('auto-ack') ? 'automatic ack' : `manual ack, prefetch ${prefetch === 0 ? 'unlimited' : prefetch}`}${o.int('process-ms') === undefined ? '' : `, acks each delivery after ${o.int('process-ms')} ms`}).`,
  );
  narrate(out, r.events);
  return out;
}

function publish(args: string[], ctx: ToolContext, out: Output): Output {
  const p = parseLongOptions(args, PUBLISH);
  if (p.kind === 'error') return out.fail(`rabbit publish: ${p.message}`);
  const o = p.options;
  const key = o.value('routing-key');
  if (key === undefined) return out.fail('rabbit publish: missing --routing-key KEY');
  const bodies = o.nonOptions.length > 0 ? [o.nonOptions.join(' ')] : (ctx.input ?? []);
  if (bodies.length === 0)
    return out.fail('rabbit publish: no message (give BODY or lines on standard input)');
  let routed = 0;
  for (const body of bodies) {
    const r = ctx.port.rabbitmq({
      type: 'rabbitPublish',
      exchange: o.value('exchange') ?? '',
      routingKey: key,
      body,
    });
    if (!r.ok) return out.fail(r.error.message);
    if (r.data.routedTo.length > 0) routed++;
    narrate(out, r.events);
  }
  return out.line(
    `Published ${bodies.length} message${bodies.length === 1 ? '' : 's'} (${routed} routed to a queue).`,
  );
}

function settle(verb: 'ack' | 'nack' | 'reject', args: string[], ctx: ToolContext, out: Output): Output {
  const p = parseLongOptions(args, SETTLE);
  if (p.kind === 'error') return out.fail(`rabbit ${verb}: ${p.message}`);
  const o = p.options;
  const [tag, tagText] = o.nonOptions;
  const deliveryTag = Number(tagText);
  if (!tag || !Number.isInteger(deliveryTag))
    return out.fail(
      `rabbit ${verb}: usage: rabbit ${verb} CONSUMER_TAG DELIVERY_TAG [--multiple] [--no-requeue]`,
    );
  const requeue = !o.has('no-requeue');
  const r =
    verb === 'ack'
      ? ctx.port.rabbitmq({ type: 'rabbitAck', consumerTag: tag, deliveryTag, multiple: o.has('multiple') })
      : verb === 'nack'
        ? ctx.port.rabbitmq({
            type: 'rabbitNack',
            consumerTag: tag,
            deliveryTag,
            multiple: o.has('multiple'),
            requeue,
          })
        : ctx.port.rabbitmq({ type: 'rabbitReject', consumerTag: tag, deliveryTag, requeue });
  if (!r.ok) return out.fail(r.error.message);
  narrate(out, r.events);
  // A channel-level protocol error: the broker closed the channel (and requeued what it held).
  if (r.data.channelError) out.fail(`Channel error: ${r.data.channelError}`);
  return out;
}

function run(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  switch (verb) {
    case 'consume':
      return consume(rest, ctx, out).result();
    case 'publish':
      return publish(rest, ctx, out).result();
    case 'ack':
    case 'nack':
    case 'reject':
      return settle(verb, rest, ctx, out).result();
    case 'cancel':
    case 'crash': {
      const [tag] = rest;
      if (!tag) return out.fail(`rabbit ${verb}: missing CONSUMER_TAG`).result();
      const r = ctx.port.rabbitmq({
        type: verb === 'cancel' ? 'rabbitCancel' : 'rabbitCrash',
        consumerTag: tag,
      });
      if (!r.ok) return out.fail(r.error.message).result();
      narrate(out, r.events);
      return out.result();
    }
    case 'consumer-timeout': {
      const ms = rest[0] === undefined ? null : parseDuration(rest[0]);
      if (ms === null) return out.fail('rabbit consumer-timeout: give a duration, e.g. 30m or 90s').result();
      const r = ctx.port.rabbitmq({ type: 'rabbitSetConsumerTimeout', ms });
      if (!r.ok) return out.fail(r.error.message).result();
      return out.line(`consumer_timeout = ${ms}`).result();
    }
    default:
      return out.fail(`rabbit: unknown action '${verb ?? ''}'\n${USAGE}`).result();
  }
}

export const rabbitTool: ToolDef = {
  name: 'rabbit',
  aliases: [],
  summary: 'AMQP applications around the RabbitMQ broker: consume, publish, ack/nack/reject, cancel, crash.',
  usage: USAGE,
  flags: [
    '--tag',
    '--prefetch',
    '--auto-ack',
    '--process-ms',
    '--fail-on',
    '--exchange',
    '--routing-key',
    '--multiple',
    '--no-requeue',
  ],
  subcommands: ['consume', 'publish', 'ack', 'nack', 'reject', 'cancel', 'crash', 'consumer-timeout'],
  readsStdin: (args) => {
    if (args[0] !== 'publish') return false;
    const p = parseLongOptions(args.slice(1), PUBLISH);
    return p.kind === 'ok' && p.options.nonOptions.length === 0;
  },
  run,
};
