// Share groups (KIP-932) in the console: kafka-share-groups.sh (ShareGroupCommand), kafka-console-share-consumer.sh
// (ConsoleShareConsumer), kafka-configs.sh for share.auto.offset.reset, and the step-by-step `share` command.
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

const B = '--bootstrap-server localhost:9092';
const setup = [
  `kafka-topics.sh ${B} --create --topic jobs --partitions 1 --replication-factor 1`,
  `kafka-console-producer.sh ${B} --topic jobs <<EOF`,
  'j0',
  'j1',
  'j2',
  'j3',
  'EOF',
];

function run(lines: string[], sim = new Simulation({ seed: 42, brokers: 1 })) {
  const results = runConsoleLines(sim, lines);
  return { sim, results, last: results[results.length - 1] };
}

describe('share groups in the console', () => {
  it('share.auto.offset.reset=latest is the default: a new share group sees nothing of what was produced before (GroupConfig)', () => {
    const { last } = run([...setup, `kafka-console-share-consumer.sh ${B} --topic jobs --group g`]);
    expect(last.stdout).toBe('');
    expect(last.stderr).toBe('Processed a total of 0 messages');
  });

  it('kafka-configs.sh --entity-type groups sets share.auto.offset.reset=earliest; the console share consumer then reads and accepts every record', () => {
    const { sim, results, last } = run([
      ...setup,
      `kafka-configs.sh ${B} --alter --entity-type groups --entity-name g --add-config share.auto.offset.reset=earliest`,
      `kafka-console-share-consumer.sh ${B} --topic jobs --group g --property print.offset=true`,
    ]);
    expect(results.at(-2)?.stdout).toBe('Completed updating config for group g.');
    expect(last.stdout).toBe('Offset:0\tj0\nOffset:1\tj1\nOffset:2\tj2\nOffset:3\tj3');
    expect(last.stderr).toBe('Processed a total of 4 messages');
    const sp = readModel(sim).shareGroups().groups[0].partitions[0];
    expect(sp.startOffset).toBe(4);
    expect(sp.records.map((r) => r.state)).toEqual([
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
      'ACKNOWLEDGED',
    ]);
  });

  it('--release: each released record is delivered again until group.share.delivery.count.limit (5), then archived', () => {
    const { sim, last } = run([
      `kafka-topics.sh ${B} --create --topic jobs --partitions 1 --replication-factor 1`,
      `kafka-console-producer.sh ${B} --topic jobs <<EOF`,
      'poison',
      'EOF',
      `kafka-configs.sh ${B} --alter --entity-type groups --entity-name g --add-config share.auto.offset.reset=earliest`,
      `kafka-console-share-consumer.sh ${B} --topic jobs --group g --release`,
    ]);
    expect(last.stdout).toBe('poison\npoison\npoison\npoison\npoison');
    expect(last.stderr).toBe('Processed a total of 5 messages');
    expect(readModel(sim).shareGroups().groups[0].partitions[0].records[0]).toMatchObject({
      state: 'ARCHIVED',
      deliveryCount: 5,
    });
  });

  it('print.delivery=true prints Delivery:NOT_PRESENT: the 4.0 tool hands the formatter a copy without the count (ConsoleShareConsumer#process)', () => {
    const { last } = run([
      ...setup,
      `kafka-configs.sh ${B} --alter --entity-type groups --entity-name g --add-config share.auto.offset.reset=earliest`,
      `kafka-console-share-consumer.sh ${B} --topic jobs --group g --max-messages 1 --property print.offset=true --property print.delivery=true`,
    ]);
    expect(last.stdout).toBe('Offset:0\tDelivery:NOT_PRESENT\tj0');
  });

  it('ConsoleShareConsumerOptions: --topic is required; --reject and --release exclude each other; group ids must agree', () => {
    const { results } = run([
      `kafka-console-share-consumer.sh ${B} --group g`,
      `kafka-console-share-consumer.sh ${B} --topic jobs --reject --release`,
      `kafka-console-share-consumer.sh ${B} --topic jobs --group a --consumer-property group.id=b`,
    ]);
    expect(results.map((r) => r.stderr)).toEqual([
      '--topic is a required argument',
      'At most one of --reject and --release may be specified.',
      "The group ids provided in different places (directly using '--group', via '--consumer-property', or via '--consumer-config') do not match. Detected group ids: 'a', 'b'",
    ]);
    expect(results.every((r) => r.exitCode !== 0)).toBe(true);
  });

  it('kafka-share-groups.sh --list prints the group ids; --list --state prints GROUP and STATE (ShareGroupService#listGroups)', () => {
    const { results } = run([
      ...setup,
      'share join w1 --group workers --topic jobs',
      'share join x --group idle --topic jobs',
      'share leave x',
      `kafka-share-groups.sh ${B} --list`,
      `kafka-share-groups.sh ${B} --list --state`,
      `kafka-share-groups.sh ${B} --list --state empty`,
      `kafka-share-groups.sh ${B} --list --state Rebalancing`,
    ]);
    const [list, withState, empty, bad] = results.slice(-4);
    expect(list.stdout).toBe('workers\nidle');
    expect(withState.stdout).toBe('GROUP           STATE\nworkers         Stable\nidle            Empty');
    expect(empty.stdout).toBe('GROUP           STATE\nidle            Empty');
    expect(bad.stderr).toBe("Invalid state list 'Rebalancing'. Valid states are: Stable, Dead, Empty");
  });

  it('--describe --members: three members of one share group are all assigned the single partition (SimpleAssignor)', () => {
    const { last } = run([
      ...setup,
      'share join w1 --group workers --topic jobs',
      'share join w2 --group workers --topic jobs',
      'share join w3 --group workers --topic jobs',
      `kafka-share-groups.sh ${B} --describe --group workers --members`,
    ]);
    expect(last.stdout).toBe(
      [
        'GROUP           CONSUMER-ID     HOST            CLIENT-ID       ASSIGNMENT',
        'workers         w1              /127.0.0.1      w1              jobs:0',
        'workers         w2              /127.0.0.1      w2              jobs:0',
        'workers         w3              /127.0.0.1      w3              jobs:0',
      ].join('\n'),
    );
  });

  it('--describe --state prints the coordinator, the state and #MEMBERS; an unknown group is Dead', () => {
    const { results } = run([
      ...setup,
      'share join w1 --group workers --topic jobs',
      `kafka-share-groups.sh ${B} --describe --group workers --state`,
      `kafka-share-groups.sh ${B} --describe --group nope --members`,
    ]);
    const [state, dead] = results.slice(-2);
    expect(state.stdout).toBe(
      'GROUP           COORDINATOR (ID)          STATE           #MEMBERS\nworkers         localhost:9092  (1)       Stable          1',
    );
    expect(dead.stdout).toBe("\nError: Share group 'nope' does not exist.");
  });

  it('ShareGroupCommandOptions#checkArgs: one action; --describe needs --group and takes one view', () => {
    const { results } = run([
      `kafka-share-groups.sh ${B} --list --describe`,
      `kafka-share-groups.sh ${B} --describe`,
      `kafka-share-groups.sh ${B} --describe --group g --members --state`,
      `kafka-share-groups.sh ${B} --delete --group g`,
    ]);
    expect(results.map((r) => r.stderr || r.stdout)).toEqual([
      'Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets.',
      'Option [describe] takes the option: [group]',
      'Option [describe] takes at most one of these options: [members], [offsets], [state]',
      '\nError: Executing share group command failed due to --delete option is not yet implemented',
    ]);
  });

  it('share poll / ack: two members share one partition; a record released by one is redelivered to the other with delivery 2', () => {
    const { sim, results } = run([
      ...setup,
      `kafka-configs.sh ${B} --alter --entity-type groups --entity-name workers --add-config share.auto.offset.reset=earliest`,
      'share join w1 --group workers --topic jobs',
      'share join w2 --group workers --topic jobs',
      'share poll w1 --max 2',
      'share poll w2 --max 2',
      'share ack w1 jobs-0@0 --type release',
      'share ack w1 jobs-0@1',
      'share poll w2',
    ]);
    expect(results.at(-5)?.stdout).toContain('w1 polled 2 record(s), locked for 30000 ms:');
    expect(results.at(-5)?.stdout).toContain('jobs-0@0  delivery 1  null: j0');
    expect(results.at(-4)?.stdout).toContain('jobs-0@2  delivery 1  null: j2');
    expect(results.at(-1)?.stdout).toContain('jobs-0@0  delivery 2  null: j0');
    const states = readModel(sim)
      .shareGroups()
      .groups[0].partitions[0].records.map((r) => `${r.offset}:${r.state}:${r.memberId ?? '-'}`);
    expect(states).toEqual(['0:ACQUIRED:w2', '1:ACKNOWLEDGED:-', '2:ACQUIRED:w2', '3:ACQUIRED:w2']);
  });

  it('every change is in the command log: replay rebuilds the same share groups', () => {
    const { sim } = run([
      ...setup,
      `kafka-configs.sh ${B} --alter --entity-type groups --entity-name workers --add-config share.auto.offset.reset=earliest`,
      'share join w1 --group workers --topic jobs',
      'share poll w1 --max 2',
      'clock advance 31s',
      `kafka-console-share-consumer.sh ${B} --topic jobs --group workers --reject`,
    ]);
    const again = Simulation.replay(sim.init, sim.log);
    expect(readModel(again).shareGroups()).toEqual(readModel(sim).shareGroups());
  });
});
