// Scenario export as a shell script for a real cluster (the console's tokenizer reads each line).
import { describe, expect, it } from 'vitest';
import { scenarioToShellScript } from '@/kafka-cli';
import type { Scenario } from '@/simulator';

const minimal: Scenario = {
  id: 'leader-dies',
  title: 'A leader dies',
  summary: 'The ISR elects a new leader.',
  topics: ['leader-election'],
  seed: 7,
  brokers: 3,
  views: ['cluster'],
  setup: ['kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3'],
  steps: [
    {
      title: 'Send a keyed record',
      commands: ['producer create p1', 'producer send p1 orders --key alice hello'],
      narration: 'Keyed records go to the partition murmur2 picks.',
    },
    {
      title: 'Stop broker 1',
      commands: ['broker stop 1', 'clock advance 10s'],
      narration: 'Broker 1 stops.',
    },
  ],
};

describe('scenarioToShellScript', () => {
  const script = scenarioToShellScript(minimal);

  it('passes real Kafka tools through with the bootstrap server made explicit', () => {
    expect(script).toContain(
      'kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --topic orders --partitions 3 --replication-factor 3',
    );
  });

  it('marks simulation-only lines and says what to do on a real cluster', () => {
    expect(script).toContain('# [simulator only] broker stop 1');
    expect(script).toContain('stop the broker with node.id=1');
    expect(script).toContain('# [simulator only] clock advance 10s');
  });

  it('gives the real console producer for a keyed send', () => {
    expect(script).toContain(
      'echo alice:hello | kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic orders --property parse.key=true --property key.separator=:',
    );
  });

  it('adds .sh to a tool named without it and keeps here-document bodies', () => {
    const withHeredoc = scenarioToShellScript({
      ...minimal,
      steps: [
        { title: 'x', narration: 'y', commands: ['kafka-console-producer --topic t <<EOF\na\nb\nEOF'] },
      ],
    });
    expect(withHeredoc).toContain(
      'kafka-console-producer.sh --bootstrap-server "$BOOTSTRAP" --topic t <<EOF\na\nb\nEOF',
    );
  });
});
