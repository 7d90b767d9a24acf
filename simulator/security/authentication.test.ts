// Authentication decisions: principals (DefaultKafkaPrincipalBuilder), TLS checks, SASL/PLAIN and SCRAM
// (PlainSaslServer, ScramSaslServer, SaslServerAuthenticator, SaslClientAuthenticator texts).
import { describe, expect, it } from 'vitest';
import { type AuthOutcome, authenticate, hostnameMatches, type Pki, rfc2253 } from './authentication';
import { type BrokerSecurity, parseBrokerSecurityConfig } from './brokerSecurity';
import { type ClientSecurity, clientSecurityFromProps } from './clientConfig';
import { alterScramCredentials, EMPTY_SCRAM_STATE } from './scram';
import { connectClient, emptySecurityState } from './securityState';

const CA = 'CN=Kafka Root CA,O=Example';
const pki: Pki = {
  stores: {
    '/var/ssl/kafka-1.keystore.jks': {
      kind: 'keystore',
      password: 'broker-ks',
      certificate: {
        subject: 'CN=kafka-1.example.com,O=Example',
        issuer: CA,
        subjectAltNames: ['kafka-1.example.com'],
      },
    },
    '/var/ssl/kafka.truststore.jks': { kind: 'truststore', password: 'ts', trustedIssuers: [CA] },
    '/var/ssl/client.truststore.jks': { kind: 'truststore', password: 'ts', trustedIssuers: [CA] },
    '/var/ssl/payments.keystore.jks': {
      kind: 'keystore',
      password: 'pks',
      certificate: { subject: 'CN=Payments, OU=Apps, O=Example', issuer: CA, subjectAltNames: [] },
    },
    '/var/ssl/rogue.keystore.jks': {
      kind: 'keystore',
      password: 'r',
      certificate: { subject: 'CN=rogue,OU=Apps', issuer: 'CN=Someone Else', subjectAltNames: [] },
    },
  },
};

const jaasPlain =
  'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret" user_alice="alice-secret";';
const jaasScram = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

