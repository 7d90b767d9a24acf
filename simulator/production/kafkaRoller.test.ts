import { describe, expect, it } from 'vitest';
import { canRoll, type RollerNode, type RollerPartition, rollingOrder } from './kafkaRoller';

const node = (id: number, controller: boolean, broker: boolean, ready = true): RollerNode => ({
  id,
  controller,
  broker,
  ready,
});
const part = (isr: number[], minIsr = 2, replicas = [1, 2, 3]): RollerPartition => ({
  topic: 'orders',
  partition: 0,
  replicas,
  isr,
  minIsr,
});

describe('Strimzi rolling restarts (KafkaRoller, KafkaAvailability)', () => {
  it('rolls controllers before brokers, unready pods first, the active controller last', () => {
    const nodes = [
      node(100, true, false),
      node(101, true, false),
      node(102, true, false, false),
      node(0, false, true),
      node(1, false, true, false),
      node(2, false, true),
    ];
    expect(rollingOrder(nodes, 100)).toEqual([102, 101, 100, 1, 0, 2]);
  });

  it('a broker in an ISR of exactly min.insync.replicas must wait: restarting it would block acks=all writes', () => {
    const v = canRoll(3, [part([2, 3])]);
    expect(v.canRoll).toBe(false);
    if (!v.canRoll)
      expect(v.reason).toBe(
        'orders/0 will be under-replicated (ISR={2,3}, replicas=[1,2,3], min.insync.replicas=2) if broker 3 is restarted.',
      );
    expect(canRoll(1, [part([2, 3])]).canRoll).toBe(true);
  });

  it('with a full ISR any one broker may be restarted', () => {
    for (const b of [1, 2, 3]) expect(canRoll(b, [part([1, 2, 3])]).canRoll).toBe(true);
  });

  it('an already under-replicated partition blocks every broker that has a replica of it, in the ISR or not', () => {
    const inIsr = canRoll(2, [part([2], 2)]);
    const outOfIsr = canRoll(3, [part([2], 2)]);
    expect(inIsr.canRoll || outOfIsr.canRoll).toBe(false);
    if (!outOfIsr.canRoll)
      expect(outOfIsr.reason).toContain('broker 3 has a replica, so should not be restarted right now');
  });

  it('partitions with no more replicas than min.insync.replicas are ignored (no order could help them)', () => {
    expect(canRoll(1, [part([1, 2], 2, [1, 2])]).canRoll).toBe(true);
  });
});
