// The RabbitMQ broker as readers see it (rabbitmqctl list_queues / list_consumers, the side-by-side view):
// queues with ready and unacknowledged messages, their consumers, counters, exchanges and bindings.
import type { SimState } from '../engine/state';
import type { RabbitQueueStats, RabbitReceived } from '../rabbitmq/areaTypes';
import type { ExchangeType, QueueType } from '../rabbitmq/types';

export type RabbitMessageView = {
  messageId: number;
  body: string;
  /** Ready: delivered before, so its next delivery carries redelivered=true. Unacked: it was a redelivery. */
  redelivered: boolean;
  /** Quorum queues' x-delivery-count (0 for classic queues). */
  deliveryCount: number;
};

export type RabbitDeliveryView = RabbitMessageView & { deliveryTag: number };

export type RabbitConsumerView = {
  tag: string;
  queue: string;
  channel: number;
  /** basic.qos prefetch count (0 = unlimited). */
  prefetch: number;
  autoAck: boolean;
  /** The application's processing time per delivery, or null when acks are sent by hand. */
  processingMs: number | null;
  failOn: string | null;
  /** Deliveries this consumer holds unacknowledged, by delivery tag. */
  unacked: RabbitDeliveryView[];
};

export type RabbitQueueView = {
  name: string;
  type: QueueType;
  /** Ready messages in queue order (the head is delivered next). */
  ready: RabbitMessageView[];
  /** Messages delivered and not yet acknowledged (messages_unacknowledged). */
  unacked: number;
  /** messages = ready + unacknowledged (what rabbitmqctl list_queues messages counts). */
  messages: number;
  consumers: RabbitConsumerView[];
  /** x-delivery-limit (quorum queues; -1 = none). */
  deliveryLimit: number;
  deadLetterExchange: string | null;
  stats: RabbitQueueStats;
};

export type RabbitView = {
  queues: RabbitQueueView[];
  exchanges: Array<{ name: string; type: ExchangeType }>;
  bindings: Array<{ source: string; destination: string; routingKey: string }>;
  /** What each consumer tag received, in order (kept after the consumer is gone, the last 200). */
  received: Record<string, RabbitReceived[]>;
  consumerTimeoutMs: number;
};

const noStats: RabbitQueueStats = {
  published: 0,
  delivered: 0,
  redelivered: 0,
  acked: 0,
  requeued: 0,
  deadLettered: 0,
  dropped: 0,
};

export function rabbitOf(state: SimState): RabbitView {
  const area = state.areas.rabbitmq;
  const b = area.broker;
  // A ready message delivered before will go out with redelivered=true; an unacked one was sent with it
  // when this was not its first delivery.
  const message = (id: number, outForDelivery = false): RabbitMessageView => {
    const m = b.messages[id];
    return {
      messageId: id,
      body: m?.body ?? '',
      redelivered: (m?.deliveries ?? 0) > (outForDelivery ? 1 : 0),
      deliveryCount: m?.deliveryCount ?? 0,
    };
  };
  const consumerOf = (tag: string): RabbitConsumerView | null => {
    const c = b.consumers[tag];
    if (!c) return null;
    const ch = b.channels[c.channel];
    const app = area.apps[tag];
    return {
      tag,
      queue: c.queue,
      channel: c.channel,
      prefetch: ch?.prefetch ?? 0,
      autoAck: c.autoAck,
      processingMs: app?.processingMs ?? null,
      failOn: app?.failOn ?? null,
      unacked: (ch?.unacked ?? [])
        .filter((u) => u.consumerTag === tag)
        .map((u) => ({ ...message(u.messageId, true), deliveryTag: u.deliveryTag })),
    };
  };
  const unackedIn = (queue: string) =>
    Object.values(b.channels).reduce(
      (n, ch) => n + (ch.open ? ch.unacked.filter((u) => u.queue === queue).length : 0),
      0,
    );
  const queues = Object.values(b.queues).map((q): RabbitQueueView => {
    const unacked = unackedIn(q.name);
    return {
      name: q.name,
      type: q.type,
      ready: q.ready.map((id) => message(id)),
      unacked,
      messages: q.ready.length + unacked,
      consumers: q.consumers.map(consumerOf).filter((c): c is RabbitConsumerView => c !== null),
      deliveryLimit: q.deliveryLimit,
      deadLetterExchange: q.deadLetterExchange,
      stats: area.stats[q.name] ?? noStats,
    };
  });
  return {
    queues,
    exchanges: Object.values(b.exchanges).map((e) => ({ name: e.name, type: e.type })),
    bindings: b.bindings.map((x) => ({ source: x.exchange, destination: x.queue, routingKey: x.routingKey })),
    received: area.received,
    consumerTimeoutMs: b.consumerTimeoutMs,
  };
}
