import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  basicAck,
  basicCancel,
  basicConsume,
  basicNack,
  basicQos,
  basicReject,
  bindQueue,
  checkConsumerTimeouts,
  closeChannel,
  createRabbitState,
  declareExchange,
  declareQueue,
  openChannel,
  publish,
  readyMessages,
} from './broker';
import { topicMatches } from './routing';
import type { RabbitEvent, RabbitResult, RabbitState } from './types';

function must<T>(r: RabbitResult<T>): { value: T; events: RabbitEvent[] } {
  if (!r.ok) throw new Error(r.error.message);
  return r;
}

const deliveries = (events: RabbitEvent[]) =>
  events.flatMap((e) => (e.type === 'rabbitDelivered' ? [e] : []));

/** A queue `work` with `n` consumers, each on its own channel with the given prefetch. */
function workQueue(n: number, prefetch: number, type: 'classic' | 'quorum' = 'classic') {
  const s = createRabbitState();
  must(declareQueue(s, 'work', { type }));
  const channels: number[] = [];
  for (let i = 1; i <= n; i++) {
    const ch = must(openChannel(s)).value;
    must(basicQos(s, ch, prefetch, 0));
    must(basicConsume(s, ch, 'work', `c${i}`, false, 0));
    channels.push(ch);
  }
  return { s, channels };
}

const publishN = (s: RabbitState, n: number, now = 0) =>
  Array.from({ length: n }, (_, i) => publish(s, '', 'work', `m${i + 1}`, {}, now)).flatMap(
    (r) => must(r).events,
  );

