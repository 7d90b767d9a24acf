import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { renderExposition } from '../exposition';
import { goFloatF, goFloatV, javaDouble } from '../format';
import { exportMBeans, KAFKA_KRAFT_RULES, STRIMZI_CLIENT_RULES, safeName } from '../jmxExporter';
import type { MBean } from '../mbean';
import { scrapeTargets, targetFamilies } from '../targets';
import { monitored } from './monitoring.testkit';

const Y = 'Attribute exposed for management';
const meter = (keys: Array<[string, string]>, count: number): MBean => ({
  domain: 'kafka.server',
  keys,
  attributes: [
    { name: 'Count', value: count, description: Y },
    { name: 'OneMinuteRate', value: 0.5, description: Y },
  ],
});

describe('jmx_exporter naming with examples/kafka-kraft-3_0_0.yml', () => {
  it('MessagesInPerSec Count → kafka_server_brokertopicmetrics_messagesin_total{topic} counter; the all-topics meter has no label', () => {
    const fams = exportMBeans(
      [
        meter(
          [
            ['type', 'BrokerTopicMetrics'],
            ['name', 'MessagesInPerSec'],
            ['topic', 'orders'],
          ],
          42,
        ),
        meter(
          [
            ['type', 'BrokerTopicMetrics'],
            ['name', 'MessagesInPerSec'],
          ],
          50,
        ),
      ],
      KAFKA_KRAFT_RULES,
    );
    expect(fams.map((f) => [f.name, f.type])).toEqual([
      ['kafka_server_brokertopicmetrics_messagesin', 'counter'],
    ]);
    expect(fams[0].samples).toEqual([
      { name: 'kafka_server_brokertopicmetrics_messagesin_total', labels: [], value: 50 },
      { name: 'kafka_server_brokertopicmetrics_messagesin_total', labels: [['topic', 'orders']], value: 42 },
    ]);
    expect(fams[0].help).toBe(
      'Attribute exposed for management kafka.server:name=MessagesInPerSec,type=BrokerTopicMetrics,attribute=Count',
    );
  });

  it('gauges, histograms (Count → _count, NNthPercentile → quantile="0.NN") and KRaft current-state → _info', () => {
    const beans: MBean[] = [
      {
        domain: 'kafka.server',
        keys: [
          ['type', 'ReplicaManager'],
          ['name', 'UnderReplicatedPartitions'],
        ],
        attributes: [{ name: 'Value', value: 2, description: Y }],
      },
      {
        domain: 'kafka.controller',
        keys: [
          ['type', 'KafkaController'],
          ['name', 'ActiveControllerCount'],
        ],
        attributes: [{ name: 'Value', value: 1, description: Y }],
      },
      {
        domain: 'kafka.network',
        keys: [
          ['type', 'RequestMetrics'],
          ['name', 'TotalTimeMs'],
          ['request', 'Produce'],
        ],
        attributes: [
          { name: 'Count', value: 7, description: Y },
          { name: '99thPercentile', value: 3, description: Y },
          { name: 'Mean', value: 2, description: Y },
        ],
      },
      {
        domain: 'kafka.server',
        keys: [['type', 'raft-metrics']],
        attributes: [{ name: 'current-state', value: 'leader', description: 'The current state' }],
      },
    ];
    const fams = exportMBeans(beans, KAFKA_KRAFT_RULES);
    const byName = Object.fromEntries(fams.map((f) => [f.name, f]));
    expect(byName.kafka_server_replicamanager_underreplicatedpartitions.type).toBe('gauge');
    expect(byName.kafka_controller_kafkacontroller_activecontrollercount.samples[0].value).toBe(1);
    expect(byName.kafka_network_requestmetrics_totaltimems_count.samples[0]).toEqual({
      name: 'kafka_network_requestmetrics_totaltimems_count_total',
      labels: [['request', 'Produce']],
      value: 7,
    });
    expect(byName.kafka_network_requestmetrics_totaltimems.samples[0].labels).toEqual([
      ['quantile', '0.99'],
      ['request', 'Produce'],
    ]);
    expect(byName.kafka_server_raft_metrics_current_state_info.samples[0]).toMatchObject({
      labels: [['state', 'leader']],
      value: 1,
    });
    // "Mean" matches no rule: dropped (unmatched attributes are not exported).
    expect(fams.some((f) => f.samples.some((s) => s.value === 2 && s.name.includes('totaltimems')))).toBe(
      false,
    );
  });

  it('without a name the default export is domain_firstValue_attr{other keys} (JmxCollector#defaultExport)', () => {
    const fams = exportMBeans(
      [
        meter(
          [
            ['type', 'BrokerTopicMetrics'],
            ['name', 'MessagesInPerSec'],
            ['topic', 't'],
          ],
          3,
        ),
      ],
      { rules: [{ pattern: '.*' }] },
    );
    expect(fams.map((f) => f.samples[0].name)).toEqual([
      'kafka_server_BrokerTopicMetrics_Count',
      'kafka_server_BrokerTopicMetrics_OneMinuteRate',
    ]);
    expect(fams[0].samples[0].labels).toEqual([
      ['name', 'MessagesInPerSec'],
      ['topic', 't'],
    ]);
    expect(safeName('kafka.consumer-fetch--manager')).toBe('kafka_consumer_fetch_manager');
  });

  it("Strimzi's client rules: -total counters and -avg gauges keep; -rate and -max attributes are dropped", () => {
    const fams = exportMBeans(
      [
        {
          domain: 'kafka.producer',
          keys: [
            ['type', 'producer-metrics'],
            ['client-id', 'p1'],
          ],
          attributes: [
            { name: 'record-send-total', value: 5, description: 'The total number of records sent.' },
            { name: 'record-send-rate', value: 1, description: 'x' },
            { name: 'request-latency-avg', value: 2.5, description: 'The average request latency in ms' },
            { name: 'request-latency-max', value: 4, description: 'x' },
          ],
        },
      ],
      STRIMZI_CLIENT_RULES,
    );
    expect(fams.map((f) => f.samples[0].name)).toEqual([
      'kafka_producer_record_send_total',
      'kafka_producer_request_latency_avg',
    ]);
    expect(fams[0].samples[0].labels).toEqual([['clientid', 'p1']]);
  });
});

