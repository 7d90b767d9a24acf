// The RabbitMQ area's commands: each validates, calls one broker function (broker.ts) and records what
// it returned. Errors carry RabbitMQ's own codes and texts (NOT_FOUND, PRECONDITION_FAILED, ...).
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../engine/registry';
import {
  basicAck,
  basicCancel,
  basicConsume,
  basicNack,
  basicQos,
  basicReject,
  bindQueue,
  closeChannel,
  declareExchange,
  declareQueue,
  openChannel,
  publish,
} from './broker';
import { record } from './record';
import type { RabbitResult } from './types';

const EXCHANGE_TYPES = ['direct', 'fanout', 'topic', 'headers'];

/** A broker call's failure as a command error (nothing recorded: the broker function changed nothing). */
function failed(r: RabbitResult<unknown>) {
  return r.ok ? null : fail(r.error.code, r.error.message);
}

/**
 * ack/nack/reject of a delivery tag the channel does not hold is a channel-level protocol error: RabbitMQ
 * closes the channel with PRECONDITION_FAILED - unknown delivery tag N and requeues what it held
 * (confirms.md, "Delivery tags are channel-scoped"). That closes something, so it is a recorded outcome.
 */
function settle(
  ctx: Ctx,
  consumerTag: string,
  deliveryTag: number,
  multiple: boolean,
  call: (channel: number) => RabbitResult,
) {
  const area = ctx.state.areas.rabbitmq;
  const app = area.apps[consumerTag];
  if (!app) return fail('NOT_FOUND', `no consumer '${consumerTag}' on an open channel`);
  const ch = area.broker.channels[app.channel];
  const held = multiple
    ? ch.unacked.some((u) => u.deliveryTag <= deliveryTag)
    : ch.unacked.some((u) => u.deliveryTag === deliveryTag);
  if (!Number.isInteger(deliveryTag) || deliveryTag < 1 || !held) {
    const message = `PRECONDITION_FAILED - unknown delivery tag ${deliveryTag}`;
    record(ctx, closeChannel(area.broker, app.channel, message, ctx.now));
    return ok({ channelError: message });
  }
  const r = call(app.channel);
  if (!r.ok) return fail(r.error.code, r.error.message);
  record(ctx, r.events);
  return ok({ channelError: null });
}

