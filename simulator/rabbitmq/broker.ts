// RabbitMQ's delivery rules as pure functions over RabbitState: declare, bind, publish, consume, qos,
// ack / nack / reject, cancel and channel close, and the delivery-acknowledgement timeout. Each function
// mutates the state it is given (the simulator hands it a draft inside a command) and returns the events
// that explain what happened. Modelled on RabbitMQ 4.0–4.2 (AMQP 0-9-1 clients).
import { route } from './routing';
import type {
  Channel,
  Consumer,
  ExchangeType,
  Message,
  Queue,
  QueueType,
  RabbitError,
  RabbitEvent,
  RabbitResult,
  RabbitState,
  Unacked,
} from './types';

/** consumer_timeout default: 30 minutes (rabbitmq.conf; "Delivery Acknowledgement Timeout"). */
export const DEFAULT_CONSUMER_TIMEOUT_MS = 1_800_000;
/** Quorum queues' default delivery limit since RabbitMQ 4.0 (x-delivery-limit; -1 = unlimited). */
export const QUORUM_DEFAULT_DELIVERY_LIMIT = 20;

export function createRabbitState(): RabbitState {
  const exchanges: RabbitState['exchanges'] = {};
  // The pre-declared exchanges every vhost has ("Exchanges", amq.* names).
  for (const [name, type] of [
    ['amq.direct', 'direct'],
    ['amq.fanout', 'fanout'],
    ['amq.topic', 'topic'],
    ['amq.headers', 'headers'],
  ] as const) {
    exchanges[name] = { name, type, durable: true };
  }
  return {
    exchanges,
    bindings: [],
    queues: {},
    messages: {},
    channels: {},
    consumers: {},
    nextMessageId: 1,
    nextSeq: 1,
    nextChannel: 1,
    consumerTimeoutMs: DEFAULT_CONSUMER_TIMEOUT_MS,
  };
}

const ok = <T>(value: T, events: RabbitEvent[] = []): RabbitResult<T> => ({ ok: true, value, events });
const err = (code: RabbitError['code'], message: string): RabbitResult<never> => ({
  ok: false,
  error: { code, message },
});

export function declareExchange(s: RabbitState, name: string, type: ExchangeType): RabbitResult {
  const existing = s.exchanges[name];
  if (existing && existing.type !== type)
    return err(
      'PRECONDITION_FAILED',
      `PRECONDITION_FAILED - inequivalent arg 'type' for exchange '${name}' in vhost '/': received '${type}' but current is '${existing.type}'`,
    );
  s.exchanges[name] = { name, type, durable: true };
  return ok(undefined);
}

export type QueueOptions = {
  type?: QueueType;
  deliveryLimit?: number;
  deadLetterExchange?: string;
  deadLetterRoutingKey?: string;
};

export function declareQueue(s: RabbitState, name: string, opts: QueueOptions = {}): RabbitResult {
  const type = opts.type ?? 'classic';
  const existing = s.queues[name];
  if (existing) {
    if (existing.type !== type)
      return err(
        'PRECONDITION_FAILED',
        `PRECONDITION_FAILED - inequivalent arg 'x-queue-type' for queue '${name}' in vhost '/': received '${type}' but current is '${existing.type}'`,
      );
    return ok(undefined);
  }
  s.queues[name] = {
    name,
    type,
    ready: [],
    consumers: [],
    nextConsumer: 0,
    // Classic queues have no delivery limit; quorum queues default to 20 (4.0+).
    deliveryLimit: type === 'quorum' ? (opts.deliveryLimit ?? QUORUM_DEFAULT_DELIVERY_LIMIT) : -1,
    deadLetterExchange: opts.deadLetterExchange ?? null,
    deadLetterRoutingKey: opts.deadLetterRoutingKey ?? null,
  };
  return ok(undefined);
}

