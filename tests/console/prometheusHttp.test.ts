// The monitoring stack behind the console's curl (kafka-cli/http/prometheus.ts): jmx_exporter on 9404,
// kafka_exporter on 9308, Prometheus' HTTP API on 9090, with curl 8's exit codes from the shared curl.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { Simulation } from '@/simulator';

function monitoredConsole() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const c = consoleFor(sim);
  for (const l of [
    'kafka-topics.sh --create --topic orders --partitions 2 --replication-factor 3',
    'monitoring start',
    'clock advance 30s',
  ])
    expect(c.run(l).exitCode, l).toBe(0);
  return c;
}

describe('curl to the monitoring endpoints', () => {
  it('nothing listens on 9404 or 9090 before monitoring start: curl (7)', () => {
    const c = consoleFor(new Simulation({ brokers: 3, seed: 42 }));
    expect(c.run('curl localhost:9404/metrics')).toEqual({
      stdout: '',
      stderr: "curl: (7) Failed to connect to localhost port 9404 after 0 ms: Couldn't connect to server",
      exitCode: 7,
    });
    expect(c.run('curl -s localhost:9090/api/v1/query?query=up').exitCode).toBe(7);
  });

  it('localhost:9404/metrics is the lowest broker’s jmx_exporter page: HELP, TYPE and the gauge (exposition format 0.0.4)', () => {
    const c = monitoredConsole();
    const page = c.run('curl -s localhost:9404/metrics');
    expect(page.exitCode).toBe(0);
    const lines = page.stdout.split('\n').filter((l) => l.includes('underreplicated'));
    expect(lines).toEqual([
      '# HELP kafka_server_replicamanager_underreplicatedpartitions Attribute exposed for management kafka.server:name=UnderReplicatedPartitions,type=ReplicaManager,attribute=Value',
      '# TYPE kafka_server_replicamanager_underreplicatedpartitions gauge',
      'kafka_server_replicamanager_underreplicatedpartitions 0.0',
    ]);
    // One kafka.log:type=Log,name=Size per replica on the broker: 2 partitions × RF 3 on 3 brokers.
    expect(page.stdout.split('\n').filter((l) => l.startsWith('kafka_log_log_size{'))).toHaveLength(2);
    // -i shows the jmx_exporter content type.
    expect(c.run('curl -si localhost:9404/metrics').stdout).toMatch(
      /content-type: text\/plain; version=0\.0\.4/i,
    );
  });

  it('a stopped broker refuses the connection (7); -f turns a 404 into exit 22', () => {
    const c = monitoredConsole();
    expect(c.run('broker stop 2').exitCode).toBe(0);
    expect(c.run('curl my-cluster-kafka-2:9404/metrics')).toEqual({
      stdout: '',
      stderr:
        "curl: (7) Failed to connect to my-cluster-kafka-2 port 9404 after 0 ms: Couldn't connect to server",
      exitCode: 7,
    });
    expect(c.run('curl -s my-cluster-kafka-2:9404/metrics').stderr).toBe('');
    expect(c.run('curl -s kafka-1:9404/metrics').exitCode).toBe(0);
    expect(c.run('curl nosuchhost:9404/metrics').stderr).toBe('curl: (6) Could not resolve host: nosuchhost');
    expect(c.run('curl -sf localhost:9090/nope').exitCode).toBe(22);
  });

  it('Prometheus API: /api/v1/query with -G --data-urlencode, a POST form, and bad PromQL as bad_data (prometheus.io HTTP API)', () => {
    const c = monitoredConsole();
    const ok = c.run(
      "curl -sG localhost:9090/api/v1/query --data-urlencode 'query=sum(kafka_controller_kafkacontroller_activecontrollercount)'",
    );
    expect(JSON.parse(ok.stdout)).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [30, '1'] }] },
    });
    const post = c.run("curl -s localhost:9090/api/v1/query --data-urlencode 'query=up == 0'");
    expect(JSON.parse(post.stdout)).toEqual({
      status: 'success',
      data: { resultType: 'vector', result: [] },
    });
    const bad = c.run("curl -s 'localhost:9090/api/v1/query?query=sum(up'");
    expect(JSON.parse(bad.stdout)).toMatchObject({ status: 'error', errorType: 'bad_data' });
    const alerts = JSON.parse(c.run('curl -s localhost:9090/api/v1/alerts').stdout);
    // No message reached the new topic: changes(...[10m]) == 0 holds from the start (as in Prometheus).
    expect(
      alerts.data.alerts
        .filter((a: { labels: { topic: string } }) => a.labels.topic === 'orders')
        .map((a: { labels: { alertname: string }; value: string }) => [a.labels.alertname, a.value]),
    ).toEqual([
      ['NoMessageForTooLong', '0e+00'],
      ['NoMessageForTooLong', '0e+00'],
    ]);
  });

  it('kafka_exporter on 9308 exports kafka_brokers and the partition families', () => {
    const c = monitoredConsole();
    const page = c.run('curl -s my-cluster-kafka-exporter:9308/metrics').stdout.split('\n');
    expect(page).toContain('kafka_brokers 3.0');
    expect(
      page.filter((l) => l.startsWith('kafka_topic_partition_replicas{') && l.includes('topic="orders"')),
    ).toHaveLength(2);
  });
});
