// The controller against the real console and simulator: the command log, time travel, live events, and
// what the views read (the read model) agreeing with the console and the challenge goals.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import defaultPreset from '@/content/playground/playground-default.json';
import { evaluateGoal } from '@/simulator';
import { GroupView } from '../sim-views/GroupView';
import { ProducerView } from '../sim-views/ProducerView';
import { mergeClockAdvance, SimController } from './SimController';
import { SimContext } from './useSimulation';

const empty = { seed: 42, brokers: 3, setup: [] as string[] };
const spec = { seed: defaultPreset.seed, brokers: defaultPreset.brokers, setup: defaultPreset.setup };
const topics = (c: SimController) =>
  c
    .read()
    .topics()
    .map((t) => t.name);

describe('SimController (command log, time travel) over the real console', () => {
  it('runs the setup, logs state-changing lines only, and replays to any step', () => {
    const c = new SimController({
      ...empty,
      setup: ['kafka-topics.sh --create --topic a --partitions 1 --replication-factor 1'],
    });
    expect(c.setupError).toBeNull();
    c.run('kafka-topics.sh --create --topic b --partitions 1 --replication-factor 1');
    c.run('kafka-topics.sh --list');
    c.run('kafka-topics.sh --create --topic c --partitions 1 --replication-factor 1');
    c.run('no-such-command');
    c.run('kafka-topics.sh --create --topic c --partitions 1 --replication-factor 1');
    expect(c.log).toEqual([
      'kafka-topics.sh --create --topic b --partitions 1 --replication-factor 1',
      'kafka-topics.sh --create --topic c --partitions 1 --replication-factor 1',
    ]);
    c.seek(1);
    expect(topics(c)).toEqual(['a', 'b']);
    c.seek(0);
    expect(topics(c)).toEqual(['a']);
    c.seek(2);
    expect(topics(c)).toEqual(['a', 'b', 'c']);
  });

  it('drops the later steps when a command runs after scrubbing back (like typing after undo)', () => {
    const c = new SimController(empty);
    c.run('broker stop 1');
    c.run('broker stop 2');
    c.seek(1);
    c.run('broker isolate 3');
    expect(c.log).toEqual(['broker stop 1', 'broker isolate 3']);
    expect(
      c
        .read()
        .brokers()
        .map((b) => b.state),
    ).toEqual(['stopped', 'online', 'isolated']);
  });

  it('asks the branch guard before a changing line drops the later steps; a refusal keeps them and runs nothing', () => {
    const c = new SimController(empty);
    c.run('broker stop 1');
    c.run('broker stop 2');
    c.seek(1);
    const asked: [string, number][] = [];
    c.setBranchGuard((line, dropped) => {
      asked.push([line, dropped]);
      return false;
    });
    const refused = c.run('broker isolate 3');
    expect(refused.ok).toBe(false);
    expect(refused.stderr).toContain('1 later step');
    expect(asked).toEqual([['broker isolate 3', 1]]);
    expect(c.log).toEqual(['broker stop 1', 'broker stop 2']);
    expect(c.cursor).toBe(1);
    expect(
      c
        .read()
        .brokers()
        .map((b) => b.state),
    ).toEqual(['stopped', 'online', 'online']);
    // A read-only line drops nothing, so nothing is asked.
    c.run('kafka-topics.sh --list');
    expect(asked).toHaveLength(1);
    c.setBranchGuard(() => true);
    expect(c.run('broker isolate 3').ok).toBe(true);
    expect(c.log).toEqual(['broker stop 1', 'broker isolate 3']);
    expect(
      c
        .read()
        .brokers()
        .map((b) => b.state),
    ).toEqual(['stopped', 'online', 'isolated']);
  });

  it('sets the dropped steps aside: switching branches brings them back, and switching again returns', () => {
    const c = new SimController(empty);
    c.run('broker stop 1');
    c.run('broker stop 2');
    c.run('broker stop 3');
    c.seek(1);
    c.run('broker isolate 3');
    expect(c.setAside).toMatchObject({ line: 'broker isolate 3', dropped: 2, cursor: 1 });
    c.switchBranch();
    expect(c.log).toEqual(['broker stop 1', 'broker stop 2', 'broker stop 3']);
    expect(c.cursor).toBe(1);
    c.seek(3);
    expect(
      c
        .read()
        .brokers()
        .map((b) => b.state),
    ).toEqual(['stopped', 'stopped', 'stopped']);
    expect(c.setAside).toMatchObject({ dropped: 1, lines: ['broker stop 1', 'broker isolate 3'] });
    c.switchBranch();
    expect(c.log).toEqual(['broker stop 1', 'broker isolate 3']);
    c.seek(2);
    expect(
      c
        .read()
        .brokers()
        .map((b) => b.state),
    ).toEqual(['stopped', 'online', 'isolated']);
    c.reset();
    expect(c.setAside).toBeNull();
  });

  it('sends live events to animation listeners but not replayed ones', () => {
    const c = new SimController(empty);
    const seen: string[] = [];
    c.onEvents((events) => seen.push(...events.map((e) => e.type)));
    c.run('broker stop 1');
    c.run('broker start 1');
    const live = seen.length;
    expect(seen).toContain('brokerStopped');
    expect(seen).toContain('brokerStarted');
    c.seek(0);
    c.seek(2);
    expect(seen).toHaveLength(live);
    c.seek(1);
    c.seek(2); // one step forward animates
    expect(seen.slice(live)).toContain('brokerStarted');
  });

  it('replays a shared log given at construction', () => {
    const c = new SimController({ ...empty, lines: ['broker stop 2', 'clock advance 10s'] });
    expect(c.cursor).toBe(2);
    expect(c.read().now()).toBe(10_000);
    expect(c.read().brokers()[1].state).toBe('stopped');
  });

  it('merges consecutive clock advances into one step', () => {
    expect(mergeClockAdvance('clock advance 100ms', 'clock advance 250ms')).toBe('clock advance 350ms');
    expect(mergeClockAdvance('broker stop 1', 'clock advance 250ms')).toBeNull();
    const c = new SimController(empty);
    c.run('clock advance 100ms');
    c.run('clock advance 100ms');
    expect(c.log).toEqual(['clock advance 200ms']);
    expect(c.read().now()).toBe(200);
  });

  it('stopping the leader of orders-0 moves leadership to another ISR member (KRaft fences it after broker.session.timeout.ms)', () => {
    const c = new SimController(spec);
    const leader = c.read().partition('orders', 0)?.leader;
    c.run(`broker stop ${leader}`);
    c.run('clock advance 10s');
    const after = c.read().partition('orders', 0);
    expect(after?.leader).not.toBe(leader);
    expect(after?.leader).not.toBeNull();
    expect(after?.isr).not.toContain(leader);
  });

  it('scrubbing back and forward reproduces the same state (replay of the command log)', () => {
    const c = new SimController(spec);
    c.run('producer send p1 orders --key user-1 hello');
    c.run('producer flush p1');
    c.run('broker stop 2');
    c.run('clock advance 10s');
    const end = c.simulation.serialize();
    const log = [...c.log];
    c.seek(1);
    const mid = c.simulation.serialize();
    c.seek(0);
    c.seek(log.length);
    expect(c.simulation.serialize()).toBe(end);
    c.seek(1);
    expect(c.simulation.serialize()).toBe(mid);
    const fresh = new SimController({ ...spec, lines: log });
    expect(fresh.simulation.serialize()).toBe(end);
  });
});