function broker(extra: Record<string, string> = {}): BrokerSecurity {
  const r = parseBrokerSecurityConfig({
    listeners: 'PLAINTEXT://:9092,SSL://:9093,SASL_SSL://:9094,SASL_PLAINTEXT://:9095',
    'advertised.listeners':
      'PLAINTEXT://kafka-1.example.com:9092,SSL://kafka-1.example.com:9093,SASL_SSL://kafka-1.example.com:9094,SASL_PLAINTEXT://kafka-1.example.com:9095',
    'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256',
    'listener.name.sasl_ssl.plain.sasl.jaas.config': jaasPlain,
    'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config': jaasScram,
    'listener.name.sasl_plaintext.plain.sasl.jaas.config': jaasPlain,
    'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config': jaasScram,
    'listener.name.ssl.ssl.client.auth': 'required',
    'ssl.keystore.location': '/var/ssl/kafka-1.keystore.jks',
    'ssl.truststore.location': '/var/ssl/kafka.truststore.jks',
    'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+),OU=Apps.*$/$1/L,DEFAULT',
    ...extra,
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function client(props: Record<string, string>): ClientSecurity {
  const r = clientSecurityFromProps(props, 'producer');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const scram = alterScramCredentials(EMPTY_SCRAM_STATE, {
  deletions: [],
  upsertions: [{ user: 'alice', mechanism: 'SCRAM-SHA-256', iterations: 8192, password: 'alice-secret' }],
}).state;

function connect(
  listener: string,
  props: Record<string, string>,
  opts: { host?: string; b?: BrokerSecurity } = {},
): AuthOutcome {
  const b = opts.b ?? broker();
  const endpoint = b.listeners.advertised.find((e) => e.listenerName === listener);
  if (!endpoint) throw new Error(listener);
  return authenticate({
    broker: b,
    brokerId: 1,
    pki,
    scram,
    endpoint,
    dialledHost: opts.host ?? 'kafka-1.example.com',
    brokerAddress: '10.0.0.1',
    client: client(props),
    clientAddress: '10.0.0.5',
    clientLogPrefix: '[Producer clientId=console-producer] ',
  });
}

const tls = { 'ssl.truststore.location': '/var/ssl/client.truststore.jks', 'ssl.truststore.password': 'ts' };
const sasl = (mechanism: string, user: string, password: string, proto = 'SASL_SSL') => ({
  'security.protocol': proto,
  'sasl.mechanism': mechanism,
  'sasl.jaas.config': `org.apache.kafka.common.security.${mechanism === 'PLAIN' ? 'plain.PlainLoginModule' : 'scram.ScramLoginModule'} required username="${user}" password="${password}";`,
  ...tls,
});

function principal(o: AuthOutcome): string {
  if (!o.ok) throw new Error(o.clientError ?? o.kind);
  return `${o.principal.type}:${o.principal.name}`;
}

describe('the session principal (DefaultKafkaPrincipalBuilder#build)', () => {
  it('PLAINTEXT: User:ANONYMOUS', () => {
    expect(principal(connect('PLAINTEXT', {}))).toBe('User:ANONYMOUS');
  });

  it('SSL with a client certificate: its DN (RFC 2253) through ssl.principal.mapping.rules', () => {
    const o = connect('SSL', {
      'security.protocol': 'SSL',
      ...tls,
      'ssl.keystore.location': '/var/ssl/payments.keystore.jks',
      'ssl.keystore.password': 'pks',
    });
    expect(principal(o)).toBe('User:payments');
    expect(rfc2253('CN=Payments, OU=Apps, O=Example')).toBe('CN=Payments,OU=Apps,O=Example');
  });

  it('SSL without ssl.client.auth: User:ANONYMOUS (no peer certificate)', () => {
    const b = broker({ 'listener.name.ssl.ssl.client.auth': 'none' });
    expect(principal(connect('SSL', { 'security.protocol': 'SSL', ...tls }, { b }))).toBe('User:ANONYMOUS');
  });

  it('SASL: User:<authorization id>, also over SASL_SSL with a client certificate', () => {
    expect(principal(connect('SASL_SSL', sasl('PLAIN', 'alice', 'alice-secret')))).toBe('User:alice');
    expect(principal(connect('SASL_SSL', sasl('SCRAM-SHA-256', 'alice', 'alice-secret')))).toBe('User:alice');
  });
});

describe('TLS checks (the client verifies the broker; with ssl.client.auth=required the broker verifies the client)', () => {
  const mtls = {
    'security.protocol': 'SSL',
    ...tls,
    'ssl.keystore.location': '/var/ssl/payments.keystore.jks',
    'ssl.keystore.password': 'pks',
  };

  it('a client without the CA in its truststore: "SSL handshake failed" (SslTransportLayer)', () => {
    const o = connect('SSL', {
      'security.protocol': 'SSL',
      'ssl.keystore.location': '/var/ssl/payments.keystore.jks',
      'ssl.keystore.password': 'pks',
    });
    expect(o).toMatchObject({
      ok: false,
      kind: 'ssl-handshake-failed',
      clientError: 'org.apache.kafka.common.errors.SslAuthenticationException: SSL handshake failed',
      clientLog:
        'ERROR [Producer clientId=console-producer] Connection to node -1 (kafka-1.example.com/10.0.0.1:9093) failed authentication due to: SSL handshake failed (org.apache.kafka.clients.NetworkClient)',
    });
    expect(o.steps.find((s) => s.check?.ok === false)?.check?.what).toContain(CA);
  });

  it('hostname verification is on by default (ssl.endpoint.identification.algorithm=https); "" turns it off', () => {
    expect(connect('SSL', mtls, { host: 'localhost' }).ok).toBe(false);
    expect(
      principal(
        connect('SSL', { ...mtls, 'ssl.endpoint.identification.algorithm': '' }, { host: 'localhost' }),
      ),
    ).toBe('User:payments');
    expect(
      hostnameMatches(
        { subject: 'CN=x', issuer: CA, subjectAltNames: ['*.example.com'] },
        'kafka-1.example.com',
      ),
    ).toBe(true);
    expect(
      hostnameMatches({ subject: 'CN=x', issuer: CA, subjectAltNames: ['*.example.com'] }, 'a.b.example.com'),
    ).toBe(false);
    expect(hostnameMatches({ subject: 'CN=kafka-1,O=x', issuer: CA, subjectAltNames: [] }, 'kafka-1')).toBe(
      true,
    );
  });

  it('ssl.client.auth=required: no client certificate, or one from an unknown CA, fails the handshake', () => {
    expect(connect('SSL', { 'security.protocol': 'SSL', ...tls })).toMatchObject({
      ok: false,
      kind: 'ssl-handshake-failed',
    });
    const rogue = connect('SSL', {
      ...mtls,
      'ssl.keystore.location': '/var/ssl/rogue.keystore.jks',
      'ssl.keystore.password': 'r',
    });
    expect(rogue).toMatchObject({
      ok: false,
      brokerLog:
        'INFO [SocketServer listenerType=BROKER, nodeId=1] Failed authentication with /10.0.0.5 (channelId=10.0.0.1:9093-10.0.0.5:50000-0) (SSL handshake failed) (org.apache.kafka.common.network.Selector)',
    });
  });

  it('a wrong keystore password fails when the client is built: "Failed to load SSL keystore … of type JKS" (DefaultSslEngineFactory)', () => {
    expect(connect('SSL', { ...mtls, 'ssl.keystore.password': 'nope' })).toMatchObject({
      ok: false,
      kind: 'client-config',
      clientError:
        'org.apache.kafka.common.KafkaException: Failed to load SSL keystore /var/ssl/payments.keystore.jks of type JKS',
    });
  });

  it("the narrated TLS 1.3 sequence: ClientHello, ServerHello…, the client's checks, the client certificate", () => {
    const o = connect('SSL', mtls);
    expect(o.steps.map((s) => s.message)).toEqual([
      'TCP connect',
      'ClientHello',
      'ServerHello, Certificate, CertificateRequest, Finished',
      'certificate check',
      'hostname verification',
      'Certificate, CertificateVerify, Finished',
      'principal',
      'session',
    ]);
  });
});

describe('SASL/PLAIN and SCRAM (PlainSaslServer, ScramSaslServer, SaslServerAuthenticator)', () => {
  it('PLAIN, wrong password: SaslAuthenticationException "Authentication failed: Invalid username or password"', () => {
    const o = connect('SASL_SSL', sasl('PLAIN', 'alice', 'wrong'));
    expect(o).toMatchObject({
      ok: false,
      kind: 'authentication-failed',
      clientError:
        'org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed: Invalid username or password',
      clientLog:
        'ERROR [Producer clientId=console-producer] Connection to node -1 (kafka-1.example.com/10.0.0.1:9094) failed authentication due to: Authentication failed: Invalid username or password (org.apache.kafka.clients.NetworkClient)',
      brokerLog:
        'INFO [SocketServer listenerType=BROKER, nodeId=1] Failed authentication with /10.0.0.5 (channelId=10.0.0.1:9094-10.0.0.5:50000-0) (Authentication failed: Invalid username or password) (org.apache.kafka.common.network.Selector)',
    });
    expect(connect('SASL_SSL', sasl('PLAIN', 'mallory', 'x')).ok).toBe(false);
  });

  it('SCRAM, wrong password or unknown user: the same generic text, so the broker does not reveal which (SaslServerAuthenticator)', () => {
    const generic =
      'org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256';
    expect(connect('SASL_SSL', sasl('SCRAM-SHA-256', 'alice', 'wrong'))).toMatchObject({
      ok: false,
      clientError: generic,
    });
    expect(connect('SASL_SSL', sasl('SCRAM-SHA-256', 'nobody', 'alice-secret'))).toMatchObject({
      ok: false,
      clientError: generic,
    });
  });

  it('the SCRAM exchange: client-first, server-first (salt, iterations), client-final (proof), server-final (signature)', () => {
    const o = connect('SASL_PLAINTEXT', sasl('SCRAM-SHA-256', 'alice', 'alice-secret', 'SASL_PLAINTEXT'));
    expect(o.ok).toBe(true);
    expect(o.steps.map((s) => s.message)).toEqual([
      'TCP connect',
      'ApiVersions request',
      'ApiVersions response',
      'SaslHandshake request (mechanism=SCRAM-SHA-256)',
      'SaslHandshake response (NONE)',
      'SaslAuthenticate request (client-first-message)',
      'SaslAuthenticate response (server-first-message)',
      'SaslAuthenticate request (client-final-message)',
      'SaslAuthenticate response (server-final-message)',
      'server signature check',
      'session',
    ]);
    expect(o.steps[6].detail).toContain('i=8192');
  });

  it('a mechanism the listener does not enable: "Client SASL mechanism \'SCRAM-SHA-512\' not enabled in the server, enabled mechanisms are [PLAIN, SCRAM-SHA-256]"', () => {
    expect(connect('SASL_SSL', sasl('SCRAM-SHA-512', 'alice', 'x'))).toMatchObject({
      ok: false,
      clientError:
        "org.apache.kafka.common.errors.UnsupportedSaslMechanismException: Client SASL mechanism 'SCRAM-SHA-512' not enabled in the server, enabled mechanisms are [PLAIN, SCRAM-SHA-256]",
    });
  });
});

describe('a client speaking the wrong protocol for the listener', () => {
  it('PLAINTEXT client on a SASL listener: the broker fails the SASL handshake, the client sees a disconnect', () => {
    expect(connect('SASL_PLAINTEXT', {})).toMatchObject({
      ok: false,
      kind: 'disconnected',
      clientLog:
        'WARN [Producer clientId=console-producer] Bootstrap broker kafka-1.example.com:9095 (id: -1 rack: null) disconnected (org.apache.kafka.clients.NetworkClient)',
      brokerLog:
        'INFO [SocketServer listenerType=BROKER, nodeId=1] Failed authentication with /10.0.0.5 (channelId=10.0.0.1:9095-10.0.0.5:50000-0) (Unexpected Kafka request of type METADATA during SASL handshake.) (org.apache.kafka.common.network.Selector)',
    });
  });

  it('SASL client on a PLAINTEXT listener: ILLEGAL_SASL_STATE (KafkaApis#handleSaslHandshakeRequest)', () => {
    expect(connect('PLAINTEXT', sasl('PLAIN', 'alice', 'alice-secret', 'SASL_PLAINTEXT'))).toMatchObject({
      ok: false,
      clientError:
        'org.apache.kafka.common.errors.IllegalSaslStateException: Unexpected handshake request with client mechanism PLAIN, enabled mechanisms are []',
    });
  });

  it('TLS client on a PLAINTEXT listener: "terminated during authentication" (NetworkClient)', () => {
    const o = connect('PLAINTEXT', { 'security.protocol': 'SSL', ...tls });
    expect(o).toMatchObject({ ok: false, kind: 'terminated-during-authentication' });
    if (!o.ok)
      expect(o.clientLog).toContain(
        'terminated during authentication. This may happen due to any of the following reasons: (1) Firewall blocking Kafka TLS traffic',
      );
  });
});

describe('broker configuration and the unsecured default', () => {
  it('a SASL listener needs its listener-prefixed JAAS entry (JaasContext#loadServerContext)', () => {
    const r = parseBrokerSecurityConfig({
      listeners: 'SASL_SSL://:9094',
      'security.inter.broker.protocol': 'SASL_SSL',
      'sasl.enabled.mechanisms': 'PLAIN',
    });
    expect(r).toEqual({
      ok: false,
      error: {
        exception: 'java.lang.IllegalArgumentException',
        message:
          "Could not find a 'KafkaServer' or 'sasl_ssl.KafkaServer' entry in the JAAS configuration. System property 'java.security.auth.login.config' is not set",
      },
    });
  });

  it('ssl.client.auth is case-sensitive (ConfigDef.ValidString over SslClientAuth names)', () => {
    expect(parseBrokerSecurityConfig({ 'ssl.client.auth': 'REQUIRED' })).toMatchObject({
      ok: false,
      error: {
        message:
          'Invalid value REQUIRED for configuration ssl.client.auth: String must be one of: required, requested, none',
      },
    });
  });

  it('no security configured: every client is PLAINTEXT as User:ANONYMOUS, nothing is checked', () => {
    const o = connectClient(emptySecurityState(), {
      brokerId: 1,
      endpoint: { listenerName: 'PLAINTEXT', securityProtocol: 'PLAINTEXT', host: null, port: 9092 },
      dialledHost: 'localhost',
      client: client({}),
      clientAddress: '127.0.0.1',
    });
    expect(o).toEqual({
      ok: true,
      principal: { type: 'User', name: 'ANONYMOUS' },
      mechanism: null,
      steps: [],
      events: [],
    });
  });
});
