// The decision of KRaft's StandardAuthorizer (metadata/authorizer/StandardAuthorizerData#authorize), step for
// step: super users first, then a scan of the ACL cache in StandardAcl order from the resource's name
// (literal, then its prefixes), then the literal `*` section; the first matching DENY wins, else the last
// matching ALLOW, else DefaultDeny if some ACL names the resource, else the allow.everyone.if.no.acl.found rule.

import {
  type ConcreteOperation,
  type ConcreteResourceType,
  compareStandardAcl,
  formatStandardAcl,
  type KafkaPrincipal,
  type Parsed,
  parseKafkaPrincipal,
  principalToString,
  type StandardAcl,
  WILDCARD,
  WILDCARD_PRINCIPAL,
} from './aclTypes';

/** The authorizer's configuration (StandardAuthorizer#configure). */
export type AuthorizerConfig = {
  /** `super.users`, each `Type:name`, compared with the session principal's toString. */
  superUsers: string[];
  /** `allow.everyone.if.no.acl.found` (default false). */
  allowEveryoneIfNoAclFound: boolean;
};

export const DEFAULT_AUTHORIZER_CONFIG: AuthorizerConfig = {
  superUsers: [],
  allowEveryoneIfNoAclFound: false,
};

/**
 * StandardAuthorizer#getConfiguredSuperUsers + #getDefaultResult: `super.users` split on ';', trimmed,
 * empties skipped, each checked with parseKafkaPrincipal; allow.everyone… is Boolean.parseBoolean(trim).
 */
export function parseAuthorizerConfig(props: Record<string, string | undefined>): Parsed<AuthorizerConfig> {
  const superUsers: string[] = [];
  const raw = props['super.users'];
  if (raw !== undefined) {
    for (const part of raw.split(';')) {
      const v = part.trim();
      if (v === '') continue;
      const p = parseKafkaPrincipal(v);
      if (!p.ok) return p;
      if (!superUsers.includes(v)) superUsers.push(v);
    }
  }
  const allow = props['allow.everyone.if.no.acl.found'];
  return {
    ok: true,
    value: {
      superUsers,
      allowEveryoneIfNoAclFound: allow !== undefined && allow.trim().toLowerCase() === 'true',
    },
  };
}

/** The ACLs in the cache, kept in StandardAcl order (AclCache#aclsByResource). */
export type AclEntryWithId = { id: string; acl: StandardAcl };

export type AuthorizerState = {
  config: AuthorizerConfig;
  acls: AclEntryWithId[];
  /** Next ACL id (Kafka draws random UUIDs; ids here come from a counter to stay deterministic). */
  nextAclId: number;
};

export function emptyAuthorizerState(config: AuthorizerConfig = DEFAULT_AUTHORIZER_CONFIG): AuthorizerState {
  return { config, acls: [], nextAclId: 1 };
}

/** What a request asks for (server/authorizer/Action). Resources in actions are always LITERAL. */
export type AuthorizationAction = {
  operation: ConcreteOperation;
  resourceType: ConcreteResourceType;
  resourceName: string;
  /** How many times the request names the resource (Action#resourceReferenceCount), default 1. */
  resourceReferenceCount?: number;
  /** Audit at DEBUG when allowed (default true; false = only computing authorized operations → TRACE). */
  logIfAllowed?: boolean;
  /** Audit at INFO when denied (default true; false = filtering, e.g. Metadata for all topics → TRACE). */
  logIfDenied?: boolean;
};

/** Who is asking, from where, with which request (AuthorizableRequestContext). */
export type RequestContext = {
  principal: KafkaPrincipal;
  /** The client's IP address (InetAddress#getHostAddress). */
  clientAddress: string;
  /** The API name as ApiKeys prints it, e.g. `Produce`, `Fetch`, `JoinGroup`. */
  requestName: string;
};

/** The rule that decided (StandardAuthorizerData's MatchingRule implementations). */
export type MatchingRule =
  | { kind: 'SuperUser' }
  | { kind: 'DefaultAllow' }
  | { kind: 'DefaultDeny' }
  | { kind: 'MatchingAcl'; acl: StandardAcl; aclId: string };

export type AuthorizationResult = 'ALLOWED' | 'DENIED';

export type AuditRecord = {
  logger: 'kafka.authorizer.logger';
  /** INFO for explicit denials, DEBUG for explicit allows, TRACE otherwise (logIfAllowed/logIfDenied false). */
  level: 'INFO' | 'DEBUG' | 'TRACE';
  message: string;
};

