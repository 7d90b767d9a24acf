// Shared pieces of the Connect REST handler: Connect's JSON shapes, the error type ConnectExceptionMapper turns into
// `{"error_code","message"}`, body and query parsing as Jersey/Jackson do them.
import type {
  ConnectClusterState,
  ConnectEvent,
  ConnectorEntry,
  ConnectorPlugin,
  ConnectRequest,
  InternalRecord,
  RuntimeStatus,
} from './types';
import { findPlugin } from './validate';

export const JSON_HEADERS = { 'Content-Type': 'application/json' };

export class RestError extends Error {
  constructor(
    readonly status: number,
    message: string | null,
  ) {
    super(message ?? 'null');
    this.nullMessage = message === null;
  }
  readonly nullMessage: boolean;
}

// Jersey's own texts for an unmatched path or method (javax.ws.rs NotFoundException / NotAllowedException).
export const notFound = () => new RestError(404, 'HTTP 404 Not Found');
export const notAllowed = () => new RestError(405, 'HTTP 405 Method Not Allowed');

/** `ConnectorStateInfo.AbstractState`: `trace` is left out when empty (`@JsonInclude(NON_EMPTY)`). */
export const stateJson = (s: RuntimeStatus) => ({
  state: s.state,
  worker_id: s.workerId,
  ...(s.trace ? { trace: s.trace } : {}),
});

export const connectorStateInfo = (c: ConnectorEntry) => ({
  name: c.name,
  connector: stateJson(c.status),
  tasks: c.taskStatuses.map((t, id) => ({ id, ...stateJson(t) })),
  type: c.type,
});

export const taskIds = (c: ConnectorEntry) => c.taskConfigs.map((_, task) => ({ connector: c.name, task }));

export const connectorInfo = (c: ConnectorEntry) => ({
  name: c.name,
  config: { ...c.config },
  tasks: taskIds(c),
  type: c.type,
});

export type ConfigMap = Record<string, string | null>;

/** Jackson reading a `Map<String,String>`: scalars become strings, `null` stays null. Simplified message. */
export function toConfigMap(v: unknown): ConfigMap | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || Array.isArray(v)) {
    throw new RestError(
      500,
      'Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.String>`',
    );
  }
  const out: ConfigMap = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (x !== null && typeof x === 'object') {
      throw new RestError(500, 'Cannot deserialize value of type `java.lang.String` from Object value');
    }
    out[k] = x === null ? null : String(x);
  }
  return out;
}

/** An unparseable body fails inside Jackson; ConnectExceptionMapper maps that to 500 with the parser's message
 * (simplified here: our text, not Jackson's). */
export function parseBody(body: string | undefined): unknown {
  if (body === undefined || body.trim() === '') return null;
  try {
    return JSON.parse(body);
  } catch (e) {
    throw new RestError(500, `Unexpected character in request body: ${(e as Error).message}`);
  }
}

export function queryList(q: ConnectRequest['query'], name: string): string[] | undefined {
  const v = q?.[name];
  return v === undefined ? undefined : Array.isArray(v) ? v : [v];
}
/** A `@QueryParam Boolean` is `Boolean.valueOf`: only "true" (any case) is true. */
export const queryBool = (q: ConnectRequest['query'], name: string) =>
  queryList(q, name)?.[0]?.toLowerCase() === 'true';

export interface Ctx {
  state: ConnectClusterState;
  plugins: ConnectorPlugin[];
  req: ConnectRequest;
}

export interface Outcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  state?: ConnectClusterState;
  records?: InternalRecord[];
  events?: ConnectEvent[];
}

export const find = (s: ConnectClusterState, name: string) => s.connectors.find((c) => c.name === name);
export const put = (s: ConnectClusterState, e: ConnectorEntry): ConnectClusterState => ({
  ...s,
  connectors: find(s, e.name) ? s.connectors.map((c) => (c.name === e.name ? e : c)) : [...s.connectors, e],
});
export const requireConnector = (s: ConnectClusterState, name: string, message: string) => {
  const c = find(s, name);
  if (!c) throw new RestError(404, message);
  return c;
};
export const pluginOf = (ctx: Ctx, c: ConnectorEntry) => {
  const p = findPlugin(ctx.plugins, c.config['connector.class'] ?? '');
  if (!p) throw new RestError(500, `Connector ${c.name} uses a plugin that is not installed`);
  return p;
};

/** `Plugins#connectorClass` when nothing matches: 500 listing every installed connector's PluginDesc. */
export function unknownConnectorClass(plugins: ConnectorPlugin[], cls: string): RestError {
  const descs = plugins
    .map(
      (p) =>
        `PluginDesc{klass=class ${p.className}, name='${p.className}', version='${p.version}', encodedVersion=${p.version}, type=${p.type}, typeName='${p.type}', location='${p.location ?? 'classpath'}'}`,
    )
    .join(', ');
  return new RestError(
    500,
    `Failed to find any class that implements Connector and which name matches ${cls}, available connectors are: ${descs}`,
  );
}
