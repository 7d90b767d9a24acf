import { describe, expect, it } from 'vitest';
import { handleConnectRequest } from './handler';
import { SIMULATED_PLUGINS } from './plugins';
import { call, cluster, FILE_SOURCE_CONFIG, failTask, JDBC_SINK_CONFIG, withJdbcSink } from './rest.testkit';

const SINK_CONFIG = { ...JDBC_SINK_CONFIG, name: 'jdbc-sink' };
const TASK_CONFIG = { ...SINK_CONFIG, 'task.class': 'io.confluent.connect.jdbc.sink.JdbcSinkTask' };
const VALIDATE_HINT =
  'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`';

describe('GET / (RootResource#serverInfo)', () => {
  it('returns 200 with version, commit and kafka_cluster_id', () => {
    const r = call(cluster(), 'GET', '/');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      version: '4.0.0',
      commit: 'unknown',
      kafka_cluster_id: 'MkU3OEVBNTcwNTJENDM2Qg',
    });
  });
});

describe('POST /connectors (ConnectorsResource#createConnector)', () => {
  it('creates: 201, Location /connectors/<name>, ConnectorInfo with tasks [] (task configs come later)', () => {
    const r = call(cluster(), 'POST', '/connectors', { name: 'jdbc-sink', config: JDBC_SINK_CONFIG });
    expect(r.status).toBe(201);
    expect(r.headers.Location).toBe('/connectors/jdbc-sink');
    expect(r.body).toEqual({ name: 'jdbc-sink', config: SINK_CONFIG, tasks: [], type: 'sink' });
  });

  it('Location is absolute, resolved against the request base URI (JAX-RS Response#created)', () => {
    const r = handleConnectRequest(
      cluster(),
      {
        method: 'POST',
        path: '/connectors',
        headers: { Host: 'localhost:8083' },
        body: JSON.stringify({ name: 'my sink', config: JDBC_SINK_CONFIG }),
      },
      SIMULATED_PLUGINS,
    );
    expect(r.headers.Location).toBe('http://localhost:8083/connectors/my%20sink');
  });

  it('writes connector-<name>, then the workers write statuses, task-<name>-<n> and commit-<name> (KafkaConfigBackingStore)', () => {
    const r = call(cluster(), 'POST', '/connectors', { name: 'jdbc-sink', config: JDBC_SINK_CONFIG });
    const st = (state: string, worker: string) => ({ state, trace: null, worker_id: worker, generation: 1 });
    expect(r.records).toEqual([
      { topic: 'connect-configs', key: 'connector-jdbc-sink', value: { properties: SINK_CONFIG } },
      { topic: 'connect-status', key: 'status-connector-jdbc-sink', value: st('RUNNING', 'connect-1:8083') },
      { topic: 'connect-configs', key: 'task-jdbc-sink-0', value: { properties: TASK_CONFIG } },
      { topic: 'connect-configs', key: 'task-jdbc-sink-1', value: { properties: TASK_CONFIG } },
      { topic: 'connect-configs', key: 'task-jdbc-sink-2', value: { properties: TASK_CONFIG } },
      { topic: 'connect-configs', key: 'commit-jdbc-sink', value: { tasks: 3 } },
      { topic: 'connect-status', key: 'status-task-jdbc-sink-0', value: st('RUNNING', 'connect-2:8083') },
      { topic: 'connect-status', key: 'status-task-jdbc-sink-1', value: st('RUNNING', 'connect-1:8083') },
      { topic: 'connect-status', key: 'status-task-jdbc-sink-2', value: st('RUNNING', 'connect-2:8083') },
    ]);
  });

  it('initial_state (KIP-980) writes target-state-<name> before the config; STOPPED is PAUSED in "state", STOPPED in "state.v2"', () => {
    const r = call(cluster(), 'POST', '/connectors', {
      name: 'jdbc-sink',
      config: JDBC_SINK_CONFIG,
      initial_state: 'STOPPED',
    });
    expect(r.status).toBe(201);
    expect(r.records.slice(0, 2).map((x) => [x.key, x.value])).toEqual([
      ['target-state-jdbc-sink', { state: 'PAUSED', 'state.v2': 'STOPPED' }],
      ['connector-jdbc-sink', { properties: SINK_CONFIG }],
    ]);
    expect(call(r.newState, 'GET', '/connectors/jdbc-sink/status').body).toEqual({
      name: 'jdbc-sink',
      connector: { state: 'STOPPED', worker_id: 'connect-1:8083' },
      tasks: [],
      type: 'sink',
    });
  });

  it('a duplicate name is 409 "Connector <name> already exists" (DistributedHerder#doPutConnectorConfig)', () => {
    const s = withJdbcSink();
    const r = call(s, 'POST', '/connectors', { name: 'jdbc-sink', config: JDBC_SINK_CONFIG });
    expect(r.status).toBe(409);
    expect(r.body).toEqual({ error_code: 409, message: 'Connector jdbc-sink already exists' });
    expect(r.newState).toBe(s);
    expect(r.records).toEqual([]);
  });

  it('an invalid config is 400 with every error, one per line (AbstractHerder#maybeAddConfigErrors)', () => {
    const r = call(cluster(), 'POST', '/connectors', {
      name: 'bad',
      config: { 'connector.class': 'JdbcSink', 'tasks.max': '0' },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error_code: 400,
      message: [
        'Connector configuration is invalid and contains the following 4 error(s):',
        'Invalid value 0 for configuration tasks.max: Value must be at least 1',
        'Must configure one of topics or topics.regex',
        'Must configure one of topics or topics.regex',
        'Missing required configuration "connection.url" which has no default value.',
        VALIDATE_HINT,
      ].join('\n'),
    });
    expect(r.records).toEqual([]);
  });

  it('validation comes before the duplicate check: an invalid config for an existing name is 400, not 409', () => {
    const r = call(withJdbcSink(), 'POST', '/connectors', {
      name: 'jdbc-sink',
      config: { 'connector.class': 'JdbcSink' },
    });
    expect(r.status).toBe(400);
  });

  it('tasks.max that is not a number reports the parse error and the non-null check (ConfigDef#parseForValidate)', () => {
    const r = call(cluster(), 'POST', '/connectors', {
      name: 'f',
      config: { ...FILE_SOURCE_CONFIG, 'tasks.max': 'two' },
    });
    expect((r.body as { message: string }).message.split('\n').slice(0, 3)).toEqual([
      'Connector configuration is invalid and contains the following 2 error(s):',
      'Invalid value two for configuration tasks.max: Not a number of type INT',
      'Invalid value null for configuration tasks.max: Value must be non-null',
    ]);
  });

  it('an empty (or blank, it is trimmed) name is 400 "String may not be empty" (NonEmptyStringWithoutControlChars)', () => {
    const r = call(cluster(), 'POST', '/connectors', { name: '  ', config: FILE_SOURCE_CONFIG });
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toContain(
      'Invalid value  for configuration name: String may not be empty',
    );
  });

  it('no connector.class is 400 "Connector config {…} contains no connector type"', () => {
    const r = call(cluster(), 'POST', '/connectors', { name: 'x', config: { topic: 't' } });
    expect(r.body).toEqual({
      error_code: 400,
      message: 'Connector config {topic=t, name=x} contains no connector type',
    });
  });

  it('an unknown connector.class is 500 listing the installed plugins (Plugins#connectorClass)', () => {
    const r = call(cluster(), 'POST', '/connectors', { name: 'x', config: { 'connector.class': 'Nope' } });
    expect(r.status).toBe(500);
    expect((r.body as { message: string }).message).toMatch(
      /^Failed to find any class that implements Connector and which name matches Nope, available connectors are: PluginDesc\{klass=class io\.confluent\.connect\.elasticsearch\.ElasticsearchSinkConnector, name='io\.confluent\.connect\.elasticsearch\.ElasticsearchSinkConnector', version='14\.1\.0'/,
    );
  });

  it("a config name different from the request's is 400 (ConnectorsResource#checkAndPutConnectorConfigName)", () => {
    const r = call(cluster(), 'POST', '/connectors', {
      name: 'a',
      config: { ...FILE_SOURCE_CONFIG, name: 'b' },
    });
    expect(r.body).toEqual({
      error_code: 400,
      message: "Connector name configuration (b) doesn't match connector name in the URL (a)",
    });
  });

  it('a body sent as application/x-www-form-urlencoded (curl -d without -H) is 415 (@Consumes(APPLICATION_JSON))', () => {
    const r = handleConnectRequest(
      cluster(),
      {
        method: 'POST',
        path: '/connectors',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: JSON.stringify({ name: 'f', config: FILE_SOURCE_CONFIG }),
      },
      SIMULATED_PLUGINS,
    );
    expect(r.status).toBe(415);
    expect(r.body).toEqual({ error_code: 415, message: 'HTTP 415 Unsupported Media Type' });
  });

  it('unparseable JSON fails in the JSON provider and ConnectExceptionMapper answers 500', () => {
    const r = call(cluster(), 'POST', '/connectors', '{"name": "x", "config": {');
    expect(r.status).toBe(500);
    expect(r.body).toMatchObject({ error_code: 500 });
  });

  it('a null value is refused: "Null value can not be supplied as the configuration value."', () => {
    const r = call(cluster(), 'POST', '/connectors', {
      name: 'f',
      config: { ...FILE_SOURCE_CONFIG, extra: null },
    });
    expect(r.body).toEqual({
      error_code: 400,
      message: [
        'Connector configuration is invalid and contains the following 1 error(s):',
        'Null value can not be supplied as the configuration value.',
        VALIDATE_HINT,
      ].join('\n'),
    });
  });

  it('numbers in the config map are read as strings (Jackson Map<String,String>)', () => {
    const r = call(cluster(), 'POST', '/connectors', {
      name: 'f',
      config: { ...FILE_SOURCE_CONFIG, 'tasks.max': 1 },
    });
    expect((r.body as { config: Record<string, string> }).config['tasks.max']).toBe('1');
  });
});

describe('GET /connectors (listConnectors)', () => {
  it('lists names; ?expand=status and ?expand=info nest each under the name', () => {
    const s = withJdbcSink();
    expect(call(s, 'GET', '/connectors').body).toEqual(['jdbc-sink']);
    const both = call(s, 'GET', '/connectors', undefined, { expand: ['status', 'info'] }).body as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(both['jdbc-sink'])).toEqual(['status', 'info']);
    expect(both['jdbc-sink'].info).toEqual(call(s, 'GET', '/connectors/jdbc-sink').body);
    expect(both['jdbc-sink'].status).toEqual(call(s, 'GET', '/connectors/jdbc-sink/status').body);
  });

  it('a query string in the path is read like the query map (/connectors?expand=status&expand=info)', () => {
    const s = withJdbcSink();
    expect(call(s, 'GET', '/connectors?expand=status&expand=info').body).toEqual(
      call(s, 'GET', '/connectors', undefined, { expand: ['status', 'info'] }).body,
    );
  });

  it('an unknown expansion is ignored: {"<name>": {}}', () => {
    expect(call(withJdbcSink(), 'GET', '/connectors', undefined, { expand: 'everything' }).body).toEqual({
      'jdbc-sink': {},
    });
  });
});