export function bindQueue(
  s: RabbitState,
  queue: string,
  exchange: string,
  routingKey: string,
  args: Record<string, string> = {},
): RabbitResult {
  if (!s.queues[queue]) return err('NOT_FOUND', `NOT_FOUND - no queue '${queue}' in vhost '/'`);
  if (!s.exchanges[exchange]) return err('NOT_FOUND', `NOT_FOUND - no exchange '${exchange}' in vhost '/'`);
  const same = s.bindings.some(
    (b) =>
      b.queue === queue &&
      b.exchange === exchange &&
      b.routingKey === routingKey &&
      JSON.stringify(b.arguments) === JSON.stringify(args),
  );
  if (!same) s.bindings.push({ exchange, queue, routingKey, arguments: { ...args } });
  return ok(undefined);
}

export function openChannel(s: RabbitState): RabbitResult<number> {
  const id = s.nextChannel++;
  s.channels[id] = { id, open: true, prefetch: 0, nextDeliveryTag: 1, unacked: [], closeReason: null };
  return ok(id);
}

function openChannelOf(s: RabbitState, id: number): Channel | RabbitError {
  const ch = s.channels[id];
  if (!ch) return { code: 'CHANNEL_ERROR', message: `channel ${id} does not exist` };
  if (!ch.open) return { code: 'CHANNEL_ERROR', message: `channel ${id} is closed (${ch.closeReason})` };
  return ch;
}

const isError = (x: unknown): x is RabbitError =>
  typeof x === 'object' && x !== null && 'code' in x && 'message' in x;

/** basic.qos: at most `prefetch` unacknowledged deliveries on the channel (0 = no limit). */
export function basicQos(s: RabbitState, channel: number, prefetch: number, now: number): RabbitResult {
  const ch = openChannelOf(s, channel);
  if (isError(ch)) return { ok: false, error: ch };
  ch.prefetch = Math.max(0, Math.floor(prefetch));
  return ok(undefined, dispatchAll(s, now));
}

export function publish(
  s: RabbitState,
  exchange: string,
  routingKey: string,
  body: string,
  headers: Record<string, string>,
  now: number,
): RabbitResult<number | null> {
  if (exchange !== '' && !s.exchanges[exchange])
    return err('NOT_FOUND', `NOT_FOUND - no exchange '${exchange}' in vhost '/'`);
  const queues = route(s, exchange, routingKey, headers);
  if (queues.length === 0)
    // Without the mandatory flag an unroutable message is dropped silently.
    return ok(null, [
      {
        type: 'rabbitUnroutable',
        reason: `no queue is bound to ${exchange === '' ? 'the default exchange' : `exchange ${exchange}`} for routing key "${routingKey}": the message is dropped`,
        exchange,
        routingKey,
      },
    ]);
  const events: RabbitEvent[] = [];
  let first: number | null = null;
  // Each queue gets its own copy: acknowledging it in one queue does not touch the others.
  for (const q of queues) {
    const id = s.nextMessageId++;
    first ??= id;
    const m: Message = {
      id,
      seq: s.nextSeq++,
      exchange,
      routingKey,
      body,
      headers: { ...headers },
      deliveries: 0,
      deliveryCount: 0,
      publishedAt: now,
    };
    s.messages[id] = m;
    s.queues[q].ready.push(id);
    events.push({
      type: 'rabbitPublished',
      reason: `message "${body}" enqueued at the tail of queue ${q}`,
      messageId: id,
      queues: [q],
    });
  }
  events.push(...dispatchAll(s, now));
  return ok(first, events);
}

export function basicConsume(
  s: RabbitState,
  channel: number,
  queue: string,
  tag: string,
  autoAck: boolean,
  now: number,
): RabbitResult {
  const ch = openChannelOf(s, channel);
  if (isError(ch)) return { ok: false, error: ch };
  const q = s.queues[queue];
  if (!q) return err('NOT_FOUND', `NOT_FOUND - no queue '${queue}' in vhost '/'`);
  if (s.consumers[tag]) return err('CHANNEL_ERROR', `NOT_ALLOWED - attempt to reuse consumer tag '${tag}'`);
  const c: Consumer = { tag, channel, queue, autoAck };
  s.consumers[tag] = c;
  q.consumers.push(tag);
  return ok(undefined, dispatchAll(s, now));
}

