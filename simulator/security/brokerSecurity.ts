// A broker's security configuration from server.properties: listeners (listeners.ts), per-listener SASL
// mechanisms and JAAS (`listener.name.<listener>.<mechanism>.sasl.jaas.config`, the `user_<name>` options of
// PlainLoginModule), `ssl.client.auth`, `ssl.principal.mapping.rules`, the keystore/truststore, and the
// authorizer (`authorizer.class.name`, `super.users`, `allow.everyone.if.no.acl.found`). No authorizer
// configured means no authorization at all, as in Kafka (AuthHelper#authorize: authorizer.forall).

import { type AuthorizerConfig, parseAuthorizerConfig } from './authorizer';
import { loadJaasContext } from './jaasConfig';
import { type BrokerListeners, type ConfigError, parseBrokerListeners } from './listeners';
import { parseSslPrincipalMappingRules, type SslRule } from './sslPrincipalMapper';

export const STANDARD_AUTHORIZER = 'org.apache.kafka.metadata.authorizer.StandardAuthorizer';

export type SslClientAuth = 'none' | 'requested' | 'required';

export type ListenerSecurity = {
  /** sasl.enabled.mechanisms (default GSSAPI), per listener. */
  saslEnabledMechanisms: string[];
  /** PLAIN users from the listener's PlainLoginModule options `user_<name>="<password>"`. */
  plainUsers: Record<string, string>;
  sslClientAuth: SslClientAuth;
};

export type BrokerSecurity = {
  listeners: BrokerListeners;
  perListener: Record<string, ListenerSecurity>;
  /** ssl.keystore.location / ssl.truststore.location (paths into the simulated PKI). */
  keystoreLocation: string | null;
  keystorePassword: string | null;
  truststoreLocation: string | null;
  sslPrincipalMappingRules: SslRule[];
  /** null: no authorizer.class.name, every request is allowed. */
  authorizer: AuthorizerConfig | null;
};

export type BrokerSecurityParse = { ok: true; value: BrokerSecurity } | { ok: false; error: ConfigError };

/** KafkaConfig#valuesWithPrefixOverride: `listener.name.<listener>.<key>` wins over `<key>`. */
function listenerValue(props: Record<string, string>, listener: string, key: string): string | undefined {
  return props[`listener.name.${listener.toLowerCase()}.${key}`] ?? props[key];
}

export function parseBrokerSecurityConfig(props: Record<string, string>): BrokerSecurityParse {
  const listeners = parseBrokerListeners(props);
  if (!listeners.ok) return listeners;
  const perListener: Record<string, ListenerSecurity> = {};
  for (const ep of listeners.value.listeners) {
    const name = ep.listenerName;
    const sasl = ep.securityProtocol === 'SASL_PLAINTEXT' || ep.securityProtocol === 'SASL_SSL';
    const mechanisms = (listenerValue(props, name, 'sasl.enabled.mechanisms') ?? 'GSSAPI')
      .split(',')
      .map((m) => m.trim())
      .filter((m) => m !== '');
    const plainUsers: Record<string, string> = {};
    if (sasl) {
      for (const mech of mechanisms) {
        // Brokers take sasl.jaas.config only with the listener and mechanism prefix (JaasContext#loadServerContext).
        const text = props[`listener.name.${name.toLowerCase()}.${mech.toLowerCase()}.sasl.jaas.config`];
        if (text === undefined) {
          return {
            ok: false,
            error: {
              exception: 'java.lang.IllegalArgumentException',
              message: `Could not find a 'KafkaServer' or '${name.toLowerCase()}.KafkaServer' entry in the JAAS configuration. System property 'java.security.auth.login.config' is not set`,
            },
          };
        }
        const jaas = loadJaasContext(text);
        if (!jaas.ok)
          return {
            ok: false,
            error: { exception: 'java.lang.IllegalArgumentException', message: jaas.error },
          };
        if (mech === 'PLAIN') {
          for (const [k, v] of Object.entries(jaas.entry.options))
            if (k.startsWith('user_')) plainUsers[k.slice(5)] = v;
        }
      }
    }
    // ConfigDef.ValidString (case-sensitive) over SslClientAuth's lower-case names.
    const auth = listenerValue(props, name, 'ssl.client.auth') ?? 'none';
    if (auth !== 'none' && auth !== 'requested' && auth !== 'required') {
      return {
        ok: false,
        error: {
          exception: 'org.apache.kafka.common.config.ConfigException',
          message: `Invalid value ${auth} for configuration ssl.client.auth: String must be one of: required, requested, none`,
        },
      };
    }
    perListener[name] = { saslEnabledMechanisms: mechanisms, plainUsers, sslClientAuth: auth };
  }
  const rules = parseSslPrincipalMappingRules(props['ssl.principal.mapping.rules']);
  if (!rules.ok)
    return { ok: false, error: { exception: 'java.lang.IllegalArgumentException', message: rules.error } };
  let authorizer: AuthorizerConfig | null = null;
  const className = props['authorizer.class.name'];
  if (className !== undefined && className.trim() !== '') {
    if (className.trim() !== STANDARD_AUTHORIZER) {
      return {
        ok: false,
        error: {
          exception: 'org.apache.kafka.common.config.ConfigException',
          message: `The simulation only provides ${STANDARD_AUTHORIZER}`,
        },
      };
    }
    const a = parseAuthorizerConfig(props);
    if (!a.ok)
      return { ok: false, error: { exception: 'java.lang.IllegalArgumentException', message: a.error } };
    authorizer = a.value;
  }
  return {
    ok: true,
    value: {
      listeners: listeners.value,
      perListener,
      keystoreLocation: props['ssl.keystore.location'] ?? null,
      keystorePassword: props['ssl.keystore.password'] ?? null,
      truststoreLocation: props['ssl.truststore.location'] ?? null,
      sslPrincipalMappingRules: rules.rules,
      authorizer,
    },
  };
}