describe('GET /connectors/{name}, /config, /tasks, /status, /tasks/{id}/status', () => {
  const s = withJdbcSink();
  it('GET /connectors/{name} is ConnectorInfo with the task ids', () => {
    expect(call(s, 'GET', '/connectors/jdbc-sink').body).toEqual({
      name: 'jdbc-sink',
      config: SINK_CONFIG,
      tasks: [0, 1, 2].map((task) => ({ connector: 'jdbc-sink', task })),
      type: 'sink',
    });
  });
  it('GET /config is the raw config map', () => {
    expect(call(s, 'GET', '/connectors/jdbc-sink/config').body).toEqual(SINK_CONFIG);
  });
  it('GET /tasks is [{id:{connector,task}, config}] with the task.class the worker adds', () => {
    const body = call(s, 'GET', '/connectors/jdbc-sink/tasks').body as unknown[];
    expect(body[1]).toEqual({ id: { connector: 'jdbc-sink', task: 1 }, config: TASK_CONFIG });
  });
  it('GET /status is ConnectorStateInfo; trace appears only when non-empty', () => {
    const failed = failTask(s, 'jdbc-sink', 2, 'org.apache.kafka.connect.errors.ConnectException: boom');
    expect(call(failed, 'GET', '/connectors/jdbc-sink/status').body).toEqual({
      name: 'jdbc-sink',
      connector: { state: 'RUNNING', worker_id: 'connect-1:8083' },
      tasks: [
        { id: 0, state: 'RUNNING', worker_id: 'connect-2:8083' },
        { id: 1, state: 'RUNNING', worker_id: 'connect-1:8083' },
        {
          id: 2,
          state: 'FAILED',
          worker_id: 'connect-2:8083',
          trace: 'org.apache.kafka.connect.errors.ConnectException: boom',
        },
      ],
      type: 'sink',
    });
  });
  it('GET /tasks/{id}/status is one TaskState', () => {
    expect(call(s, 'GET', '/connectors/jdbc-sink/tasks/1/status').body).toEqual({
      id: 1,
      state: 'RUNNING',
      worker_id: 'connect-1:8083',
    });
  });
  it('each lookup has its own 404 text (DistributedHerder, AbstractHerder)', () => {
    const msg = (path: string, method: 'GET' | 'PUT' | 'POST' | 'DELETE' = 'GET') =>
      call(s, method, path).body as { error_code: number; message: string };
    expect(msg('/connectors/nope')).toEqual({ error_code: 404, message: 'Connector nope not found' });
    expect(msg('/connectors/nope/config').message).toBe('Connector nope not found');
    expect(msg('/connectors/nope/tasks').message).toBe('Connector nope not found');
    expect(msg('/connectors/nope', 'DELETE').message).toBe('Connector nope not found');
    expect(msg('/connectors/nope/status').message).toBe('No status found for connector nope');
    expect(msg('/connectors/jdbc-sink/tasks/9/status').message).toBe('No status found for task jdbc-sink-9');
    expect(msg('/connectors/nope/pause', 'PUT').message).toBe('Unknown connector nope');
    expect(msg('/connectors/nope/stop', 'PUT').message).toBe('Unknown connector nope');
    expect(msg('/connectors/nope/restart', 'POST').message).toBe('Unknown connector: nope');
    expect(msg('/connectors/nope/tasks/0/restart', 'POST').message).toBe('Unknown connector: nope');
    expect(msg('/connectors/jdbc-sink/tasks/7/restart', 'POST').message).toBe('Unknown task: jdbc-sink-7');
  });
  it('an unknown path is Jersey\'s 404 "HTTP 404 Not Found", a wrong method 405', () => {
    expect(call(s, 'GET', '/connectors/jdbc-sink/nothing').body).toEqual({
      error_code: 404,
      message: 'HTTP 404 Not Found',
    });
    expect(call(s, 'GET', '/connectors/jdbc-sink/tasks/x/status').status).toBe(404);
    expect(call(s, 'DELETE', '/connectors').body).toEqual({
      error_code: 405,
      message: 'HTTP 405 Method Not Allowed',
    });
  });
});

