import { describe, expect, it } from 'vitest';
import { formatApply } from './kubectlApply';
import { KAFKA_YAML, POOL_YAML, resources } from './strimzi.testkit';

describe('kubectl apply output', () => {
  it('prints <kind>.<group>/<name> created, configured or unchanged per object', () => {
    const first = resources(KAFKA_YAML(), POOL_YAML('broker', 3, '[broker]'));
    expect(formatApply([], first)).toBe(
      'kafka.kafka.strimzi.io/my-cluster created\nkafkanodepool.kafka.strimzi.io/broker created',
    );
    const scaled = resources(KAFKA_YAML(), POOL_YAML('broker', 4, '[broker]'));
    expect(formatApply(first, scaled)).toBe(
      'kafka.kafka.strimzi.io/my-cluster unchanged\nkafkanodepool.kafka.strimzi.io/broker configured',
    );
  });
});
