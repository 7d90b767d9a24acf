// The RabbitMQ area's tasks: an application finishing a delivery, and the broker's consumer_timeout tick.
import type { TaskHandlers } from '../engine/registry';
import { basicAck, basicNack, checkConsumerTimeouts } from './broker';
import { CONSUMER_TIMEOUT_CHECK_MS, record } from './record';

export const rabbitTasks = {
  rabbitProcess: (ctx, task) => {
    const area = ctx.state.areas.rabbitmq;
    const app = area.apps[task.consumerTag];
    if (!app || app.channel !== task.channel) return; // the consumer crashed or was replaced
    const ch = area.broker.channels[task.channel];
    const held = ch?.open ? ch.unacked.find((u) => u.deliveryTag === task.deliveryTag) : undefined;
    if (!held) return; // already settled by hand, or requeued by a close
    const body = area.broker.messages[held.messageId]?.body ?? '';
    // A poison message: the application fails on it and asks for a redelivery, which loops
    // (basic.nack requeue=true; nack.md) until a quorum queue's delivery limit ends it.
    const r =
      app.failOn !== null && body.includes(app.failOn)
        ? basicNack(area.broker, task.channel, task.deliveryTag, false, true, ctx.now)
        : basicAck(area.broker, task.channel, task.deliveryTag, false, ctx.now);
    if (r.ok) record(ctx, r.events);
  },

  rabbitTimeoutCheck: (ctx, task) => {
    const area = ctx.state.areas.rabbitmq;
    if (area.timeoutCheckAt !== task.at) return; // stale: a sim reset or another check replaced it
    area.timeoutCheckAt = null;
    record(ctx, checkConsumerTimeouts(area.broker, ctx.now));
    const anyUnacked = Object.values(area.broker.channels).some((c) => c.open && c.unacked.length > 0);
    if (anyUnacked && area.timeoutCheckAt === null) {
      area.timeoutCheckAt = ctx.now + CONSUMER_TIMEOUT_CHECK_MS;
      ctx.scheduleAt(area.timeoutCheckAt, { type: 'rabbitTimeoutCheck', at: area.timeoutCheckAt });
    }
  },
} satisfies TaskHandlers;
