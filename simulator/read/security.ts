// The security area as views and the console read it: listeners, the authorizer's ACLs, SCRAM users,
// quota entities, and the last authorizer decisions, handshakes and throttled responses.
import type { SimState } from '../engine/state';
import {
  ACL_OPERATIONS,
  type ConcreteOperation,
  type ConcreteResourceType,
  parseKafkaPrincipal,
  RESOURCE_TYPES,
} from '../security/aclTypes';
import { authorize } from '../security/authorizer';
import type { HandshakeStep } from '../security/handshake';
import '../security/area/types';
import type {
  DecisionRecord,
  HandshakeRecord,
  NamedClient,
  ThrottleRecord,
  TrafficSample,
} from '../security/area/types';
import { type TenantSeries, tenantSeries } from './tenantSeries';

export type { DecisionRecord, HandshakeRecord, HandshakeStep, NamedClient, ThrottleRecord, TrafficSample };

export type SecurityAclView = {
  id: string;
  principal: string;
  host: string;
  operation: string;
  permissionType: 'ALLOW' | 'DENY';
  resourceType: string;
  resourceName: string;
  patternType: string;
};

export type SecurityView = {
  /** False when no security is configured (PLAINTEXT, User:ANONYMOUS, no authorizer). */
  configured: boolean;
  authorizer: boolean;
  listeners: Array<{
    name: string;
    securityProtocol: string;
    host: string | null;
    port: number;
    saslMechanisms: string[];
    sslClientAuth: string;
  }>;
  superUsers: string[];
  allowEveryoneIfNoAclFound: boolean;
  /** In the authorizer's order (resource type, then name). */
  acls: SecurityAclView[];
  scramCredentials: Array<{ user: string; mechanism: string; iterations: number }>;
  /** Quota entities by their config path (`users/alice`, `clients/<default>`) and values. */
  quotas: Array<{ entity: string; values: Record<string, number> }>;
  decisions: DecisionRecord[];
  handshakes: HandshakeRecord[];
  throttles: ThrottleRecord[];
  /** Each Produce/Fetch measured against a bandwidth quota, oldest first. */
  traffic: TrafficSample[];
  /** The samples as one series per quota subject and direction, in first-seen order (the tenant view). */
  tenants: TenantSeries[];
  /** Named console clients, the properties file each connects with, and until when each is muted. */
  clients: Record<string, NamedClient>;
};

function path(e: { user?: string | null; clientId?: string | null }): string {
  const part = (type: string, v: string | null | undefined) =>
    v === undefined ? null : `${type}/${v === null ? '<default>' : v}`;
  return [part('users', e.user), part('clients', e.clientId)].filter((x) => x !== null).join('/');
}

export function securityOf(state: SimState): SecurityView {
  const sec = state.areas.security;
  const core = sec.core;
  const broker = core.broker;
  return {
    configured: broker !== null,
    authorizer: broker?.authorizer != null,
    listeners: (broker?.listeners.advertised ?? []).map((e) => ({
      name: e.listenerName,
      securityProtocol: e.securityProtocol,
      host: e.host,
      port: e.port,
      saslMechanisms: e.securityProtocol.startsWith('SASL')
        ? (broker?.perListener[e.listenerName]?.saslEnabledMechanisms ?? [])
        : [],
      sslClientAuth: broker?.perListener[e.listenerName]?.sslClientAuth ?? 'none',
    })),
    superUsers: core.authorizer.config.superUsers,
    allowEveryoneIfNoAclFound: core.authorizer.config.allowEveryoneIfNoAclFound,
    acls: core.authorizer.acls.map(({ id, acl }) => ({ id, ...acl })),
    scramCredentials: core.scram.credentials.map(({ user, mechanism, iterations }) => ({
      user,
      mechanism,
      iterations,
    })),
    quotas: core.quotas.quotas.entries.map((q) => ({
      entity: path(q.entity),
      values: Object.fromEntries(Object.entries(q.values).filter(([, v]) => v !== undefined)) as Record<
        string,
        number
      >,
    })),
    decisions: sec.decisions,
    handshakes: sec.handshakes,
    throttles: sec.throttles,
    traffic: sec.traffic ?? [],
    tenants: tenantSeries(sec.traffic ?? []),
    clients: sec.clients,
  };
}

export type AuthorizationQuestion = {
  /** `User:alice` */
  principal: string;
  /** Kafka's operation name, any case: Read, WRITE, IdempotentWrite, idempotent_write. */
  operation: string;
  /** Topic, Group, Cluster, TransactionalId, DelegationToken (any case). */
  resourceType: string;
  resourceName: string;
  /** The client's IP address (default 127.0.0.1, where the console's tools run). */
  host?: string;
};

const snake = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .replace(/[- ]/g, '_')
    .toUpperCase();

/**
 * Would StandardAuthorizer allow this action now? True when no authorizer is configured (every request is
 * allowed). Null when the question is malformed (principal without a type, unknown operation or type).
 */
export function authorizesOf(state: SimState, q: AuthorizationQuestion): boolean | null {
  const p = parseKafkaPrincipal(q.principal);
  const operation = snake(q.operation);
  const resourceType = snake(q.resourceType);
  if (!p.ok) return null;
  if (
    !(ACL_OPERATIONS as readonly string[]).includes(operation) ||
    operation === 'ANY' ||
    operation === 'UNKNOWN'
  )
    return null;
  if (
    !(RESOURCE_TYPES as readonly string[]).includes(resourceType) ||
    resourceType === 'ANY' ||
    resourceType === 'UNKNOWN'
  )
    return null;
  const core = state.areas.security.core;
  if (core.broker?.authorizer == null) return true;
  const d = authorize(
    core.authorizer,
    { principal: p.value, clientAddress: q.host ?? '127.0.0.1', requestName: 'Check' },
    {
      operation: operation as ConcreteOperation,
      resourceType: resourceType as ConcreteResourceType,
      resourceName: q.resourceName,
      logIfAllowed: false,
      logIfDenied: false,
    },
  );
  return d.result === 'ALLOWED';
}
