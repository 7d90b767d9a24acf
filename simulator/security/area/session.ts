// A client's session: its --command-config properties (a workspace scratch file) give its security
// settings, the bootstrap server's port picks the listener, and the core's authenticate decides the
// principal (DefaultKafkaPrincipalBuilder). Pure: reads the state, returns the outcome.

import { ANONYMOUS, type KafkaPrincipal } from '../aclTypes';
import type { AuthOutcome } from '../authentication';
import { type BrokerSecurity, parseBrokerSecurityConfig } from '../brokerSecurity';
import { type ClientKind, clientSecurityFromProps, formatClientConfigError } from '../clientConfig';
import { parseJavaProperties } from '../javaProperties';
import type { Endpoint } from '../listeners';
import { connectClient, type SecurityState } from '../securityState';
import type { SecurityClient } from './types';

/** Where the simulated clients run (every tool runs "on the broker host"). */
export const CLIENT_ADDRESS = '127.0.0.1';

export type Session =
  | { ok: true; principal: KafkaPrincipal; outcome: AuthOutcome | null; endpoint: Endpoint | null }
  | {
      ok: false;
      clientError: string | null;
      clientLog: string | null;
      outcome: AuthOutcome | null;
      endpoint: Endpoint | null;
    };

/** The file's properties; null when the file does not exist. */
export function commandConfigProps(
  files: Record<string, string>,
  path: string | null,
): Record<string, string> | null {
  if (path === null) return {};
  const text = files[path.replace(/^(\.\/)+/, '')];
  return text === undefined ? null : parseJavaProperties(text);
}

/**
 * The endpoint a client reaches: the advertised listener with the bootstrap server's port; without one
 * (or no such port), the first listener speaking the client's security.protocol, else the first.
 * Simplified: a real client would fail to connect to a port nobody listens on.
 */
export function pickEndpoint(
  advertised: readonly Endpoint[],
  bootstrapServer: string | null,
  protocol: string,
): Endpoint | null {
  const port = bootstrapServer
    ? Number(/:(\d+)$/.exec(bootstrapServer.split(',')[0] ?? '')?.[1])
    : Number.NaN;
  return (
    advertised.find((e) => e.port === port) ??
    advertised.find((e) => e.securityProtocol === protocol) ??
    advertised[0] ??
    null
  );
}

export function openSession(
  core: SecurityState,
  files: Record<string, string>,
  client: SecurityClient,
): Session {
  const props = client.props ?? commandConfigProps(files, client.commandConfig);
  if (props === null) {
    return {
      ok: false,
      clientError: `java.nio.file.NoSuchFileException: ${client.commandConfig}`,
      clientLog: null,
      outcome: null,
      endpoint: null,
    };
  }
  const kind: ClientKind = client.kind;
  const parsed = clientSecurityFromProps(props, kind);
  if (!parsed.ok) {
    return {
      ok: false,
      clientError: formatClientConfigError(parsed.error),
      clientLog: null,
      outcome: null,
      endpoint: null,
    };
  }
  if (core.broker === null) {
    // No security on the brokers: PLAINTEXT as User:ANONYMOUS, whatever the client says (a TLS or SASL
    // client against a PLAINTEXT listener fails to connect in Kafka; the core decides that once listeners
    // are configured).
    if (parsed.value.securityProtocol !== 'PLAINTEXT') {
      const outcome = connectClient(
        {
          ...core,
          broker: defaultBroker(),
        },
        {
          brokerId: 1,
          endpoint: PLAINTEXT_9092,
          dialledHost: 'localhost',
          client: parsed.value,
          clientAddress: CLIENT_ADDRESS,
          clientLogPrefix: clientLogPrefix(client),
        },
      );
      return outcome.ok
        ? { ok: true, principal: outcome.principal, outcome, endpoint: PLAINTEXT_9092 }
        : {
            ok: false,
            clientError: outcome.clientError,
            clientLog: outcome.clientLog,
            outcome,
            endpoint: PLAINTEXT_9092,
          };
    }
    return { ok: true, principal: ANONYMOUS, outcome: null, endpoint: null };
  }
  const endpoint = pickEndpoint(
    core.broker.listeners.advertised,
    client.bootstrapServer,
    parsed.value.securityProtocol,
  );
  if (endpoint === null) return { ok: true, principal: ANONYMOUS, outcome: null, endpoint: null };
  const outcome = connectClient(core, {
    brokerId: 1,
    endpoint,
    dialledHost: endpoint.host ?? 'localhost',
    client: parsed.value,
    clientAddress: CLIENT_ADDRESS,
    clientLogPrefix: clientLogPrefix(client),
  });
  return outcome.ok
    ? { ok: true, principal: outcome.principal, outcome, endpoint }
    : { ok: false, clientError: outcome.clientError, clientLog: outcome.clientLog, outcome, endpoint };
}

const PLAINTEXT_9092: Endpoint = {
  listenerName: 'PLAINTEXT',
  securityProtocol: 'PLAINTEXT',
  host: 'localhost',
  port: 9092,
};

/** The broker with no security settings: one PLAINTEXT listener (SocketServerConfigs#LISTENERS_DEFAULT). */
function defaultBroker(): BrokerSecurity {
  const r = parseBrokerSecurityConfig({ listeners: 'PLAINTEXT://localhost:9092' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function clientLogPrefix(c: SecurityClient): string {
  const kind = c.kind === 'producer' ? 'Producer' : c.kind === 'consumer' ? 'Consumer' : 'AdminClient';
  return `[${kind} clientId=${c.clientId}] `;
}