export type AuthorizationDecision = {
  result: AuthorizationResult;
  rule: MatchingRule;
  action: AuthorizationAction;
  context: RequestContext;
  audit: AuditRecord;
};

export function ruleToString(rule: MatchingRule): string {
  switch (rule.kind) {
    case 'SuperUser':
      return 'SuperUser';
    case 'DefaultAllow':
      return 'DefaultAllow';
    case 'DefaultDeny':
      return 'DefaultDeny';
    case 'MatchingAcl':
      return `MatchingAcl(acl=${formatStandardAcl(rule.acl)})`;
  }
}

/** SecurityUtils#resourceTypeName: Topic, Group, Cluster, TransactionalId, DelegationToken, User. */
const RESOURCE_TYPE_NAMES: Record<ConcreteResourceType, string> = {
  TOPIC: 'Topic',
  GROUP: 'Group',
  CLUSTER: 'Cluster',
  TRANSACTIONAL_ID: 'TransactionalId',
  DELEGATION_TOKEN: 'DelegationToken',
  USER: 'User',
};

/** StandardAuthorizerData#buildAuditMessage. */
export function buildAuditMessage(
  context: RequestContext,
  action: AuthorizationAction,
  result: AuthorizationResult,
  rule: MatchingRule,
): string {
  return (
    `Principal = ${principalToString(context.principal)} is ${result === 'ALLOWED' ? 'Allowed' : 'Denied'} ` +
    `operation = ${action.operation} from host = ${context.clientAddress} on resource = ` +
    `${RESOURCE_TYPE_NAMES[action.resourceType]}:LITERAL:${action.resourceName} ` +
    `for request = ${context.requestName} with resourceRefCount = ${action.resourceReferenceCount ?? 1} ` +
    `based on rule ${ruleToString(rule)}`
  );
}

/**
 * The line in kafka-authorizer.log: config/log4j.properties writes kafka.authorizer.logger at INFO with
 * ConversionPattern `[%d] %p %m (%c)%n` (so only denials appear by default). Time is printed in UTC.
 */
