// Golden transcript: a sink connector's tasks are consumers in the group `connect-<name>` (SinkUtils#consumerGroupId),
// with client ids `connector-consumer-<name>-<task>` (Worker#baseConsumerConfigs) and RangeAssignor's split.
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { preset } from '@/lib/content.server';
import { loadSqlite, Simulation } from '@/simulator/index';

beforeAll(() => loadSqlite());

const SINK = `curl -s -X POST -H 'Content-Type: application/json' -d '{"name":"s3-orders","config":{"connector.class":"io.confluent.connect.s3.S3SinkConnector","tasks.max":"2","topics":"orders","s3.bucket.name":"lake","flush.size":"1","storage.class":"io.confluent.connect.s3.storage.S3Storage","format.class":"io.confluent.connect.s3.format.json.JsonFormat"}}' localhost:8083/connectors`;

describe('sink connector consumer group (kafka-consumer-groups.sh)', () => {
  it("--members lists one member per sink task; --state shows Stable with range; a paused connector's consumers stay in the group (partitions paused), a stopped one's leave", () => {
    const p = preset('connect-source-jdbc');
    if (!p) throw new Error('no preset connect-source-jdbc');
    const sim = new Simulation({ brokers: p.brokers, seed: p.seed });
    runConsoleLines(sim, p.setup);
    const out = runConsoleLines(sim, [
      'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 4 --replication-factor 3',
      SINK,
      'clock advance 2s',
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group connect-s3-orders --members',
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group connect-s3-orders --state',
      'curl -s -X PUT localhost:8083/connectors/s3-orders/pause',
      'clock advance 1s',
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group connect-s3-orders --state',
      'curl -s -X PUT localhost:8083/connectors/s3-orders/stop',
      'clock advance 1s',
      'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --describe --group connect-s3-orders --state',
    ]);
    expect(out.map((r) => r.exitCode)).toEqual(Array(11).fill(0));
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;
    const members = out[3].stdout.replace(uuid, '<uuid>').trim().split('\n');
    expect(members[0].trim().split(/\s+/)).toEqual([
      'GROUP',
      'CONSUMER-ID',
      'HOST',
      'CLIENT-ID',
      '#PARTITIONS',
    ]);
    // RangeAssignor over 4 partitions and 2 members: two each
    expect(
      members.slice(1).map((l) =>
        l
          .trim()
          .split(/\s+/)
          .filter((_, i) => i !== 2),
      ),
    ).toEqual([
      ['connect-s3-orders', 'connector-consumer-s3-orders-0-<uuid>', 'connector-consumer-s3-orders-0', '2'],
      ['connect-s3-orders', 'connector-consumer-s3-orders-1-<uuid>', 'connector-consumer-s3-orders-1', '2'],
    ]);
    const state = (i: number) => out[i].stdout.trim().split('\n')[1].trim().split(/\s+/);
    expect(state(4).slice(-3)).toEqual(['range', 'Stable', '2']);
    expect(state(7).slice(-3)).toEqual(['range', 'Stable', '2']);
    expect(state(10).slice(-3)).toEqual(['-', 'Empty', '0']);
    expect(out[10].stdout + out[10].stderr).toContain(
      "Consumer group 'connect-s3-orders' has no active members.",
    );
  });
});