describe('RabbitMQ delivery rules', () => {
  it('competing consumers: a queue dispatches round-robin to its consumers (consumers.md, no single active consumer)', () => {
    const { s } = workQueue(3, 0);
    const got = deliveries(publishN(s, 6)).map((d) => `${d.consumerTag}:${s.messages[d.messageId].body}`);
    expect(got).toEqual(['c1:m1', 'c2:m2', 'c3:m3', 'c1:m4', 'c2:m5', 'c3:m6']);
  });

  it('basic.qos prefetch: a channel at its limit gets nothing more until it acks (confirms.md, Channel Prefetch)', () => {
    const { s, channels } = workQueue(1, 2);
    const first = deliveries(publishN(s, 4));
    expect(first.map((d) => d.deliveryTag)).toEqual([1, 2]);
    expect(readyMessages(s, 'work').map((m) => m.body)).toEqual(['m3', 'm4']);
    const after = deliveries(must(basicAck(s, channels[0], 1, false, 0)).events);
    expect(after.map((d) => s.messages[d.messageId].body)).toEqual(['m3']);
  });

  it('prefetch 0 means unlimited: every ready message is pushed at once', () => {
    const { s } = workQueue(1, 0);
    expect(deliveries(publishN(s, 50))).toHaveLength(50);
  });

  it('a slow consumer at its prefetch limit is skipped: the others take the rest', () => {
    const { s, channels } = workQueue(2, 1);
    publishN(s, 4);
    // c1 holds m1, c2 holds m2; c2 acks twice, c1 never: m3 and m4 both go to c2.
    const name = (events: RabbitEvent[]) =>
      deliveries(events).map((d) => `${d.consumerTag}:${s.messages[d.messageId].body}`);
    const a = name(must(basicAck(s, channels[1], 1, false, 0)).events);
    const b = name(must(basicAck(s, channels[1], 2, false, 0)).events);
    expect([...a, ...b]).toEqual(['c2:m3', 'c2:m4']);
  });

  it('a positive ack deletes the message: nothing is left to replay (confirms.md)', () => {
    const { s, channels } = workQueue(1, 0);
    publishN(s, 3);
    must(basicAck(s, channels[0], 3, true, 0));
    expect(Object.keys(s.messages)).toEqual([]);
    expect(readyMessages(s, 'work')).toEqual([]);
    // A consumer that subscribes afterwards gets nothing: unlike a Kafka consumer group, it cannot start at "earliest".
    const late = must(openChannel(s)).value;
    expect(deliveries(must(basicConsume(s, late, 'work', 'late', false, 0)).events)).toEqual([]);
  });

  it('basic.ack with multiple=true settles every delivery tag up to and including the given one', () => {
    const { s, channels } = workQueue(1, 0);
    publishN(s, 4);
    const r = must(basicAck(s, channels[0], 3, true, 0));
    const acked = r.events.find((e) => e.type === 'rabbitAcked');
    expect(acked && acked.type === 'rabbitAcked' ? acked.deliveryTags : []).toEqual([1, 2, 3]);
    expect(s.channels[channels[0]].unacked.map((u) => u.deliveryTag)).toEqual([4]);
  });

  it('basic.nack with requeue puts the message back at its original position, redelivered=true (nack.md)', () => {
    const { s, channels } = workQueue(1, 1);
    publishN(s, 3); // m1 out, m2 m3 ready
    const r = must(basicNack(s, channels[0], 1, false, true, 0));
    const again = deliveries(r.events);
    expect(again).toHaveLength(1);
    expect(s.messages[again[0].messageId].body).toBe('m1');
    expect(again[0].redelivered).toBe(true);
    expect(readyMessages(s, 'work').map((m) => m.body)).toEqual(['m2', 'm3']);
  });

  it('closing a channel requeues its unacknowledged deliveries to the other consumers, redelivered=true', () => {
    const { s, channels } = workQueue(2, 2);
    publishN(s, 4); // c1: m1 m3, c2: m2 m4
    must(basicAck(s, channels[1], 2, true, 0)); // c2 finishes m2 and m4
    const events = closeChannel(s, channels[0], 'consumer crashed', 0);
    const redone = deliveries(events);
    expect(redone.map((d) => `${d.consumerTag}:${s.messages[d.messageId].body}:${d.redelivered}`)).toEqual([
      'c2:m1:true',
      'c2:m3:true',
    ]);
  });

  it('requeue breaks processing order: m1 comes back after m2 and m3 were processed (queues.md, Message ordering)', () => {
    const { s, channels } = workQueue(2, 1);
    publishN(s, 3); // c1 holds m1, c2 holds m2, m3 waits
    const processed: string[] = [];
    const ackFirst = (ch: number) => {
      const u = s.channels[ch].unacked[0];
      processed.push(s.messages[u.messageId].body);
      must(basicAck(s, ch, u.deliveryTag, false, 0));
    };
    ackFirst(channels[1]); // c2 processes m2 and gets m3
    closeChannel(s, channels[0], 'consumer crashed', 0); // m1 goes back, but c2 is busy with m3
    ackFirst(channels[1]); // m3; then m1 is redelivered to c2
    ackFirst(channels[1]);
    expect(processed).toEqual(['m2', 'm3', 'm1']);
  });

  it('acknowledging an unknown delivery tag is a channel error that closes the channel (PRECONDITION_FAILED - unknown delivery tag)', () => {
    const { s, channels } = workQueue(1, 0);
    publishN(s, 2);
    must(basicAck(s, channels[0], 1, false, 0));
    const twice = basicAck(s, channels[0], 1, false, 0);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toBe('PRECONDITION_FAILED - unknown delivery tag 1');
    expect(s.channels[channels[0]].open).toBe(false);
    expect(readyMessages(s, 'work').map((m) => m.body)).toEqual(['m2']);
  });

  it('autoAck is fire-and-forget: the message is deleted when it is sent, and lost if the consumer dies', () => {
    const s = createRabbitState();
    must(declareQueue(s, 'work'));
    const ch = must(openChannel(s)).value;
    must(basicConsume(s, ch, 'work', 'c1', true, 0));
    publishN(s, 2);
    expect(Object.keys(s.messages)).toEqual([]);
    closeChannel(s, ch, 'consumer crashed', 0);
    expect(readyMessages(s, 'work')).toEqual([]);
  });

  it('basic.cancel stops deliveries to that consumer; what it holds stays unacknowledged on its channel', () => {
    const { s, channels } = workQueue(2, 0);
    publishN(s, 2);
    must(basicCancel(s, 'c1', 0));
    const next = deliveries(publishN(s, 2));
    expect(next.map((d) => d.consumerTag)).toEqual(['c2', 'c2']);
    expect(s.channels[channels[0]].unacked).toHaveLength(1);
  });

  it('quorum queues dead-letter or drop a message returned more times than x-delivery-limit (default 20 since 4.0)', () => {
    const { s, channels } = workQueue(1, 1, 'quorum');
    expect(s.queues.work.deliveryLimit).toBe(20);
    publishN(s, 1);
    let dropped = false;
    for (let i = 0; i < 25 && !dropped; i++) {
      const tag = s.channels[channels[0]].unacked[0].deliveryTag;
      const r = must(basicReject(s, channels[0], tag, true, 0));
      dropped = r.events.some((e) => e.type === 'rabbitDropped');
      if (dropped) expect(i + 1).toBe(21); // returned 21 times: more than the limit of 20
    }
    expect(dropped).toBe(true);
    expect(Object.keys(s.messages)).toEqual([]);
  });

  it('classic queues have no delivery limit: a poison message loops forever with requeue', () => {
    const { s, channels } = workQueue(1, 1);
    publishN(s, 1);
    for (let i = 0; i < 100; i++) {
      const tag = s.channels[channels[0]].unacked[0].deliveryTag;
      must(basicNack(s, channels[0], tag, false, true, 0));
    }
    expect(s.channels[channels[0]].unacked).toHaveLength(1);
    expect(Object.values(s.messages)[0].deliveries).toBe(101);
  });

  it('reject without requeue dead-letters to x-dead-letter-exchange when the queue has one', () => {
    const s = createRabbitState();
    must(declareExchange(s, 'dlx', 'fanout'));
    must(declareQueue(s, 'parked'));
    must(bindQueue(s, 'parked', 'dlx', ''));
    must(declareQueue(s, 'work', { deadLetterExchange: 'dlx' }));
    const ch = must(openChannel(s)).value;
    must(basicConsume(s, ch, 'work', 'c1', false, 0));
    publishN(s, 1);
    must(basicReject(s, ch, 1, false, 0));
    expect(readyMessages(s, 'parked').map((m) => [m.body, m.headers['x-first-death-reason']])).toEqual([
      ['m1', 'rejected'],
    ]);
  });

  it('the delivery acknowledgement timeout (consumer_timeout, 30 min) closes the channel and requeues', () => {
    const { s, channels } = workQueue(1, 1);
    publishN(s, 1, 0);
    expect(checkConsumerTimeouts(s, 1_800_000)).toEqual([]);
    const events = checkConsumerTimeouts(s, 1_800_001);
    expect(events[0]).toMatchObject({ type: 'rabbitChannelClosed', channel: channels[0] });
    expect(s.channels[channels[0]].closeReason).toBe(
      'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms',
    );
    expect(readyMessages(s, 'work').map((m) => m.body)).toEqual(['m1']);
  });
});

