// Broker listeners as KafkaConfig validates them at startup: `listeners`, `advertised.listeners`,
// `listener.security.protocol.map`, `inter.broker.listener.name` / `security.inter.broker.protocol` and, for
// a KRaft broker, `controller.listener.names` (KafkaConfig#validateValues, #effectiveListenerSecurityProtocolMap,
// CoreUtils#listenerListToEndPoints, SocketServerConfigs#listenerListToEndPoints, Csv#parseCsvMap).

import { javaSplit } from './javaCompat';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];

export type Endpoint = {
  /** Upper-cased (ListenerName#normalised). */
  listenerName: string;
  securityProtocol: SecurityProtocol;
  /** null = bind to the default interface (an empty host in the URI). */
  host: string | null;
  port: number;
};

export type BrokerListeners = {
  listeners: Endpoint[];
  /** What clients are told to connect to (advertised.listeners, else listeners), without controller listeners. */
  advertised: Endpoint[];
  protocolMap: Array<[string, SecurityProtocol]>;
  interBrokerListenerName: string;
  interBrokerSecurityProtocol: SecurityProtocol;
};

/** A startup failure: the exception class KafkaConfig throws and its message. */
export type ConfigError = { exception: string; message: string };

export type ListenerParse = { ok: true; value: BrokerListeners } | { ok: false; error: ConfigError };

/** SocketServerConfigs#LISTENERS_DEFAULT. */
export const LISTENERS_DEFAULT = 'PLAINTEXT://:9092';
/** SocketServerConfigs#LISTENER_SECURITY_PROTOCOL_MAP_DEFAULT, in the order the docs print it. */
export const LISTENER_SECURITY_PROTOCOL_MAP_DEFAULT =
  'SASL_SSL:SASL_SSL,PLAINTEXT:PLAINTEXT,SSL:SSL,SASL_PLAINTEXT:SASL_PLAINTEXT';

const CONFIG_EXCEPTION = 'org.apache.kafka.common.config.ConfigException';
const ILLEGAL_ARGUMENT = 'java.lang.IllegalArgumentException';

class StartupError {
  constructor(readonly error: ConfigError) {}
}

function fail(exception: string, message: string): never {
  throw new StartupError({ exception, message });
}

/** Scala's require(cond, msg): IllegalArgumentException("requirement failed: " + msg). */
function require(cond: boolean, message: string): void {
  if (!cond) fail(ILLEGAL_ARGUMENT, `requirement failed: ${message}`);
}

function forName(name: string): SecurityProtocol | null {
  const up = name.toUpperCase();
  return (SECURITY_PROTOCOLS as readonly string[]).includes(up) ? (up as SecurityProtocol) : null;
}

/** Csv#parseCsvMap: split on commas, each entry split at its LAST colon, both sides trimmed. */
function parseCsvMap(propName: string, value: string): Array<[string, string]> {
  if (value === '') return [];
  const out: Array<[string, string]> = [];
  for (const s of javaSplit(value, /\s*,\s*/)) {
    const lio = s.lastIndexOf(':');
    if (lio < 0) {
      // String#substring(0, -1) → StringIndexOutOfBoundsException, wrapped by KafkaConfig#getMap.
      fail(
        ILLEGAL_ARGUMENT,
        `Error parsing configuration property '${propName}': begin 0, end -1, length ${s.length}`,
      );
    }
    const key = s.slice(0, lio).trim();
    const at = out.findIndex(([k]) => k === key);
    const entry: [string, string] = [key, s.slice(lio + 1).trim()];
    if (at >= 0) out[at] = entry;
    else out.push(entry);
  }
  return out;
}

/** Csv#parseCsvList: split on commas with surrounding spaces, empty entries dropped. */
function parseCsvList(value: string): string[] {
  if (value === '') return [];
  return javaSplit(value, /\s*,\s*/).filter((v) => v !== '');
}

/** EndPoint#parseListenerName. */
function parseListenerName(connectionString: string): string {
  const colon = connectionString.indexOf(':');
  if (colon < 0)
    fail(
      'org.apache.kafka.common.KafkaException',
      `Unable to parse a listener name from ${connectionString}`,
    );
  return connectionString.slice(0, colon).toUpperCase();
}

const URI_PARSE = /^(?:(.*):\/\/\[?([0-9a-zA-Z\-%._:]*)\]?:(-?[0-9]+))$/;

function isIpv4(h: string): boolean {
  return /^(\d{1,3})(\.\d{1,3}){3}$/.test(h) && h.split('.').every((p) => Number(p) <= 255);
}
function isIpv6(h: string): boolean {
  return h.includes(':') && /^[0-9a-fA-F:.%a-zA-Z]*$/.test(h);
}

