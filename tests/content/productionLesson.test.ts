// The production lesson's Strimzi YAML is what Strimzi accepts: parsed and checked by the course's model of the
// CRDs and of the Cluster Operator's own checks (simulator/production/strimzi), and its sizing example matches
// the calculator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCapacity } from '@/simulator';
import {
  checkKafkaCluster,
  type KafkaResource,
  type NodePoolResource,
  parseStrimziYaml,
} from '@/simulator/production/strimzi';

const mdx = readFileSync(join(process.cwd(), 'content/lessons/production/lesson.mdx'), 'utf8');
const yamlBlocks = [...mdx.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]);

describe('content/lessons/production', () => {
  it('has Strimzi YAML, and every block parses against the CRD rules and passes the Cluster Operator checks', () => {
    expect(yamlBlocks.length).toBeGreaterThan(0);
    for (const block of yamlBlocks) {
      const r = parseStrimziYaml(block, 'lesson.mdx');
      if (!r.ok) expect.fail(r.error);
      const kafka = r.resources.find((x) => x.kind === 'Kafka') as KafkaResource | undefined;
      const pools = r.resources.filter((x) => x.kind === 'KafkaNodePool') as NodePoolResource[];
      if (kafka) {
        const check = checkKafkaCluster(kafka, pools);
        expect(check.failure).toBeNull();
        expect(check.warnings).toEqual([]);
      }
    }
  });

  it('the worked sizing example is what the calculator computes', () => {
    const lines = planCapacity({
      targetMBps: 50,
      producerMBpsPerPartition: 10,
      consumerMBpsPerPartition: 5,
      peakConsumerParallelism: 6,
      replicationFactor: 3,
      retentionHours: 72,
      brokers: 6,
      consumerGroups: 3,
      headroom: 0.3,
    });
    const value = (name: string) => lines.find((l) => l.name === name)?.value;
    expect(value('partitions')).toBe(10);
    expect(value('disk in the cluster')).toBe(38880);
    expect(value('disk per broker')).toBe(9257.1);
    expect(value('network in, whole cluster')).toBe(150);
    expect(value('network out, whole cluster')).toBe(250);
    expect(mdx).toContain('9 257 GB per broker');
    expect(mdx).toContain('38 880 GB');
  });
});
