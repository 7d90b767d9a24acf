// YAML a learner would write for the lesson, as small builders, and a parse helper for tests.
import { expect } from 'vitest';
import { parseStrimziYaml, type StrimziResource } from './resources';

export const KAFKA_YAML = (
  config = 'default.replication.factor: 3\n      min.insync.replicas: 2',
  extra = '',
) => `
apiVersion: kafka.strimzi.io/v1
kind: Kafka
metadata:
  name: my-cluster
  annotations:
    strimzi.io/node-pools: enabled
    strimzi.io/kraft: enabled
spec:
  kafka:
    version: 4.3.1
    listeners:
      - name: plain
        port: 9092
        type: internal
        tls: false
      - name: tls
        port: 9093
        type: internal
        tls: true
    config:
      ${config}
${extra}`;

export const POOL_YAML = (
  name: string,
  replicas: number,
  roles: string,
  storage = 'type: ephemeral',
  cluster = 'my-cluster',
) => `
apiVersion: kafka.strimzi.io/v1
kind: KafkaNodePool
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: ${cluster}
spec:
  replicas: ${replicas}
  roles: ${roles}
  storage:
    ${storage}
`;

export const TOPIC_YAML = (name: string, spec: string) => `
apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: my-cluster
spec:
  ${spec}
`;

export const USER_YAML = (name: string, spec: string) => `
apiVersion: kafka.strimzi.io/v1
kind: KafkaUser
metadata:
  name: ${name}
  labels:
    strimzi.io/cluster: my-cluster
spec:
  ${spec}
`;

/** Parses documents joined with "---", failing the test on any error. */
export function resources(...docs: string[]): StrimziResource[] {
  const r = parseStrimziYaml(docs.join('\n---\n'));
  if (!r.ok) expect.fail(r.error);
  return r.resources;
}

/** The error text of documents expected to be rejected. */
export function rejection(...docs: string[]): string {
  const r = parseStrimziYaml(docs.join('\n---\n'));
  if (r.ok) expect.fail('expected the resources to be rejected');
  return r.error;
}
