// What happens when a client connects to a listener, as decisions, not cryptography: the protocol match,
// the TLS handshake's certificate checks (trust, hostname verification, client certificate for mTLS), the
// SASL exchange (ApiVersions → SaslHandshake → SaslAuthenticate for PLAIN and SCRAM), and the principal
// DefaultKafkaPrincipalBuilder gives the session. Every step is data for a narrated sequence diagram.
// Nothing is encrypted, hashed or signed: certificates are records, SCRAM proofs are password comparisons.

import { ANONYMOUS, type KafkaPrincipal, principalToString } from './aclTypes';
import type { BrokerSecurity } from './brokerSecurity';
import type { ClientSecurity } from './clientConfig';
import type { SecurityEvent } from './events';
import type { Endpoint } from './listeners';
import { findScramCredential, isScramMechanism, type ScramState } from './scram';
import { mapSslPrincipal } from './sslPrincipalMapper';

/** A certificate as the simulation knows it: its subject and issuer DNs (RFC 2253) and DNS names. */
export type Certificate = { subject: string; issuer: string; subjectAltNames: string[] };
export type Keystore = { kind: 'keystore'; password: string; certificate: Certificate };
export type Truststore = { kind: 'truststore'; password: string; trustedIssuers: string[] };
/** The simulated key material, by file path (what keytool would have written). */
export type Pki = { stores: Record<string, Keystore | Truststore> };

export type HandshakeStep = {
  from: 'client' | 'broker';
  /** The protocol message, e.g. `ClientHello`, `SaslHandshake request (mechanism=PLAIN)`. */
  message: string;
  /** What it carries, in plain words. */
  detail: string;
  /** A check the receiving side makes, and whether it passed. */
  check?: { by: 'client' | 'broker'; what: string; ok: boolean };
};

export type ConnectionAttempt = {
  broker: BrokerSecurity;
  brokerId: number;
  pki: Pki;
  scram: ScramState;
  /** The endpoint the client dialled (its listener name decides the broker side). */
  endpoint: Endpoint;
  /** The host name the client used (hostname verification compares it with the certificate). */
  dialledHost: string;
  /** The broker's IP as the client resolves it (for the client's log lines). */
  brokerAddress?: string;
  client: ClientSecurity;
  clientAddress: string;
  /** e.g. `[Producer clientId=console-producer] `. */
  clientLogPrefix?: string;
};

export type AuthFailureKind =
  | 'authentication-failed'
  | 'ssl-handshake-failed'
  | 'disconnected'
  | 'terminated-during-authentication'
  | 'client-config'
  | 'not-simulated';

export type AuthOutcome =
  | {
      ok: true;
      principal: KafkaPrincipal;
      mechanism: string | null;
      steps: HandshakeStep[];
      events: SecurityEvent[];
    }
  | {
      ok: false;
      kind: AuthFailureKind;
      /** The exception the client raises, `<class>: <message>`. */
      clientError: string | null;
      /** The client's log line (NetworkClient). */
      clientLog: string;
      /** The broker's log line (Selector), if it logs one. */
      brokerLog: string | null;
      steps: HandshakeStep[];
      events: SecurityEvent[];
    };

const SELECTOR = '(org.apache.kafka.common.network.Selector)';
const NETWORK_CLIENT = '(org.apache.kafka.clients.NetworkClient)';

/** Hostname verification (HostnameChecker, RFC 2818): DNS SANs if any, else the CN; `*.` matches one label. */
export function hostnameMatches(cert: Certificate, host: string): boolean {
  const names =
    cert.subjectAltNames.length > 0
      ? cert.subjectAltNames
      : (/(?:^|,)CN=([^,]*)/.exec(cert.subject)?.slice(1) ?? []);
  const h = host.toLowerCase();
  return names.some((n) => {
    const name = n.toLowerCase();
    if (name.startsWith('*.')) {
      const rest = name.slice(1);
      return h.endsWith(rest) && !h.slice(0, -rest.length).includes('.') && h.length > rest.length;
    }
    return name === h;
  });
}

