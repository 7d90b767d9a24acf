// The Connect REST API (`ConnectorsResource`, `ConnectorPluginsResource`, `RootResource`) over plain data. Errors
// are shaped as `ConnectExceptionMapper` sends them: `{"error_code": <status>, "message": <text>}`.
import { reconfigureConnector, restart, startNewConnector, transition } from './herder';
import {
  connectorConfigRecord,
  connectorStatusRecord,
  removeConnectorRecords,
  restartRequestRecord,
  targetStateRecord,
  taskConfigRecords,
  taskStatusRecord,
} from './internalTopics';
import { pluginsRoute } from './pluginsResource';
import {
  type ConfigMap,
  type Ctx,
  connectorInfo,
  connectorStateInfo,
  find,
  JSON_HEADERS,
  notAllowed,
  notFound,
  type Outcome,
  parseBody,
  pluginOf,
  put,
  queryBool,
  queryList,
  RestError,
  requireConnector,
  stateJson,
  taskIds,
  toConfigMap,
  unknownConnectorClass,
} from './restCommon';
import type {
  ConnectClusterState,
  ConnectEvent,
  ConnectorEntry,
  ConnectorPlugin,
  ConnectRequest,
  ConnectResponse,
  InternalRecord,
  RuntimeStatus,
  TargetState,
} from './types';
import { configErrorsMessage, findPlugin, javaMapString, validateConnectorConfig } from './validate';

export { connectorInfo, connectorStateInfo } from './restCommon';

/** `AbstractHerder#validateConnectorConfig` up to `maybeAddConfigErrors`: the errors a create/update refuses with. */
function validateForPut(ctx: Ctx, config: ConfigMap): ConnectorPlugin {
  const cls = config['connector.class'];
  if (cls === undefined || cls === null) {
    throw new RestError(400, `Connector config ${javaMapString(config)} contains no connector type`);
  }
  const plugin = findPlugin(ctx.plugins, cls);
  if (!plugin) throw unknownConnectorClass(ctx.plugins, cls);
  const message = configErrorsMessage(validateConnectorConfig(plugin, config));
  if (message) throw new RestError(400, message);
  return plugin;
}

/** `ConnectorsResource#checkAndPutConnectorConfigName`. */
function checkAndPutName(name: string, config: ConfigMap | null): ConfigMap {
  if (config === null) throw new RestError(500, null);
  const included = config.name;
  if (included !== undefined && included !== null) {
    if (included !== name) {
      throw new RestError(
        400,
        `Connector name configuration (${included}) doesn't match connector name in the URL (${name})`,
      );
    }
    return config;
  }
  return { ...config, name };
}

/** `doPutConnectorConfig`: validate, refuse a duplicate when not replacing, write, let the workers react. */
function putConfig(
  ctx: Ctx,
  name: string,
  config: ConfigMap,
  initial: TargetState | null,
  allowReplace: boolean,
): Outcome {
  const plugin = validateForPut(ctx, config);
  const existing = find(ctx.state, name);
  if (existing && !allowReplace) throw new RestError(409, `Connector ${name} already exists`);
  const props = config as Record<string, string>; // validation refused every null value
  const records: InternalRecord[] = [];
  if (initial !== null) records.push(targetStateRecord(name, initial));
  records.push(connectorConfigRecord(name, props));
  const info = { name, config: { ...props }, tasks: existing ? taskIds(existing) : [], type: plugin.type };
  let state: ConnectClusterState;
  let events: ConnectEvent[];
  if (existing) {
    const step = reconfigureConnector(ctx.state, plugin, existing, props);
    records.push(...step.records);
    state = put(ctx.state, step.entry);
    events = [
      { type: 'connector-reconfigured', connector: name, reason: `connector ${name}'s config was updated` },
    ];
  } else {
    const st = { ...ctx.state, generation: ctx.state.generation + 1 };
    const step = startNewConnector(st, plugin, name, props, initial ?? 'STARTED');
    records.push(...step.records);
    state = put(st, step.entry);
    events = [
      {
        type: 'connector-created',
        connector: name,
        reason: `connector ${name} (${plugin.className}) was created with ${step.entry.taskConfigs.length} task(s), target state ${step.entry.targetState}`,
      },
    ];
  }
  const location = locationOf(ctx.req, name);
  return existing
    ? { status: 200, body: info, state, records, events }
    : { status: 201, body: info, headers: { Location: location }, state, records, events };
}

