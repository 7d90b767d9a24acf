// The security area's state slice (state.areas.security), its commands, results and events. The security
// core (../securityState.ts) is the state; the area adds the last decisions, handshakes and throttles a
// learner sees in the request-path view.

import type { RefusedResource } from '../apiPermissions';
import type { ClientRequest } from '../clientRequests';
import type { SecurityEvent } from '../events';
import type { HandshakeStep, Keystore, Truststore } from '../handshake';
import type { ToolOutput } from '../jopt';
import type { SecurityState } from '../securityState';

/** One authorizer decision as the view shows it (the audit line Kafka writes, and why in plain words). */
export type DecisionRecord = {
  seq: number;
  time: number;
  api: string;
  principal: string;
  clientAddress: string;
  operation: string;
  resource: string;
  result: 'ALLOWED' | 'DENIED';
  /** SuperUser / DefaultAllow / DefaultDeny / MatchingAcl … (StandardAuthorizerData's MatchingRule). */
  rule: string;
  reason: string;
  auditMessage: string;
};

/** One connection's authentication, as narrated steps (no cryptography is computed). */
export type HandshakeRecord = {
  seq: number;
  time: number;
  clientId: string;
  listener: string;
  securityProtocol: string;
  mechanism: string | null;
  ok: boolean;
  principal: string | null;
  /** The exception the client raised, or its log line when it only logs. */
  error: string | null;
  steps: HandshakeStep[];
};

/** A response that carried throttle_time_ms > 0 (KIP-219: the client then waits it out). */
export type ThrottleRecord = {
  time: number;
  user: string;
  clientId: string;
  api: 'Produce' | 'Fetch';
  throttleTimeMs: number;
};

/**
 * One Produce or Fetch measured against the client's bandwidth quota (only while a quota of that type
 * exists: ClientQuotaManager records nothing otherwise), for the tenant view.
 */
export type TrafficSample = {
  time: number;
  user: string;
  clientId: string;
  api: 'Produce' | 'Fetch';
  /** The request's (Produce) or response's (Fetch) size as counted. */
  bytes: number;
  /** The sensor's rate right after recording, bytes/s (Rate over the sampled window). */
  observedRate: number;
  /** The quota that applies, bytes/s; null when none matches this client (unlimited). */
  quota: number | null;
  /** The quota entity that matched (`users/tenant-b`), or null. */
  entity: string | null;
  throttleTimeMs: number;
};

export type SecurityAreaState = {
  core: SecurityState;
  /** Most recent last, at most DECISIONS_KEPT. */
  decisions: DecisionRecord[];
  handshakes: HandshakeRecord[];
  throttles: ThrottleRecord[];
  /** Most recent last, at most TRAFFIC_KEPT. */
  traffic: TrafficSample[];
  /** Counts decisions and handshakes (their seq). */
  nextSeq: number;
  /** The console's named producers and consumers and the properties file each was created with. */
  clients: Record<string, NamedClient>;
};

export type NamedClient = {
  kind: 'producer' | 'consumer';
  commandConfig: string;
  /**
   * Virtual time until which the broker keeps this client's connection muted after a throttled response
   * (and the client, KIP-219, holds back its next request); absent when never throttled.
   */
  mutedUntil?: number;
};

/** Who sends a request: its client.id and the properties file given with --command-config (or none). */
export type SecurityClient = {
  clientId: string;
  kind: 'producer' | 'consumer' | 'admin';
  /** A scratch file of the workspace (`cat > client.properties <<EOF`); null = no security settings. */
  commandConfig: string | null;
  /**
   * Security properties given inline instead of a file (kcat's -X settings, translated to the Java
   * client's names); when present the file is not read.
   */
  props?: Record<string, string>;
  /** --bootstrap-server host:port (its port picks the listener); null = the first matching listener. */
  bootstrapServer: string | null;
};

