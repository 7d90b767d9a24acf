// Scenario export as a shell script for a real cluster (the console's tokenizer reads each line).
import { describe, expect, it } from 'vitest';
import { scenarioToShellScript } from '@/kafka-cli';
import { minimal } from '@/simulator/scenario/scenario.testkit';

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