/** JAX-RS resolves the relative `/connectors/<name>` against the request's base URI. */
function locationOf(req: ConnectRequest, name: string): string {
  const path = `/connectors/${encodeURIComponent(name)}`;
  const host = req.headers?.Host ?? req.headers?.host;
  return host ? `http://${host}${path}` : path;
}

const INITIAL: Record<string, TargetState> = { RUNNING: 'STARTED', PAUSED: 'PAUSED', STOPPED: 'STOPPED' };

function createConnector(ctx: Ctx): Outcome {
  const body = parseBody(ctx.req.body) as Record<string, unknown> | null;
  if (body === null || typeof body !== 'object') throw new RestError(500, null);
  const name = typeof body.name === 'string' ? body.name.trim() : '';
  let initial: TargetState | null = null;
  if (body.initial_state !== undefined && body.initial_state !== null) {
    // CreateConnectorRequest.InitialState#forValue upper-cases the text (KIP-980).
    initial = INITIAL[String(body.initial_state).toUpperCase()] ?? null;
    if (initial === null) {
      throw new RestError(
        500,
        `No enum constant ${'org.apache.kafka.connect.runtime.rest.entities.CreateConnectorRequest.InitialState'}.${String(body.initial_state).toUpperCase()}`,
      );
    }
  }
  return putConfig(ctx, name, checkAndPutName(name, toConfigMap(body.config)), initial, false);
}

function listConnectors(ctx: Ctx): Outcome {
  const expand = queryList(ctx.req.query, 'expand');
  if (!expand) return { status: 200, body: ctx.state.connectors.map((c) => c.name) };
  const out: Record<string, Record<string, unknown>> = {};
  for (const c of ctx.state.connectors) {
    const e: Record<string, unknown> = {};
    for (const x of expand) {
      if (x === 'status') e.status = connectorStateInfo(c);
      else if (x === 'info') e.info = connectorInfo(c);
    }
    out[c.name] = e;
  }
  return { status: 200, body: out };
}

function connectorRoute(ctx: Ctx, name: string, rest: string[]): Outcome {
  const { method } = ctx.req;
  const s = ctx.state;
  const sub = rest.join('/');
  const notFoundMsg = `Connector ${name} not found`;
  if (sub === '') {
    if (method === 'GET') return { status: 200, body: connectorInfo(requireConnector(s, name, notFoundMsg)) };
    if (method === 'DELETE') {
      const c = requireConnector(s, name, notFoundMsg);
      const records = [
        ...removeConnectorRecords(name),
        ...c.taskStatuses.map((_, i) => taskStatusRecord(name, i, null)),
        connectorStatusRecord(name, null),
      ];
      const state = {
        ...s,
        generation: s.generation + 1,
        connectors: s.connectors.filter((x) => x.name !== name),
      };
      return {
        status: 204,
        state,
        records,
        events: [
          {
            type: 'connector-deleted',
            connector: name,
            reason: `connector ${name} and its tasks were removed`,
          },
        ],
      };
    }
    throw notAllowed();
  }
  if (sub === 'config') {
    if (method === 'GET') return { status: 200, body: { ...requireConnector(s, name, notFoundMsg).config } };
    if (method === 'PUT') {
      const config = checkAndPutName(name, toConfigMap(parseBody(ctx.req.body)));
      return putConfig(ctx, name, config, null, true);
    }
    if (method === 'PATCH') {
      const patch = toConfigMap(parseBody(ctx.req.body)) ?? {};
      const c = requireConnector(s, name, notFoundMsg);
      // ConnectUtils#patchConfig: a null value removes the key, any other value sets it.
      const patched: ConfigMap = { ...c.config };
      for (const [k, v] of Object.entries(patch)) {
        if (v === null) delete patched[k];
        else patched[k] = v;
      }
      const out = putConfig(ctx, name, patched, null, true);
      return { ...out, status: 200, headers: {} };
    }
    throw notAllowed();
  }
  if (sub === 'status' && method === 'GET') {
    return {
      status: 200,
      body: connectorStateInfo(requireConnector(s, name, `No status found for connector ${name}`)),
    };
  }
  if (sub === 'tasks' && method === 'GET') {
    const c = requireConnector(s, name, notFoundMsg);
    return {
      status: 200,
      body: c.taskConfigs.map((config, task) => ({ id: { connector: name, task }, config: { ...config } })),
    };
  }
  if (rest[0] === 'tasks' && rest.length === 3) return taskRoute(ctx, name, rest[1], rest[2]);
  if ((sub === 'pause' || sub === 'resume' || sub === 'stop') && method === 'PUT') {
    const c = requireConnector(s, name, `Unknown connector ${name}`);
    const to: TargetState = sub === 'pause' ? 'PAUSED' : sub === 'resume' ? 'STARTED' : 'STOPPED';
    const records: InternalRecord[] = [];
    let entry: ConnectorEntry;
    if (to === 'STOPPED') {
      // DistributedHerder#stopConnector writes an empty task set first, then the STOPPED target state.
      records.push(...taskConfigRecords(name, []), targetStateRecord(name, 'STOPPED'));
      records.push(...c.taskStatuses.map((_, i) => taskStatusRecord(name, i, null)));
      const cs: RuntimeStatus = { ...c.status, state: 'STOPPED', trace: null, generation: s.generation };
      records.push(connectorStatusRecord(name, cs));
      entry = { ...c, targetState: 'STOPPED', taskConfigs: [], taskStatuses: [], status: cs };
    } else {
      records.push(targetStateRecord(name, to));
      const step = transition(s, pluginOf(ctx, c), c, to);
      records.push(...step.records);
      entry = step.entry;
    }
    return {
      status: to === 'STOPPED' ? 204 : 202,
      state: put(s, entry),
      records,
      events: [
        {
          type: `connector-${sub}`,
          connector: name,
          reason: `connector ${name}'s target state is now ${to}`,
        },
      ],
    };
  }
  if (sub === 'restart' && method === 'POST') return restartConnector(ctx, name);
  throw rest.length <= 1 && ['config', 'status', 'tasks', 'pause', 'resume', 'stop', 'restart'].includes(sub)
    ? notAllowed()
    : notFound();
}

