// The scaling lesson's "try this" steps, performed against each embed's preset and checked against its text.
import { describe, expect, it } from 'vitest';
import type { SimController } from '@/components/sim-runtime/SimController';
import { embed, pressIn } from './lessonSteps.testkit';

const press = pressIn('scaling');

/** "Partition: N ... Leader: L ... Replicas: R ... Isr: I" rows of a describe, by partition. */
function rows(out: string): Record<number, { leader: string; replicas: string; isr: string }> {
  const r: Record<number, { leader: string; replicas: string; isr: string }> = {};
  for (const m of out.matchAll(/Partition: (\d+)\tLeader: (\S+)\tReplicas: (\S+)\tIsr: (\S*)\t/g))
    r[Number(m[1])] = { leader: m[2], replicas: m[3], isr: m[4] };
  return r;
}

const since = (c: SimController, t: number, type: string) =>
  c.narration.filter((e) => e.time >= t && e.type === type).map((e) => e.reason);

describe('scaling lesson: each embed does what its steps say', () => {
  it('scaling-add-broker: a new broker gets nothing of existing topics, and a share of new ones', () => {
    const id = 'scaling-add-broker';
    const c = embed(id);
    press(c, id, 'Add a broker');
    press(c, id, 'Advance the clock 5 s (the new broker registers)');
    expect(since(c, 0, 'brokerUnfenced').join()).toContain('broker 4 caught up with the metadata log');
    const orders = rows(press(c, id, 'Describe orders').stdout);
    expect(Object.values(orders).some((r) => r.replicas.includes('4'))).toBe(false);
    press(c, id, 'Create topic invoices (4 partitions, RF 2)');
    const invoices = rows(press(c, id, 'Describe invoices').stdout);
    expect([2, 3].every((p) => invoices[p].replicas.split(',').includes('4'))).toBe(true);
    expect(invoices[2].leader).toBe('4');
  });

  it('scaling-reassign: in progress at once, completed after 10 s; partition 4 follows its new first replica', () => {
    const id = 'scaling-reassign';
    const c = embed(id);
    expect(press(c, id, 'Execute plan.json').stdout).toContain(
      'Successfully started partition reassignments for orders-1,orders-2,orders-4',
    );
    expect(press(c, id, 'Verify the reassignment').stdout.match(/still in progress/g)).toHaveLength(3);
    press(c, id, 'Advance the clock 10 s');
    const verified = press(c, id, 'Verify the reassignment').stdout;
    expect(verified.match(/is completed\./g)).toHaveLength(3);
    expect(verified).toContain('Clearing broker-level throttles');
    const after = rows(press(c, id, 'Describe orders').stdout);
    expect(after[4]).toEqual({ leader: '4', replicas: '4,1', isr: '1,4' });
    press(c, id, 'Elect preferred leaders');
    expect(rows(press(c, id, 'Describe orders').stdout)).toEqual(after);
  });

  it('scaling-isr: fencing shrinks the ISR; a stalled fetcher is removed by the leader after replica.lag.time.max.ms', () => {
    const id = 'scaling-isr';
    const c = embed(id);
    press(c, id, 'Stop broker 3');
    press(c, id, 'Advance the clock 10 s');
    expect(rows(press(c, id, 'Describe payments').stdout)[0].isr).toBe('1,2');
    press(c, id, 'Stop broker 2');
    press(c, id, 'Advance the clock 10 s');
    press(c, id, 'Send a payment');
    const refused = press(c, id, 'Advance the clock 10 s');
    expect(refused.stderr).toContain('Error: NOT_ENOUGH_REPLICAS (');
    press(c, id, 'Start broker 2');
    press(c, id, 'Start broker 3');
    expect(press(c, id, 'Advance the clock 30 s').stdout).toContain('[ledger] payments-0@3');
    expect(rows(press(c, id, 'Describe payments').stdout)[0].isr).toBe('1,2,3');
    press(c, id, "Stall broker 3's replica fetcher");
    press(c, id, 'Send a payment');
    const t = c.read().now();
    expect(press(c, id, 'Advance the clock 30 s').stdout).not.toContain('[ledger]');
    const second = press(c, id, 'Advance the clock 30 s');
    expect(second.stdout).toContain('[ledger] payments-0@4');
    expect(second.stderr).toContain('Disconnected from node 1 due to timeout');
    expect(since(c, t, 'isrChanged').join()).toContain('not caught up within replica.lag.time.max.ms=30000');
    expect(rows(press(c, id, 'Describe payments').stdout)[0].isr).toBe('1,2');
    press(c, id, "Resume broker 3's replica fetcher");
    press(c, id, 'Advance the clock 10 s');
    expect(rows(press(c, id, 'Describe payments').stdout)[0].isr).toBe('1,2,3');
  });

  it('scaling-leader-election: broker 2 takes partition 0; broker 1 comes back as a follower until a preferred election', () => {
    const id = 'scaling-leader-election';
    const c = embed(id);
    press(c, id, 'Stop broker 1');
    press(c, id, 'Advance the clock 10 s');
    const down = rows(press(c, id, 'Describe orders').stdout);
    expect(down[0].leader).toBe('2');
    expect(Object.values(down).every((r) => !r.isr.split(',').includes('1'))).toBe(true);
    press(c, id, 'Start broker 1');
    press(c, id, 'Advance the clock 10 s');
    const back = rows(press(c, id, 'Describe orders').stdout);
    expect(Object.values(back).every((r) => r.isr.split(',').includes('1'))).toBe(true);
    expect(Object.values(back).some((r) => r.leader === '1')).toBe(false);
    expect(press(c, id, 'Elect preferred leaders').stdout).toBe(
      'Successfully completed leader election (PREFERRED) for partitions orders-0',
    );
    expect(rows(press(c, id, 'Describe orders').stdout)[0].leader).toBe('1');
  });

  it('scaling-unclean: the out-of-sync replica leads, the old leader truncates, acknowledged offsets 3-5 are lost and reused', () => {
    const id = 'scaling-unclean';
    const c = embed(id);
    expect(rows(press(c, id, 'Describe metrics').stdout)[0].isr).toBe('1');
    press(c, id, 'Stop broker 1 (the leader)');
    press(c, id, 'Start broker 2');
    press(c, id, 'Advance the clock 5 min');
    expect(rows(press(c, id, 'Describe metrics').stdout)[0]).toMatchObject({ leader: '2', isr: '2' });
    const t = c.read().now();
    press(c, id, 'Start broker 1');
    press(c, id, 'Advance the clock 5 min');
    expect(since(c, t, 'replicaTruncated').join()).toContain('broker 1 truncated metrics-0 from LEO 6 to 3');
    const read = press(c, id, 'Read metrics from the start').stdout.split('\n');
    expect(read.map((l) => l.split('\t')[0])).toEqual(['Offset:0', 'Offset:1', 'Offset:2']);
    c.run('producer send agent metrics --key host-9 cpu=50');
    const t2 = c.read().now();
    // The client sees Errors.OUT_OF_ORDER_SEQUENCE_NUMBER's default message (the produce response carries no
    // error message: ReplicaManager's LogAppendResult#errorMessage); the sequence numbers are in the broker's log.
    const flushed = c.run('producer flush agent').stderr;
    expect(flushed).toContain(
      'org.apache.kafka.common.errors.OutOfOrderSequenceException: The broker received an out of order sequence number.',
    );
    expect(flushed).not.toContain('incoming seq. number');
    expect(since(c, t2, 'produceRejected').join()).toContain(
      "broker 1's log: ERROR [ReplicaManager broker=1] Error processing append operation on partition metrics-0 org.apache.kafka.common.errors.OutOfOrderSequenceException: Out of order sequence number for producer 0 at offset 3 in partition metrics-0: 6 (incoming seq. number), 2 (current end sequence number)",
    );
    c.run('producer create agent-2');
    c.run('producer send agent-2 metrics --key host-9 cpu=50');
    expect(c.run('producer flush agent-2').stdout).toBe('metrics-0@3');
  });
});
