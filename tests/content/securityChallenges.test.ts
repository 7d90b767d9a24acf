// The transactional-producer challenge accepts exactly the ACLs a transactional producer needs and rejects
// the tempting broader ones (--producer's Create, --idempotent's cluster-wide IdempotentWrite, a prefixed
// transactional id), pinned against the simulator's StandardAuthorizer and the goal.
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { challenge, preset } from '@/lib/content.server';
import { evaluateGoal } from '@/simulator/goals';
import { readModel, Simulation } from '@/simulator/index';

const ACLS =
  'kafka-acls.sh --bootstrap-server localhost:9092 --command-config admin.properties --add --allow-principal User:payments-app';
const RUN = [
  'producer create pay --transactional-id payments-app-tx --command-config payments.properties',
  'producer begin pay',
  'producer send pay payments pay-100',
  'producer commit pay',
];

function run(lines: string[]) {
  const c = challenge('security-transactional-producer');
  const p = c ? preset(c.preset) : undefined;
  if (!c || !p) throw new Error('no challenge security-transactional-producer');
  const sim = new Simulation({ brokers: p.brokers, seed: p.seed });
  runConsoleLines(sim, p.setup);
  const results = runConsoleLines(sim, lines);
  return { goal: evaluateGoal(readModel(sim), c.goal), results, sim };
}

describe('security-transactional-producer (Write + Describe on the topic and the transactional id)', () => {
  it('the solution meets the goal, and every request of the transactional producer was allowed', () => {
    const c = challenge('security-transactional-producer');
    const { goal, results } = run(c?.solution ?? []);
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0]);
    expect(goal.met).toBe(true);
  });

  it('without ACLs the producer cannot even start: InitProducerId needs Write on the transactional id (TransactionalIdAuthorizationException)', () => {
    const { results } = run(RUN);
    expect(results[0].exitCode).toBe(1);
    expect(results[0].stderr).toContain('TransactionalIdAuthorizationException');
  });

  it('Write on the topic only: refused at the transactional id', () => {
    const { goal, results } = run([`${ACLS} --operation Write --topic payments`, ...RUN]);
    expect(results[1].stderr).toContain('TransactionalIdAuthorizationException');
    expect(goal.met).toBe(false);
  });

  it('Write on the transactional id only: the producer starts, but the send is refused on the topic (TopicAuthorizationException)', () => {
    const { goal, results } = run([`${ACLS} --operation Write --transactional-id payments-app-tx`, ...RUN]);
    expect(results[1].exitCode).toBe(0);
    expect(results[3].stderr).toContain('TopicAuthorizationException');
    expect(goal.met).toBe(false);
  });

  it('--producer --topic payments --transactional-id payments-app-tx works but also grants Create on the topic: rejected', () => {
    const { goal, results } = run([
      `${ACLS} --producer --topic payments --transactional-id payments-app-tx`,
      ...RUN,
    ]);
    expect(results.slice(1).map((r) => r.exitCode)).toEqual([0, 0, 0, 0]);
    expect(goal.met).toBe(false);
    expect(goal.details.find((d) => !d.met)?.detail).toMatch(/Create/i);
  });

  it('adding --idempotent grants IdempotentWrite on the cluster, which no producer needs since KIP-679: rejected', () => {
    const { goal } = run([
      `${ACLS} --operation Write --operation Describe --topic payments --transactional-id payments-app-tx`,
      `${ACLS} --operation IdempotentWrite --cluster`,
      ...RUN,
    ]);
    expect(goal.met).toBe(false);
  });

  it('a PREFIXED transactional id payments-app-tx lets the app use payments-app-tx-2 too: rejected', () => {
    const { goal } = run([
      `${ACLS} --operation Write --operation Describe --topic payments`,
      `${ACLS} --operation Write --operation Describe --transactional-id payments-app-tx --resource-pattern-type prefixed`,
      ...RUN,
    ]);
    expect(goal.met).toBe(false);
  });
});
