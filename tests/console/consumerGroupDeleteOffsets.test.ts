// kafka-consumer-groups.sh --delete-offsets: ConsumerGroupService#deleteOffsets over Admin#deleteConsumerGroupOffsets
// (OffsetDelete, KIP-496). The coordinator refuses the topics the group is subscribed to
// (GROUP_SUBSCRIBED_TO_TOPIC), deletes the others and writes tombstones to __consumer_offsets.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { Simulation } from '@/simulator';
import { leaderReplica } from '@/simulator/cluster/lookup';
import { CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor } from '@/simulator/consumer/group/offsetsTopic';

const CG = 'kafka-consumer-groups.sh --bootstrap-server localhost:9092';

/** Group billing has committed offsets for orders (2 partitions) and clicks; its live member reads only orders. */
function billing() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics.sh --create --topic orders --partitions 2 --replication-factor 3');
  s.run('kafka-topics.sh --create --topic clicks --partitions 1 --replication-factor 3');
  s.run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders', ['a', 'b', 'c']);
  s.run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic clicks', ['a']);
  s.run('consumer create c1 --group billing --topics orders,clicks --offset-reset earliest');
  for (let i = 0; i < 4; i++) {
    s.run('clock advance 2s');
    s.run('consumer poll c1');
  }
  s.run('consumer commit c1');
  s.run('consumer close c1');
  s.run('consumer create c2 --group billing --topics orders --offset-reset earliest');
  for (let i = 0; i < 4; i++) {
    s.run('clock advance 2s');
    s.run('consumer poll c2');
  }
  return { sim, s };
}

const row = (a: string, b: string, c: string) => `${a.padEnd(30)} ${b.padEnd(15)} ${c.padEnd(15)}`;
const SUBSCRIBED =
  'Error: :org.apache.kafka.common.errors.GroupSubscribedToTopicException: Deleting offsets of a topic is forbidden while the consumer group is actively subscribed to it.';
const UNKNOWN =
  'Error: :org.apache.kafka.common.errors.UnknownTopicOrPartitionException: This server does not host this topic-partition.';

describe('ConsumerGroupService#deleteOffsets', () => {
  it('a topic the group no longer reads: its offsets are deleted, "Request succeed", a Successful row per partition', () => {
    const { sim, s } = billing();
    expect(sim.state.areas.consumers.groups.billing.offsets['clicks-0']?.offset).toBe(1);
    const r = s.run(`${CG} --delete-offsets --group billing --topic clicks`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        'Request succeed for deleting offsets with topic clicks group billing',
        '',
        row('TOPIC', 'PARTITION', 'STATUS'),
        row('clicks', '0', 'Successful'),
      ].join('\n'),
    );
    expect(sim.state.areas.consumers.groups.billing.offsets['clicks-0']).toBeUndefined();
    // The deletion is a tombstone (null value) for the OffsetCommitKey in the group's __consumer_offsets partition.
    const p = sim.state.topics[CONSUMER_OFFSETS_TOPIC].partitions[offsetsPartitionFor('billing')];
    const last = leaderReplica(p)!
      .log.segments.flatMap((x) => x.records)
      .at(-1);
    expect([last?.key, last?.value]).toEqual(['offset:billing:clicks:0', null]);
    expect(s.run(`${CG} --describe --group billing`).stdout).not.toContain('clicks');
  });

  it('GROUP_SUBSCRIBED_TO_TOPIC for a subscribed topic, a "Not Provided" row for an unknown one; rows sorted by topic+partition', () => {
    const { sim, s } = billing();
    const r = s.run(`${CG} --delete-offsets --group billing --topic orders --topic clicks --topic nosuch`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        '',
        'Error: Encounter some partition level error, see the follow-up details:',
        '',
        row('TOPIC', 'PARTITION', 'STATUS'),
        row('clicks', '0', 'Successful'),
        row('nosuch', 'Not Provided', UNKNOWN),
        row('orders', '0', SUBSCRIBED),
        row('orders', '1', SUBSCRIBED),
      ].join('\n'),
    );
    expect(sim.state.areas.consumers.groups.billing.offsets['orders-0']?.offset).toBe(3);
  });

  it('T:p,... names partitions; a partition the topic does not have is UNKNOWN_TOPIC_OR_PARTITION (KafkaApis#handleDeleteConsumerGroupOffsetsRequest)', () => {
    const { s } = billing();
    const r = s.run(`${CG} --delete-offsets --group billing --topic clicks:0,5`);
    expect(r.stdout.split('\n').slice(-2)).toEqual([
      row('clicks', '0', 'Successful'),
      row('clicks', '5', UNKNOWN),
    ]);
  });

  it('an unknown group: "does not exist", and every partition carries GroupIdNotFoundException', () => {
    const { s } = billing();
    const r = s.run(`${CG} --delete-offsets --group nogroup --topic clicks`);
    expect(r.stdout).toBe(
      [
        '',
        "Error: 'nogroup' does not exist.",
        '',
        row('TOPIC', 'PARTITION', 'STATUS'),
        row(
          'clicks',
          '0',
          'Error: :org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.',
        ),
      ].join('\n'),
    );
  });

  it('--group and --topic are both required (ConsumerGroupCommandOptions#checkArgs)', () => {
    const { s } = billing();
    for (const args of ['--group billing', '--topic clicks']) {
      const r = s.run(`${CG} --delete-offsets ${args}`);
      expect(r.exitCode).toBe(1);
      expect(r.stderr).toContain('Option [delete-offsets] takes the following options: [topic], [group]');
    }
  });
});