function hasCapacity(s: RabbitState, c: Consumer): boolean {
  const ch = s.channels[c.channel];
  if (!ch?.open) return false;
  if (c.autoAck) return true;
  return ch.prefetch === 0 || ch.unacked.length < ch.prefetch;
}

/**
 * Push ready messages to consumers: round-robin over the queue's consumers, skipping those whose channel
 * is at its prefetch limit ("Consumer Prefetch"; without Single Active Consumer, dispatch is round-robin).
 */
export function dispatchAll(s: RabbitState, now: number): RabbitEvent[] {
  const events: RabbitEvent[] = [];
  for (const q of Object.values(s.queues)) {
    while (q.ready.length > 0 && q.consumers.length > 0) {
      let chosen: Consumer | null = null;
      for (let i = 0; i < q.consumers.length; i++) {
        const idx = (q.nextConsumer + i) % q.consumers.length;
        const c = s.consumers[q.consumers[idx]];
        if (c && hasCapacity(s, c)) {
          chosen = c;
          q.nextConsumer = (idx + 1) % q.consumers.length;
          break;
        }
      }
      if (!chosen) break;
      const id = q.ready.shift() as number;
      events.push(deliver(s, q, chosen, id, now));
    }
  }
  return events;
}

function deliver(s: RabbitState, q: Queue, c: Consumer, id: number, now: number): RabbitEvent {
  const ch = s.channels[c.channel];
  const m = s.messages[id];
  const redelivered = m.deliveries > 0;
  m.deliveries++;
  const deliveryTag = ch.nextDeliveryTag++;
  const event: RabbitEvent = {
    type: 'rabbitDelivered',
    reason: `${q.name} pushes "${m.body}" to consumer ${c.tag} (delivery tag ${deliveryTag}${redelivered ? ', redelivered=true: it was delivered before' : ''})${c.autoAck ? '; automatic ack: it is deleted now' : ''}`,
    messageId: id,
    body: m.body,
    queue: q.name,
    consumerTag: c.tag,
    channel: c.channel,
    deliveryTag,
    redelivered,
  };
  // autoAck is fire-and-forget: the broker forgets the message as soon as it is sent.
  if (c.autoAck) delete s.messages[id];
  else ch.unacked.push({ deliveryTag, messageId: id, queue: q.name, consumerTag: c.tag, deliveredAt: now });
  return event;
}

/** Deliveries a basic.ack/nack with this tag and `multiple` flag settles (multiple: every tag ≤ n). */
function settled(ch: Channel, deliveryTag: number, multiple: boolean): Unacked[] | null {
  if (multiple) return ch.unacked.filter((u) => u.deliveryTag <= deliveryTag);
  const one = ch.unacked.find((u) => u.deliveryTag === deliveryTag);
  return one ? [one] : null;
}

function unknownTag(s: RabbitState, ch: Channel, tag: number, now: number): RabbitResult<never> {
  // Acknowledging a tag the channel does not hold is a channel error: the channel closes and its other
  // deliveries are requeued ("Delivery tags are channel-scoped"; PRECONDITION_FAILED).
  const message = `PRECONDITION_FAILED - unknown delivery tag ${tag}`;
  closeChannel(s, ch.id, message, now);
  return err('PRECONDITION_FAILED', message);
}

export function basicAck(
  s: RabbitState,
  channel: number,
  deliveryTag: number,
  multiple: boolean,
  now: number,
): RabbitResult {
  const ch = openChannelOf(s, channel);
  if (isError(ch)) return { ok: false, error: ch };
  const done = settled(ch, deliveryTag, multiple);
  if (!done || done.length === 0) return unknownTag(s, ch, deliveryTag, now);
  ch.unacked = ch.unacked.filter((u) => !done.includes(u));
  for (const u of done) delete s.messages[u.messageId];
  const events: RabbitEvent[] = [
    {
      type: 'rabbitAcked',
      reason: `channel ${channel} acknowledges delivery tag${done.length > 1 ? 's' : ''} ${done.map((u) => u.deliveryTag).join(', ')}: RabbitMQ deletes ${done.length > 1 ? 'those messages' : 'the message'}; nothing can replay ${done.length > 1 ? 'them' : 'it'}`,
      channel,
      deliveryTags: done.map((u) => u.deliveryTag),
      messageIds: done.map((u) => u.messageId),
    },
  ];
  return ok(undefined, [...events, ...dispatchAll(s, now)]);
}

