// The comparison and tools challenges reject the tempting wrong answers: a RabbitMQ consumer that subscribes
// late gets nothing to replay; kcat's default partitioner (CRC32) puts keys where a Java producer would not.
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { challenge, preset } from '@/lib/content.server';
import { evaluateGoal } from '@/simulator/goals';
import { readModel, Simulation } from '@/simulator/index';

function run(challengeId: string, lines: string[]) {
  const c = challenge(challengeId);
  const p = c ? preset(c.preset) : undefined;
  if (!c || !p) throw new Error(`no challenge ${challengeId}`);
  const sim = new Simulation({ brokers: p.brokers, seed: p.seed });
  runConsoleLines(sim, [...p.setup, ...lines]);
  return evaluateGoal(readModel(sim), c.goal);
}

describe('comparison and tools challenges reject the tempting wrong answers', () => {
  it('compare-audit: a queue audit declared after the fact and a late consumer on orders replay nothing', () => {
    const r = run('compare-audit', [
      'consumer create a1 --group audit --topics orders --offset-reset earliest --auto-commit false',
      'clock advance 5s',
      'consumer poll a1',
      'rabbitmqadmin declare queue --name audit',
      'rabbit consume orders --tag audit --prefetch 10',
      'rabbitmqadmin publish message --routing-key orders --payload order-7',
      'rabbitmqadmin publish message --routing-key orders --payload order-8',
    ]);
    expect(r.details.map((d) => d.met)).toEqual([true, false, true]);
    expect(r.met).toBe(false);
  });

  it('tools-copartition: kcat with its default partitioner (consistent_random, CRC32) misplaces user-2 and user-3', () => {
    const r = run('tools-copartition', [
      'kcat -b localhost:9092 -P -t profiles -K : <<EOF',
      'user-1:alice',
      'user-2:bob',
      'user-3:carol',
      'EOF',
    ]);
    expect(r.details[0].met).toBe(true);
    expect(r.details[1].met).toBe(false);
    expect(r.details[1].detail).toContain('key user-2');
  });
});