describe('PUT and PATCH /connectors/{name}/config', () => {
  it('PUT creates with 201 + Location when the connector does not exist', () => {
    const r = call(cluster(), 'PUT', '/connectors/f/config', FILE_SOURCE_CONFIG);
    expect(r.status).toBe(201);
    expect(r.headers.Location).toBe('/connectors/f');
    expect(r.body).toEqual({
      name: 'f',
      config: { ...FILE_SOURCE_CONFIG, name: 'f' },
      tasks: [],
      type: 'source',
    });
  });

  it('PUT updates with 200 and the current task ids; fewer tasks write a shorter set and tombstone the extra statuses', () => {
    const r = call(withJdbcSink(), 'PUT', '/connectors/jdbc-sink/config', {
      ...JDBC_SINK_CONFIG,
      'tasks.max': '1',
    });
    expect(r.status).toBe(200);
    expect(r.headers.Location).toBeUndefined();
    expect((r.body as { tasks: unknown[] }).tasks).toHaveLength(3);
    expect(r.records.map((x) => [x.key, x.value === null ? null : 'value'])).toEqual([
      ['connector-jdbc-sink', 'value'],
      ['task-jdbc-sink-0', 'value'],
      ['commit-jdbc-sink', 'value'],
      ['status-task-jdbc-sink-0', 'value'],
      ['status-task-jdbc-sink-1', null],
      ['status-task-jdbc-sink-2', null],
    ]);
    expect(call(r.newState, 'GET', '/connectors/jdbc-sink/tasks').body).toHaveLength(1);
  });

  it('PUT with unchanged task configs writes only the connector config', () => {
    const r = call(withJdbcSink(), 'PUT', '/connectors/jdbc-sink/config', JDBC_SINK_CONFIG);
    expect(r.records.map((x) => x.key)).toEqual(['connector-jdbc-sink']);
  });

  it('PATCH merges, a null value removes the key (KIP-477, ConnectUtils#patchConfig), 200', () => {
    const r = call(withJdbcSink(), 'PATCH', '/connectors/jdbc-sink/config', {
      'tasks.max': null,
      'batch.size': 500,
    });
    expect(r.status).toBe(200);
    expect((r.body as { config: Record<string, string> }).config).toEqual({
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': 'jdbc:postgresql://db:5432/shop',
      topics: 'orders',
      name: 'jdbc-sink',
      'batch.size': '500',
    });
  });

  it('PATCH of an unknown connector is 404 "Connector <name> not found"', () => {
    expect(call(cluster(), 'PATCH', '/connectors/x/config', { a: 'b' }).body).toEqual({
      error_code: 404,
      message: 'Connector x not found',
    });
  });
});

