// A SASL_PLAINTEXT cluster with StandardAuthorizer, super user admin, topic orders with one record, and
// alice's SCRAM credential and client properties: the setup the console security tests share.
import { expect } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { Simulation } from '@/simulator';

export const PLAIN = 'org.apache.kafka.common.security.plain.PlainLoginModule';
export const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule';
export const ADMIN = '--bootstrap-server localhost:9092 --command-config admin.properties';

export const SETUP = [
  'cat > server.properties <<EOF',
  'listeners=SASL_PLAINTEXT://:9092',
  'advertised.listeners=SASL_PLAINTEXT://localhost:9092',
  'inter.broker.listener.name=SASL_PLAINTEXT',
  'sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256',
  'sasl.mechanism.inter.broker.protocol=PLAIN',
  `listener.name.sasl_plaintext.plain.sasl.jaas.config=${PLAIN} required username="admin" password="admin-secret" user_admin="admin-secret";`,
  `listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=${SCRAM} required;`,
  'authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  'super.users=User:admin',
  'EOF',
  'security configure server.properties',
  'cat > admin.properties <<EOF',
  'security.protocol=SASL_PLAINTEXT',
  'sasl.mechanism=PLAIN',
  `sasl.jaas.config=${PLAIN} required username="admin" password="admin-secret";`,
  'EOF',
  `kafka-topics.sh ${ADMIN} --create --topic orders --partitions 1 --replication-factor 3`,
  `kafka-console-producer.sh ${ADMIN.replace('--command-config', '--producer.config')} --topic orders <<EOF`,
  'seed-record',
  'EOF',
  `kafka-configs.sh ${ADMIN} --alter --add-config 'SCRAM-SHA-256=[password=alice-secret]' --entity-type users --entity-name alice`,
  'cat > alice.properties <<EOF',
  'security.protocol=SASL_PLAINTEXT',
  'sasl.mechanism=SCRAM-SHA-256',
  `sasl.jaas.config=${SCRAM} required username="alice" password="alice-secret";`,
  'EOF',
];

export function secured(): Simulation {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const failed = runConsoleLines(sim, SETUP).filter((r) => r.exitCode !== 0);
  expect(failed).toEqual([]);
  return sim;
}
