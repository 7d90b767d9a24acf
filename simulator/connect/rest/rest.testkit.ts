// Helpers for the Connect REST tests: a two-worker cluster and a one-line request runner.
import { emptyConnectCluster, handleConnectRequest } from './handler';
import { SIMULATED_PLUGINS } from './plugins';
import type { ConnectClusterState, ConnectRequest, ConnectResponse, HttpMethod } from './types';

export const WORKERS = ['connect-1:8083', 'connect-2:8083'];

export const cluster = (): ConnectClusterState => emptyConnectCluster(WORKERS);

export function call(
  state: ConnectClusterState,
  method: HttpMethod,
  path: string,
  body?: unknown,
  query?: ConnectRequest['query'],
): ConnectResponse {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return handleConnectRequest(state, { method, path, body: text, query }, SIMULATED_PLUGINS);
}

export const FILE_SOURCE_CONFIG = {
  'connector.class': 'FileStreamSource',
  file: '/tmp/in.txt',
  topic: 'lines',
};

export const JDBC_SINK_CONFIG = {
  'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
  'connection.url': 'jdbc:postgresql://db:5432/shop',
  topics: 'orders',
  'tasks.max': '3',
};

/** A cluster holding `jdbc-sink` (3 tasks) created through the API. */
export function withJdbcSink(): ConnectClusterState {
  const r = call(cluster(), 'POST', '/connectors', { name: 'jdbc-sink', config: JDBC_SINK_CONFIG });
  if (r.status !== 201) throw new Error(`setup failed: ${JSON.stringify(r.body)}`);
  return r.newState;
}

/** Marks a task FAILED with a trace, as a worker would after an uncaught exception. */
export function failTask(
  state: ConnectClusterState,
  name: string,
  task: number,
  trace: string,
): ConnectClusterState {
  return {
    ...state,
    connectors: state.connectors.map((c) =>
      c.name !== name
        ? c
        : {
            ...c,
            taskStatuses: c.taskStatuses.map((t, i) => (i === task ? { ...t, state: 'FAILED', trace } : t)),
          },
    ),
  };
}