/** Put a message back at its original position in its queue (ordered by publishing sequence). */
function putBack(s: RabbitState, q: Queue, id: number): void {
  const seq = s.messages[id].seq;
  let at = q.ready.findIndex((other) => s.messages[other].seq > seq);
  if (at < 0) at = q.ready.length;
  q.ready.splice(at, 0, id);
}

/**
 * A delivery comes back to its queue (nack/reject with requeue, cancel, channel close). Quorum queues count
 * every return in x-delivery-count and dead-letter (or drop) a message returned more times than the
 * delivery limit. RabbitMQ 4.3 changed this: there only basic.reject counts. This models 4.0–4.2.
 */
function returnToQueue(s: RabbitState, u: Unacked, why: string): RabbitEvent[] {
  const q = s.queues[u.queue];
  const m = s.messages[u.messageId];
  if (!q || !m) return [];
  if (q.type === 'quorum') {
    m.deliveryCount++;
    m.headers['x-delivery-count'] = String(m.deliveryCount);
    if (q.deliveryLimit >= 0 && m.deliveryCount > q.deliveryLimit)
      return deadLetter(s, q, m, 'delivery_limit');
  }
  putBack(s, q, u.messageId);
  return [
    {
      type: 'rabbitRequeued',
      reason: `${why}: "${m.body}" goes back to its original place in ${q.name} and will be redelivered with redelivered=true`,
      messageId: m.id,
      queue: q.name,
    },
  ];
}

function deadLetter(s: RabbitState, q: Queue, m: Message, cause: string): RabbitEvent[] {
  delete s.messages[m.id];
  if (q.deadLetterExchange === null)
    return [
      {
        type: 'rabbitDropped',
        reason: `"${m.body}" was ${cause === 'delivery_limit' ? `returned more than the delivery limit (${q.deliveryLimit}) allows` : 'rejected without requeue'} and ${q.name} has no dead-letter exchange: it is dropped`,
        messageId: m.id,
        queue: q.name,
      },
    ];
  const events: RabbitEvent[] = [
    {
      type: 'rabbitDeadLettered',
      reason: `"${m.body}" is dead-lettered from ${q.name} (${cause}) to exchange ${q.deadLetterExchange}`,
      messageId: m.id,
      queue: q.name,
      to: q.deadLetterExchange,
    },
  ];
  const routed = publish(
    s,
    q.deadLetterExchange,
    q.deadLetterRoutingKey ?? m.routingKey,
    m.body,
    { ...m.headers, 'x-first-death-queue': q.name, 'x-first-death-reason': cause },
    m.publishedAt,
  );
  if (routed.ok) events.push(...routed.events);
  return events;
}

function negative(
  s: RabbitState,
  channel: number,
  deliveryTag: number,
  multiple: boolean,
  requeue: boolean,
  method: 'basic.nack' | 'basic.reject',
  now: number,
): RabbitResult {
  const ch = openChannelOf(s, channel);
  if (isError(ch)) return { ok: false, error: ch };
  const done = settled(ch, deliveryTag, multiple);
  if (!done || done.length === 0) return unknownTag(s, ch, deliveryTag, now);
  ch.unacked = ch.unacked.filter((u) => !done.includes(u));
  const events: RabbitEvent[] = [];
  for (const u of done) {
    if (requeue) events.push(...returnToQueue(s, u, `${method} with requeue=true`));
    else {
      const q = s.queues[u.queue];
      const m = s.messages[u.messageId];
      if (q && m) events.push(...deadLetter(s, q, m, 'rejected'));
    }
  }
  return ok(undefined, [...events, ...dispatchAll(s, now)]);
}

