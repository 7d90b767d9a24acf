// RequestHandlerAvgIdlePercent (KafkaRequestHandler#run marks aggregateIdleMeter with the time each handler thread
// waited for a request, divided by the pool size) and NetworkProcessorAvgIdlePercent (SocketServer's gauge: the
// mean of the processors' selector io-wait-ratio) measure how long threads sat idle. The simulation counts requests
// per broker (RequestsPerSec) but handles each one instantly on no thread, so it has no busy or idle time to
// divide: a ratio made from request counts would need a per-request cost Kafka does not define. They are left out
// rather than invented.
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../../index';
import { mbeanObjectName } from '../mbean';

describe('thread-pool idle ratios are not derived (no threads in the simulation)', () => {
  it('kafka.server KafkaRequestHandlerPool RequestHandlerAvgIdlePercent and kafka.network SocketServer NetworkProcessorAvgIdlePercent are absent while request meters are there', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    for (const cmd of [
      { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 },
      { type: 'monitoringStart' },
      { type: 'producerCreate', name: 'p1' },
      { type: 'producerSend', producer: 'p1', topic: 'orders', value: 'a' },
      { type: 'producerFlush', producer: 'p1' },
    ] as const)
      expect(sim.dispatch(cmd as Parameters<Simulation['dispatch']>[0]).ok).toBe(true);
    const names = (readModel(sim).monitoring().jmx('kafka-1', 9999) ?? []).map(mbeanObjectName);
    expect(names.some((n) => n.startsWith('kafka.network:type=RequestMetrics,name=RequestsPerSec'))).toBe(
      true,
    );
    expect(names.filter((n) => /IdlePercent/.test(n))).toEqual([]);
    expect(names.some((n) => n.startsWith('kafka.server:type=KafkaRequestHandlerPool'))).toBe(false);
    expect(names.some((n) => n.startsWith('kafka.network:type=SocketServer'))).toBe(false);
  });
});