export const rabbitCommands = {
  rabbitDeclareExchange: (ctx, cmd) => {
    if (cmd.name === '' || cmd.name.startsWith('amq.'))
      return fail(
        'ACCESS_REFUSED',
        `ACCESS_REFUSED - exchange name '${cmd.name}' contains reserved prefix 'amq.*'`,
      );
    if (!EXCHANGE_TYPES.includes(cmd.exchangeType))
      return fail('COMMAND_INVALID', `COMMAND_INVALID - unknown exchange type '${cmd.exchangeType}'`);
    const existed = Object.hasOwn(ctx.state.areas.rabbitmq.broker.exchanges, cmd.name);
    const r = declareExchange(ctx.state.areas.rabbitmq.broker, cmd.name, cmd.exchangeType);
    const error = failed(r);
    if (error) return error;
    if (!existed)
      ctx.emit(
        'rabbitExchangeDeclared',
        `exchange ${cmd.name} (${cmd.exchangeType}) declared: publishers send to it, bindings decide which queues get a copy`,
        { name: cmd.name, exchangeType: cmd.exchangeType },
      );
    return okVoid();
  },

  rabbitDeclareQueue: (ctx, cmd) => {
    const broker = ctx.state.areas.rabbitmq.broker;
    if (cmd.name === '' || cmd.name.startsWith('amq.'))
      return fail(
        'ACCESS_REFUSED',
        `ACCESS_REFUSED - queue name '${cmd.name}' contains reserved prefix 'amq.*'`,
      );
    if (cmd.queueType !== 'classic' && cmd.queueType !== 'quorum')
      return fail(
        'PRECONDITION_FAILED',
        `PRECONDITION_FAILED - invalid arg 'x-queue-type': '${cmd.queueType}'`,
      );
    if (cmd.deadLetterExchange !== undefined && !broker.exchanges[cmd.deadLetterExchange])
      return fail('NOT_FOUND', `NOT_FOUND - no exchange '${cmd.deadLetterExchange}' in vhost '/'`);
    const existed = Object.hasOwn(broker.queues, cmd.name);
    const r = declareQueue(broker, cmd.name, {
      type: cmd.queueType,
      ...(cmd.deliveryLimit === undefined ? {} : { deliveryLimit: cmd.deliveryLimit }),
      ...(cmd.deadLetterExchange === undefined ? {} : { deadLetterExchange: cmd.deadLetterExchange }),
      ...(cmd.deadLetterRoutingKey === undefined ? {} : { deadLetterRoutingKey: cmd.deadLetterRoutingKey }),
    });
    const error = failed(r);
    if (error) return error;
    if (!existed) {
      const q = broker.queues[cmd.name];
      ctx.emit(
        'rabbitQueueDeclared',
        `${q.type} queue ${q.name} declared${q.type === 'quorum' ? ` (delivery limit ${q.deliveryLimit})` : ''}: every message in it goes to one consumer and is deleted when acknowledged`,
        { name: q.name, queueType: q.type, deliveryLimit: q.deliveryLimit },
      );
    }
    return okVoid();
  },

  rabbitBind: (ctx, cmd) => {
    const broker = ctx.state.areas.rabbitmq.broker;
    if (cmd.exchange === '')
      return fail('ACCESS_REFUSED', 'ACCESS_REFUSED - operation not permitted on the default exchange');
    const before = broker.bindings.length;
    const r = bindQueue(broker, cmd.queue, cmd.exchange, cmd.routingKey, cmd.arguments ?? {});
    const error = failed(r);
    if (error) return error;
    if (broker.bindings.length > before)
      ctx.emit(
        'rabbitQueueBound',
        `queue ${cmd.queue} is bound to exchange ${cmd.exchange}${cmd.routingKey === '' ? '' : ` with key "${cmd.routingKey}"`}: matching messages get a copy in ${cmd.queue}`,
        { exchange: cmd.exchange, queue: cmd.queue, routingKey: cmd.routingKey },
      );
    return okVoid();
  },

  rabbitPublish: (ctx, cmd) => {
    const r = publish(
      ctx.state.areas.rabbitmq.broker,
      cmd.exchange,
      cmd.routingKey,
      cmd.body,
      cmd.headers ?? {},
      ctx.now,
    );
    if (!r.ok) return fail(r.error.code, r.error.message);
    record(ctx, r.events);
    const routedTo = r.events.flatMap((e) => (e.type === 'rabbitPublished' ? e.queues : []));
    return ok({ routedTo });
  },

  rabbitConsume: (ctx, cmd) => {
    const area = ctx.state.areas.rabbitmq;
    if (!area.broker.queues[cmd.queue])
      return fail('NOT_FOUND', `NOT_FOUND - no queue '${cmd.queue}' in vhost '/'`);
    if (cmd.consumerTag === '' || area.broker.consumers[cmd.consumerTag] || area.apps[cmd.consumerTag])
      return fail('NOT_ALLOWED', `NOT_ALLOWED - attempt to reuse consumer tag '${cmd.consumerTag}'`);
    if (!Number.isInteger(cmd.prefetch) || cmd.prefetch < 0 || cmd.prefetch > 65535)
      return fail('COMMAND_INVALID', `prefetch_count must be 0..65535, not ${cmd.prefetch}`);
    if (cmd.processingMs !== null && (!Number.isFinite(cmd.processingMs) || cmd.processingMs < 0))
      return fail('COMMAND_INVALID', `processing time must be a number of ms ≥ 0, not ${cmd.processingMs}`);
    // Validated: open the channel, set prefetch, then subscribe (the order an AMQP client uses).
    const channel = (openChannel(area.broker) as { ok: true; value: number }).value;
    area.apps[cmd.consumerTag] = {
      tag: cmd.consumerTag,
      channel,
      queue: cmd.queue,
      processingMs: cmd.processingMs,
      failOn: cmd.failOn,
      busyUntil: ctx.now,
    };
    area.received[cmd.consumerTag] ??= [];
    basicQos(area.broker, channel, cmd.prefetch, ctx.now);
    ctx.emit(
      'rabbitConsumerStarted',
      `consumer ${cmd.consumerTag} subscribes to ${cmd.queue} on channel ${channel} (${cmd.autoAck ? 'automatic ack: fire-and-forget' : `manual ack, prefetch ${cmd.prefetch === 0 ? 'unlimited' : cmd.prefetch}`}); it competes with the queue's other consumers`,
      { consumerTag: cmd.consumerTag, queue: cmd.queue, channel, prefetch: cmd.prefetch },
    );
    const r = basicConsume(area.broker, channel, cmd.queue, cmd.consumerTag, cmd.autoAck, ctx.now);
    if (r.ok) record(ctx, r.events);
    return ok({ channel });
  },

  rabbitAck: (ctx, cmd) =>
    settle(ctx, cmd.consumerTag, cmd.deliveryTag, cmd.multiple, (ch) =>
      basicAck(ctx.state.areas.rabbitmq.broker, ch, cmd.deliveryTag, cmd.multiple, ctx.now),
    ),

  rabbitNack: (ctx, cmd) =>
    settle(ctx, cmd.consumerTag, cmd.deliveryTag, cmd.multiple, (ch) =>
      basicNack(ctx.state.areas.rabbitmq.broker, ch, cmd.deliveryTag, cmd.multiple, cmd.requeue, ctx.now),
    ),

  rabbitReject: (ctx, cmd) =>
    settle(ctx, cmd.consumerTag, cmd.deliveryTag, false, (ch) =>
      basicReject(ctx.state.areas.rabbitmq.broker, ch, cmd.deliveryTag, cmd.requeue, ctx.now),
    ),

  rabbitCancel: (ctx, cmd) => {
    const area = ctx.state.areas.rabbitmq;
    if (!area.broker.consumers[cmd.consumerTag])
      return fail('NOT_FOUND', `NOT_FOUND - no consumer '${cmd.consumerTag}'`);
    const r = basicCancel(area.broker, cmd.consumerTag, ctx.now);
    if (!r.ok) return fail(r.error.code, r.error.message);
    record(ctx, r.events);
    return okVoid();
  },

  rabbitCrash: (ctx, cmd) => {
    const area = ctx.state.areas.rabbitmq;
    const app = area.apps[cmd.consumerTag];
    if (!app) return fail('NOT_FOUND', `no consumer '${cmd.consumerTag}' on an open channel`);
    record(ctx, closeChannel(area.broker, app.channel, 'client unexpectedly closed TCP connection', ctx.now));
    return okVoid();
  },

  rabbitSetConsumerTimeout: (ctx, cmd) => {
    if (!Number.isInteger(cmd.ms) || cmd.ms < 1)
      return fail('COMMAND_INVALID', `consumer_timeout must be a positive number of ms, not ${cmd.ms}`);
    ctx.state.areas.rabbitmq.broker.consumerTimeoutMs = cmd.ms;
    ctx.emit(
      'rabbitConsumerTimeoutSet',
      `consumer_timeout = ${cmd.ms} ms: a channel holding a delivery unacknowledged for longer is closed with PRECONDITION_FAILED`,
      { ms: cmd.ms },
    );
    return okVoid();
  },
} satisfies CommandHandlers;
