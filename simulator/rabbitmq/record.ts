// Turns what the broker functions returned into the simulation's record: every RabbitEvent becomes an event
// (with the broker's reason), the per-queue counters and each consumer's received list follow, the
// applications behind consumers get their processing tasks, and the consumer_timeout check is kept scheduled
// while some delivery is unacknowledged.
import type { Ctx } from '../engine/context';
import type { RabbitAreaState, RabbitQueueStats, RabbitReceived } from './areaTypes';
import type { RabbitEvent } from './types';

/** RabbitMQ checks consumer_timeout once a minute (rabbit_channel's tick), so it fires up to a minute late. */
export const CONSUMER_TIMEOUT_CHECK_MS = 60_000;
const RECEIVED_KEPT = 200;

const emptyStats = (): RabbitQueueStats => ({
  published: 0,
  delivered: 0,
  redelivered: 0,
  acked: 0,
  requeued: 0,
  deadLettered: 0,
  dropped: 0,
});

export function statsOf(area: RabbitAreaState, queue: string): RabbitQueueStats {
  area.stats[queue] ??= emptyStats();
  return area.stats[queue];
}

function openDelivery(area: RabbitAreaState, messageId: number): RabbitReceived | null {
  for (const list of Object.values(area.received))
    for (let i = list.length - 1; i >= 0; i--)
      if (list[i].messageId === messageId && list[i].outcome === 'unacked') return list[i];
  return null;
}

function apply(ctx: Ctx, area: RabbitAreaState, e: RabbitEvent): void {
  switch (e.type) {
    case 'rabbitPublished':
      for (const q of e.queues) statsOf(area, q).published++;
      ctx.emit('rabbitPublished', e.reason, { messageId: e.messageId, queues: e.queues });
      return;
    case 'rabbitUnroutable':
      ctx.emit('rabbitUnroutable', e.reason, { exchange: e.exchange, routingKey: e.routingKey });
      return;
    case 'rabbitDelivered': {
      const stats = statsOf(area, e.queue);
      stats.delivered++;
      if (e.redelivered) stats.redelivered++;
      const consumer = area.broker.consumers[e.consumerTag];
      const autoAck = consumer?.autoAck ?? false;
      if (autoAck) stats.acked++;
      area.received[e.consumerTag] ??= [];
      const list = area.received[e.consumerTag];
      list.push({
        messageId: e.messageId,
        queue: e.queue,
        body: e.body,
        deliveryTag: e.deliveryTag,
        redelivered: e.redelivered,
        at: ctx.now,
        outcome: autoAck ? 'acked' : 'unacked',
        ackedAt: autoAck ? ctx.now : null,
      });
      if (list.length > RECEIVED_KEPT) list.splice(0, list.length - RECEIVED_KEPT);
      ctx.emit('rabbitDelivered', e.reason, {
        messageId: e.messageId,
        body: e.body,
        queue: e.queue,
        consumerTag: e.consumerTag,
        channel: e.channel,
        deliveryTag: e.deliveryTag,
        redelivered: e.redelivered,
      });
      const app = area.apps[e.consumerTag];
      if (app && app.channel === e.channel && app.processingMs !== null && !autoAck) {
        // One delivery at a time: the next waits until the application is free (prefetch is its buffer).
        const start = Math.max(ctx.now, app.busyUntil);
        app.busyUntil = start + app.processingMs;
        ctx.scheduleAt(app.busyUntil, {
          type: 'rabbitProcess',
          consumerTag: e.consumerTag,
          channel: e.channel,
          deliveryTag: e.deliveryTag,
        });
      }
      return;
    }
    case 'rabbitAcked':
      for (const id of e.messageIds) {
        const r = openDelivery(area, id);
        if (!r) continue;
        r.outcome = 'acked';
        r.ackedAt = ctx.now;
        statsOf(area, r.queue).acked++;
      }
      ctx.emit('rabbitAcked', e.reason, {
        channel: e.channel,
        deliveryTags: e.deliveryTags,
        messageIds: e.messageIds,
      });
      return;
    case 'rabbitRequeued': {
      const r = openDelivery(area, e.messageId);
      if (r) r.outcome = 'returned';
      statsOf(area, e.queue).requeued++;
      ctx.emit('rabbitRequeued', e.reason, { messageId: e.messageId, queue: e.queue });
      return;
    }
    case 'rabbitDeadLettered': {
      const r = openDelivery(area, e.messageId);
      if (r) r.outcome = 'returned';
      statsOf(area, e.queue).deadLettered++;
      ctx.emit('rabbitDeadLettered', e.reason, { messageId: e.messageId, queue: e.queue, to: e.to });
      return;
    }
    case 'rabbitDropped': {
      const r = openDelivery(area, e.messageId);
      if (r) r.outcome = 'returned';
      statsOf(area, e.queue).dropped++;
      ctx.emit('rabbitDropped', e.reason, { messageId: e.messageId, queue: e.queue });
      return;
    }
    case 'rabbitChannelClosed':
      for (const [tag, app] of Object.entries(area.apps))
        if (app.channel === e.channel) delete area.apps[tag];
      ctx.emit('rabbitChannelClosed', e.reason, { channel: e.channel, requeued: e.requeued });
      return;
    case 'rabbitConsumerCancelled':
      ctx.emit('rabbitConsumerCancelled', e.reason, { consumerTag: e.consumerTag, queue: e.queue });
      return;
  }
}

/** Record the broker's events in order, then keep the consumer_timeout check scheduled if it is needed. */
export function record(ctx: Ctx, events: readonly RabbitEvent[]): void {
  const area = ctx.state.areas.rabbitmq;
  for (const e of events) apply(ctx, area, e);
  const anyUnacked = Object.values(area.broker.channels).some((ch) => ch.open && ch.unacked.length > 0);
  if (anyUnacked && area.timeoutCheckAt === null) {
    area.timeoutCheckAt = ctx.now + CONSUMER_TIMEOUT_CHECK_MS;
    ctx.scheduleAt(area.timeoutCheckAt, { type: 'rabbitTimeoutCheck', at: area.timeoutCheckAt });
  }
}
