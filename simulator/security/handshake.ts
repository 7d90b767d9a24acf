// Shared shapes of a connection attempt: the simulated PKI, the narrated handshake steps, the outcome,
// and the two certificate checks a TLS client makes on names (hostname verification, RFC 2253 DNs).

import type { KafkaPrincipal } from './aclTypes';
import type { BrokerSecurity } from './brokerSecurity';
import type { ClientSecurity } from './clientConfig';
import type { SecurityEvent } from './events';
import type { Endpoint } from './listeners';
import type { ScramState } from './scram';

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

export const SELECTOR = '(org.apache.kafka.common.network.Selector)';
export const NETWORK_CLIENT = '(org.apache.kafka.clients.NetworkClient)';

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