/** `POST /connectors/{n}/restart`: both flags false is the legacy connector-only restart (204, no body); otherwise
 * a restart request is written to connect-configs and the plan is returned with 202 (KIP-745, `RestartRequest`). */
function restartConnector(ctx: Ctx, name: string): Outcome {
  const c = requireConnector(ctx.state, name, `Unknown connector: ${name}`);
  const includeTasks = queryBool(ctx.req.query, 'includeTasks');
  const onlyFailed = queryBool(ctx.req.query, 'onlyFailed');
  const event = (what: string): ConnectEvent[] => [
    { type: 'connector-restarted', connector: name, reason: what },
  ];
  if (!includeTasks && !onlyFailed) {
    const step = restart(ctx.state, c, true, [], false);
    return {
      status: 204,
      state: put(ctx.state, step.entry),
      records: step.records,
      events: event(`connector ${name} was restarted`),
    };
  }
  const restartConn = !onlyFailed || c.status.state === 'FAILED';
  const tasks = c.taskStatuses
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => includeTasks && (!onlyFailed || t.state === 'FAILED'))
    .map(({ i }) => i);
  const plan = connectorStateInfo({
    ...c,
    status: restartConn ? { ...c.status, state: 'RESTARTING' } : c.status,
    taskStatuses: c.taskStatuses.map((t, i) => (tasks.includes(i) ? { ...t, state: 'RESTARTING' } : t)),
  });
  const step = restart(ctx.state, c, restartConn, tasks, true);
  return {
    status: 202,
    body: plan,
    state: put(ctx.state, step.entry),
    records: [restartRequestRecord(name, includeTasks, onlyFailed), ...step.records],
    events: event(
      `restart of connector ${name}${restartConn ? '' : ' (connector skipped: not FAILED)'} and ${tasks.length} task(s)`,
    ),
  };
}

