import { describe, expect, it } from 'vitest';
import { parseCurlArgs, runCurl } from '../console/curl';
import { jmxBeansFor, monitoringEndpoints } from '../console/endpoints';
import { grep } from '../console/grep';
import { jmxUrlHost, parseJmxToolArgs, runJmxTool } from '../console/jmxTool';
import { monitored } from './monitoring.testkit';

function setup() {
  const m = monitored();
  m.must({ type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
  m.run(30_000);
  return m;
}
const curl = (m: ReturnType<typeof monitored>, line: string) =>
  runCurl(line.split(' ').slice(1), monitoringEndpoints(m.sim.state, m.mon));

describe('curl', () => {
  it("usage errors use curl's texts and exit codes", () => {
    const noUrl = parseCurlArgs(['-s']);
    expect(noUrl.ok ? null : noUrl.out).toEqual({
      stdout: '',
      stderr: "curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
      exitCode: 2,
    });
    const bad = parseCurlArgs(['--frobnicate', 'localhost']);
    expect(bad.ok ? null : bad.out.stderr).toBe(
      "curl: option --frobnicate: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    );
    const port = parseCurlArgs(['localhost:99999/metrics']);
    expect(port.ok ? null : port.out.exitCode).toBe(3);
  });

  it('curl -s localhost:9404/metrics | grep underreplicated shows the HELP, TYPE and the gauge', () => {
    const m = setup();
    const page = curl(m, 'curl -s localhost:9404/metrics');
    expect(page.exitCode).toBe(0);
    expect(grep(['underreplicated'], page.stdout).stdout).toBe(
      '# HELP kafka_server_replicamanager_underreplicatedpartitions Attribute exposed for management kafka.server:name=UnderReplicatedPartitions,type=ReplicaManager,attribute=Value\n' +
        '# TYPE kafka_server_replicamanager_underreplicatedpartitions gauge\n' +
        'kafka_server_replicamanager_underreplicatedpartitions 0.0\n',
    );
    expect(grep(['-c', 'kafka_log_log_size{'], page.stdout).stdout).toBe('2\n');
    expect(grep(['nothing-like-this'], page.stdout).exitCode).toBe(1);
  });

  it('a stopped broker refuses the connection; an unknown host does not resolve; -f turns 404 into exit 22', () => {
    const m = setup();
    m.must({ type: 'brokerStop', id: 2 });
    expect(curl(m, 'curl my-cluster-kafka-2:9404/metrics')).toEqual({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to my-cluster-kafka-2 port 9404 after 0 ms: Couldn't connect to server\n",
      exitCode: 7,
    });
    expect(curl(m, 'curl -s my-cluster-kafka-2:9404/metrics').stderr).toBe('');
    expect(curl(m, 'curl nosuchhost:9404/metrics').stderr).toBe(
      'curl: (6) Could not resolve host: nosuchhost\n',
    );
    expect(curl(m, 'curl -sf localhost:9090/nope').exitCode).toBe(22);
  });

  it('Prometheus API: /api/v1/query with -G --data-urlencode, and bad PromQL as bad_data', () => {
    const m = setup();
    const ok = runCurl(
      [
        '-sG',
        'localhost:9090/api/v1/query',
        '--data-urlencode',
        'query=sum(kafka_controller_kafkacontroller_activecontrollercount)',
      ],
      monitoringEndpoints(m.sim.state, m.mon),
    );
    expect(JSON.parse(ok.stdout)).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [30, '1'] }] },
    });
    const bad = runCurl(
      ['-s', 'localhost:9090/api/v1/query?query=sum(up'],
      monitoringEndpoints(m.sim.state, m.mon),
    );
    expect(JSON.parse(bad.stdout)).toMatchObject({ status: 'error', errorType: 'bad_data' });
    const alerts = JSON.parse(curl(m, 'curl -s localhost:9090/api/v1/alerts').stdout);
    // No message reached the new topic: changes(...[10m]) == 0 holds from the start (as in Prometheus).
    expect(alerts.status).toBe('success');
    expect(
      alerts.data.alerts.map((a: { labels: { alertname: string }; value: string }) => [
        a.labels.alertname,
        a.value,
      ]),
    ).toEqual([
      ['NoMessageForTooLong', '0e+00'],
      ['NoMessageForTooLong', '0e+00'],
    ]);
  });

  it("Burrow's endpoints answer through curl (burrow:8000)", () => {
    const m = setup();
    const list = JSON.parse(curl(m, 'curl -s burrow:8000/v3/kafka/local/consumer').stdout);
    expect(list).toEqual({
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