/** CoreUtils#listenerListToEndPoints: parse, then check names and ports are distinct. */
function listenerListToEndPoints(
  listeners: string,
  protocolOf: (name: string) => SecurityProtocol | null,
  requireDistinctPorts: boolean,
): Endpoint[] {
  const endpoints: Endpoint[] = [];
  try {
    for (const entry of parseCsvList(listeners.trim())) {
      const m = URI_PARSE.exec(entry);
      if (!m)
        throw new StartupError({
          exception: 'KafkaException',
          message: `Unable to parse ${entry} to a broker endpoint`,
        });
      const listenerName = m[1].toUpperCase();
      const portText = m[3];
      const port = Number(portText);
      if (!Number.isSafeInteger(port) || port > 2147483647 || port < -2147483648) {
        throw new StartupError({
          exception: 'NumberFormatException',
          message: `For input string: "${portText}"`,
        });
      }
      const securityProtocol = protocolOf(listenerName);
      if (securityProtocol === null) {
        throw new StartupError({
          exception: 'IllegalArgumentException',
          message: `No security protocol defined for listener ${listenerName}`,
        });
      }
      endpoints.push({ listenerName, securityProtocol, host: m[2] === '' ? null : m[2], port });
    }
  } catch (e) {
    if (e instanceof StartupError) {
      fail(ILLEGAL_ARGUMENT, `Error creating broker listeners from '${listeners}': ${e.error.message}`);
    }
    throw e;
  }
  require(new Set(endpoints.map((e) => e.listenerName)).size ===
    endpoints.length, `Each listener must have a different name, listeners: ${listeners}`);
  if (requireDistinctPorts) {
    const byPort = new Map<number, Endpoint[]>();
    for (const e of endpoints) if (e.port !== 0) byPort.set(e.port, [...(byPort.get(e.port) ?? []), e]);
    for (const [port, eps] of byPort) {
      if (eps.length < 2) continue;
      const withIp = eps.filter((e) => e.host !== null && (isIpv4(e.host) || isIpv6(e.host)));
      const withoutIp = eps.filter((e) => !withIp.includes(e));
      require(new Set(withoutIp.map((e) => e.port)).size ===
        withoutIp.length, `Each listener must have a different port, listeners: ${listeners}`);
      if (withIp.length === 2) {
        const msg = `If you have two listeners on the same port then one needs to be IPv4 and the other IPv6, listeners: ${listeners}, port: ${port}`;
        const [a, b] = withIp.map((e) => e.host as string);
        require((isIpv4(a) && isIpv6(b)) || (isIpv6(a) && isIpv4(b)), msg);
        if (withoutIp.length > 0) fail(ILLEGAL_ARGUMENT, msg);
      } else if (withIp.length > 2) {
        fail(
          ILLEGAL_ARGUMENT,
          `Each listener must have a different port unless exactly one listener has an IPv4 address and the other IPv6 address, listeners: ${listeners}, port: ${port}`,
        );
      }
    }
  }
  return endpoints;
}

export type BrokerListenerProps = Partial<
  Record<
    | 'listeners'
    | 'advertised.listeners'
    | 'listener.security.protocol.map'
    | 'inter.broker.listener.name'
    | 'security.inter.broker.protocol'
    | 'controller.listener.names',
    string
  >
>;

/**
 * Validate a KRaft broker's listener configuration in KafkaConfig's order and return its endpoints, or the
 * exception the broker exits with. The controller-listener checks run only when `controller.listener.names`
 * is given (the simulated brokers reach the controllers outside this model).
 */
export function parseBrokerListeners(props: BrokerListenerProps): ListenerParse {
  try {
    return { ok: true, value: validate(props) };
  } catch (e) {
    if (e instanceof StartupError) return { ok: false, error: e.error };
    throw e;
  }
}