/** X500Principal#getName (RFC 2253) drops the blanks around RDN separators: "CN=a, OU=b" → "CN=a,OU=b". */
export function rfc2253(dn: string): string {
  return dn
    .replace(/\s*(?<!\\),\s*/g, ',')
    .replace(/\s*=\s*/g, '=')
    .trim();
}

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

function tlsHandshake(
  a: ConnectionAttempt,
  steps: HandshakeStep[],
): { ok: true; clientDn: string | null } | { ok: false; why: string } {
  const ssl = a.client.ssl;
  const listener = a.broker.perListener[a.endpoint.listenerName];
  const clientAuth = listener?.sslClientAuth ?? 'none';
  const stores = a.pki.stores;
  steps.push({
    from: 'client',
    message: 'ClientHello',
    detail: `TLS versions ${ssl.enabledProtocols.join(', ')} (ssl.enabled.protocols), cipher suites, a random`,
  });
  const brokerKs = a.broker.keystoreLocation ? stores[a.broker.keystoreLocation] : undefined;
  if (brokerKs?.kind !== 'keystore') {
    steps.push({
      from: 'broker',
      message: 'handshake_failure',
      detail: 'the broker has no certificate (ssl.keystore.location)',
    });
    return { ok: false, why: 'the broker has no keystore for its TLS listener' };
  }
  const cert = brokerKs.certificate;
  steps.push({
    from: 'broker',
    message: `ServerHello, Certificate${clientAuth !== 'none' ? ', CertificateRequest' : ''}, Finished`,
    detail: `TLSv1.3; certificate ${cert.subject} issued by ${cert.issuer}${clientAuth !== 'none' ? `; asks for the client's certificate (ssl.client.auth=${clientAuth})` : ''}`,
  });
  const ts = ssl.truststoreLocation ? stores[ssl.truststoreLocation] : undefined;
  const trusted = ts?.kind === 'truststore' && ts.trustedIssuers.includes(cert.issuer);
  steps.push({
    from: 'broker',
    message: 'certificate check',
    detail: ssl.truststoreLocation
      ? `client truststore ${ssl.truststoreLocation}`
      : 'no ssl.truststore.location: the JVM default CAs',
    check: { by: 'client', what: `is ${cert.issuer} a CA in the client's truststore?`, ok: trusted },
  });
  if (!trusted)
    return { ok: false, why: `the client does not trust ${cert.issuer} (PKIX path building failed)` };
  if (ssl.endpointIdentificationAlgorithm.toLowerCase() === 'https') {
    const ok = hostnameMatches(cert, a.dialledHost);
    steps.push({
      from: 'broker',
      message: 'hostname verification',
      detail: `ssl.endpoint.identification.algorithm=https; names in the certificate: ${(cert.subjectAltNames.length ? cert.subjectAltNames : [cert.subject]).join(', ')}`,
      check: { by: 'client', what: `does the certificate name ${a.dialledHost}?`, ok },
    });
    if (!ok) return { ok: false, why: `No subject alternative DNS name matching ${a.dialledHost} found.` };
  }
  let clientDn: string | null = null;
  if (clientAuth !== 'none') {
    const ks = ssl.keystoreLocation ? stores[ssl.keystoreLocation] : undefined;
    if (ks?.kind !== 'keystore') {
      steps.push({
        from: 'client',
        message: 'Certificate (empty), Finished',
        detail: 'the client has no keystore',
        check: {
          by: 'broker',
          what: `ssl.client.auth=${clientAuth}: a client certificate is ${clientAuth === 'required' ? 'required' : 'optional'}`,
          ok: clientAuth === 'requested',
        },
      });
      if (clientAuth === 'required')
        return {
          ok: false,
          why: 'the broker requires a client certificate (ssl.client.auth=required) and got none',
        };
    } else {
      const brokerTs = a.broker.truststoreLocation ? stores[a.broker.truststoreLocation] : undefined;
      const ok = brokerTs?.kind === 'truststore' && brokerTs.trustedIssuers.includes(ks.certificate.issuer);
      steps.push({
        from: 'client',
        message: 'Certificate, CertificateVerify, Finished',
        detail: `client certificate ${ks.certificate.subject} issued by ${ks.certificate.issuer}`,
        check: { by: 'broker', what: `is ${ks.certificate.issuer} a CA in the broker's truststore?`, ok },
      });
      if (!ok)
        return {
          ok: false,
          why: `the broker does not trust the client certificate's issuer ${ks.certificate.issuer}`,
        };
      clientDn = rfc2253(ks.certificate.subject);
    }
  } else
    steps.push({
      from: 'client',
      message: 'Finished',
      detail: 'keys agreed; the channel is encrypted from here',
    });
  return { ok: true, clientDn };
}