describe('PUT pause / resume / stop', () => {
  it('pause is 202 with no body; FAILED tasks stay FAILED (connect.html §8.4)', () => {
    const s = failTask(withJdbcSink(), 'jdbc-sink', 0, 'boom');
    const r = call(s, 'PUT', '/connectors/jdbc-sink/pause');
    expect(r.status).toBe(202);
    expect(r.body).toBeUndefined();
    expect(r.records[0]).toEqual({
      topic: 'connect-configs',
      key: 'target-state-jdbc-sink',
      value: { state: 'PAUSED', 'state.v2': 'PAUSED' },
    });
    const st = call(r.newState, 'GET', '/connectors/jdbc-sink/status').body as { tasks: { state: string }[] };
    expect(st.tasks.map((t) => t.state)).toEqual(['FAILED', 'PAUSED', 'PAUSED']);
  });

  it('resume is 202 and brings paused tasks back to RUNNING; target-state-<name> is STARTED', () => {
    const paused = call(withJdbcSink(), 'PUT', '/connectors/jdbc-sink/pause').newState;
    const r = call(paused, 'PUT', '/connectors/jdbc-sink/resume');
    expect(r.status).toBe(202);
    expect(r.records[0].value).toEqual({ state: 'STARTED', 'state.v2': 'STARTED' });
    const st = call(r.newState, 'GET', '/connectors/jdbc-sink/status').body as { tasks: { state: string }[] };
    expect(st.tasks.map((t) => t.state)).toEqual(['RUNNING', 'RUNNING', 'RUNNING']);
  });

  it('a config change while PAUSED writes no task configs; resume generates them (DistributedHerder#reconfigureConnector)', () => {
    const paused = call(withJdbcSink(), 'PUT', '/connectors/jdbc-sink/pause').newState;
    const put = call(paused, 'PUT', '/connectors/jdbc-sink/config', {
      ...JDBC_SINK_CONFIG,
      'tasks.max': '2',
    });
    expect(put.records.map((x) => x.key)).toEqual(['connector-jdbc-sink']);
    const resumed = call(put.newState, 'PUT', '/connectors/jdbc-sink/resume');
    expect(resumed.records.map((x) => x.key)).toContain('commit-jdbc-sink');
    expect(call(resumed.newState, 'GET', '/connectors/jdbc-sink/tasks').body).toHaveLength(2);
  });

  it('a connector created PAUSED has no tasks until resumed (KIP-980)', () => {
    const r = call(cluster(), 'POST', '/connectors', {
      name: 'p',
      config: JDBC_SINK_CONFIG,
      initial_state: 'PAUSED',
    });
    expect(call(r.newState, 'GET', '/connectors/p/status').body).toMatchObject({
      connector: { state: 'PAUSED' },
      tasks: [],
    });
    const resumed = call(r.newState, 'PUT', '/connectors/p/resume');
    expect(call(resumed.newState, 'GET', '/connectors/p/tasks').body).toHaveLength(3);
  });

  it('stop is 204: an empty task set (commit {"tasks":0}) is written before the STOPPED target state (DistributedHerder#stopConnector)', () => {
    const r = call(withJdbcSink(), 'PUT', '/connectors/jdbc-sink/stop');
    expect(r.status).toBe(204);
    expect(r.records.slice(0, 2)).toEqual([
      { topic: 'connect-configs', key: 'commit-jdbc-sink', value: { tasks: 0 } },
      {
        topic: 'connect-configs',
        key: 'target-state-jdbc-sink',
        value: { state: 'PAUSED', 'state.v2': 'STOPPED' },
      },
    ]);
    expect(call(r.newState, 'GET', '/connectors/jdbc-sink/tasks').body).toEqual([]);
    const resumed = call(r.newState, 'PUT', '/connectors/jdbc-sink/resume');
    expect(call(resumed.newState, 'GET', '/connectors/jdbc-sink/tasks').body).toHaveLength(3);
  });
});