export const basicNack = (
  s: RabbitState,
  channel: number,
  deliveryTag: number,
  multiple: boolean,
  requeue: boolean,
  now: number,
) => negative(s, channel, deliveryTag, multiple, requeue, 'basic.nack', now);

export const basicReject = (
  s: RabbitState,
  channel: number,
  deliveryTag: number,
  requeue: boolean,
  now: number,
) => negative(s, channel, deliveryTag, false, requeue, 'basic.reject', now);

/** basic.cancel: the consumer stops receiving; its unacknowledged deliveries stay with its channel. */
export function basicCancel(s: RabbitState, tag: string, now: number): RabbitResult {
  const c = s.consumers[tag];
  if (!c) return err('NOT_FOUND', `unknown consumer tag '${tag}'`);
  detachConsumer(s, c);
  return ok(undefined, [
    {
      type: 'rabbitConsumerCancelled',
      reason: `consumer ${tag} is cancelled: ${c.queue} stops pushing to it`,
      consumerTag: tag,
      queue: c.queue,
    },
    ...dispatchAll(s, now),
  ]);
}

function detachConsumer(s: RabbitState, c: Consumer): void {
  const q = s.queues[c.queue];
  if (q) {
    const i = q.consumers.indexOf(c.tag);
    if (i >= 0) {
      q.consumers.splice(i, 1);
      if (q.nextConsumer > i) q.nextConsumer--;
      if (q.nextConsumer >= q.consumers.length) q.nextConsumer = 0;
    }
  }
  delete s.consumers[c.tag];
}

/**
 * Closing a channel (or its connection, or a consumer crash) cancels its consumers and requeues every
 * unacknowledged delivery automatically, oldest first (Consumer Acknowledgements: "Automatic Requeueing").
 */
export function closeChannel(s: RabbitState, channel: number, reason: string, now: number): RabbitEvent[] {
  const ch = s.channels[channel];
  if (!ch?.open) return [];
  ch.open = false;
  ch.closeReason = reason;
  for (const c of Object.values(s.consumers)) if (c.channel === channel) detachConsumer(s, c);
  const events: RabbitEvent[] = [];
  const returned = [...ch.unacked].sort((a, b) => a.deliveryTag - b.deliveryTag);
  ch.unacked = [];
  for (const u of returned) events.push(...returnToQueue(s, u, `channel ${channel} closed (${reason})`));
  events.unshift({
    type: 'rabbitChannelClosed',
    reason:
      returned.length === 0
        ? `channel ${channel} closed (${reason}): it held no unacknowledged deliveries`
        : `channel ${channel} closed (${reason}): ${returned.length === 1 ? 'its unacknowledged delivery goes back to its queue' : `its ${returned.length} unacknowledged deliveries go back to their queues`}`,
    channel,
    requeued: returned.map((u) => u.messageId),
  });
  return [...events, ...dispatchAll(s, now)];
}

/**
 * The delivery-acknowledgement timeout: a channel holding a delivery unacknowledged for longer than
 * consumer_timeout is closed with PRECONDITION_FAILED. RabbitMQ checks once a minute, so a timeout fires
 * up to a minute late; call this at each check.
 */
export function checkConsumerTimeouts(s: RabbitState, now: number): RabbitEvent[] {
  const events: RabbitEvent[] = [];
  for (const ch of Object.values(s.channels)) {
    if (!ch.open) continue;
    const late = ch.unacked.find((u) => now - u.deliveredAt > s.consumerTimeoutMs);
    if (late)
      events.push(
        ...closeChannel(
          s,
          ch.id,
          `PRECONDITION_FAILED - delivery acknowledgement on channel ${ch.id} timed out. Timeout value used: ${s.consumerTimeoutMs} ms`,
          now,
        ),
      );
  }
  return events;
}

/** Messages ready in a queue, in order (what a management UI's "Get messages" would show next). */
export function readyMessages(s: RabbitState, queue: string): Message[] {
  return (s.queues[queue]?.ready ?? []).map((id) => s.messages[id]);
}
