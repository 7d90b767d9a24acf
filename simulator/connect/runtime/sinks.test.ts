import { describe, expect, it } from 'vitest';
import { evaluateGoal } from '../../goals/index';
import type { Simulation } from '../../index';
import { readModel } from '../../read/index';
import { must } from '../../testing/sim.testkit';
import { advance, connectSim, rest, topicRecords } from './connect.testkit';

function orders(s: Simulation, values: string[], partitions = 1): void {
  if (!s.state.topics.orders)
    must(s, { type: 'createTopic', topic: 'orders', partitions, replicationFactor: 3 });
  if (!s.state.producers?.tk) must(s, { type: 'producerCreate', name: 'tk', configs: { acks: 'all' } });
  must(s, {
    type: 'producerSendMany',
    producer: 'tk',
    topic: 'orders',
    records: values.map((value, i) => ({ key: `k${i}`, value, partition: 0 })),
  });
  must(s, { type: 'producerFlush', producer: 'tk' });
}

const S3 = (extra: Record<string, string> = {}) => ({
  name: 's3-orders',
  config: {
    'connector.class': 'io.confluent.connect.s3.S3SinkConnector',
    topics: 'orders',
    's3.bucket.name': 'lake',
    'flush.size': '3',
    'storage.class': 'io.confluent.connect.s3.storage.S3Storage',
    'format.class': 'io.confluent.connect.s3.format.json.JsonFormat',
    'value.converter.schemas.enable': 'false',
    ...extra,
  },
});

const json = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ order: i }));