describe('POST /connectors/{name}/restart (KIP-745)', () => {
  it('without includeTasks/onlyFailed it is the legacy connector restart: 204, no body', () => {
    const r = call(withJdbcSink(), 'POST', '/connectors/jdbc-sink/restart');
    expect(r.status).toBe(204);
    expect(r.body).toBeUndefined();
  });

  it('includeTasks&onlyFailed is 202 with the plan: only FAILED ones are RESTARTING; restart-connector-<name> is written', () => {
    const s = failTask(withJdbcSink(), 'jdbc-sink', 1, 'boom');
    const r = call(s, 'POST', '/connectors/jdbc-sink/restart', undefined, {
      includeTasks: 'true',
      onlyFailed: 'true',
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({
      name: 'jdbc-sink',
      connector: { state: 'RUNNING', worker_id: 'connect-1:8083' },
      tasks: [
        { id: 0, state: 'RUNNING', worker_id: 'connect-2:8083' },
        { id: 1, state: 'RESTARTING', worker_id: 'connect-1:8083', trace: 'boom' },
        { id: 2, state: 'RUNNING', worker_id: 'connect-2:8083' },
      ],
      type: 'sink',
    });
    expect(r.records[0]).toEqual({
      topic: 'connect-configs',
      key: 'restart-connector-jdbc-sink',
      value: { 'include-tasks': true, 'only-failed': true },
    });
    const after = call(r.newState, 'GET', '/connectors/jdbc-sink/tasks/1/status').body;
    expect(after).toEqual({ id: 1, state: 'RUNNING', worker_id: 'connect-1:8083' });
  });

  it('includeTasks alone restarts the connector and every task', () => {
    const r = call(withJdbcSink(), 'POST', '/connectors/jdbc-sink/restart', undefined, {
      includeTasks: 'true',
    });
    const body = r.body as { connector: { state: string }; tasks: { state: string }[] };
    expect([body.connector.state, ...body.tasks.map((t) => t.state)]).toEqual([
      'RESTARTING',
      'RESTARTING',
      'RESTARTING',
      'RESTARTING',
    ]);
  });

  it('POST /tasks/{id}/restart is 204 and clears the failure', () => {
    const s = failTask(withJdbcSink(), 'jdbc-sink', 0, 'boom');
    const r = call(s, 'POST', '/connectors/jdbc-sink/tasks/0/restart');
    expect(r.status).toBe(204);
    expect(call(r.newState, 'GET', '/connectors/jdbc-sink/tasks/0/status').body).toMatchObject({
      state: 'RUNNING',
    });
  });
});

describe('DELETE /connectors/{name}', () => {
  it('is 204; tombstones connector-<name> and target-state-<name>, then the status entries (DESTROYED)', () => {
    const r = call(withJdbcSink(), 'DELETE', '/connectors/jdbc-sink');
    expect(r.status).toBe(204);
    expect(r.records.map((x) => [x.key, x.value])).toEqual([
      ['connector-jdbc-sink', null],
      ['target-state-jdbc-sink', null],
      ['status-task-jdbc-sink-0', null],
      ['status-task-jdbc-sink-1', null],
      ['status-task-jdbc-sink-2', null],
      ['status-connector-jdbc-sink', null],
    ]);
    expect(call(r.newState, 'GET', '/connectors/jdbc-sink').status).toBe(404);
  });
});

describe('/connector-plugins (ConnectorPluginsResource)', () => {
  it('GET lists {class, type, version}', () => {
    const body = call(cluster(), 'GET', '/connector-plugins').body as unknown[];
    expect(body).toHaveLength(10);
    expect(body[0]).toEqual({
      class: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
      type: 'sink',
      version: '14.1.0',
    });
  });

  it('GET /{type}/config lists the plugin keys, then the framework keys; an unknown plugin is 404 "Unknown plugin x."', () => {
    const body = call(cluster(), 'GET', '/connector-plugins/FileStreamSink/config').body as {
      name: string;
    }[];
    expect(body.map((k) => k.name).slice(0, 3)).toEqual(['file', 'name', 'connector.class']);
    expect(call(cluster(), 'GET', '/connector-plugins/Nope/config').body).toEqual({
      error_code: 404,
      message: 'Unknown plugin Nope.',
    });
  });

  it('PUT /{type}/config/validate returns ConfigInfos: definition + value per key, error_count, groups', () => {
    const r = call(cluster(), 'PUT', '/connector-plugins/FileStreamSourceConnector/config/validate', {
      'connector.class': 'org.apache.kafka.connect.file.FileStreamSourceConnector',
      name: 'f',
      'tasks.max': '2',
    });
    expect(r.status).toBe(200);
    const infos = r.body as {
      name: string;
      error_count: number;
      groups: string[];
      configs: { definition: { name: string } | null; value: unknown }[];
    };
    expect(infos.name).toBe('org.apache.kafka.connect.file.FileStreamSourceConnector');
    expect(infos.error_count).toBe(1);
    expect(infos.groups).toEqual(['Common', 'Transforms', 'Predicates', 'Error Handling']);
    expect(infos.configs.find((c) => c.definition?.name === 'tasks.max')).toEqual({
      definition: {
        name: 'tasks.max',
        type: 'INT',
        required: false,
        default_value: '1',
        importance: 'HIGH',
        documentation: 'Upper bound on the number of tasks the connector may create.',
        group: 'Common',
        order: 3,
        width: 'SHORT',
        display_name: 'Tasks max',
        dependents: [],
      },
      value: { name: 'tasks.max', value: '2', recommended_values: [], errors: [], visible: true },
    });
    expect(infos.configs.find((c) => c.definition?.name === 'topic')?.value).toEqual({
      name: 'topic',
      value: null,
      recommended_values: [],
      errors: ['Missing required configuration "topic" which has no default value.'],
      visible: true,
    });
  });

  it('a PASSWORD value is shown as [hidden]', () => {
    const r = call(cluster(), 'PUT', '/connector-plugins/JdbcSource/config/validate', {
      'connector.class': 'JdbcSource',
      'connection.password': 'secret',
    });
    const c = (r.body as { configs: { value: { name: string; value: string } | null }[] }).configs;
    expect(c.find((x) => x.value?.name === 'connection.password')?.value?.value).toBe('[hidden]');
  });

  it('validate refuses a connector.class of another type: 400 "Included connector type … does not match request type …"', () => {
    const r = call(cluster(), 'PUT', '/connector-plugins/JdbcSink/config/validate', {
      'connector.class': 'FileStreamSource',
    });
    expect(r.body).toEqual({
      error_code: 400,
      message: 'Included connector type FileStreamSource does not match request type JdbcSink',
    });
  });
});
