// Plain-data model of a Kafka Connect cluster's control plane, as the REST API and the internal topics expose it.

/** `org.apache.kafka.connect.runtime.TargetState`; the REST `initial_state` RUNNING maps to STARTED. */
export type TargetState = 'STARTED' | 'PAUSED' | 'STOPPED';

/** `AbstractStatus.State` (DESTROYED is never shown: it is written as a tombstone). */
export type RuntimeState = 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'RESTARTING';

export type ConnectorType = 'source' | 'sink';

/** One status entry as the worker writes it to connect-status (`KafkaStatusBackingStore`). */
export interface RuntimeStatus {
  state: RuntimeState;
  workerId: string;
  /** Stack trace of the failure, null when there is none. */
  trace: string | null;
  generation: number;
}

export interface ConnectorEntry {
  name: string;
  /** The raw connector config (`Map<String,String>`), in the order the request gave it, `name` included. */
  config: Record<string, string>;
  type: ConnectorType;
  targetState: TargetState;
  /** Task configs as written to `task-<name>-<n>`; their count is the last `commit-<name>`. */
  taskConfigs: Record<string, string>[];
  status: RuntimeStatus;
  /** One status per task id, index = task id. */
  taskStatuses: RuntimeStatus[];
}

export interface ConnectClusterState {
  /** `ServerInfo` fields of `GET /`. */
  version: string;
  commit: string;
  kafkaClusterId: string;
  /** Worker ids (`host:port`, the advertised REST URL's host and port). */
  workers: string[];
  /** Generation of the worker group; written into every status record. */
  generation: number;
  /** Connectors in creation order (Connect's own listing order comes from a hash set; ours is stable). */
  connectors: ConnectorEntry[];
}

// ---- plugins -------------------------------------------------------------------------------------------------

/** `ConfigDef.Type`. */
export type ConfigType =
  | 'BOOLEAN'
  | 'STRING'
  | 'INT'
  | 'SHORT'
  | 'LONG'
  | 'DOUBLE'
  | 'LIST'
  | 'CLASS'
  | 'PASSWORD';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Width = 'NONE' | 'SHORT' | 'MEDIUM' | 'LONG';

/** The validators the simulated plugins use (`ConfigDef.Range.atLeast`, `ValidString.in`, `NonEmptyString`…). */
export type ConfigValidator =
  | { kind: 'atLeast'; min: number }
  | { kind: 'between'; min: number; max: number }
  | { kind: 'in'; values: string[] }
  | { kind: 'nonEmptyString' }
  | { kind: 'nonEmptyStringWithoutControlChars' };

/** One `ConfigDef.ConfigKey`; `default` absent = `NO_DEFAULT_VALUE` (required). `null` is a real null default. */
export interface ConfigKeyDef {
  name: string;
  type: ConfigType;
  default?: string | null;
  validator?: ConfigValidator;
  importance: Importance;
  documentation: string;
  group?: string | null;
  orderInGroup?: number;
  width?: Width;
  displayName?: string;
}

export interface ConnectorPlugin {
  /** Fully qualified class name, as `connector.class` names it. */
  className: string;
  type: ConnectorType;
  version: string;
  /** The plugin's own `Connector#config()`. */
  configDefs: ConfigKeyDef[];
  /** How many task configs the connector's `taskConfigs(maxTasks)` returns at most (FileStream: 1). */
  maxTasks?: number;
  /** `task.class` the worker adds to every task config. */
  taskClass: string;
  /** Plugin path shown in `PluginDesc#toString`. */
  location?: string;
}

// ---- REST ----------------------------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ConnectRequest {
  method: HttpMethod;
  path: string;
  /** Query parameters; repeated parameters (`expand=status&expand=info`) as arrays. */
  query?: Record<string, string | string[]>;
  headers?: Record<string, string>;
  /** Raw request body text (JSON), as curl sends it. */
  body?: string;
}

/** A record a worker writes to one of the internal topics; `value: null` is a tombstone. */
export interface InternalRecord {
  topic: 'connect-configs' | 'connect-status';
  key: string;
  value: Record<string, unknown> | null;
}

/** A state change narrated for the learner. */
export interface ConnectEvent {
  type: string;
  reason: string;
  connector?: string;
}

export interface ConnectResponse {
  status: number;
  headers: Record<string, string>;
  /** The JSON body Connect sends, as data; `undefined` = no body (204, or 202 from pause/resume). */
  body?: unknown;
  newState: ConnectClusterState;
  records: InternalRecord[];
  events: ConnectEvent[];
}
