// More than one cluster in one simulation: each its own brokers, controllers, topics, logs and groups, on one
// clock, replayed from one command log.
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../index';
import { advance, must } from '../testing/sim.testkit';

const inWest = <C>(command: C) => ({
  type: 'clusterRun' as const,
  cluster: 'west',
  command: command as never,
});

function twoClusters(): Simulation {
  const s = new Simulation({ seed: 42, brokers: 3 });
  must(s, { type: 'clusterCreate', name: 'west', first: 'east', brokers: 2 });
  return s;
}

describe('clusters of one simulation (clusterCreate, clusterRun)', () => {
  it('a second cluster has brokers, controllers, topics and a cluster id of its own', () => {
    const s = twoClusters();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    must(s, inWest({ type: 'createTopic', topic: 'payments', partitions: 1, replicationFactor: 2 }));
    const east = readModel(s);
    const west = east.cluster('west');
    expect(east.topics().map((t) => t.name)).toEqual(['orders']);
    expect(west?.topics().map((t) => t.name)).toEqual(['payments']);
    expect(west?.brokers().map((b) => b.id)).toEqual([1, 2]);
    expect(west?.controllers()).toHaveLength(3);
    expect(west?.clusterId()).not.toBe(east.clusterId());
    expect(east.clusters()?.map((c) => [c.name, c.first, c.brokers, c.topics])).toEqual([
      ['east', true, 3, 1],
      ['west', false, 2, 1],
    ]);
    // Kafka's own rule holds there too: a replication factor above that cluster's brokers is refused.
    const r = s.dispatch(inWest({ type: 'createTopic', topic: 'x', partitions: 1, replicationFactor: 3 }));
    expect(r.ok || r.error.code).toBe('INVALID_REPLICATION_FACTOR');
  });

  it("another cluster's clients produce and consume there, on the simulation's one clock", () => {
    const s = twoClusters();
    must(s, inWest({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 2 }));
    must(s, inWest({ type: 'producerCreate', name: 'p' }));
    must(s, inWest({ type: 'producerSend', producer: 'p', topic: 'orders', key: 'k', value: 'v' }));
    must(s, inWest({ type: 'producerFlush', producer: 'p' }));
    expect(readModel(s).cluster('west')?.partition('orders', 0)?.highWatermark).toBe(1);
    expect(s.state.clusters?.west.tasks).toEqual([]); // every task waits in the simulation's one queue
    advance(s, 10_000);
    expect(s.state.clusters?.west.now).toBe(s.state.now);
    // The first cluster has no such topic: a send there is not a send to west.
    must(s, { type: 'producerCreate', name: 'p' });
    const other = readModel(s).producer('p');
    expect(other?.name).toBe('p');
    expect(readModel(s).topic('orders')).toBeNull();
  });

  it("events of another cluster carry its name; the first cluster's carry none", () => {
    const s = twoClusters();
    const west = must(s, inWest({ type: 'createTopic', topic: 'a', partitions: 1, replicationFactor: 1 }));
    const east = must(s, { type: 'createTopic', topic: 'b', partitions: 1, replicationFactor: 1 });
    expect(west.events.find((e) => e.type === 'topicCreated')).toMatchObject({ cluster: 'west' });
    expect(east.events.find((e) => e.type === 'topicCreated')).not.toHaveProperty('cluster');
  });

  it('replay of the command log rebuilds both clusters exactly (determinism)', () => {
    const s = twoClusters();
    must(s, inWest({ type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 2 }));
    must(s, inWest({ type: 'brokerStop', id: 2 }));
    advance(s, 20_000);
    expect(Simulation.replay(s.init, s.log).serialize()).toBe(s.serialize());
  });

  it('a single-cluster simulation carries nothing of it (its state is what it was)', () => {
    const s = new Simulation({ seed: 42, brokers: 3 });
    must(s, { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
    expect(Object.keys(s.state)).not.toContain('clusters');
    expect(readModel(s).clusters()).toBeNull();
  });

  it('unknown clusters and bad names get clear errors', () => {
    const s = new Simulation({ seed: 42, brokers: 3 });
    const unnamed = s.dispatch({ type: 'clusterCreate', name: 'west' });
    expect(unnamed.ok || unnamed.error.message).toContain('--first east');
    const lone = s.dispatch(inWest({ type: 'createTopic', topic: 'a' }));
    expect(lone.ok || lone.error.message).toContain('the simulation has one cluster');
    must(s, { type: 'clusterCreate', name: 'west', first: 'east' });
    const north = s.dispatch({
      type: 'clusterRun',
      cluster: 'north',
      command: { type: 'createTopic', topic: 'a' },
    });
    expect(north.ok || north.error.message).toBe(
      "Unknown cluster 'north': the simulation has the clusters east, west.",
    );
    expect(s.dispatch({ type: 'clusterCreate', name: 'west' }).ok).toBe(false);
    expect(s.dispatch({ type: 'clusterCreate', name: 'localhost' }).ok).toBe(false);
    expect(s.dispatch({ type: 'clusterCreate', name: 'Bad_Name' }).ok).toBe(false);
    expect(s.dispatch(inWest({ type: 'simReset', brokers: 3, seed: 1 })).ok).toBe(false);
  });

  it('sim reset starts over with one cluster', () => {
    const s = twoClusters();
    must(s, { type: 'clusterUse', name: 'west' });
    must(s, { type: 'simReset', brokers: 3, seed: 42 });
    expect(readModel(s).clusters()).toBeNull();
    expect(s.state.clusterInUse).toBeUndefined();
  });
});