describe('S3 sink task (TopicPartitionWriter) in consumer group connect-<name> (SinkUtils#consumerGroupId)', () => {
  it('writes topics/<topic>/partition=<p>/<topic>+<p>+<startOffset>.json every flush.size records; the open file waits', () => {
    const s = connectSim();
    orders(s, json(7));
    rest(s, 'POST', '/connectors', S3());
    advance(s, 1_100);
    const bucket = readModel(s)
      .connect()
      .buckets.find((b) => b.bucket === 'lake');
    expect(bucket?.objects.map((o) => [o.key, o.records])).toEqual([
      ['topics/orders/partition=0/orders+0+0000000000.json', 3],
      ['topics/orders/partition=0/orders+0+0000000003.json', 3],
    ]);
  });

  it('commits to group connect-s3-orders only the offsets of uploaded files (S3SinkTask#preCommit), so the lag shows the open file', () => {
    const s = connectSim(2, 10_000);
    orders(s, json(7));
    rest(s, 'POST', '/connectors', S3());
    advance(s, 10_100);
    const g = readModel(s).group('connect-s3-orders');
    expect(g?.partitions.map((p) => [p.topic, p.partition, p.committed, p.lag])).toEqual([
      ['orders', 0, 6, 1],
    ]);
    expect(readModel(s).connect().connectors[0].sinkGroup).toEqual({ groupId: 'connect-s3-orders', lag: 1 });
  });

  it('after a crash the successor re-reads from the committed offset and rewrites the same object keys: exactly-once files', () => {
    const s = connectSim(2, 10_000);
    orders(s, json(4));
    rest(s, 'POST', '/connectors', S3({ 'flush.size': '2' }));
    advance(s, 1_100);
    const owner = readModel(s).connect().connectors[0].tasks[0].workerId;
    must(s, { type: 'connectWorkerStop', worker: owner, crash: true });
    advance(s, 320_000);
    const objects = readModel(s).connect().buckets[0].objects;
    expect(objects.map((o) => o.key)).toEqual([
      'topics/orders/partition=0/orders+0+0000000000.json',
      'topics/orders/partition=0/orders+0+0000000002.json',
    ]);
    expect(objects.every((o) => o.writes === 2)).toBe(true);
  });

  it('errors.tolerance=none (default): a record JsonConverter cannot parse fails the task with "Tolerance exceeded in error handler" (RetryWithToleranceOperator)', () => {
    const s = connectSim();
    orders(s, [JSON.stringify({ order: 1 }), 'not json', JSON.stringify({ order: 3 })]);
    rest(s, 'POST', '/connectors', S3({ 'flush.size': '1' }));
    advance(s, 1_100);
    const status = rest(s, 'GET', '/connectors/s3-orders/status').body as {
      tasks: Array<{ state: string; trace?: string }>;
    };
    expect(status.tasks[0].state).toBe('FAILED');
    expect(status.tasks[0].trace).toContain(
      'org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler',
    );
    expect(status.tasks[0].trace).toContain(
      'Caused by: org.apache.kafka.connect.errors.DataException: Converting byte[] to Kafka Connect data failed due to serialization error: ',
    );
    expect(readModel(s).connect().buckets[0].objects).toHaveLength(1);
  });

  it("schemas.enable=true refuses plain JSON with JsonConverter's own message", () => {
    const s = connectSim();
    orders(s, [JSON.stringify({ order: 1 })]);
    rest(s, 'POST', '/connectors', S3({ 'value.converter.schemas.enable': 'true' }));
    advance(s, 1_100);
    const trace = readModel(s).connect().connectors[0].tasks[0].trace ?? '';
    expect(trace).toContain('JsonConverter with schemas.enable requires "schema" and "payload" fields');
  });

  it('errors.tolerance=all with a dead letter queue: the poison record goes to the DLQ with the __connect.errors.* headers (DeadLetterQueueReporter) and the task keeps RUNNING', () => {
    const s = connectSim();
    orders(s, [JSON.stringify({ order: 1 }), 'not json', JSON.stringify({ order: 3 })]);
    rest(
      s,
      'POST',
      '/connectors',
      S3({
        'flush.size': '1',
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': 'dlq-orders',
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
    );
    advance(s, 1_100);
    expect(readModel(s).connect().connectors[0].tasks[0].state).toBe('RUNNING');
    expect(readModel(s).connect().buckets[0].objects).toHaveLength(2);
    const [dead] = topicRecords(s, 'dlq-orders');
    expect(dead.value).toBe('not json');
    const h = Object.fromEntries(dead.headers);
    expect(h).toMatchObject({
      '__connect.errors.topic': 'orders',
      '__connect.errors.partition': '0',
      '__connect.errors.offset': '1',
      '__connect.errors.connector.name': 's3-orders',
      '__connect.errors.task.id': '0',
      '__connect.errors.stage': 'VALUE_CONVERTER',
      '__connect.errors.class.name': 'org.apache.kafka.connect.json.JsonConverter',
      '__connect.errors.exception.class.name': 'org.apache.kafka.connect.errors.DataException',
    });
  });

  it('a FAILED task is not restarted automatically; POST /connectors/<name>/tasks/0/restart starts it again from the committed offset', () => {
    const s = connectSim();
    orders(s, ['not json']);
    rest(s, 'POST', '/connectors', S3({ 'flush.size': '1' }));
    advance(s, 60_000);
    expect(readModel(s).connect().connectors[0].tasks[0].state).toBe('FAILED');
    rest(s, 'PUT', '/connectors/s3-orders/config', {
      ...S3({ 'flush.size': '1', 'errors.tolerance': 'all' }).config,
    });
    rest(s, 'POST', '/connectors/s3-orders/tasks/0/restart');
    advance(s, 1_100);
    expect(readModel(s).connect().connectors[0].tasks[0].state).toBe('RUNNING');
  });
});

describe('goal kind connectTasks', () => {
  it("is met only when every task is in the state, and with onLiveWorker not by a crashed worker's stale RUNNING status", () => {
    const s = connectSim();
    orders(s, json(1));
    rest(s, 'POST', '/connectors', S3());
    const goal = (onLiveWorker: boolean) => ({
      description: 'running',
      conditions: [{ kind: 'connectTasks', connector: 's3-orders', state: 'RUNNING', onLiveWorker }],
    });
    expect(evaluateGoal(readModel(s), goal(true)).met).toBe(true);
    const owner = readModel(s).connect().connectors[0].tasks[0].workerId;
    must(s, { type: 'connectWorkerStop', worker: owner, crash: true });
    expect(evaluateGoal(readModel(s), goal(false)).met).toBe(true);
    expect(evaluateGoal(readModel(s), goal(true)).met).toBe(false);
  });
});

describe('Elasticsearch sink task (ElasticsearchSinkConnectorConfig)', () => {
  it('indexes into the topic-named index with id topic+partition+offset when key.ignore=true, else the record key', () => {
    const s = connectSim();
    orders(s, json(2));
    rest(s, 'POST', '/connectors', {
      name: 'es-orders',
      config: {
        'connector.class': 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
        'connection.url': 'http://elasticsearch:9200',
        topics: 'orders',
        'key.ignore': 'true',
        'value.converter.schemas.enable': 'false',
      },
    });
    advance(s, 1_100);
    expect(
      readModel(s)
        .connect()
        .indices[0].documents.map((d) => d.id),
    ).toEqual(['orders+0+0', 'orders+0+1']);
  });
});

describe('sink tasks as members of the consumer group connect-<name> (WorkerSinkTask, Worker#baseConsumerConfigs)', () => {
  const members = (s: Simulation, connector: string) =>
    (s.state.areas.consumers.groups[`connect-${connector}`]?.group.members ?? []).map((m) => [
      m.clientId,
      m.assignment.map((tp) => `${tp.topic}-${tp.partition}`),
    ]);

  it('one member per task, client id connector-consumer-<name>-<task>, partitions split by RangeAssignor', () => {
    const s = connectSim();
    orders(s, json(2), 4);
    rest(s, 'POST', '/connectors', S3({ 'tasks.max': '2' }));
    advance(s, 1_100);
    expect(members(s, 's3-orders')).toEqual([
      ['connector-consumer-s3-orders-0', ['orders-0', 'orders-1']],
      ['connector-consumer-s3-orders-1', ['orders-2', 'orders-3']],
    ]);
    expect(s.state.areas.consumers.groups['connect-s3-orders'].group).toMatchObject({
      state: 'Stable',
      protocolName: 'range',
    });
  });

  it("a FAILED task's consumer leaves the group: the connector's other task is assigned its partitions and meets the same poison record", () => {
    const s = connectSim();
    orders(s, ['not json'], 2);
    rest(s, 'POST', '/connectors', S3({ 'tasks.max': '2' }));
    advance(s, 1_100);
    // task 0 owned orders-0 and failed on the poison record; task 1 then got orders-0 too, and failed on it
    const tasks = readModel(s).connect().connectors[0].tasks;
    expect(tasks.map((t) => t.state)).toEqual(['FAILED', 'FAILED']);
    expect(members(s, 's3-orders')).toEqual([]);
    expect(s.state.areas.consumers.groups['connect-s3-orders'].group.state).toBe('Empty');
    const gens = s.events
      .filter((e) => e.type === 'groupStateChanged' && e.reason.includes('connect-s3-orders'))
      .map((e) => e.reason)
      .filter((r) => r.includes('assigned with range'));
    expect(gens.at(-1)).toContain('connector-consumer-s3-orders-1 ← orders-0, orders-1');
  });
});
