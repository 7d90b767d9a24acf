// A client's security settings (CommonClientConfigs, SaslConfigs, SslConfigs) read from its properties: what the
// producer, consumer or Admin client does when it is constructed, with the exceptions it fails with
// (ConfigDef validation, JaasContext#load inside ChannelBuilders, "Failed to construct kafka producer").

import { type JaasEntry, loadJaasContext } from './jaasConfig';
import { parseJavaProperties } from './javaProperties';
import { SECURITY_PROTOCOLS, type SecurityProtocol } from './listeners';

export type SslClientSettings = {
  /** ssl.truststore.location / .password / .type (JKS). */
  truststoreLocation: string | null;
  truststorePassword: string | null;
  truststoreType: string;
  /** ssl.keystore.location / .password / .type, ssl.key.password: the client certificate for mTLS. */
  keystoreLocation: string | null;
  keystorePassword: string | null;
  keyPassword: string | null;
  keystoreType: string;
  /** ssl.endpoint.identification.algorithm, default https (hostname verification on); "" turns it off. */
  endpointIdentificationAlgorithm: string;
  /** ssl.protocol (TLSv1.3) and ssl.enabled.protocols (TLSv1.2,TLSv1.3). */
  protocol: string;
  enabledProtocols: string[];
};

export type ClientSecurity = {
  securityProtocol: SecurityProtocol;
  /** sasl.mechanism, default GSSAPI. */
  saslMechanism: string;
  /** The login module of sasl.jaas.config (SASL protocols only). */
  jaas: JaasEntry | null;
  ssl: SslClientSettings;
};

export type ClientKind = 'producer' | 'consumer' | 'admin';

/** The exception a client constructor throws, and its cause when it wraps one. */
export type ClientConfigError = {
  exception: string;
  message: string;
  cause?: { exception: string; message: string };
};

export type ClientConfigParse = { ok: true; value: ClientSecurity } | { ok: false; error: ClientConfigError };

const WRAPPER: Record<ClientKind, string> = {
  producer: 'Failed to construct kafka producer',
  consumer: 'Failed to construct kafka consumer',
  admin: 'Failed to create new KafkaAdminClient',
};

/** Security settings from a properties map (e.g. the parsed --command-config file). */
export function clientSecurityFromProps(props: Record<string, string>, kind: ClientKind): ClientConfigParse {
  const protocolText = props['security.protocol'] ?? 'PLAINTEXT';
  const up = protocolText.trim().toUpperCase();
  if (!(SECURITY_PROTOCOLS as readonly string[]).includes(up)) {
    // ConfigDef.CaseInsensitiveValidString: a ConfigException before the client exists.
    return {
      ok: false,
      error: {
        exception: 'org.apache.kafka.common.config.ConfigException',
        message: `Invalid value ${protocolText} for configuration security.protocol: String must be one of (case insensitive): ${SECURITY_PROTOCOLS.join(', ')}`,
      },
    };
  }
  const securityProtocol = up as SecurityProtocol;
  const saslMechanism = props['sasl.mechanism'] ?? 'GSSAPI';
  const wrap = (cause: { exception: string; message: string }): ClientConfigParse => ({
    ok: false,
    error: { exception: 'org.apache.kafka.common.KafkaException', message: WRAPPER[kind], cause },
  });
  let jaas: JaasEntry | null = null;
  if (securityProtocol === 'SASL_PLAINTEXT' || securityProtocol === 'SASL_SSL') {
    const text = props['sasl.jaas.config'];
    if (text === undefined) {
      return wrap({
        exception: 'java.lang.IllegalArgumentException',
        message:
          "Could not find a 'KafkaClient' entry in the JAAS configuration. System property 'java.security.auth.login.config' is not set",
      });
    }
    const ctx = loadJaasContext(text);
    if (!ctx.ok) return wrap({ exception: 'java.lang.IllegalArgumentException', message: ctx.error });
    jaas = ctx.entry;
  }
  const ssl: SslClientSettings = {
    truststoreLocation: props['ssl.truststore.location'] ?? null,
    truststorePassword: props['ssl.truststore.password'] ?? null,
    truststoreType: props['ssl.truststore.type'] ?? 'JKS',
    keystoreLocation: props['ssl.keystore.location'] ?? null,
    keystorePassword: props['ssl.keystore.password'] ?? null,
    keyPassword: props['ssl.key.password'] ?? null,
    keystoreType: props['ssl.keystore.type'] ?? 'JKS',
    endpointIdentificationAlgorithm: props['ssl.endpoint.identification.algorithm'] ?? 'https',
    protocol: props['ssl.protocol'] ?? 'TLSv1.3',
    enabledProtocols: (props['ssl.enabled.protocols'] ?? 'TLSv1.2,TLSv1.3').split(',').map((s) => s.trim()),
  };
  if (securityProtocol === 'SSL' || securityProtocol === 'SASL_SSL') {
    // DefaultSslEngineFactory#createKeystore / #createTruststore.
    if (ssl.keystoreLocation === null && ssl.keystorePassword !== null) {
      return wrap({
        exception: 'org.apache.kafka.common.errors.InvalidConfigurationException',
        message: 'SSL key store is not specified, but key store password is specified.',
      });
    }
    if (ssl.truststoreLocation === null && ssl.truststorePassword !== null) {
      return wrap({
        exception: 'org.apache.kafka.common.errors.InvalidConfigurationException',
        message: 'SSL trust store is not specified, but trust store password is specified.',
      });
    }
  }
  return { ok: true, value: { securityProtocol, saslMechanism, jaas, ssl } };
}

/** Security settings from the text of a properties file. */
export function parseClientSecurityConfig(text: string, kind: ClientKind): ClientConfigParse {
  return clientSecurityFromProps(parseJavaProperties(text), kind);
}

/** How the Java tools print a failed client construction: the exception and its cause. */
export function formatClientConfigError(e: ClientConfigError): string {
  const head = `${e.exception}: ${e.message}`;
  return e.cause ? `${head}\nCaused by: ${e.cause.exception}: ${e.cause.message}` : head;
}

/** The username and password a PLAIN or SCRAM login module puts in the Subject (PlainLoginModule#initialize). */
export function jaasCredentials(jaas: JaasEntry | null): {
  username: string | null;
  password: string | null;
} {
  return { username: jaas?.options.username ?? null, password: jaas?.options.password ?? null };
}
