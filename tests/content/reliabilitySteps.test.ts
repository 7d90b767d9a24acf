// The reliability lesson's "try this" steps, performed against each embed's preset through the same controller the
// embed uses, and checked against what the lesson's text says the learner will see.
import { describe, expect, it } from 'vitest';
import type { SimController } from '@/components/sim-runtime/SimController';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('reliability');
const leo = (c: SimController, topic: string) => c.read().partition(topic, 0)?.logEndOffset;

describe('reliability lesson: each embed does what its steps say', () => {
  it('reliability-min-isr: acknowledged with ISR 3 and 2, NOT_ENOUGH_REPLICAS warnings with ISR 1, success once broker 2 is back', () => {
    const id = 'reliability-min-isr';
    const c = embed(id);
    press(c, id, 'Send a payment');
    expect(press(c, id, 'Flush ledger (wait for the acknowledgements)').stdout).toBe('payments-0@1');
    press(c, id, 'Stop broker 3');
    press(c, id, 'Advance the clock 10 s');
    press(c, id, 'Send a payment');
    expect(press(c, id, 'Flush ledger (wait for the acknowledgements)').stdout).toBe('payments-0@2');
    press(c, id, 'Stop broker 2');
    press(c, id, 'Advance the clock 10 s');
    expect(press(c, id, 'Describe payments').stdout).toContain('Isr: 1\t');
    press(c, id, 'Send a payment');
    const refused = press(c, id, 'Advance the clock 10 s');
    expect(refused.stdout).not.toContain('[ledger]');
    expect(refused.stderr).toContain('retrying (2147483646 attempts left). Error: NOT_ENOUGH_REPLICAS (');
    expect(leo(c, 'payments')).toBe(3);
    press(c, id, 'Start broker 2');
    expect(press(c, id, 'Advance the clock 10 s').stdout).toContain('[ledger] payments-0@3');
    expect(press(c, id, 'Describe payments').stdout).toContain('Isr: 1,2\t');
  });

  it('reliability-min-isr: a flush with one broker left waits out delivery.timeout.ms and says so', () => {
    const id = 'reliability-min-isr';
    const c = embed(id);
    press(c, id, 'Stop broker 3');
    press(c, id, 'Stop broker 2');
    press(c, id, 'Advance the clock 10 s');
    press(c, id, 'Send a payment');
    const r = press(c, id, 'Flush ledger (wait for the acknowledgements)');
    expect(r.stderr).toContain('TimeoutException: Expiring 1 record(s) for payments-0:120000 ms');
    expect(r.stdout).toMatch(/kafka-sim: this waited 2m/);
  });

  it('reliability-idempotence: plain writes pay-1001 twice, safe writes pay-2001 once (the retry gets the original offset)', () => {
    const id = 'reliability-idempotence';
    const c = embed(id);
    press(c, id, '1. plain sends pay-1001');
    expect(
      press(c, id, '2. Advance 8 ms (appended and replicated, answer not yet back)').stdout,
    ).not.toContain('[plain]');
    expect(press(c, id, '3. Stop broker 1, the leader').stderr).toContain('Disconnected from node 1');
    const plain = press(c, id, '4. Advance 40 s (new leader, plain retries)');
    expect(plain.stderr).toContain(
      'Connection to node 1 (localhost/127.0.0.1:9092) could not be established',
    );
    expect(plain.stdout).toContain('[plain] payments-0@1');
    press(c, id, '5. safe sends pay-2001');
    press(c, id, '6. Advance 8 ms');
    press(c, id, '7. Stop broker 2, the new leader');
    expect(c.read().partition('payments', 0)?.logEndOffset).toBe(3);
    expect(press(c, id, '8. Advance 40 s (new leader, safe retries)').stdout).toContain(
      '[safe] payments-0@2',
    );
    expect(c.read().partition('payments', 0)?.leader).toBe(3);
    const read = press(c, id, 'Read payments from the start').stdout.split('\n');
    expect(read).toEqual([
      'Offset:0\tpay-1001\tamount=42.50',
      'Offset:1\tpay-1001\tamount=42.50',
      'Offset:2\tpay-2001\tamount=42.50',
    ]);
  });

  it('reliability-isolation: read_committed skips the aborted transaction and waits at the LSO; read_uncommitted does not', () => {
    const id = 'reliability-isolation';
    const offsets = (out: string) => [...out.matchAll(/payments-0@(\d+)/g)].map((m) => Number(m[1]));
    const c = embed(id);
    expect(offsets(press(c, id, 'Poll rc (read_committed)').stdout)).toEqual([4, 5]);
    expect(offsets(press(c, id, 'Poll ru (read_uncommitted)').stdout)).toEqual([0, 1, 2, 4, 5]);
    press(c, id, 'Begin a transaction');
    press(c, id, 'Send pay-6 in it');
    expect(press(c, id, 'Flush tx (wait for the acknowledgements)').stdout).toBe('payments-0@7');
    expect(offsets(press(c, id, 'Poll ru (read_uncommitted)').stdout)).toEqual([7]);
    expect(press(c, id, 'Poll rc (read_committed)').stdout).toBe('(no records)');
    press(c, id, 'Commit it');
    expect(offsets(press(c, id, 'Poll rc (read_committed)').stdout)).toEqual([7]);

    const aborted = embed(id);
    press(aborted, id, 'Poll rc (read_committed)');
    press(aborted, id, 'Begin a transaction');
    press(aborted, id, 'Send pay-6 in it');
    press(aborted, id, 'Abort it');
    aborted.run('clock advance 1s');
    expect(press(aborted, id, 'Poll rc (read_committed)').stdout).toBe('(no records)');
  });

  it('reliability-open-transaction: the open transaction holds back a plain record; commit releases all three; a timeout aborts and fences', () => {
    const id = 'reliability-open-transaction';
    const c = embed(id);
    expect(press(c, id, 'Poll rc').stdout).toBe('(no records)');
    expect(press(c, id, 'Describe group committed-view').stdout).toMatch(
      /committed-view\s+payments\s+0\s+-\s+3\s/,
    );
    const producers = press(c, id, 'Describe producers of payments-0').stdout.split('\n');
    expect(producers[1].split('\t').map((x) => x.trim())).toEqual(['0', '0', '-1', '1', '0', '0', '']);
    press(c, id, 'Commit the transaction');
    expect(
      press(c, id, 'Poll rc')
        .stdout.split('\n')
        .map((l) => l.split(' ')[1]),
    ).toEqual(['key=pay-1', 'key=pay-2', 'key=pay-3']);

    const t = embed(id);
    press(t, id, 'Advance 60 s (transaction.timeout.ms)');
    expect(press(t, id, 'Poll rc').stdout).toBe('payments-0@2 key=pay-3 value=amount=30.00');
    expect(press(t, id, 'Abort the transaction').stderr).toContain('ProducerFencedException');
  });

  it('reliability-zombie: the replacement fences the old instance; only its invoice is committed', () => {
    const id = 'reliability-zombie';
    const c = embed(id);
    press(c, id, 'Start invoicer-b with the same transactional.id');
    const markers = c.narration.filter((e) => /abort/i.test(e.reason) && /offset 2/.test(e.reason));
    expect(markers.length, 'the timeline narrates the abort marker at offset 2').toBeGreaterThan(0);
    expect(press(c, id, 'invoicer-a tries to commit').stderr).toContain(
      'ProducerFencedException: There is a newer producer with the same transactionalId which fences the current one.',
    );
    press(c, id, 'invoicer-b begins');
    press(c, id, 'invoicer-b sends order-7');
    expect(press(c, id, 'invoicer-b commits').stdout).toContain('[invoicer-b] invoices-0@3');
    expect(press(c, id, 'Read invoices (read_committed)').stdout).toBe('Offset:3\torder-7\tinvoice=42.50');
  });

  it('reliability-eos: billing (read_committed) gets each invoice once; raw gets the aborted attempt too', () => {
    const id = 'reliability-eos';
    const offsets = (out: string) => [...out.matchAll(/invoices-0@(\d+)/g)].map((m) => Number(m[1]));
    const c = embed(id);
    expect(press(c, id, 'Poll billing-1 (read_committed)').stdout).toBe('(no records)');
    expect(offsets(press(c, id, 'Poll raw-1 (read_uncommitted)').stdout)).toEqual([0, 1, 2]);
    for (const l of [
      '1. Restart: invoicer-b with transactional.id invoicer-0',
      '2. invoicer-b begins',
      '3. Re-send invoice for order-1',
      '4. Re-send invoice for order-2',
      '5. Re-send invoice for order-3',
    ])
      press(c, id, l);
    expect(offsets(press(c, id, 'Flush invoicer-b (wait for the acknowledgements)').stdout)).toEqual([
      4, 5, 6,
    ]);
    press(c, id, '6. invoicer-b commits');
    expect(offsets(press(c, id, 'Poll billing-1 (read_committed)').stdout)).toEqual([4, 5, 6]);
    expect(offsets(press(c, id, 'Poll raw-1 (read_uncommitted)').stdout)).toEqual([4, 5, 6]);
  });
});
