// The security area's state as one plain-data record, and the entry points an area will call: configure
// the brokers, connect a client, check a request, run kafka-acls.sh / kafka-configs.sh. With no security
// configured (the default) every connection is PLAINTEXT as User:ANONYMOUS and every request is allowed
// without consulting anything, so existing simulations behave exactly as before.

import { type AclCommandContext, parseAclCommandArgs, runAclCommand } from './aclCommand';
import { ANONYMOUS, type KafkaPrincipal, principalToString } from './aclTypes';
import {
  type AuthorizeRequestOptions,
  authorizeRequest,
  type ClientRequest,
  type RequestAuthorization,
} from './apiPermissions';
import { type AuthOutcome, authenticate, type ConnectionAttempt, type Pki } from './authentication';
import { type AuthorizationDecision, type AuthorizerState, emptyAuthorizerState } from './authorizer';
import { type BrokerSecurity, parseBrokerSecurityConfig } from './brokerSecurity';
import { EMPTY_QUOTA_CONFIG } from './clientQuotas';
import { parseConfigCommandArgs, runConfigCommand } from './configCommand';
import type { SecurityEvent } from './events';
import type { ToolOutput } from './jopt';
import type { ConfigError } from './listeners';
import { DEFAULT_QUOTA_MANAGER_CONFIG, type QuotaState } from './quotaManager';
import { EMPTY_SCRAM_STATE, type ScramState } from './scram';

export type SecurityState = {
  /** The brokers' security configuration; null = none (PLAINTEXT, no authorizer). */
  broker: BrokerSecurity | null;
  /** ACLs (stored by the controller whether or not an authorizer is configured) and the authorizer config. */
  authorizer: AuthorizerState;
  scram: ScramState;
  quotas: QuotaState;
  pki: Pki;
};

export function emptySecurityState(): SecurityState {
  return {
    broker: null,
    authorizer: emptyAuthorizerState(),
    scram: EMPTY_SCRAM_STATE,
    quotas: { config: DEFAULT_QUOTA_MANAGER_CONFIG, quotas: EMPTY_QUOTA_CONFIG, sensors: {} },
    pki: { stores: {} },
  };
}

/** Apply server.properties security settings; a refused configuration changes nothing. */
export function configureBrokers(
  state: SecurityState,
  props: Record<string, string>,
): { state: SecurityState; error: ConfigError | null } {
  const parsed = parseBrokerSecurityConfig(props);
  if (!parsed.ok) return { state, error: parsed.error };
  const num = (k: string, d: number) => (props[k] !== undefined ? Number(props[k]) : d);
  return {
    state: {
      ...state,
      broker: parsed.value,
      authorizer: { ...state.authorizer, config: parsed.value.authorizer ?? state.authorizer.config },
      quotas: {
        ...state.quotas,
        config: {
          numQuotaSamples: num('quota.window.num', 11),
          quotaWindowSizeSeconds: num('quota.window.size.seconds', 1),
          numControllerQuotaSamples: num('controller.quota.window.num', 11),
          controllerQuotaWindowSizeSeconds: num('controller.quota.window.size.seconds', 1),
        },
      },
    },
    error: null,
  };
}

/** Is authorization on? (authorizer.class.name set.) */
export function authorizerEnabled(state: SecurityState): boolean {
  return state.broker?.authorizer != null;
}

/** Connect a client: with no security configured, PLAINTEXT as User:ANONYMOUS. */
export function connectClient(
  state: SecurityState,
  attempt: Omit<ConnectionAttempt, 'broker' | 'pki' | 'scram'>,
): AuthOutcome {
  if (state.broker === null) {
    return { ok: true, principal: ANONYMOUS, mechanism: null, steps: [], events: [] };
  }
  return authenticate({ ...attempt, broker: state.broker, pki: state.pki, scram: state.scram });
}

function decisionEvent(d: AuthorizationDecision): SecurityEvent {
  const a = d.action;
  const who = principalToString(d.context.principal);
  const on = `${a.resourceType} ${a.resourceName}`;
  const why =
    d.rule.kind === 'SuperUser'
      ? `${who} is in super.users`
      : d.rule.kind === 'DefaultAllow'
        ? 'no ACL names this resource and allow.everyone.if.no.acl.found=true'
        : d.rule.kind === 'DefaultDeny'
          ? 'no ACL allows it (deny by default)'
          : `${d.rule.acl.permissionType} ACL on ${d.rule.acl.patternType === 'PREFIXED' ? `names starting with '${d.rule.acl.resourceName}'` : `'${d.rule.acl.resourceName}'`} for ${d.rule.acl.principal} (${d.rule.acl.operation})`;
  return {
    type: 'authorizationDecided',
    reason: `${d.context.requestName}: ${who} from ${d.context.clientAddress} ${d.result === 'ALLOWED' ? 'may' : 'may not'} ${a.operation} ${on} — ${why}`,
    principal: who,
    clientAddress: d.context.clientAddress,
    api: d.context.requestName,
    operation: a.operation,
    resource: on,
    result: d.result,
    rule: d.rule.kind,
    auditMessage: d.audit.message,
  };
}

