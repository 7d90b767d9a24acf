// A RabbitMQ broker as plain data, for the Kafka-vs-RabbitMQ side by side: exchanges, bindings, queues,
// channels with delivery tags, consumers with prefetch. Everything here is JSON; the functions in broker.ts
// take a state and return what happened, so an area can record each step as events.

export type ExchangeType = 'direct' | 'fanout' | 'topic' | 'headers';

export type Exchange = { name: string; type: ExchangeType; durable: boolean };

/** A binding routes from an exchange to a queue by binding key (direct/topic) or header match (headers). */
export type Binding = {
  exchange: string;
  queue: string;
  routingKey: string;
  /** headers exchanges: the binding's arguments, with x-match all (default) or any. */
  arguments: Record<string, string>;
};

export type QueueType = 'classic' | 'quorum';

export type Queue = {
  name: string;
  type: QueueType;
  /** Message ids ready for delivery, in queue order (FIFO, requeued messages back at their original place). */
  ready: number[];
  /** Consumer tags attached to the queue, in the order they subscribed (round-robin dispatch walks this). */
  consumers: string[];
  /** Index into `consumers` of the next consumer to try (round robin). */
  nextConsumer: number;
  /** Quorum queues: deliveries after which a message is dead-lettered or dropped (x-delivery-limit; -1 = none). */
  deliveryLimit: number;
  /** x-dead-letter-exchange (and routing key), or null: dropped messages are discarded. */
  deadLetterExchange: string | null;
  deadLetterRoutingKey: string | null;
};

export type Message = {
  id: number;
  /** Publishing order across the broker: requeue puts a message back by this position. */
  seq: number;
  exchange: string;
  routingKey: string;
  body: string;
  headers: Record<string, string>;
  /** Times this message was handed to a consumer. */
  deliveries: number;
  /** Quorum queues' x-delivery-count: deliveries that ended in a requeue counted against the limit. */
  deliveryCount: number;
  publishedAt: number;
};

export type Unacked = {
  deliveryTag: number;
  messageId: number;
  queue: string;
  consumerTag: string;
  deliveredAt: number;
};

export type Channel = {
  id: number;
  open: boolean;
  /** basic.qos prefetch count: unacknowledged deliveries allowed on this channel (0 = unlimited). */
  prefetch: number;
  nextDeliveryTag: number;
  unacked: Unacked[];
  closeReason: string | null;
};

export type Consumer = {
  tag: string;
  channel: number;
  queue: string;
  /** autoAck (no-ack mode): a delivery counts as acknowledged the moment it is sent. */
  autoAck: boolean;
};

export type RabbitState = {
  exchanges: Record<string, Exchange>;
  bindings: Binding[];
  queues: Record<string, Queue>;
  /** Messages that are in some queue or out for delivery; an acknowledged message is deleted. */
  messages: Record<number, Message>;
  channels: Record<number, Channel>;
  consumers: Record<string, Consumer>;
  nextMessageId: number;
  nextSeq: number;
  nextChannel: number;
  /** consumer_timeout (ms): a delivery unacknowledged for longer closes its channel. */
  consumerTimeoutMs: number;
};

/** What happened, for the simulation's narration (each with a reason a learner can read). */
export type RabbitEvent =
  | { type: 'rabbitPublished'; reason: string; messageId: number; queues: string[] }
  | { type: 'rabbitUnroutable'; reason: string; exchange: string; routingKey: string }
  | {
      type: 'rabbitDelivered';
      reason: string;
      messageId: number;
      body: string;
      queue: string;
      consumerTag: string;
      channel: number;
      deliveryTag: number;
      redelivered: boolean;
    }
  | { type: 'rabbitAcked'; reason: string; channel: number; deliveryTags: number[]; messageIds: number[] }
  | { type: 'rabbitRequeued'; reason: string; messageId: number; queue: string }
  | { type: 'rabbitDeadLettered'; reason: string; messageId: number; queue: string; to: string | null }
  | { type: 'rabbitDropped'; reason: string; messageId: number; queue: string }
  | { type: 'rabbitChannelClosed'; reason: string; channel: number; requeued: number[] }
  | { type: 'rabbitConsumerCancelled'; reason: string; consumerTag: string; queue: string };

export type RabbitError = { code: 'NOT_FOUND' | 'PRECONDITION_FAILED' | 'CHANNEL_ERROR'; message: string };

export type RabbitResult<T = undefined> =
  | { ok: true; value: T; events: RabbitEvent[] }
  | { ok: false; error: RabbitError };