function taskRoute(ctx: Ctx, name: string, idText: string, action: string): Outcome {
  // A task id that is not an integer fails the @PathParam conversion: Jersey answers 404.
  if (!/^[+-]?\d+$/.test(idText)) throw notFound();
  const id = Number(idText);
  const { method } = ctx.req;
  if (action === 'status' && method === 'GET') {
    const c = find(ctx.state, name);
    const t = c?.taskStatuses[id];
    if (!t) throw new RestError(404, `No status found for task ${name}-${id}`);
    return { status: 200, body: { id, ...stateJson(t) } };
  }
  if (action === 'restart' && method === 'POST') {
    const c = requireConnector(ctx.state, name, `Unknown connector: ${name}`);
    if (c.taskConfigs[id] === undefined) throw new RestError(404, `Unknown task: ${name}-${id}`);
    const step = restart(ctx.state, c, false, [id], false);
    return {
      status: 204,
      state: put(ctx.state, step.entry),
      records: step.records,
      events: [{ type: 'task-restarted', connector: name, reason: `task ${name}-${id} was restarted` }],
    };
  }
  throw action === 'status' || action === 'restart' ? notAllowed() : notFound();
}

/** A query string left in the path (`/connectors?expand=status`, as curl sends it) joins `query`. */
function withPathQuery(req: ConnectRequest): ConnectRequest {
  const at = req.path.indexOf('?');
  if (at < 0) return req;
  const query: Record<string, string | string[]> = { ...(req.query ?? {}) };
  for (const [k, v] of new URLSearchParams(req.path.slice(at + 1))) {
    const prev = query[k];
    query[k] = prev === undefined ? v : [...(Array.isArray(prev) ? prev : [prev]), v];
  }
  return { ...req, path: req.path.slice(0, at), query };
}

/** Every resource method that reads a body is `@Consumes(APPLICATION_JSON)`: a body sent with another Content-Type
 * (curl -d without -H sends application/x-www-form-urlencoded) is refused by Jersey with 415. */
function checkContentType(req: ConnectRequest): void {
  if (req.body === undefined || req.method === 'GET' || req.method === 'DELETE') return;
  const entry = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type');
  if (entry && !/^application\/json\b/i.test(entry[1].trim())) {
    throw new RestError(415, 'HTTP 415 Unsupported Media Type');
  }
}

function route(ctx: Ctx): Outcome {
  checkContentType(ctx.req);
  const raw = ctx.req.path.split('?')[0];
  const segs = raw
    .split('/')
    .filter((x) => x !== '')
    .map((x) => decodeURIComponent(x));
  const { method } = ctx.req;
  if (segs.length === 0) {
    if (method !== 'GET') throw notAllowed();
    const { version, commit, kafkaClusterId } = ctx.state;
    return { status: 200, body: { version, commit, kafka_cluster_id: kafkaClusterId } };
  }
  if (segs[0] === 'connectors') {
    if (segs.length === 1) {
      if (method === 'GET') return listConnectors(ctx);
      if (method === 'POST') return createConnector(ctx);
      throw notAllowed();
    }
    return connectorRoute(ctx, segs[1], segs.slice(2));
  }
  if (segs[0] === 'connector-plugins') return pluginsRoute(ctx, segs.slice(1));
  throw notFound();
}

/** Handles one REST call against the cluster state. A refused call (any 4xx/5xx) returns the state unchanged and
 * writes no record. */
export function handleConnectRequest(
  state: ConnectClusterState,
  req: ConnectRequest,
  plugins: ConnectorPlugin[],
): ConnectResponse {
  try {
    const out = route({ state, plugins, req: withPathQuery(req) });
    const headers = { ...(out.headers ?? {}), ...(out.body !== undefined ? JSON_HEADERS : {}) };
    return {
      status: out.status,
      headers,
      body: out.body,
      newState: out.state ?? state,
      records: out.records ?? [],
      events: out.events ?? [],
    };
  } catch (e) {
    if (!(e instanceof RestError)) throw e;
    return {
      status: e.status,
      headers: { ...JSON_HEADERS },
      body: { error_code: e.status, message: e.nullMessage ? null : e.message },
      newState: state,
      records: [],
      events: [],
    };
  }
}

/** An empty cluster of the given workers. */
export function emptyConnectCluster(workers: string[] = ['connect-1:8083']): ConnectClusterState {
  return {
    version: '4.0.0',
    commit: 'unknown',
    kafkaClusterId: 'MkU3OEVBNTcwNTJENDM2Qg',
    workers,
    generation: 0,
    connectors: [],
  };
}
