// The SASL exchange on a SASL_PLAINTEXT / SASL_SSL listener (SaslClientAuthenticator /
// SaslServerAuthenticator, KIP-152 flow): ApiVersions, SaslHandshake(mechanism), then SaslAuthenticate
// tokens for PLAIN (PlainSaslServer) or SCRAM (ScramSaslServer), with the texts each failure shows.
// SCRAM proofs are compared as passwords: no hashing.

import type { KafkaPrincipal } from './aclTypes';
import { principalToString } from './aclTypes';
import {
  type AuthFailureKind,
  type AuthOutcome,
  type ConnectionAttempt,
  type HandshakeStep,
  NETWORK_CLIENT,
  SELECTOR,
} from './handshake';
import { findScramCredential, isScramMechanism } from './scram';

export function saslExchange(
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
