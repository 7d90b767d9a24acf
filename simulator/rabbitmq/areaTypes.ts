// The RabbitMQ area's slice of the simulation (state.areas.rabbitmq) and its commands, events and tasks.
// The broker's rules live in broker.ts (pure functions over RabbitState); this area runs them on the
// virtual clock: each command calls one of them, every RabbitEvent it returns becomes a simulation event,
// and the applications behind consumers (which process a delivery for a while, then ack) are tasks.
import type { ExchangeType, QueueType, RabbitState } from './types';

/**
 * The application behind one consumer: how long it works on a delivery before it acks, and a body it
 * cannot handle (it nacks that one with requeue=true, the classic poison-message loop). processingMs null:
 * the learner acks by hand (`rabbit ack`). Not a RabbitMQ object: RabbitMQ only sees the acks it sends.
 */
export type RabbitApp = {
  tag: string;
  channel: number;
  queue: string;
  processingMs: number | null;
  failOn: string | null;
  /** The application works on one delivery at a time: when it is free again. */
  busyUntil: number;
};

/** One delivery as the consumer saw it, kept after the message is acked (and gone from the broker). */
export type RabbitReceived = {
  messageId: number;
  queue: string;
  body: string;
  deliveryTag: number;
  redelivered: boolean;
  at: number;
  /** What the consumer did with it: still open, acked, or returned (nack/reject/close). */
  outcome: 'unacked' | 'acked' | 'returned';
  /** Virtual time of the ack (or of the delivery, in automatic-ack mode); null while unacked or if returned. */
  ackedAt: number | null;
};

/** Counters per queue, like the management UI's message_stats (published, delivered, acked, ...). */
export type RabbitQueueStats = {
  published: number;
  delivered: number;
  redelivered: number;
  acked: number;
  requeued: number;
  deadLettered: number;
  dropped: number;
};

export type RabbitAreaState = {
  broker: RabbitState;
  /** Applications by consumer tag, until their channel closes (a cancelled consumer still acks what it holds). */
  apps: Record<string, RabbitApp>;
  /** What each consumer tag received, in order (kept after cancel or crash; the last 200). */
  received: Record<string, RabbitReceived[]>;
  stats: Record<string, RabbitQueueStats>;
  /** Virtual time of the pending once-a-minute consumer_timeout check, or null when none is scheduled. */
  timeoutCheckAt: number | null;
};

declare module '../engine/registry' {
  interface AreaStates {
    rabbitmq: RabbitAreaState;
  }
  interface CommandMap {
    /** exchange.declare (durable); redeclaring with another type is PRECONDITION_FAILED. */
    rabbitDeclareExchange: { name: string; exchangeType: ExchangeType };
    /** queue.declare: classic or quorum (x-queue-type), x-delivery-limit, x-dead-letter-exchange. */
    rabbitDeclareQueue: {
      name: string;
      queueType: QueueType;
      deliveryLimit?: number;
      deadLetterExchange?: string;
      deadLetterRoutingKey?: string;
    };
    /** queue.bind: route messages from `exchange` to `queue` by binding key (or headers arguments). */
    rabbitBind: { exchange: string; queue: string; routingKey: string; arguments?: Record<string, string> };
    /** basic.publish to an exchange ("" = the default exchange, routing by queue name). */
    rabbitPublish: { exchange: string; routingKey: string; body: string; headers?: Record<string, string> };
    /** A new connection + channel: basic.qos(prefetch), then basic.consume on `queue` as `consumerTag`. */
    rabbitConsume: {
      queue: string;
      consumerTag: string;
      prefetch: number;
      autoAck: boolean;
      processingMs: number | null;
      failOn: string | null;
    };
    /** basic.ack on the consumer's channel (multiple: every tag ≤ deliveryTag). */
    rabbitAck: { consumerTag: string; deliveryTag: number; multiple: boolean };
    /** basic.nack (multiple, requeue). */
    rabbitNack: { consumerTag: string; deliveryTag: number; multiple: boolean; requeue: boolean };
    /** basic.reject (one delivery, requeue). */
    rabbitReject: { consumerTag: string; deliveryTag: number; requeue: boolean };
    /** basic.cancel: the consumer stops; its unacked deliveries stay on its channel until acked or closed. */
    rabbitCancel: { consumerTag: string };
    /** The consumer's process dies: its connection closes and every unacked delivery is requeued. */
    rabbitCrash: { consumerTag: string };
    /** rabbitmq.conf consumer_timeout (ms): how long a delivery may stay unacknowledged. */
    rabbitSetConsumerTimeout: { ms: number };
  }
  interface CommandResultMap {
    rabbitPublish: { routedTo: string[] };
    /** channelError: the broker closed the channel (e.g. PRECONDITION_FAILED - unknown delivery tag 7). */
    rabbitAck: { channelError: string | null };
    rabbitNack: { channelError: string | null };
    rabbitReject: { channelError: string | null };
    rabbitConsume: { channel: number };
  }
  interface EventMap {
    rabbitExchangeDeclared: { name: string; exchangeType: ExchangeType };
    rabbitQueueDeclared: { name: string; queueType: QueueType; deliveryLimit: number };
    rabbitQueueBound: { exchange: string; queue: string; routingKey: string };
    rabbitConsumerStarted: { consumerTag: string; queue: string; channel: number; prefetch: number };
    rabbitConsumerTimeoutSet: { ms: number };
    rabbitPublished: { messageId: number; queues: string[] };
    rabbitUnroutable: { exchange: string; routingKey: string };
    rabbitDelivered: {
      messageId: number;
      body: string;
      queue: string;
      consumerTag: string;
      channel: number;
      deliveryTag: number;
      redelivered: boolean;
    };
    rabbitAcked: { channel: number; deliveryTags: number[]; messageIds: number[] };
    rabbitRequeued: { messageId: number; queue: string };
    rabbitDeadLettered: { messageId: number; queue: string; to: string | null };
    rabbitDropped: { messageId: number; queue: string };
    rabbitChannelClosed: { channel: number; requeued: number[] };
    rabbitConsumerCancelled: { consumerTag: string; queue: string };
  }
  interface TaskMap {
    /** The application behind `consumerTag` finishes a delivery (stale if the tag is no longer unacked). */
    rabbitProcess: { consumerTag: string; channel: number; deliveryTag: number };
    /** The broker's once-a-minute check of consumer_timeout. */
    rabbitTimeoutCheck: { at: number };
  }
}