describe('Prometheus text exposition format (parsed back by parse-prometheus-text-format)', () => {
  it("a broker's /metrics parses back: HELP/TYPE per family, counters end in _total, values and labels intact", () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    m.must({ type: 'producerCreate', name: 'p1' });
    m.must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: [
        { key: 'a', value: '1' },
        { key: 'b', value: '2' },
      ],
    });
    m.must({ type: 'producerFlush', producer: 'p1' });
    m.run(15_000);
    const target = scrapeTargets(m.sim.state)[0];
    const families = targetFamilies(m.sim.state, m.mon.recorder, target);
    const text = renderExposition(families);
    expect(text.endsWith('\n')).toBe(true);
    const parsed = parsePrometheusTextFormat(text);
    expect(parsed.map((f) => f.name)).toEqual(
      families.map((f) => (f.type === 'counter' ? `${f.name}_total` : f.name)),
    );
    const urp = parsed.find((f) => f.name === 'kafka_server_replicamanager_underreplicatedpartitions');
    expect(urp).toMatchObject({ type: 'GAUGE', metrics: [{ value: '0.0' }] });
    const msgIn = parsed.find((f) => f.name === 'kafka_server_brokertopicmetrics_messagesin_total');
    expect(msgIn?.type).toBe('COUNTER');
    const sizes = parsed.find((f) => f.name === 'kafka_log_log_size');
    expect(sizes?.metrics.map((s) => s.labels?.topic)).toEqual(['orders', 'orders']);
    for (const line of text.split('\n').filter((l) => l.startsWith('# TYPE')))
      expect(line).toMatch(/^# TYPE \S+ (counter|gauge|untyped)$/);
  });

  it('label values escape \\, " and newline; HELP escapes \\ and newline', () => {
    const text = renderExposition([
      {
        name: 'x',
        type: 'gauge',
        help: 'a\\b\nc',
        samples: [{ name: 'x', labels: [['l', 'q"u\\o\nte']], value: 1 }],
      },
    ]);
    expect(text).toBe('# HELP x a\\\\b\\nc\n# TYPE x gauge\nx{l="q\\"u\\\\o\\nte"} 1.0\n');
    expect(parsePrometheusTextFormat(text)[0].metrics[0].labels).toEqual({ l: 'q"u\\o\nte' });
  });

  it("number formats: Java's Double.toString, Go's 'f' (API) and %v (templates)", () => {
    expect([42, 0.5, 1e7, 1.5e-4, 0.001, 123.456, Number.NaN].map(javaDouble)).toEqual([
      '42.0',
      '0.5',
      '1.0E7',
      '1.5E-4',
      '0.001',
      '123.456',
      'NaN',
    ]);
    expect([1, 0.5, 1e21, -2, Number.POSITIVE_INFINITY].map(goFloatF)).toEqual([
      '1',
      '0.5',
      '1000000000000000000000',
      '-2',
      '+Inf',
    ]);
    expect([1, 0.5, 1e6, 123456, 1.5e-5, 12.5].map(goFloatV)).toEqual([
      '1',
      '0.5',
      '1e+06',
      '123456',
      '1.5e-05',
      '12.5',
    ]);
  });
});