describe('RabbitMQ routing', () => {
  it('topic exchange: * is one word, # is zero or more (RabbitMQ tutorial 5 bindings *.orange.*, *.*.rabbit, lazy.#)', () => {
    const s = createRabbitState();
    must(declareExchange(s, 'topic_logs', 'topic'));
    must(declareQueue(s, 'Q1'));
    must(declareQueue(s, 'Q2'));
    must(bindQueue(s, 'Q1', 'topic_logs', '*.orange.*'));
    must(bindQueue(s, 'Q2', 'topic_logs', '*.*.rabbit'));
    must(bindQueue(s, 'Q2', 'topic_logs', 'lazy.#'));
    const to = (key: string) =>
      must(publish(s, 'topic_logs', key, key, {}, 0))
        .events.flatMap((e) => (e.type === 'rabbitPublished' ? e.queues : []))
        .sort();
    expect(to('quick.orange.rabbit')).toEqual(['Q1', 'Q2']);
    expect(to('lazy.orange.elephant')).toEqual(['Q1', 'Q2']);
    expect(to('quick.orange.fox')).toEqual(['Q1']);
    expect(to('lazy.brown.fox')).toEqual(['Q2']);
    expect(to('lazy.pink.rabbit')).toEqual(['Q2']); // matches two bindings, delivered once
    expect(to('quick.brown.fox')).toEqual([]);
    expect(to('orange')).toEqual([]);
    expect(to('quick.orange.new.rabbit')).toEqual([]);
    expect(to('lazy.orange.new.rabbit')).toEqual(['Q2']);
    expect(topicMatches('#', '')).toBe(true);
  });

  it('fanout copies to every bound queue; each copy is acknowledged independently', () => {
    const s = createRabbitState();
    must(declareExchange(s, 'orders', 'fanout'));
    for (const q of ['billing', 'shipping']) {
      must(declareQueue(s, q));
      must(bindQueue(s, q, 'orders', ''));
    }
    must(publish(s, 'orders', 'ignored', 'o1', {}, 0));
    expect(readyMessages(s, 'billing').map((m) => m.body)).toEqual(['o1']);
    expect(readyMessages(s, 'shipping').map((m) => m.body)).toEqual(['o1']);
  });

  it('the default exchange routes by queue name; an unroutable message is dropped silently', () => {
    const s = createRabbitState();
    must(declareQueue(s, 'work'));
    expect(must(publish(s, '', 'work', 'x', {}, 0)).value).not.toBeNull();
    const lost = must(publish(s, '', 'nowhere', 'y', {}, 0));
    expect(lost.value).toBeNull();
    expect(lost.events[0].type).toBe('rabbitUnroutable');
    const bad = publish(s, 'missing', 'k', 'z', {}, 0);
    expect(bad.ok ? '' : bad.error.message).toBe("NOT_FOUND - no exchange 'missing' in vhost '/'");
  });

  it('headers exchange: x-match all needs every header, any needs one', () => {
    const s = createRabbitState();
    must(declareQueue(s, 'all'));
    must(declareQueue(s, 'any'));
    must(bindQueue(s, 'all', 'amq.headers', '', { 'x-match': 'all', format: 'pdf', type: 'report' }));
    must(bindQueue(s, 'any', 'amq.headers', '', { 'x-match': 'any', format: 'pdf', type: 'report' }));
    must(publish(s, 'amq.headers', '', 'a', { format: 'pdf', type: 'report' }, 0));
    must(publish(s, 'amq.headers', '', 'b', { format: 'pdf' }, 0));
    expect(readyMessages(s, 'all').map((m) => m.body)).toEqual(['a']);
    expect(readyMessages(s, 'any').map((m) => m.body)).toEqual(['a', 'b']);
  });
});