export function formatAuditLogLine(audit: AuditRecord, timeMs: number): string {
  const d = new Date(timeMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())},${p(d.getUTCMilliseconds(), 3)}`;
  return `[${stamp}] ${audit.level} ${audit.message} (${audit.logger})`;
}

/** Whether the default log4j configuration (kafka.authorizer.logger=INFO) writes this record. */
export function writtenByDefault(audit: AuditRecord): boolean {
  return audit.level === 'INFO';
}

/** StandardAuthorizerData#logAuditMessage: which level the line is written at. */
function auditLevel(action: AuthorizationAction, result: AuthorizationResult): AuditRecord['level'] {
  if (result === 'ALLOWED') return (action.logIfAllowed ?? true) ? 'DEBUG' : 'TRACE';
  return (action.logIfDenied ?? true) ? 'INFO' : 'TRACE';
}

/** StandardAuthorizerData#matchesUpTo: length of the common prefix. */
function matchesUpTo(resource: string, pattern: string): number {
  let i = 0;
  while (i < resource.length && i < pattern.length && resource[i] === pattern[i]) i++;
  return i;
}

const IMPLIES_DESCRIBE: readonly ConcreteOperation[] = ['DESCRIBE', 'READ', 'WRITE', 'DELETE', 'ALTER'];
const IMPLIES_DESCRIBE_CONFIGS: readonly ConcreteOperation[] = ['DESCRIBE_CONFIGS', 'ALTER_CONFIGS'];

/**
 * StandardAuthorizerData#findResult: does this ACL (whose name already matches) apply to the principal,
 * host and operation? null when it does not. Implications (READ ⇒ DESCRIBE …) hold for ALLOW ACLs only:
 * a DENY READ does not deny DESCRIBE. ALL matches every operation, for ALLOW and DENY.
 */
export function findResult(
  action: AuthorizationAction,
  principal: KafkaPrincipal,
  host: string,
  acl: StandardAcl,
): AuthorizationResult | null {
  const principalText = principalToString(principal);
  // matchingPrincipals = {the session principal, User:*}; StandardAcl#kafkaPrincipal splits at the first ':'.
  if (acl.principal !== principalText && acl.principal !== WILDCARD_PRINCIPAL) return null;
  if (acl.host !== WILDCARD && acl.host !== host) return null;
  if (acl.operation !== 'ALL') {
    if (acl.permissionType === 'ALLOW') {
      if (action.operation === 'DESCRIBE') {
        if (!IMPLIES_DESCRIBE.includes(acl.operation)) return null;
      } else if (action.operation === 'DESCRIBE_CONFIGS') {
        if (!IMPLIES_DESCRIBE_CONFIGS.includes(acl.operation)) return null;
      } else if (action.operation !== acl.operation) return null;
    } else if (action.operation !== acl.operation) return null;
  }
  return acl.permissionType === 'ALLOW' ? 'ALLOWED' : 'DENIED';
}

/** Exemplar for a tailSet: (type, name, UNKNOWN pattern type …) sorts before every real ACL of that name. */
type Exemplar = { resourceType: ConcreteResourceType; resourceName: string; patternRank: number };

const PATTERN_RANK = { LITERAL: 3, PREFIXED: 4 } as const;
const TYPE_RANK: Record<ConcreteResourceType, number> = {
  TOPIC: 2,
  GROUP: 3,
  CLUSTER: 4,
  TRANSACTIONAL_ID: 5,
  DELEGATION_TOKEN: 6,
  USER: 7,
};

/** NavigableSet#tailSet(exemplar, inclusive=true): index of the first ACL ≥ exemplar. */
function tailIndex(acls: readonly AclEntryWithId[], ex: Exemplar): number {
  let lo = 0;
  let hi = acls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const a = acls[mid].acl;
    const c =
      TYPE_RANK[a.resourceType] - TYPE_RANK[ex.resourceType] ||
      (a.resourceName === ex.resourceName ? 0 : a.resourceName < ex.resourceName ? 1 : -1) ||
      PATTERN_RANK[a.patternType] - ex.patternRank;
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

type RuleBuilder = {
  denyAcl: AclEntryWithId | null;
  allowAcl: AclEntryWithId | null;
  hasResourceAcls: boolean;
};

/** StandardAuthorizerData#checkSection: scan from the exemplar, jumping back to shorter prefixes. */
function checkSection(
  acls: readonly AclEntryWithId[],
  action: AuthorizationAction,
  start: Exemplar,
  principal: KafkaPrincipal,
  host: string,
  builder: RuleBuilder,
): void {
  const name = action.resourceName;
  let exemplar = start;
  let i = tailIndex(acls, exemplar);
  while (i < acls.length) {
    const entry = acls[i];
    const acl = entry.acl;
    i++;
    if (acl.resourceType !== action.resourceType) break;
    const upTo = matchesUpTo(name, acl.resourceName);
    if (upTo === acl.resourceName.length) {
      // A literal ACL whose name is a strict prefix of the resource does not match; keep scanning for prefixes.
      if (acl.patternType === 'LITERAL' && upTo !== name.length) continue;
    } else if (!(acl.resourceName === WILDCARD && acl.patternType === 'LITERAL')) {
      // Stepped outside the names that are prefixes of the resource: jump to the common prefix.
      exemplar = { ...exemplar, resourceName: exemplar.resourceName.slice(0, upTo) };
      i = tailIndex(acls, exemplar);
      continue;
    }
    builder.hasResourceAcls = true;
    const result = findResult(action, principal, host, acl);
    if (result === 'ALLOWED') builder.allowAcl = entry;
    else if (result === 'DENIED') {
      builder.denyAcl = entry;
      return;
    }
  }
}

/** Find the deciding rule for a non-super user (StandardAuthorizerData#findAclRule). */
function findAclRule(
  state: AuthorizerState,
  context: RequestContext,
  action: AuthorizationAction,
): MatchingRule {
  const builder: RuleBuilder = { denyAcl: null, allowAcl: null, hasResourceAcls: false };
  const host = context.clientAddress;
  // UNKNOWN pattern type (ordinal 0) sorts before LITERAL and PREFIXED of the same name.
  const exact: Exemplar = {
    resourceType: action.resourceType,
    resourceName: action.resourceName,
    patternRank: 0,
  };
  checkSection(state.acls, action, exact, context.principal, host, builder);
  if (builder.denyAcl === null) {
    const wildcard: Exemplar = { resourceType: action.resourceType, resourceName: WILDCARD, patternRank: 3 };
    checkSection(state.acls, action, wildcard, context.principal, host, builder);
  }
  if (builder.denyAcl) return { kind: 'MatchingAcl', acl: builder.denyAcl.acl, aclId: builder.denyAcl.id };
  if (builder.allowAcl) return { kind: 'MatchingAcl', acl: builder.allowAcl.acl, aclId: builder.allowAcl.id };
  if (!builder.hasResourceAcls) {
    return state.config.allowEveryoneIfNoAclFound ? { kind: 'DefaultAllow' } : { kind: 'DefaultDeny' };
  }
  return { kind: 'DefaultDeny' };
}

function resultOf(rule: MatchingRule): AuthorizationResult {
  switch (rule.kind) {
    case 'SuperUser':
    case 'DefaultAllow':
      return 'ALLOWED';
    case 'DefaultDeny':
      return 'DENIED';
    case 'MatchingAcl':
      return rule.acl.permissionType === 'ALLOW' ? 'ALLOWED' : 'DENIED';
  }
}

/** StandardAuthorizerData#authorize for one action, with its audit record. The only ACL decision function. */
export function authorize(
  state: AuthorizerState,
  context: RequestContext,
  action: AuthorizationAction,
): AuthorizationDecision {
  const rule: MatchingRule = state.config.superUsers.includes(principalToString(context.principal))
    ? { kind: 'SuperUser' }
    : findAclRule(state, context, action);
  const result = resultOf(rule);
  return {
    result,
    rule,
    action,
    context,
    audit: {
      logger: 'kafka.authorizer.logger',
      level: auditLevel(action, result),
      message: buildAuditMessage(context, action, result, rule),
    },
  };
}

/**
 * Authorizer#authorizeByResourceType (the default method StandardAuthorizer inherits): may the caller do
 * `op` on at least one resource of this type? First a hard-coded literal name "hardcode" (so super users
 * and allow.everyone… pass), then the ALLOW patterns not dominated by a DENY (literal same name, or a
 * prefixed DENY that is a prefix of the allowed name; a DENY on literal `*` denies everything).
 * Implied operations are not considered here, as in Kafka.
 */
export function authorizeByResourceType(
  state: AuthorizerState,
  context: RequestContext,
  op: ConcreteOperation,
  resourceType: ConcreteResourceType,
): { result: AuthorizationResult; probe: AuthorizationDecision } {
  const probe = authorize(state, context, {
    operation: op,
    resourceType,
    resourceName: 'hardcode',
    resourceReferenceCount: 0,
    logIfAllowed: true,
    logIfDenied: false,
  });
  if (probe.result === 'ALLOWED') return { result: 'ALLOWED', probe };
  const principal = principalToString(context.principal);
  const denyLiteral = new Set<string>();
  const denyPrefixed = new Set<string>();
  const allowLiteral: string[] = [];
  const allowPrefixed: string[] = [];
  let wildcardAllow = false;
  for (const { acl } of state.acls) {
    if (acl.resourceType !== resourceType) continue;
    if (acl.host !== context.clientAddress && acl.host !== WILDCARD) continue;
    if (acl.principal !== principal && acl.principal !== WILDCARD_PRINCIPAL) continue;
    if (acl.operation !== op && acl.operation !== 'ALL') continue;
    if (acl.permissionType === 'DENY') {
      if (acl.patternType === 'LITERAL') {
        if (acl.resourceName === WILDCARD) return { result: 'DENIED', probe };
        denyLiteral.add(acl.resourceName);
      } else denyPrefixed.add(acl.resourceName);
      continue;
    }
    if (acl.patternType === 'LITERAL') {
      if (acl.resourceName === WILDCARD) wildcardAllow = true;
      else allowLiteral.push(acl.resourceName);
    } else allowPrefixed.push(acl.resourceName);
  }
  if (wildcardAllow) return { result: 'ALLOWED', probe };
  const dominated = (name: string) => {
    for (let i = 1; i <= name.length; i++) if (denyPrefixed.has(name.slice(0, i))) return true;
    return false;
  };
  for (const name of allowLiteral)
    if (!denyLiteral.has(name) && !dominated(name)) return { result: 'ALLOWED', probe };
  for (const name of allowPrefixed) if (!dominated(name)) return { result: 'ALLOWED', probe };
  return { result: 'DENIED', probe };
}

/** Insert keeping StandardAcl order; an identical ACL is not added twice (AclControlManager#existingAcls). */
export function insertAcl(acls: readonly AclEntryWithId[], entry: AclEntryWithId): AclEntryWithId[] {
  const out = [...acls];
  let lo = 0;
  let hi = out.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareStandardAcl(out[mid].acl, entry.acl) < 0) lo = mid + 1;
    else hi = mid;
  }
  if (lo < out.length && compareStandardAcl(out[lo].acl, entry.acl) === 0) return out;
  out.splice(lo, 0, entry);
  return out;
}
