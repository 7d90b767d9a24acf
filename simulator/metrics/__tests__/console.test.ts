import { describe, expect, it } from 'vitest';
import { jmxBeansFor, monitoringEndpoints } from '../console/endpoints';
import { jmxUrlHost, parseJmxToolArgs, runJmxTool } from '../console/jmxTool';
import { monitored } from './monitoring.testkit';

function setup() {
  const m = monitored();
  m.must({ type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
  m.run(30_000);
  return m;
}
describe("Burrow's endpoint (burrow:8000)", () => {
  it('lists consumer groups as Burrow marshals it (/v3/kafka/{cluster}/consumer)', () => {
    const m = setup();
    const ep = monitoringEndpoints(m.sim.state, m.mon)('burrow', 8000);
    if (ep.kind !== 'http') throw new Error('Burrow does not answer');
    expect(JSON.parse(ep.handle('GET', '/v3/kafka/local/consumer', {}).body)).toEqual({
      error: false,
      message: 'consumer list returned',
      consumers: [],
      request: { url: '/v3/kafka/local/consumer', host: 'burrow' },
    });
  });
});

describe('JmxTool (tools/JmxTool.java output)', () => {
  it('prints the connect line on stderr, a quoted header and one comma-separated row', () => {
    const m = setup();
    const p = parseJmxToolArgs([
      '--object-name',
      'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions',
      '--one-time',
      'true',
    ]);
    if (!p.ok) throw new Error('parse');
    const hp = jmxUrlHost(p.request.jmxUrl);
    expect(hp).toEqual({ host: 'localhost', port: 9999 });
    const out = runJmxTool(p.request, jmxBeansFor(m.sim.state, m.mon, 'localhost', 9999), m.sim.state.now);
    expect(out).toEqual({
      stdout: '"time","kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions:Value"\n30000,0\n',
      stderr: 'Trying to connect to JMX url: service:jmx:rmi:///jndi/rmi://:9999/jmxrmi\n',
      exitCode: 0,
    });
  });

  it('meter attributes sorted, --attributes filters; no match is an error; nothing listening fails to connect', () => {
    const m = setup();
    const beans = jmxBeansFor(m.sim.state, m.mon, 'localhost', 9999);
    const p = parseJmxToolArgs([
      '--object-name',
      'kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec',
      '--attributes',
      'Count,OneMinuteRate',
    ]);
    if (!p.ok) throw new Error('parse');
    expect(runJmxTool(p.request, beans, 30_000).stdout).toBe(
      '"time","kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec:Count","kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec:OneMinuteRate"\n30000,0,0.0\n',
    );
    const none = parseJmxToolArgs(['--object-name', 'kafka.server:type=Nope,name=X']);
    if (!none.ok) throw new Error('parse');
    expect(runJmxTool(none.request, beans, 0).stderr).toContain(
      'No matched attributes for the queried objects [kafka.server:type=Nope,name=X].',
    );
    expect(runJmxTool(none.request, null, 0).exitCode).toBe(1);
  });
});
