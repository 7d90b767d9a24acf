// The RabbitMQ area on a real Simulation: the broker's rules on the virtual clock, recorded as events.
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../index';
import { must } from '../testing/sim.testkit';
import { consume, data, holding, publishAll, queueOf, rabbitSim, receivedBy } from './area.testkit';

const orders = (n: number) => Array.from({ length: n }, (_, i) => `order-${i + 1}`);

describe('the RabbitMQ area', () => {
  it('competing consumers: a queue dispatches round-robin, one message to one consumer (consumers.md)', () => {
    const sim = rabbitSim();
    for (const tag of ['c1', 'c2', 'c3']) consume(sim, tag, { processingMs: 100 });
    publishAll(sim, orders(6));
    must(sim, { type: 'advanceClock', ms: 1_000 });
    expect(receivedBy(sim, 'c1')).toEqual(['order-1', 'order-4']);
    expect(receivedBy(sim, 'c2')).toEqual(['order-2', 'order-5']);
    expect(receivedBy(sim, 'c3')).toEqual(['order-3', 'order-6']);
  });

  it('a positive ack deletes the message: a consumer that subscribes later gets nothing to replay (confirms.md)', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { processingMs: 10 });
    publishAll(sim, orders(3));
    must(sim, { type: 'advanceClock', ms: 100 });
    expect(queueOf(sim).messages).toBe(0);
    expect(queueOf(sim).stats).toMatchObject({ published: 3, delivered: 3, acked: 3 });
    expect(Object.keys(sim.state.areas.rabbitmq.broker.messages)).toEqual([]);
    consume(sim, 'late', { processingMs: 10 });
    must(sim, { type: 'advanceClock', ms: 100 });
    expect(receivedBy(sim, 'late')).toEqual([]);
  });

  it('basic.qos prefetch bounds the unacknowledged deliveries of a channel; the rest stay ready (confirms.md "Channel Prefetch")', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 2 });
    publishAll(sim, orders(5));
    expect(holding(sim, 'c1')).toEqual(['order-1', 'order-2']);
    expect(queueOf(sim).ready.map((m) => m.body)).toEqual(['order-3', 'order-4', 'order-5']);
    const r = data(sim, { type: 'rabbitAck', consumerTag: 'c1', deliveryTag: 1, multiple: false });
    expect(r.channelError).toBeNull();
    expect(holding(sim, 'c1')).toEqual(['order-2', 'order-3']);
  });

  it('basic.ack multiple=true settles every delivery tag up to the one given', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 0 });
    publishAll(sim, orders(4));
    must(sim, { type: 'rabbitAck', consumerTag: 'c1', deliveryTag: 3, multiple: true });
    expect(holding(sim, 'c1')).toEqual(['order-4']);
    expect(queueOf(sim).stats.acked).toBe(3);
  });

  it('prefetch 0 is unlimited: every ready message is pushed at once', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 0 });
    publishAll(sim, orders(10));
    expect(holding(sim, 'c1')).toHaveLength(10);
    expect(queueOf(sim).ready).toEqual([]);
  });

  it('a slow consumer holds only its prefetch; the fast one takes the rest of the queue', () => {
    const sim = rabbitSim();
    consume(sim, 'slow', { prefetch: 1, processingMs: 10_000 });
    consume(sim, 'fast', { prefetch: 1, processingMs: 100 });
    publishAll(sim, orders(10));
    must(sim, { type: 'advanceClock', ms: 2_000 });
    expect(receivedBy(sim, 'slow')).toEqual(['order-1']);
    expect(receivedBy(sim, 'fast')).toHaveLength(9);
  });

  it('competing consumers finish out of publishing order when one is slow (queues.md "Message ordering")', () => {
    const sim = rabbitSim();
    consume(sim, 'r1', { processingMs: 100 });
    consume(sim, 'r2', { processingMs: 1_000 });
    consume(sim, 'r3', { processingMs: 100 });
    publishAll(sim, ['c1-created', 'c2-created', 'c1-paid', 'c2-paid', 'c1-shipped', 'c2-shipped']);
    must(sim, { type: 'advanceClock', ms: 2_000 });
    const finished = Object.values(readModel(sim).rabbitmq().received)
      .flat()
      .sort((a, b) => (a.ackedAt ?? 0) - (b.ackedAt ?? 0) || a.messageId - b.messageId)
      .map((r) => r.body);
    expect(finished).toEqual(['c1-created', 'c1-paid', 'c2-paid', 'c1-shipped', 'c2-shipped', 'c2-created']);
  });

  it('the application works through its deliveries on the virtual clock and acks each one', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 2, processingMs: 1_000 });
    publishAll(sim, orders(3));
    must(sim, { type: 'advanceClock', ms: 999 });
    expect(queueOf(sim).stats.acked).toBe(0);
    must(sim, { type: 'advanceClock', ms: 1 });
    expect(queueOf(sim).stats.acked).toBe(1);
    must(sim, { type: 'advanceClock', ms: 2_000 });
    expect(queueOf(sim).stats.acked).toBe(3);
  });

  it('a crashed consumer: its connection closes and its unacked deliveries go to the others with redelivered=true (confirms.md "Automatic Requeueing")', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 2 });
    consume(sim, 'c2', { prefetch: 0 });
    publishAll(sim, orders(4));
    expect(holding(sim, 'c1')).toEqual(['order-1', 'order-3']);
    const r = must(sim, { type: 'rabbitCrash', consumerTag: 'c1' });
    expect(r.events.map((e) => e.type)).toContain('rabbitChannelClosed');
    expect(receivedBy(sim, 'c2')).toEqual(['order-2', 'order-4', 'order-1*', 'order-3*']);
    expect(queueOf(sim).consumers.map((c) => c.tag)).toEqual(['c2']);
  });

  it('basic.nack requeue=true puts the message back at its original place, ahead of later ones, redelivered=true (confirms.md)', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 1 });
    publishAll(sim, orders(3));
    must(sim, { type: 'rabbitNack', consumerTag: 'c1', deliveryTag: 1, multiple: false, requeue: true });
    expect(receivedBy(sim, 'c1')).toEqual(['order-1', 'order-1*']);
    expect(queueOf(sim).ready.map((m) => m.body)).toEqual(['order-2', 'order-3']);
  });

  it('the read model marks a held delivery redelivered only when it was not its first delivery', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 1 });
    publishAll(sim, orders(2));
    const held = () => queueOf(sim).consumers[0].unacked.map((u) => [u.body, u.redelivered]);
    expect(held()).toEqual([['order-1', false]]);
    must(sim, { type: 'rabbitNack', consumerTag: 'c1', deliveryTag: 1, multiple: false, requeue: true });
    expect(held()).toEqual([['order-1', true]]);
  });

  it('acking a delivery tag the channel does not hold closes the channel with PRECONDITION_FAILED - unknown delivery tag', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { prefetch: 2 });
    publishAll(sim, orders(2));
    const r = data(sim, { type: 'rabbitAck', consumerTag: 'c1', deliveryTag: 100, multiple: false });
    expect(r.channelError).toBe('PRECONDITION_FAILED - unknown delivery tag 100');
    expect(queueOf(sim).consumers).toEqual([]);
    expect(queueOf(sim).ready.map((m) => [m.body, m.redelivered])).toEqual([
      ['order-1', true],
      ['order-2', true],
    ]);
  });

  it('consumer_timeout (30 min by default, checked once a minute) closes a channel that never acks (consumers.md)', () => {
    const sim = rabbitSim();
    consume(sim, 'stuck', { prefetch: 1 });
    consume(sim, 'ok', { prefetch: 1, processingMs: 10 });
    publishAll(sim, ['order-1']);
    expect(holding(sim, 'stuck')).toEqual(['order-1']);
    must(sim, { type: 'advanceClock', ms: 1_800_000 });
    expect(holding(sim, 'stuck')).toEqual(['order-1']);
    const r = must(sim, { type: 'advanceClock', ms: 60_000 });
    const closed = r.events.find((e) => e.type === 'rabbitChannelClosed');
    expect(closed?.reason).toContain(
      'PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms',
    );
    expect(receivedBy(sim, 'ok')).toEqual(['order-1*']);
  });

  it('no timeout check is scheduled while nothing is unacknowledged (a quiet broker has no tasks)', () => {
    const sim = rabbitSim();
    consume(sim, 'c1', { processingMs: 10 });
    publishAll(sim, ['a']);
    must(sim, { type: 'advanceClock', ms: 120_000 });
    expect(sim.state.tasks).toEqual([]);
  });

  it('a poison message on a quorum queue loops through requeues until the delivery limit (20 since 4.0) dead-letters it (quorum-queues)', () => {
    const sim = new Simulation({ seed: 42, brokers: 1 });
    must(sim, { type: 'rabbitDeclareExchange', name: 'dlx', exchangeType: 'fanout' });
    must(sim, { type: 'rabbitDeclareQueue', name: 'dead', queueType: 'classic' });
    must(sim, { type: 'rabbitBind', exchange: 'dlx', queue: 'dead', routingKey: '' });
    must(sim, { type: 'rabbitDeclareQueue', name: 'orders', queueType: 'quorum', deadLetterExchange: 'dlx' });
    consume(sim, 'c1', { processingMs: 100, failOn: 'poison' });
    publishAll(sim, ['poison']);
    must(sim, { type: 'advanceClock', ms: 10_000 });
    expect(receivedBy(sim, 'c1')).toHaveLength(21);
    expect(queueOf(sim).stats).toMatchObject({ delivered: 21, requeued: 20, deadLettered: 1 });
    expect(queueOf(sim, 'dead').ready.map((m) => m.body)).toEqual(['poison']);
  });

  it('a fanout exchange gives every bound queue its own copy: acking one leaves the other (like two consumer groups)', () => {
    const sim = new Simulation({ seed: 42, brokers: 1 });
    must(sim, { type: 'rabbitDeclareExchange', name: 'events', exchangeType: 'fanout' });
    for (const q of ['billing', 'shipping']) {
      must(sim, { type: 'rabbitDeclareQueue', name: q, queueType: 'classic' });
      must(sim, { type: 'rabbitBind', exchange: 'events', queue: q, routingKey: '' });
    }
    const r = data(sim, { type: 'rabbitPublish', exchange: 'events', routingKey: '', body: 'e1' });
    expect(r.routedTo).toEqual(['billing', 'shipping']);
    must(sim, {
      type: 'rabbitConsume',
      queue: 'billing',
      consumerTag: 'b',
      prefetch: 1,
      autoAck: false,
      processingMs: 1,
      failOn: null,
    });
    must(sim, { type: 'advanceClock', ms: 10 });
    expect(queueOf(sim, 'billing').messages).toBe(0);
    expect(queueOf(sim, 'shipping').messages).toBe(1);
  });

  it('errors use RabbitMQ wording and change nothing', () => {
    const sim = rabbitSim();
    const before = JSON.stringify(sim.state);
    const r = sim.dispatch({
      type: 'rabbitConsume',
      queue: 'nope',
      consumerTag: 'c1',
      prefetch: 1,
      autoAck: false,
      processingMs: null,
      failOn: null,
    });
    expect(r.ok ? null : r.error).toEqual({
      code: 'NOT_FOUND',
      message: "NOT_FOUND - no queue 'nope' in vhost '/'",
    });
    const amq = sim.dispatch({ type: 'rabbitDeclareQueue', name: 'amq.x', queueType: 'classic' });
    expect(amq.ok ? null : amq.error.code).toBe('ACCESS_REFUSED');
    expect(JSON.stringify(sim.state)).toBe(before);
  });

  it('every change is an event with a reason, and replaying the command log rebuilds the same state', () => {
    const sim = rabbitSim('orders', 'quorum');
    consume(sim, 'c1', { prefetch: 2, processingMs: 500 });
    consume(sim, 'c2', { prefetch: 1, processingMs: 700, failOn: 'bad' });
    publishAll(sim, [...orders(5), 'bad-1']);
    must(sim, { type: 'advanceClock', ms: 1_200 });
    must(sim, { type: 'rabbitCrash', consumerTag: 'c1' });
    must(sim, { type: 'advanceClock', ms: 5_000 });
    const rabbitEvents = sim.events.filter((e) => e.type.startsWith('rabbit'));
    expect(rabbitEvents.length).toBeGreaterThan(10);
    for (const e of rabbitEvents) expect(e.reason.length).toBeGreaterThan(10);
    const again = Simulation.replay(sim.init, sim.log);
    expect(again.serialize()).toBe(sim.serialize());
    expect(readModel(again).rabbitmq()).toEqual(readModel(sim).rabbitmq());
  });
});
