// The producers lesson's "try this" steps, performed against each embed's preset through the same controller the
// embed uses, and checked against what the lesson's text says the learner will see.
import { describe, expect, it } from 'vitest';
import { lesson } from '@/lib/content.server';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('producers');

const views = (presetId: string): string => {
  const src = lesson('producers')?.source ?? '';
  const m = new RegExp(`preset="${presetId}"\\s+views="([^"]+)"`).exec(src);
  return m?.[1] ?? '';
};

describe('producers lesson: each embed does what its text says', () => {
  it('producers-api: a send waits in the batch; 5 ms (linger.ms) sends it, 5 ms more brings the acks=all acknowledgement; two quick sends share a batch', () => {
    const id = 'producers-api';
    const c = embed(id);
    const sent = press(c, id, 'Send order-1007 for customer-17');
    expect(sent.output).toContain('orders-1'); // customer-17 hashes to partition 1
    expect(c.read().producer('app')?.pendingSends).toHaveLength(1);
    press(c, id, 'Advance the clock 5 ms');
    const acked = press(c, id, 'Advance the clock 5 ms');
    expect(`${acked.output}`).toContain('[app] orders-1@0');
    expect(c.read().producer('app')?.pendingSends).toHaveLength(0);
    const t = c.narration.length;
    press(c, id, 'Send order-1007 for customer-17');
    press(c, id, 'Send order-1008 for customer-17');
    const batches = c.narration
      .slice(t)
      .filter((e) => /waits in batch/.test(e.reason))
      .map((e) => /batch (\d+)/.exec(e.reason)?.[1]);
    expect(batches).toHaveLength(2);
    expect(new Set(batches).size).toBe(1); // one batch for both
    expect(press(c, id, 'Flush').stdout.split('\n')).toEqual(['orders-1@1', 'orders-1@2']);
  });

  it('producers-ordering: per-key order survives any interleaving; the consumer gets the records partition by partition', () => {
    const id = 'producers-ordering';
    const c = embed(id);
    for (const l of ['Send bob step-1', 'Send alice step-1', 'Send bob step-2', 'Send alice step-2'])
      press(c, id, l);
    press(c, id, 'Flush');
    const polled = press(c, id, 'Poll reader-1').stdout.split('\n');
    const of = (key: string) =>
      polled.filter((l) => l.includes(`key=${key}`)).map((l) => l.split(' value=')[1]);
    expect(of('alice')).toEqual(['step-1', 'step-2']);
    expect(of('bob')).toEqual(['step-1', 'step-2']);
    expect(polled.every((l) => l.startsWith(l.includes('key=alice') ? 'steps-1@' : 'steps-0@'))).toBe(true);
    // partition by partition: one key's records come together, not in the order they were sent
    const keys = polled.map((l) => /key=(\w+)/.exec(l)?.[1]);
    expect([keys.slice(0, 2), keys.slice(2)].every((k) => k[0] === k[1])).toBe(true);
  });

  it('producers-batching: bulk lingers 100 ms and sends five records in one request; eager (linger.ms=0) sends five requests', () => {
    const id = 'producers-batching';
    const requests = (c: ReturnType<typeof embed>, producer: string) =>
      c.narration.filter((e) => e.type === 'produceRequestSent' && e.reason.startsWith(`${producer} sends `))
        .length;
    const c = embed(id);
    for (let i = 0; i < 5; i++) {
      press(c, id, 'Send with bulk');
      press(c, id, 'Let 10 ms pass');
    }
    expect(requests(c, 'bulk')).toBe(0); // 50 ms: still lingering
    for (let i = 0; i < 5; i++) {
      press(c, id, 'Send with eager');
      press(c, id, 'Let 10 ms pass');
    }
    expect(requests(c, 'bulk')).toBe(1); // linger.ms ran out 100 ms after the first record: one request for all five
    expect(requests(c, 'eager')).toBe(5);
    const e = embed(id);
    for (let i = 0; i < 4; i++) press(e, id, 'Send with eager');
    press(e, id, 'Let 10 ms pass');
    expect(requests(e, 'eager')).toBe(1); // records that arrive together are batched even with linger.ms=0
  });

  it('producers-sticky: keyless records stick to one partition; a batch that is never full switches at 2 × batch.size, a full one at batch.size (BuiltInPartitioner#updatePartitionInfo, RecordAccumulator#allBatchesFull, KIP-794)', () => {
    expect(views('producers-sticky').split(',')).toContain('timeline');
    const id = 'producers-sticky';
    const c = embed(id);
    const partitionOf = (label: string) => /orders-(\d)/.exec(press(c, id, label).output)?.[1];
    const first = Array.from({ length: 5 }, () => partitionOf('Send a keyless record'));
    expect(first.join('')).toBe('00000');
    const switches = () =>
      c.narration.filter((e) => e.type === 'stickyPartitionChanged').map((e) => e.reason);
    expect(switches()).toContain(
      'app: 490 bytes went to orders-0 (batch.size=200; its last batch is not full, but 490 ≥ 2 × batch.size), so keyless records switch to partition 2',
    );
    // the narration tells it in order: the fifth record lands on partition 0, then the partitioner switches
    const reasons = c.narration.map((e) => e.reason);
    const fifth = reasons.findIndex((r) => r.startsWith('app: record 4 → orders-0'));
    const firstSwitch = reasons.findIndex((r) => r.startsWith('app: 490 bytes went to orders-0'));
    expect(fifth).toBeGreaterThanOrEqual(0);
    expect(fifth).toBeLessThan(firstSwitch);
    // one 200-byte record fills its batch: 200 bytes ≥ batch.size and the batch is full, so it switches at once
    expect(partitionOf('Send a 200-byte keyless record')).toBe('2');
    expect(switches()).toContain(
      'app: 200 bytes went to orders-2 (batch.size=200, and its last batch is full), so keyless records switch to partition 2',
    );
    expect(partitionOf('Send a record with key key')).toBe('1'); // murmur2("key") % 3 = 1, whatever the sticky partition
    expect(partitionOf('Send to explicit partition 2')).toBe('2');
  });

  it('producers-acks1-loss: steps 1-5 (acks=1 loses an acknowledged write; acks=all does not)', () => {
    expect(views('producers-acks1-loss').split(',')).toContain('timeline');
    const id = 'producers-acks1-loss';
    const c = embed(id);
    press(c, id, 'Send with acks=1');
    expect(press(c, id, 'Advance the clock 10 ms').output).toContain('[fast] payments-0@2');
    for (const l of ['Stop broker 1', 'Reconnect broker 2', 'Reconnect broker 3', 'Advance the clock 10 s'])
      press(c, id, l);
    const read = press(c, id, 'Read payments');
    expect(read.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['Offset:0', 'Offset:1']);
    press(c, id, 'Start broker 1');
    press(c, id, 'Advance the clock 5 s');
    const truncation = c.narration
      .map((e) => e.reason)
      .find((r) => /truncat/i.test(r) && /broker 1|Broker 1/.test(r));
    expect(truncation, 'the timeline narrates broker 1 truncating').toBeDefined();
    expect(truncation).toMatch(/3.*2|offset 2/);

    const s = embed(id);
    press(s, id, 'Send with acks=all');
    expect(press(s, id, 'Advance the clock 10 ms').output).not.toContain('[safe] payments-0@2');
    for (const l of ['Stop broker 1', 'Reconnect broker 2', 'Reconnect broker 3']) press(s, id, l);
    expect(press(s, id, 'Advance the clock 10 s').output).toContain('[safe] payments-0@2');
  });

  it("producers-key-routing: the prepared keys land where the lesson's murmur2 table says", () => {
    const id = 'producers-key-routing';
    const c = embed(id);
    const table: Record<string, number> = { foobar: 0, key: 1, 'user-1': 2, alice: 0, bob: 0 };
    for (const [k, p] of Object.entries(table))
      expect(press(c, id, `Send key ${k}`).output).toContain(`orders-${p}`);
    press(c, id, 'Grow orders to 4 partitions');
    // the running producer still hashes over the 3 partitions it knows (metadata.max.age.ms)
    expect(press(c, id, 'Send key foobar').output).toContain('orders-0');
  });
});