function validate(props: BrokerListenerProps): BrokerListeners {
  const listenersText = props.listeners ?? LISTENERS_DEFAULT;
  const controllerNames = props['controller.listener.names']
    ? props['controller.listener.names'].split(',')
    : [];
  // KafkaConfig#effectiveListenerSecurityProtocolMap
  const mapText = props['listener.security.protocol.map'] ?? LISTENER_SECURITY_PROTOCOL_MAP_DEFAULT;
  let protocolMap: Array<[string, SecurityProtocol]> = parseCsvMap(
    'listener.security.protocol.map',
    mapText,
  ).map(([k, v]) => {
    const p = forName(v);
    if (p === null)
      fail(CONFIG_EXCEPTION, `Invalid security protocol \`${v}\` defined in listener.security.protocol.map`);
    return [k.toUpperCase(), p];
  });
  if (props['listener.security.protocol.map'] === undefined) {
    // KRaft: with the default map, controller listeners default to PLAINTEXT unless SSL/SASL is in use.
    const sslOrSasl = (n: string) => n === 'SSL' || n === 'SASL_SSL' || n === 'SASL_PLAINTEXT';
    const inUse =
      controllerNames.some(sslOrSasl) ||
      parseCsvList(listenersText).some((l) => sslOrSasl(parseListenerName(l)));
    if (!inUse) {
      for (const n of controllerNames.filter((x) => x !== 'PLAINTEXT')) {
        if (!protocolMap.some(([k]) => k === n)) protocolMap = [...protocolMap, [n, 'PLAINTEXT']];
      }
    }
  }
  const protocolOf = (name: string) => protocolMap.find(([k]) => k === name)?.[1] ?? null;

  let listeners: Endpoint[] | null = null;
  const getListeners = () => {
    listeners ??= listenerListToEndPoints(listenersText, protocolOf, true);
    return listeners;
  };
  if (controllerNames.length > 0) {
    require(!getListeners().some((l) =>
      controllerNames.includes(l.listenerName),
    ), "controller.listener.names must not contain a value appearing in the 'listeners' configuration when running KRaft with just the broker role");
    for (const n of controllerNames) {
      if (protocolOf(n.toUpperCase()) === null) {
        fail(
          CONFIG_EXCEPTION,
          `Controller listener with name ${n.toUpperCase()} defined in controller.listener.names not found in listener.security.protocol.map  (an explicit security mapping for each controller listener is required if listener.security.protocol.map is non-empty, or if there are security protocols other than PLAINTEXT in use)`,
        );
      }
    }
  }
  const listenerNames = getListeners().map((l) => l.listenerName);
  const advertisedAll =
    props['advertised.listeners'] !== undefined
      ? listenerListToEndPoints(props['advertised.listeners'], protocolOf, false)
      : getListeners();
  const advertised = advertisedAll.filter((l) => !controllerNames.includes(l.listenerName));
  const advertisedNames = [...new Set(advertised.map((l) => l.listenerName))];
  require(advertisedNames.length >
    0, `There must be at least one broker advertised listener. Perhaps all listeners appear in controller.listener.names?`);
  // KafkaConfig#getInterBrokerListenerNameAndSecurityProtocol
  let interName: string;
  let interProtocol: SecurityProtocol;
  const ibl = props['inter.broker.listener.name'];
  if (ibl !== undefined) {
    if (props['security.inter.broker.protocol'] !== undefined) {
      fail(
        CONFIG_EXCEPTION,
        'Only one of inter.broker.listener.name and security.inter.broker.protocol should be set.',
      );
    }
    interName = ibl.toUpperCase();
    const p = protocolOf(interName);
    if (p === null) {
      fail(
        CONFIG_EXCEPTION,
        `Listener with name ${interName} defined in inter.broker.listener.name not found in listener.security.protocol.map.`,
      );
    }
    interProtocol = p;
  } else {
    const text = props['security.inter.broker.protocol'] ?? 'PLAINTEXT';
    const p = forName(text);
    if (p === null)
      fail(
        CONFIG_EXCEPTION,
        `Invalid security protocol \`${text}\` defined in security.inter.broker.protocol`,
      );
    interProtocol = p;
    interName = p;
  }
  require(advertisedNames.includes(
    interName,
  ), `inter.broker.listener.name must be a listener name defined in advertised.listeners. The valid options based on currently configured listeners are ${advertisedNames.join(',')}`);
  require(advertisedNames.every((n) =>
    listenerNames.includes(n),
  ), `advertised.listeners listener names must be equal to or a subset of the ones defined in listeners. Found ${advertisedNames.join(',')}. The valid options based on the current configuration are ${[...new Set(listenerNames)].join(',')}`);
  require(!advertised.some(
    (e) => e.host === '0.0.0.0',
  ), 'advertised.listeners cannot use the nonroutable meta-address 0.0.0.0. Use a routable IP address.');
  return {
    listeners: getListeners(),
    advertised,
    protocolMap,
    interBrokerListenerName: interName,
    interBrokerSecurityProtocol: interProtocol,
  };
}

/** The broker's last words when its configuration is refused (kafka.Kafka$ logs it and exits). */
export function formatStartupError(error: ConfigError): string {
  return `ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)\n${error.exception}: ${error.message}`;
}

/** EndPoint#connectionString, e.g. `SASL_SSL://broker1:9094` (Utils#formatAddress brackets IPv6). */
export function connectionString(e: Endpoint): string {
  const host = e.host === null ? '' : e.host.includes(':') ? `[${e.host}]` : e.host;
  return `${e.listenerName}://${host}:${e.port}`;
}