function saslExchange(
  a: ConnectionAttempt,
  steps: HandshakeStep[],
  ctx: {
    prefix: string;
    address: string;
    channel: string;
    brokerPrefix: string;
    fail: (
      kind: AuthFailureKind,
      why: string,
      clientError: string | null,
      clientLog: string,
      brokerLog: string | null,
    ) => AuthOutcome;
  },
): AuthOutcome {
  const listenerName = a.endpoint.listenerName;
  const enabled = a.broker.perListener[listenerName]?.saslEnabledMechanisms ?? ['GSSAPI'];
  const mechanism = a.client.saslMechanism;
  const authFailed = (why: string, message: string) =>
    ctx.fail(
      'authentication-failed',
      why,
      `org.apache.kafka.common.errors.SaslAuthenticationException: ${message}`,
      `ERROR ${ctx.prefix}Connection to node -1 (${ctx.address}) failed authentication due to: ${message} ${NETWORK_CLIENT}`,
      `INFO ${ctx.brokerPrefix}Failed authentication with ${ctx.channel} (${message}) ${SELECTOR}`,
    );
  steps.push({
    from: 'client',
    message: 'ApiVersions request',
    detail: 'which APIs and versions the broker supports',
  });
  steps.push({
    from: 'broker',
    message: 'ApiVersions response',
    detail: 'includes SaslHandshake and SaslAuthenticate',
  });
  const supported = enabled.includes(mechanism);
  steps.push({
    from: 'client',
    message: `SaslHandshake request (mechanism=${mechanism})`,
    detail: 'the mechanism from sasl.mechanism',
    check: {
      by: 'broker',
      what: `is ${mechanism} in sasl.enabled.mechanisms [${enabled.join(', ')}]?`,
      ok: supported,
    },
  });
  if (!supported) {
    steps.push({
      from: 'broker',
      message: 'SaslHandshake response (UNSUPPORTED_SASL_MECHANISM)',
      detail: `enabled mechanisms [${enabled.join(', ')}]; then the connection is closed`,
    });
    const msg = `Client SASL mechanism '${mechanism}' not enabled in the server, enabled mechanisms are [${enabled.join(', ')}]`;
    return ctx.fail(
      'authentication-failed',
      `the broker does not enable ${mechanism} on ${listenerName}`,
      `org.apache.kafka.common.errors.UnsupportedSaslMechanismException: ${msg}`,
      `ERROR ${ctx.prefix}Connection to node -1 (${ctx.address}) failed authentication due to: ${msg} ${NETWORK_CLIENT}`,
      `INFO ${ctx.brokerPrefix}Failed authentication with ${ctx.channel} (Unsupported SASL mechanism ${mechanism}) ${SELECTOR}`,
    );
  }
  steps.push({
    from: 'broker',
    message: 'SaslHandshake response (NONE)',
    detail: `enabled mechanisms [${enabled.join(', ')}]`,
  });
  if (mechanism !== 'PLAIN' && !isScramMechanism(mechanism)) {
    return ctx.fail(
      'not-simulated',
      `${mechanism} is not simulated (only PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512 are)`,
      null,
      '',
      null,
    );
  }
  const username = a.client.jaas?.options.username;
  const password = a.client.jaas?.options.password;
  if (password === undefined) {
    // SaslClientCallbackHandler cannot prompt for a password; the SaslClient cannot be created.
    return ctx.fail(
      'client-config',
      'the JAAS entry has no password',
      `org.apache.kafka.common.errors.SaslAuthenticationException: Failed to create SaslClient with mechanism ${mechanism}`,
      '',
      null,
    );
  }
  const user = username ?? '';
  if (mechanism === 'PLAIN') {
    steps.push({
      from: 'client',
      message: 'SaslAuthenticate request',
      detail: `"\\0${user}\\0<password>": PLAIN sends the password itself (only safe inside TLS: SASL_SSL)`,
    });
    if (user === '') return authFailed('no username', 'Authentication failed: username not specified');
    const expected = a.broker.perListener[listenerName]?.plainUsers[user];
    const ok = expected !== undefined && expected === password;
    steps.push({
      from: 'broker',
      message: ok
        ? 'SaslAuthenticate response (NONE)'
        : 'SaslAuthenticate response (SASL_AUTHENTICATION_FAILED)',
      detail: 'PlainServerCallbackHandler compares with the listener JAAS option user_<name>',
      check: { by: 'broker', what: `user_${user} in the broker's JAAS config matches the password`, ok },
    });
    if (!ok)
      return authFailed(
        `wrong password or unknown user ${user} (PLAIN)`,
        'Authentication failed: Invalid username or password',
      );
    return authenticated(a, steps, user, mechanism);
  }
  steps.push({
    from: 'client',
    message: 'SaslAuthenticate request (client-first-message)',
    detail: `n,,n=${user},r=<client nonce>`,
  });
  const cred = findScramCredential(a.scram, user, mechanism);
  const generic = `Authentication failed during authentication due to invalid credentials with SASL mechanism ${mechanism}`;
  steps.push({
    from: 'broker',
    message: cred
      ? 'SaslAuthenticate response (server-first-message)'
      : 'SaslAuthenticate response (SASL_AUTHENTICATION_FAILED)',
    detail: cred
      ? `r=<client nonce><server nonce>,s=<salt>,i=${cred.iterations}`
      : 'no credential: the broker does not say whether the user exists',
    check: {
      by: 'broker',
      what: `a ${mechanism} credential exists for ${user} (kafka-configs.sh --entity-type users)`,
      ok: cred !== null,
    },
  });
  if (!cred) return authFailed(`no ${mechanism} credential for user ${user}`, generic);
  steps.push({
    from: 'client',
    message: 'SaslAuthenticate request (client-final-message)',
    detail: 'c=biws,r=<nonces>,p=<ClientProof from the salted password>: the password itself never travels',
  });
  const ok = cred.password === password;
  steps.push({
    from: 'broker',
    message: ok
      ? 'SaslAuthenticate response (server-final-message)'
      : 'SaslAuthenticate response (SASL_AUTHENTICATION_FAILED)',
    detail: ok ? 'v=<ServerSignature>' : 'the proof does not match the stored key',
    check: { by: 'broker', what: 'the ClientProof matches the StoredKey', ok },
  });
  if (!ok) return authFailed(`wrong password for user ${user} (${mechanism})`, generic);
  steps.push({
    from: 'broker',
    message: 'server signature check',
    detail: 'v=<ServerSignature>',
    check: { by: 'client', what: 'the broker knows the credential too (mutual authentication)', ok: true },
  });
  return authenticated(a, steps, user, mechanism);
}

function authenticated(
  a: ConnectionAttempt,
  steps: HandshakeStep[],
  user: string,
  mechanism: string,
): AuthOutcome {
  const principal: KafkaPrincipal = { type: 'User', name: user };
  steps.push({
    from: 'broker',
    message: 'session',
    detail: `principal ${principalToString(principal)} (SASL authorization id)`,
  });
  return {
    ok: true,
    principal,
    mechanism,
    steps,
    events: [
      {
        type: 'clientAuthenticated',
        reason: `authenticated with ${mechanism} on ${a.endpoint.listenerName} as ${principalToString(principal)}`,
        listener: a.endpoint.listenerName,
        principal: principalToString(principal),
        mechanism,
      },
    ],
  };
}
