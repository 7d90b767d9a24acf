// The cluster an embed's views show with two clusters (two regions): the pick is UI state (never in the
// simulation's log), the views read that cluster's own brokers, topics, groups and logs, and their buttons
// send their lines to it with --bootstrap-server, as a client of that region would.
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { ClusterView } from '../sim-views/ClusterView';
import { GroupView } from '../sim-views/GroupView';
import { PartitionLogView } from '../sim-views/PartitionLogView';
import { SimController } from './SimController';
import {
  eventsOfCluster,
  lineOnCluster,
  shownClusterOf,
  shownReadNow,
  useShownClusterStore,
} from './shownCluster';
import { SimContext } from './useSimulation';

const twoRegions = {
  seed: 42,
  brokers: 3,
  setup: [
    'cluster create west --first east --brokers 2',
    'kafka-topics.sh --bootstrap-server east:9092 --create --topic orders --partitions 1 --replication-factor 3',
    'kafka-topics.sh --bootstrap-server west:9092 --create --topic payments --partitions 2 --replication-factor 2',
    'consumer create w1 --group billing --topics payments --bootstrap-server west:9092',
  ],
};

function render(c: SimController, view: () => ReactElement): string {
  return renderToStaticMarkup(createElement(SimContext.Provider, { value: c }, view()));
}

afterEach(() => useShownClusterStore.setState({ picks: new Map() }));

describe('the cluster the views show (two regions)', () => {
  it('follows the console’s cluster use until the reader picks one; one cluster: none', () => {
    const c = new SimController(twoRegions);
    expect(c.setupError).toBeNull();
    const clusters = c.read().clusters();
    expect(shownClusterOf(null, 'west')).toBeNull();
    expect(shownClusterOf(clusters, undefined)?.name).toBe('east');
    c.run('cluster use west');
    expect(shownClusterOf(c.read().clusters(), undefined)?.name).toBe('west');
    expect(shownClusterOf(c.read().clusters(), 'east')?.name).toBe('east');
    // A pick of a cluster that does not exist (a link from another preset) falls back to cluster use.
    expect(shownClusterOf(c.read().clusters(), 'north')?.name).toBe('west');
  });

  it('a pick is UI state: it never enters the command log, and the read model is that cluster’s own', () => {
    const c = new SimController(twoRegions);
    const before = [...c.log];
    useShownClusterStore.getState().pick(c, 'west');
    expect(c.log).toEqual(before);
    const west = shownReadNow(c);
    expect(west.brokers().map((b) => b.id)).toEqual([1, 2]);
    expect(west.topic('payments')?.partitions).toHaveLength(2);
    expect(west.topic('orders')).toBeNull();
    useShownClusterStore.getState().pick(c, null);
    expect(shownReadNow(c).topic('orders')).not.toBeNull();
  });

  it('a button line goes to the cluster shown: broker stop 2 on west stops west’s broker 2, not east’s', () => {
    const c = new SimController(twoRegions);
    const west = shownClusterOf(c.read().clusters(), 'west');
    const line = lineOnCluster('broker stop 2', west);
    expect(line).toBe('broker stop 2 --bootstrap-server west:9092');
    expect(c.run(line).ok).toBe(true);
    const state = (read: ReturnType<SimController['read']> | null, id: number) =>
      read?.brokers().find((b) => b.id === id)?.state;
    expect(state(c.read().cluster('west'), 2)).toBe('stopped');
    expect(state(c.read(), 2)).toBe('online');
    expect(lineOnCluster('broker stop 2', null)).toBe('broker stop 2');
  });

  it('the map animates only the shown cluster’s events (another cluster’s carry its name)', () => {
    const c = new SimController(twoRegions);
    const events = c.simulation.events;
    const clusters = c.read().clusters();
    const east = eventsOfCluster(events, shownClusterOf(clusters, 'east'));
    const west = eventsOfCluster(events, shownClusterOf(clusters, 'west'));
    expect(west.length).toBeGreaterThan(0);
    expect(west.every((e) => (e as { cluster?: string }).cluster === 'west')).toBe(true);
    expect(east.some((e) => (e as { cluster?: string }).cluster !== undefined)).toBe(false);
    expect(east.length + west.length).toBe(events.length);
  });

  // Server rendering reads the store's initial state (no pick), so here the views follow `cluster use west`.
  it('the cluster, group and log views render the cluster shown, with a “Show cluster west” button pressed', () => {
    const c = new SimController(twoRegions);
    const eastHtml = render(c, () => createElement(ClusterView));
    expect(eastHtml).toContain('aria-label="Show cluster west"');
    expect(eastHtml).toMatch(/aria-label="Show cluster east"[^>]*aria-pressed="true"/);
    expect(eastHtml).toContain('orders');
    expect(eastHtml).not.toContain('payments');
    c.run('cluster use west');
    const westHtml = render(c, () => createElement(ClusterView));
    expect(westHtml).toMatch(/aria-label="Show cluster west"[^>]*aria-pressed="true"/);
    expect(westHtml).toContain('payments');
    expect(westHtml).not.toContain('orders');
    expect(render(c, () => createElement(GroupView))).toContain('billing');
    expect(render(c, () => createElement(PartitionLogView))).toContain('payments-0');
  });
});
