// The live mode's feed against the real controller: a stream of another Simulation's command log rebuilds
// exactly that Simulation in the playground's controller (the simulator is deterministic).
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { type Command, type SimEvent, Simulation } from '@/simulator';
import { LiveFeed, type LiveStatus, liveStatusText } from './liveFeed';
import { SimController, type SimInitSpec } from './SimController';

/** The server side: a Simulation driven by console lines; its log is what the stream carries. */
function serverSim(lines: string[]): Simulation {
  const sim = new Simulation({ seed: 7, brokers: 3 });
  const session = consoleFor(sim);
  for (const line of lines) session.runBlock(line);
  return sim;
}

function harness() {
  const statuses: LiveStatus[] = [];
  const started: SimInitSpec[] = [];
  let resyncs = 0;
  const feed = new LiveFeed({
    start: (spec) => started.push(spec),
    status: (s) => statuses.push(s),
    resync: () => {
      resyncs++;
    },
  });
  const send = (event: string, data: unknown) => feed.receive(event, JSON.stringify(data));
  return { feed, statuses, started, send, resyncs: () => resyncs };
}

describe('LiveFeed: the server command stream replayed into a SimController', () => {
  it('init (seed, brokers, log so far) then live batches rebuild the server Simulation exactly', () => {
    const server = serverSim([
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3',
      'kafka-console-producer.sh --topic orders --property parse.key=true <<EOF\na:1\nb:2\nEOF',
    ]);
    const h = harness();
    const firstPart = server.log.length;
    h.send('init', { seed: 7, brokers: 3, commands: server.log });
    expect(h.started).toEqual([{ seed: 7, brokers: 3, setup: [] }]);
    const controller = new SimController(h.started[0]);
    const animated: SimEvent[][] = [];
    controller.onEvents((events) => animated.push(events));
    h.feed.attach(controller);
    expect(controller.simulation.serialize()).toBe(server.serialize());
    expect(animated).toEqual([]); // the catch-up replay does not animate

    consoleFor(server).runBlock(
      'kafka-topics.sh --create --topic payments --partitions 1 --replication-factor 1',
    );
    h.send('commands', { from: firstPart, commands: server.log.slice(firstPart) });
    expect(controller.simulation.serialize()).toBe(server.serialize());
    expect(
      controller
        .read()
        .topics()
        .map((t) => t.name),
    ).toContain('payments');
    expect(animated.length).toBe(1);
    expect(h.statuses.at(-1)).toEqual({ state: 'connected', commands: server.log.length });
    expect(liveStatusText(h.statuses.at(-1) as LiveStatus)).toBe(
      `Live: connected to kafka-sim, ${server.log.length} commands`,
    );

    // time travel rebuilds the Simulation: the live commands are replayed after the setup
    controller.run('kafka-topics.sh --create --topic local --partitions 1 --replication-factor 1');
    controller.seek(0);
    expect(controller.simulation.serialize()).toBe(server.serialize());
  });

  it('commands that arrive before the controller exists are applied when it is attached', () => {
    const server = serverSim(['kafka-topics.sh --create --topic a --partitions 2 --replication-factor 2']);
    const h = harness();
    h.send('init', { seed: 7, brokers: 3, commands: [] });
    h.send('commands', { from: 0, commands: server.log });
    const controller = new SimController(h.started[0]);
    h.feed.attach(controller);
    expect(controller.simulation.serialize()).toBe(server.serialize());
  });

  it('a controller built for another spec (a preset loaded meanwhile) is not fed', () => {
    const h = harness();
    h.send('init', { seed: 7, brokers: 3, commands: [] });
    const other = new SimController({ seed: 7, brokers: 3, setup: [] });
    h.feed.attach(other);
    const cmd: Command = { type: 'createTopic', topic: 'x', partitions: 1, replicationFactor: 1 };
    h.send('commands', { from: 0, commands: [cmd] });
    expect(other.read().topics()).toEqual([]);
  });

  it('a gap in the stream asks for a reconnect instead of applying out of order', () => {
    const h = harness();
    h.send('init', { seed: 7, brokers: 3, commands: [] });
    const controller = new SimController(h.started[0]);
    h.feed.attach(controller);
    const cmd: Command = { type: 'createTopic', topic: 'x', partitions: 1, replicationFactor: 1 };
    h.send('commands', { from: 5, commands: [cmd] });
    expect(h.resyncs()).toBe(1);
    expect(controller.read().topics()).toEqual([]);
    expect(h.statuses.at(-1)?.state).toBe('error');
    h.feed.disconnected();
    expect(liveStatusText(h.statuses.at(-1) as LiveStatus)).toMatch(/^Live: disconnected from kafka-sim/);
  });
});