describe('RabbitMQ invariants (fast-check, seeded)', () => {
  type Op =
    | { kind: 'publish' }
    | { kind: 'ack'; consumer: number; multiple: boolean }
    | { kind: 'nack'; consumer: number; requeue: boolean }
    | { kind: 'close'; consumer: number };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.constant<Op>({ kind: 'publish' }),
    fc.record({ kind: fc.constant('ack' as const), consumer: fc.nat(2), multiple: fc.boolean() }),
    fc.record({ kind: fc.constant('nack' as const), consumer: fc.nat(2), requeue: fc.boolean() }),
    fc.record({ kind: fc.constant('close' as const), consumer: fc.nat(2) }),
  );

  it('every published message is in exactly one place: ready, out to one channel, or deleted; prefetch is never exceeded', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), fc.integer({ min: 0, max: 3 }), (ops, prefetch) => {
        const { s, channels } = workQueue(3, prefetch);
        let published = 0;
        let deleted = 0;
        for (const o of ops) {
          const ch = s.channels[channels[o.kind === 'publish' ? 0 : o.consumer]];
          if (o.kind === 'publish') {
            must(publish(s, '', 'work', `m${++published}`, {}, 0));
            continue;
          }
          if (!ch.open || ch.unacked.length === 0) continue;
          const tag = ch.unacked[0].deliveryTag;
          const before = Object.keys(s.messages).length;
          if (o.kind === 'ack') must(basicAck(s, ch.id, tag, o.multiple, 0));
          else if (o.kind === 'nack') must(basicNack(s, ch.id, tag, false, o.requeue, 0));
          else closeChannel(s, ch.id, 'closed by the test', 0);
          deleted += before - Object.keys(s.messages).length;
        }
        const ready = s.queues.work.ready;
        const out = Object.values(s.channels).flatMap((c) => c.unacked.map((u) => u.messageId));
        const all = [...ready, ...out];
        expect(new Set(all).size).toBe(all.length);
        expect(all.length + deleted).toBe(published);
        for (const c of Object.values(s.channels)) {
          if (prefetch > 0) expect(c.unacked.length).toBeLessThanOrEqual(prefetch);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