export type SecurityRequestResult =
  /** The client could not be built or connect (bad properties, failed TLS/SASL). */
  | { kind: 'not-connected'; clientError: string | null; clientLog: string | null }
  | {
      kind: 'decided';
      principal: string;
      allowed: boolean;
      error: string | null;
      /** What the Java client raises (`org.apache.kafka.common.errors.…: …`), if anything. */
      clientException: string | null;
      authorizedTopics: string[];
      /** ListGroups: the groups the principal may see. */
      authorizedGroups?: string[];
      /** ListTransactions / DescribeTransactions: the transactional ids the principal may see. */
      authorizedTransactionalIds?: string[];
      refused: RefusedResource[];
      /** throttle_time_ms of the response (quotas). */
      throttleTimeMs: number;
      /**
       * Fetch with bytes: false when the quota throttled it, so the response carries no records
       * (KafkaApis#handleFetchRequest returns an empty response with throttle_time_ms, KIP-219).
       */
      returnsData?: boolean;
      /** Fetch under a consumer_byte_rate quota: the most one response may carry (the quota window). */
      fetchMaxBytes?: number;
    };

type Payload<K extends SecurityEvent['type']> = Omit<Extract<SecurityEvent, { type: K }>, 'type' | 'reason'>;

declare module '../../engine/registry' {
  interface AreaStates {
    security: SecurityAreaState;
  }
  interface CommandMap {
    /**
     * server.properties security settings for every broker (listeners, listener.security.protocol.map,
     * sasl.enabled.mechanisms, listener JAAS, ssl.*, authorizer.class.name, super.users, …) and the
     * simulated key material by path. `file` reads the settings from a scratch file of the workspace
     * (`cat > server.properties <<EOF`) instead of `props`. A refused configuration changes nothing.
     */
    securityConfigure: {
      props?: Record<string, string>;
      file?: string;
      stores?: Record<string, Keystore | Truststore>;
    };
    /**
     * One client request through the broker's security path: connect and authenticate on the listener
     * (principal), then the authorizer decides (KafkaApis' checks), then quotas for Produce/Fetch bytes.
     */
    securityRequest: { client: SecurityClient; request: ClientRequest; bytes?: number };
    /**
     * The quota step of a consumer Fetch already authorized: the size of the response the handler built,
     * recorded against consumer_byte_rate (KafkaApis#handleFetchRequest records the response size). When
     * it throttles, the bytes are unrecorded and the response carries no records, only throttle_time_ms.
     */
    securityFetchBytes: { client: SecurityClient; bytes: number };
    /**
     * kafka-acls.sh with its words; the tool's Admin client authenticates with `commandConfig`. `answers`
     * are the lines typed at its (y/n) prompts (--remove without --force).
     */
    securityAcls: {
      args: string[];
      commandConfig: string | null;
      bootstrapServer: string | null;
      answers?: string[];
    };
    /**
     * A keystore (a certificate: subject, issuer, DNS names) or truststore (trusted issuers) at a path,
     * what keytool would have written. Records only: no keys are generated, nothing is signed.
     */
    securityPkiStore: { path: string; store: Keystore | Truststore };
    /** A named client (`producer create NAME --command-config FILE`) connects with this properties file. */
    securityBindClient: { client: string; kind: 'producer' | 'consumer'; commandConfig: string };
    /** kafka-configs.sh --entity-type users|clients (SCRAM credentials, quotas). */
    securityConfigs: { args: string[]; commandConfig: string | null; bootstrapServer: string | null };
  }
  interface CommandResultMap {
    securityConfigure: undefined;
    securityPkiStore: undefined;
    securityBindClient: undefined;
    securityRequest: SecurityRequestResult;
    securityFetchBytes: { throttleTimeMs: number; returnsData: boolean };
    /** null: the words name another entity type (topics, brokers): the console's own tool handles them. */
    securityAcls: ToolOutput;
    securityConfigs: ToolOutput | null;
  }
  interface EventMap {
    securityConfigured: { listeners: string[]; authorizer: boolean; superUsers: string[] };
    securityPkiStoreWritten: { path: string; kind: 'keystore' | 'truststore' };
    securityClientBound: { client: string; kind: 'producer' | 'consumer'; commandConfig: string };
    aclCreated: Payload<'aclCreated'>;
    aclDeleted: Payload<'aclDeleted'>;
    authorizationDecided: Payload<'authorizationDecided'>;
    scramCredentialUpserted: Payload<'scramCredentialUpserted'>;
    scramCredentialDeleted: Payload<'scramCredentialDeleted'>;
    clientQuotaAltered: Payload<'clientQuotaAltered'>;
    clientAuthenticated: Payload<'clientAuthenticated'>;
    authenticationFailed: Payload<'authenticationFailed'>;
    clientThrottled: Payload<'clientThrottled'>;
  }
}
