// What happens when a client connects to a listener, as decisions, not cryptography: the protocol match,
// the TLS handshake's certificate checks (trust, hostname verification, client certificate for mTLS), the
// SASL exchange (ApiVersions → SaslHandshake → SaslAuthenticate for PLAIN and SCRAM), and the principal
// DefaultKafkaPrincipalBuilder gives the session. Every step is data for a narrated sequence diagram.
// Nothing is encrypted, hashed or signed: certificates are records, SCRAM proofs are password comparisons.

import { ANONYMOUS, type KafkaPrincipal, principalToString } from './aclTypes';
import {
  type AuthFailureKind,
  type AuthOutcome,
  type ConnectionAttempt,
  type HandshakeStep,
  NETWORK_CLIENT,
  SELECTOR,
} from './handshake';
import { saslExchange } from './saslExchange';
import { mapSslPrincipal } from './sslPrincipalMapper';
import { tlsHandshake } from './tlsHandshake';

export type {
  AuthFailureKind,
  AuthOutcome,
  Certificate,
  ConnectionAttempt,
  HandshakeStep,
  Keystore,
  Pki,
  Truststore,
} from './handshake';
export { hostnameMatches, rfc2253 } from './handshake';

export function authenticate(a: ConnectionAttempt): AuthOutcome {
  const steps: HandshakeStep[] = [];
  const listener = a.endpoint.listenerName;
  const brokerProto = a.endpoint.securityProtocol;
  const clientProto = a.client.securityProtocol;
  const prefix = a.clientLogPrefix ?? '';
  const address = `${a.dialledHost}/${a.brokerAddress ?? '127.0.0.1'}:${a.endpoint.port}`;
  const node = `${a.dialledHost}:${a.endpoint.port} (id: -1 rack: null)`;
  const channel = `/${a.clientAddress} (channelId=${a.brokerAddress ?? '127.0.0.1'}:${a.endpoint.port}-${a.clientAddress}:50000-0)`;
  const brokerPrefix = `[SocketServer listenerType=BROKER, nodeId=${a.brokerId}] `;
  const mech = clientProto.startsWith('SASL') ? a.client.saslMechanism : null;
  const fail = (
    kind: AuthFailureKind,
    message: string,
    clientError: string | null,
    clientLog: string,
    brokerLog: string | null,
  ): AuthOutcome => ({
    ok: false,
    kind,
    clientError,
    clientLog,
    brokerLog,
    steps,
    events: [{ type: 'authenticationFailed', reason: message, listener, mechanism: mech, message }],
  });
  const disconnected = (why: string, brokerMsg: string | null) =>
    fail(
      'disconnected',
      why,
      null,
      `WARN ${prefix}Bootstrap broker ${node} disconnected ${NETWORK_CLIENT}`,
      brokerMsg,
    );

  const clientTls = clientProto === 'SSL' || clientProto === 'SASL_SSL';
  const brokerTls = brokerProto === 'SSL' || brokerProto === 'SASL_SSL';
  const clientSasl = clientProto.startsWith('SASL');
  const brokerSasl = brokerProto.startsWith('SASL');

  // 0. The client's key material is loaded when the client is built (DefaultSslEngineFactory).
  if (clientTls) {
    const ssl = a.client.ssl;
    for (const [path, password, type] of [
      [ssl.keystoreLocation, ssl.keystorePassword, ssl.keystoreType],
      [ssl.truststoreLocation, ssl.truststorePassword, ssl.truststoreType],
    ] as const) {
      if (path === null) continue;
      const store = a.pki.stores[path];
      // A JKS truststore opens without a password (its integrity is then not checked).
      if (!store || (password !== null && store.password !== password)) {
        return fail(
          'client-config',
          `the client cannot open ${path}${store ? ' (wrong password)' : ' (no such file)'}`,
          `org.apache.kafka.common.KafkaException: Failed to load SSL keystore ${path} of type ${type}`,
          '',
          null,
        );
      }
    }
  }

  // 1. TCP connect, then TLS if either side expects it.
  steps.push({
    from: 'client',
    message: 'TCP connect',
    detail: `to ${a.dialledHost}:${a.endpoint.port} (listener ${listener}, ${brokerProto})`,
  });
  if (clientTls !== brokerTls) {
    if (clientTls) {
      steps.push({
        from: 'client',
        message: 'ClientHello',
        detail: 'the client starts TLS',
        check: {
          by: 'broker',
          what: `listener ${listener} is ${brokerProto}: it reads the TLS record as the size of a Kafka request and closes the connection`,
          ok: false,
        },
      });
      return fail(
        'terminated-during-authentication',
        `client speaks TLS (${clientProto}) to the ${brokerProto} listener ${listener}; the broker closes the connection`,
        null,
        `WARN ${prefix}Connection to node -1 (${address}) terminated during authentication. This may happen due to any of the following reasons: (1) Firewall blocking Kafka TLS traffic (eg it may only allow HTTPS traffic), (2) Transient network issue. ${NETWORK_CLIENT}`,
        `WARN ${brokerPrefix}Unexpected error from ${channel}; closing connection ${SELECTOR}`,
      );
    }
    steps.push({
      from: 'client',
      message: 'ApiVersions request',
      detail: 'plain Kafka bytes',
      check: { by: 'broker', what: `listener ${listener} expects a TLS ClientHello`, ok: false },
    });
    return disconnected(
      `client sends plaintext (${clientProto}) to the ${brokerProto} listener ${listener}; the TLS handshake fails and the broker closes the connection`,
      `INFO ${brokerPrefix}Failed authentication with ${channel} (SSL handshake failed) ${SELECTOR}`,
    );
  }

  let peerPrincipal: KafkaPrincipal = ANONYMOUS;
  if (brokerTls) {
    const tls = tlsHandshake(a, steps);
    if (!tls.ok) {
      return fail(
        'ssl-handshake-failed',
        tls.why,
        'org.apache.kafka.common.errors.SslAuthenticationException: SSL handshake failed',
        `ERROR ${prefix}Connection to node -1 (${address}) failed authentication due to: SSL handshake failed ${NETWORK_CLIENT}`,
        `INFO ${brokerPrefix}Failed authentication with ${channel} (SSL handshake failed) ${SELECTOR}`,
      );
    }
    if (tls.clientDn !== null && brokerProto === 'SSL') {
      const mapped = mapSslPrincipal(a.broker.sslPrincipalMappingRules, tls.clientDn);
      if (!mapped.ok) {
        steps.push({
          from: 'broker',
          message: 'principal',
          detail: mapped.cause,
          check: { by: 'broker', what: 'ssl.principal.mapping.rules', ok: false },
        });
        return fail(
          'authentication-failed',
          mapped.error,
          null,
          `WARN ${prefix}Bootstrap broker ${node} disconnected ${NETWORK_CLIENT}`,
          `WARN ${brokerPrefix}Unexpected error from ${channel}; closing connection ${SELECTOR}`,
        );
      }
      peerPrincipal = { type: 'User', name: mapped.name };
      steps.push({
        from: 'broker',
        message: 'principal',
        detail: `certificate ${tls.clientDn} → ${principalToString(peerPrincipal)} (ssl.principal.mapping.rules)`,
      });
    }
  }

  // 2. SASL, when the client speaks it or the listener requires it.
  if (clientSasl !== brokerSasl) {
    if (clientSasl) {
      steps.push({
        from: 'client',
        message: 'ApiVersions request',
        detail: 'which APIs and versions the broker supports',
      });
      steps.push({ from: 'broker', message: 'ApiVersions response', detail: 'the API versions' });
      steps.push({
        from: 'client',
        message: `SaslHandshake request (mechanism=${a.client.saslMechanism})`,
        detail: 'the client asks to authenticate',
        check: {
          by: 'broker',
          what: `listener ${listener} is ${brokerProto}: no SASL here (KafkaApis answers ILLEGAL_SASL_STATE)`,
          ok: false,
        },
      });
      const msg = `Unexpected handshake request with client mechanism ${a.client.saslMechanism}, enabled mechanisms are []`;
      return fail(
        'authentication-failed',
        `client speaks SASL to the ${brokerProto} listener ${listener}`,
        `org.apache.kafka.common.errors.IllegalSaslStateException: ${msg}`,
        `ERROR ${prefix}Connection to node -1 (${address}) failed authentication due to: ${msg} ${NETWORK_CLIENT}`,
        null,
      );
    }
    steps.push({
      from: 'client',
      message: 'ApiVersions request',
      detail: 'which APIs and versions the broker supports',
    });
    steps.push({ from: 'broker', message: 'ApiVersions response', detail: 'the API versions' });
    steps.push({
      from: 'client',
      message: 'Metadata request',
      detail: 'the client goes straight to work',
      check: {
        by: 'broker',
        what: `listener ${listener} is ${brokerProto}: SaslHandshake expected first`,
        ok: false,
      },
    });
    return disconnected(
      `client sends no SASL handshake to the ${brokerProto} listener ${listener}; the broker closes the connection`,
      `INFO ${brokerPrefix}Failed authentication with ${channel} (Unexpected Kafka request of type METADATA during SASL handshake.) ${SELECTOR}`,
    );
  }
  if (!brokerSasl) {
    const principal = peerPrincipal;
    steps.push({
      from: 'broker',
      message: 'session',
      detail: `principal ${principalToString(principal)}${brokerProto === 'PLAINTEXT' ? ' (PLAINTEXT: no authentication)' : ''}`,
    });
    return {
      ok: true,
      principal,
      mechanism: null,
      steps,
      events: [
        {
          type: 'clientAuthenticated',
          reason: `connected to ${listener} (${brokerProto}) as ${principalToString(principal)}`,
          listener,
          principal: principalToString(principal),
          mechanism: null,
        },
      ],
    };
  }
  return saslExchange(a, steps, { prefix, address, channel, brokerPrefix, fail });
}