export type RequestCheck = RequestAuthorization & { events: SecurityEvent[] };

/**
 * The gate for every simulated client request. No authorizer configured: allowed, nothing consulted
 * (AuthHelper#authorize). Otherwise StandardAuthorizer decides, one event per audited decision (the ones
 * Kafka writes at INFO or DEBUG; TRACE ones are filters and authorized-operations checks).
 */
export function checkRequest(
  state: SecurityState,
  who: { principal: KafkaPrincipal; clientAddress: string },
  request: ClientRequest,
  options?: AuthorizeRequestOptions,
): RequestCheck {
  if (!authorizerEnabled(state)) {
    return {
      api: request.api,
      allowed: true,
      error: null,
      refused: [],
      authorizedTopics: topicsOf(request),
      ...(request.api === 'ListGroups' ? { authorizedGroups: [...new Set(request.existingGroups)] } : {}),
      ...(request.api === 'ListTransactions' || request.api === 'DescribeTransactions'
        ? { authorizedTransactionalIds: [...new Set(request.transactionalIds)] }
        : {}),
      decisions: [],
      clientException: null,
      events: [],
    };
  }
  const r = authorizeRequest(state.authorizer, who, request, options);
  return { ...r, events: r.decisions.filter((d) => d.audit.level !== 'TRACE').map(decisionEvent) };
}

function topicsOf(r: ClientRequest): string[] {
  if ('topics' in r && r.topics) return [...new Set(r.topics)];
  // Metadata for "all topics" with no authorizer: every topic.
  if (r.api === 'Metadata') return [...new Set(r.existingTopics)];
  return [];
}

/** kafka-acls.sh against the state: with no authorizer the broker answers SECURITY_DISABLED. */
export function runKafkaAcls(
  state: SecurityState,
  args: readonly string[],
  ctx: AclCommandContext = {},
): { state: SecurityState; output: ToolOutput; events: SecurityEvent[] } {
  const p = parseAclCommandArgs(args);
  if (p.kind === 'done') return { state, output: p.output, events: [] };
  if (!authorizerEnabled(state)) {
    // AclApis: DescribeAcls says "…on the broker", CreateAcls/DeleteAcls do not.
    const cause = `org.apache.kafka.common.errors.SecurityDisabledException: No Authorizer is configured${p.request.action === 'list' ? ' on the broker' : '.'}`;
    const prefix =
      p.request.action === 'add'
        ? p.request.resources
            .slice(0, 1)
            .map(
              (r) =>
                runAclCommand(state.authorizer, { action: 'add', resources: [{ ...r, entries: r.entries }] })
                  .output.stdout,
            )
            .join('')
        : '';
    return {
      state,
      output: {
        stdout: `${prefix}Error while executing ACL command: ${cause}\njava.util.concurrent.ExecutionException: ${cause}\n`,
        stderr: '',
        exitCode: 1,
      },
      events: [],
    };
  }
  const admin = ctx.admin ?? { principal: ANONYMOUS, clientAddress: '127.0.0.1' };
  const r = runAclCommand(state.authorizer, p.request, { ...ctx, admin });
  return {
    state: { ...state, authorizer: r.state },
    output: r.output,
    events: [...r.decisions.filter((d) => d.audit.level !== 'TRACE').map(decisionEvent), ...r.events],
  };
}

/**
 * kafka-configs.sh for users and clients against the state (quotas and SCRAM credentials). Returns null for
 * other entity types (topics, brokers, …), which the console's existing tool handles.
 */
export function runKafkaConfigs(
  state: SecurityState,
  args: readonly string[],
): { state: SecurityState; output: ToolOutput; events: SecurityEvent[] } | null {
  const p = parseConfigCommandArgs(args);
  if (p.kind === 'other-entity-type') return null;
  if (p.kind === 'done') return { state, output: p.output, events: [] };
  const r = runConfigCommand({ quotas: state.quotas.quotas, scram: state.scram }, p.request, p.args);
  return {
    state: { ...state, quotas: { ...state.quotas, quotas: r.state.quotas }, scram: r.state.scram },
    output: r.output,
    events: r.events,
  };
}
