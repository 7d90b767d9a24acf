import { describe, expect, it } from 'vitest';
import { advance, must } from '../../testing/sim.testkit';
import { config, consumerCluster, polled, produce } from '../consumer.testkit';

function setup() {
  const sim = consumerCluster({ topics: { orders: 2 } });
  produce(sim, 'orders', 0, 5);
  produce(sim, 'orders', 1, 3);
  must(sim, {
    type: 'consumerCreate',
    name: 'c1',
    config: config('g', ['orders'], { enableAutoCommit: false }),
  });
  advance(sim, 3_100); // group.initial.rebalance.delay.ms
  return sim;
}

describe('consumer seek and explicit commits', () => {
  it('KafkaConsumer#seekToBeginning moves every assigned partition to its log start, whatever was committed', () => {
    const sim = setup();
    must(sim, {
      type: 'consumerCommit',
      name: 'c1',
      offsets: [{ topic: 'orders', partition: 0, offset: 4 }],
    });
    must(sim, { type: 'consumerSeek', name: 'c1', to: { kind: 'beginning' } });
    expect(polled(sim, 'c1').sort()).toEqual(['0@0', '0@1', '0@2', '0@3', '0@4', '1@0', '1@1', '1@2']);
  });

  it("RD_KAFKA_OFFSET_TAIL(n) (kcat -o -n) starts n records before each partition's end; seekToEnd reads nothing old", () => {
    const sim = setup();
    const r = must(sim, { type: 'consumerSeek', name: 'c1', to: { kind: 'tail', count: 2 } });
    expect(r.ok && r.data.positions).toEqual([
      { topic: 'orders', partition: 0, offset: 3 },
      { topic: 'orders', partition: 1, offset: 1 },
    ]);
    expect(polled(sim, 'c1').sort()).toEqual(['0@3', '0@4', '1@1', '1@2']);
    must(sim, { type: 'consumerSeek', name: 'c1', to: { kind: 'end' } });
    expect(polled(sim, 'c1')).toEqual([]);
  });

  it('seek before any assignment is refused as KafkaConsumer#seek refuses it (IllegalStateException)', () => {
    const sim = consumerCluster({ topics: { orders: 1 } });
    must(sim, { type: 'consumerCreate', name: 'c1', config: config('g', ['orders']) });
    const r = sim.dispatch({ type: 'consumerSeek', name: 'c1', to: { kind: 'beginning' } });
    expect(r.ok).toBe(false);
  });

  it('commitSync(Map<TopicPartition, OffsetAndMetadata>) commits exactly the offsets given, not the positions', () => {
    const sim = setup();
    must(sim, { type: 'consumerSeek', name: 'c1', to: { kind: 'beginning' } });
    polled(sim, 'c1');
    must(sim, {
      type: 'consumerCommit',
      name: 'c1',
      offsets: [{ topic: 'orders', partition: 1, offset: 2 }],
    });
    const offsets = sim.state.areas.consumers.groups.g.offsets;
    expect(Object.keys(offsets)).toEqual(['orders-1']);
    expect(offsets['orders-1'].offset).toBe(2);
    const bad = sim.dispatch({
      type: 'consumerCommit',
      name: 'c1',
      offsets: [{ topic: 'orders', partition: 7, offset: 1 }],
    });
    expect(bad.ok).toBe(false);
  });
});