function render(c: SimController, view: () => ReturnType<typeof createElement>): string {
  return renderToStaticMarkup(createElement(SimContext.Provider, { value: c }, view()));
}

describe('one history: the Simulation records each console line with the commands it dispatched', () => {
  it("the controller's log is derived from the Simulation's own history (no second list of lines)", () => {
    const c = new SimController(empty);
    c.run('kafka-topics.sh --create --topic a --partitions 2 --replication-factor 1');
    c.run('kafka-topics.sh --list');
    c.run('producer create p1');
    c.run('producer send p1 a --key k v1');
    const steps = c.simulation.history;
    expect(steps.map((s) => s.line)).toEqual([
      'kafka-topics.sh --create --topic a --partitions 2 --replication-factor 1',
      'kafka-topics.sh --list',
      'producer create p1',
      'producer send p1 a --key k v1',
    ]);
    // Each step owns its run of the command log; the read-only --list dispatched nothing.
    expect(steps.map((s) => s.commandCount)).toEqual([1, 0, 1, 1]);
    expect(steps.map((s) => (s.commandCount > 0 ? c.simulation.log[s.firstCommand].type : null))).toEqual([
      'createTopic',
      null,
      'producerCreate',
      'producerSend',
    ]);
    expect(steps.reduce((n, s) => n + s.commandCount, 0)).toBe(c.simulation.log.length);
    expect(c.log).toEqual([steps[0].line, steps[2].line, steps[3].line]);
  });

  it('a share link (the log) rebuilds the same state and the same history from one place', () => {
    const a = new SimController(spec);
    a.run('kafka-topics.sh --create --topic x --partitions 3 --replication-factor 3');
    a.run('clock advance 100ms');
    a.run('clock advance 200ms');
    a.run('broker stop 2');
    const b = new SimController({ ...spec, lines: [...a.log] });
    expect(b.log).toEqual(a.log);
    expect(b.simulation.serialize()).toBe(a.simulation.serialize());
  });

  it('after scrubbing back, a read-only line keeps the later steps and a changing line drops them', () => {
    const c = new SimController(empty);
    c.run('kafka-topics.sh --create --topic a --partitions 1 --replication-factor 1');
    c.run('kafka-topics.sh --create --topic b --partitions 1 --replication-factor 1');
    c.seek(1);
    expect(c.cursor).toBe(1);
    c.run('kafka-topics.sh --describe --topic a');
    expect(c.log).toHaveLength(2);
    c.seek(2);
    expect(topics(c)).toContain('b');
    c.seek(1);
    c.run('kafka-topics.sh --create --topic z --partitions 1 --replication-factor 1');
    expect(c.log.map((l) => l.split(' ')[3])).toEqual(['a', 'z']);
  });
});

