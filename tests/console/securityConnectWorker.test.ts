// A distributed Connect worker under security: its own clients (KafkaBasedLog consumers and producers of
// the offset, status and config topics, and the WorkerGroupMember) use the worker's top-level security
// settings, and a refusal ends DistributedHerder#run with "Uncaught exception in herder work thread".
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, type Simulation } from '@/simulator';
import { ADMIN, SCRAM, secured } from './securityConsole.testkit';

function run(sim: Simulation, lines: string | string[]) {
  const r = runConsoleLines(sim, lines);
  return r[r.length - 1];
}

const WORKER = [
  'cat > worker.properties <<EOF',
  'bootstrap.servers=localhost:9092',
  'group.id=connect-cluster',
  'offset.storage.topic=connect-offsets',
  'config.storage.topic=connect-configs',
  'status.storage.topic=connect-status',
  'security.protocol=SASL_PLAINTEXT',
  'sasl.mechanism=SCRAM-SHA-256',
  `sasl.jaas.config=${SCRAM} required username="alice" password="alice-secret";`,
  'EOF',
];

const HERDER =
  '[connect-1:8083] ERROR [Worker clientId=connect-1, groupId=connect-cluster] Uncaught exception in herder work thread, exiting:  (org.apache.kafka.connect.runtime.distributed.DistributedHerder)';

function grant(sim: Simulation, acl: string): void {
  expect(run(sim, `kafka-acls.sh ${ADMIN} --add --allow-principal User:alice ${acl}`).exitCode).toBe(0);
}

describe('connect-distributed.sh under security (DistributedHerder#run, KafkaBasedLog#start)', () => {
  it("without Read on its offsets topic the worker exits with the consumer's TopicAuthorizationException, and no worker runs", () => {
    const sim = secured();
    run(sim, WORKER);
    const r = run(sim, 'connect-distributed.sh worker.properties');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      HERDER,
      'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [connect-offsets]',
    ]);
    expect(readModel(sim).connect().mode).toBeNull();
  });

  it('with Read and Write on its topics but not Read on group.id it fails joining the group', () => {
    const sim = secured();
    run(sim, WORKER);
    grant(sim, '--operation Read --operation Write --topic connect- --resource-pattern-type prefixed');
    const r = run(sim, 'connect-distributed.sh worker.properties');
    expect(r.stderr.split('\n')).toEqual([
      HERDER,
      'org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: connect-cluster',
    ]);
    grant(sim, '--operation Read --group connect-cluster');
    const ok = run(sim, 'connect-distributed.sh worker.properties');
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('Worker connect-1:8083 joined group connect-cluster');
    expect(readModel(sim).connect().mode).toBe('distributed');
  });
});