describe('the views, the console and the goals read one truth', () => {
  it('a group that never committed has no lag: console LAG "-", groupLag not met, group view "–" (ConsumerGroupCommand)', () => {
    const c = new SimController(empty);
    for (const line of [
      'kafka-topics.sh --create --topic orders --partitions 2 --replication-factor 3',
      'producer create p1',
      'producer send p1 orders --partition 0 a',
      'producer send p1 orders --partition 0 b',
      'producer send p1 orders --partition 1 c',
      'producer flush p1',
      'consumer create c1 --group g --topics orders --auto-commit false --offset-reset earliest',
      'clock advance 5s',
    ])
      expect(c.run(line).ok, line).toBe(true);
    const describe = c.run('kafka-consumer-groups.sh --describe --group g').stdout.split('\n');
    const lag = describe[1].indexOf('LAG');
    expect(describe.slice(2).map((row) => row.slice(lag).split(/\s+/)[0])).toEqual(['-', '-']);
    const goal = evaluateGoal(c.read(), {
      description: 'caught up',
      conditions: [{ kind: 'groupLag', group: 'g', topic: 'orders', atMost: 5 }],
    });
    expect(goal.met).toBe(false);
    expect(goal.details[0].detail).toContain('no committed offset');
    expect(
      c
        .read()
        .group('g')
        ?.partitions.map((p) => p.lag),
    ).toEqual([null, null]);
    const html = render(c, () => createElement(GroupView));
    expect(html.match(/no committed offset/g)).toHaveLength(2);
    expect(html).toContain('data-testid="lag-orders-0"');
    // After a commit the three agree on a number: HW 2 − committed 2 = 0 for orders-0.
    c.run('consumer poll c1');
    c.run('consumer commit c1');
    const committed = c
      .read()
      .group('g')
      ?.partitions.find((p) => p.partition === 0);
    expect(committed?.committed).toBe(2);
    expect(committed?.lag).toBe(0);
  });

  it('a producer inside a transaction shows "(open)" in the producer view (TransactionManager state)', () => {
    const c = new SimController(empty);
    for (const line of [
      'kafka-topics.sh --create --topic pay --partitions 1 --replication-factor 3',
      'producer create tx --transactional-id pay-tx',
    ])
      expect(c.run(line).ok, line).toBe(true);
    expect(render(c, () => createElement(ProducerView))).not.toContain('(open)');
    c.run('producer begin tx');
    c.run('producer send tx pay v1');
    expect(c.read().producer('tx')?.transaction).toBe('open');
    const html = render(c, () => createElement(ProducerView));
    expect(html).toMatch(/txn pay-tx(<!-- -->)? \(open\)/);
    c.run('producer commit tx');
    expect(render(c, () => createElement(ProducerView))).not.toContain('(open)');
  });
});
