// Creating, describing and deleting ACLs, as the KRaft controller and the Admin API do them:
// AclApis#handleCreateAcls (cluster-name and empty-name checks), AclControlManager#validateNewAcl,
// AclControlManager#deleteAcls (filters matched against every ACL), and the filter classes'
// ResourcePatternFilter#matches / AccessControlEntryFilter#matches.

import {
  type AclOperation,
  type AclPermissionType,
  CLUSTER_NAME,
  type ConcreteOperation,
  type ConcreteResourceType,
  formatAccessControlEntry,
  formatResourcePattern,
  type PatternType,
  type ResourceType,
  type StandardAcl,
  type StoredPatternType,
  sameAcl,
  WILDCARD,
} from './aclTypes';
import { type AclEntryWithId, type AuthorizerState, insertAcl } from './authorizer';
import type { SecurityEvent } from './events';

/** A binding the Admin client sends in CreateAcls (pattern + entry, any values). */
export type AclBinding = {
  resourceType: ResourceType;
  resourceName: string;
  patternType: PatternType;
  principal: string;
  host: string;
  operation: AclOperation;
  permissionType: AclPermissionType;
};

/** ResourcePatternFilter: name null = any name; ANY type / ANY or MATCH pattern are filters. */
export type ResourcePatternFilter = {
  resourceType: ResourceType;
  name: string | null;
  patternType: PatternType;
};
/** AccessControlEntryFilter: null principal/host = any; ANY operation/permission = any. */
export type AccessControlEntryFilter = {
  principal: string | null;
  host: string | null;
  operation: AclOperation;
  permissionType: AclPermissionType;
};
export type AclBindingFilter = { pattern: ResourcePatternFilter; entry: AccessControlEntryFilter };

export const ANY_ENTRY: AccessControlEntryFilter = {
  principal: null,
  host: null,
  operation: 'ANY',
  permissionType: 'ANY',
};
export const ANY_BINDING_FILTER: AclBindingFilter = {
  pattern: { resourceType: 'ANY', name: null, patternType: 'ANY' },
  entry: ANY_ENTRY,
};

/** ResourcePatternFilter#matches. */
export function patternFilterMatches(
  f: ResourcePatternFilter,
  p: { resourceType: ResourceType; resourceName: string; patternType: StoredPatternType },
): boolean {
  if (f.resourceType !== 'ANY' && f.resourceType !== p.resourceType) return false;
  if (f.patternType !== 'ANY' && f.patternType !== 'MATCH' && f.patternType !== p.patternType) return false;
  if (f.name === null) return true;
  if (f.patternType === 'ANY' || f.patternType === p.patternType) return f.name === p.resourceName;
  // MATCH: everything that affects the name — the literal name, the literal wildcard, prefixes of it.
  if (p.patternType === 'LITERAL') return f.name === p.resourceName || p.resourceName === WILDCARD;
  return f.name.startsWith(p.resourceName);
}

/** AccessControlEntryFilter#matches. */
export function entryFilterMatches(f: AccessControlEntryFilter, acl: StandardAcl): boolean {
  if (f.principal !== null && f.principal !== acl.principal) return false;
  if (f.host !== null && f.host !== acl.host) return false;
  if (f.operation !== 'ANY' && f.operation !== acl.operation) return false;
  return f.permissionType === 'ANY' || f.permissionType === acl.permissionType;
}

export function bindingFilterMatches(f: AclBindingFilter, acl: StandardAcl): boolean {
  return patternFilterMatches(f.pattern, acl) && entryFilterMatches(f.entry, acl);
}

/** An ApiException surfaced by the Admin client: its class simple name and message. */
export type ApiError = { exception: string; message: string };

/**
 * AclApis#handleCreateAcls then AclControlManager#validateNewAcl, in that order. Returns the stored ACL or
 * the InvalidRequestException the broker answers with.
 */
export function validateNewAcl(
  b: AclBinding,
): { ok: true; acl: StandardAcl } | { ok: false; error: ApiError } {
  const invalid = (message: string) => ({
    ok: false as const,
    error: { exception: 'InvalidRequestException', message },
  });
  if (b.resourceType === 'CLUSTER' && b.resourceName !== CLUSTER_NAME) {
    return invalid(`The only valid name for the CLUSTER resource is ${CLUSTER_NAME}`);
  }
  if (b.resourceName === '') return invalid('Invalid empty resource name');
  if (b.resourceType === 'UNKNOWN' || b.resourceType === 'ANY')
    return invalid(`Invalid resourceType ${b.resourceType}`);
  if (b.patternType !== 'LITERAL' && b.patternType !== 'PREFIXED')
    return invalid(`Invalid patternType ${b.patternType}`);
  if (b.operation === 'UNKNOWN' || b.operation === 'ANY') return invalid(`Invalid operation ${b.operation}`);
  if (b.permissionType !== 'ALLOW' && b.permissionType !== 'DENY') {
    return invalid(`Invalid permissionType ${b.permissionType}`);
  }
  return {
    ok: true,
    acl: {
      resourceType: b.resourceType as ConcreteResourceType,
      resourceName: b.resourceName,
      patternType: b.patternType,
      principal: b.principal,
      host: b.host,
      operation: b.operation as ConcreteOperation,
      permissionType: b.permissionType,
    },
  };
}

export type AclStoreResult<R> = { state: AuthorizerState; results: R; events: SecurityEvent[] };

function describeAcl(a: StandardAcl): string {
  return `${a.permissionType} ${a.operation} for ${a.principal} from ${a.host === WILDCARD ? 'any host' : a.host} on ${a.resourceType} ${a.patternType === 'PREFIXED' ? 'names starting with ' : ''}'${a.resourceName}'`;
}

/**
 * AclControlManager#createAcls: each binding validated on its own; valid ones are stored (an identical ACL
 * is stored once) and succeed, invalid ones fail with their error.
 */
export function createAcls(
  state: AuthorizerState,
  bindings: readonly AclBinding[],
): AclStoreResult<Array<ApiError | null>> {
  let acls = state.acls;
  let next = state.nextAclId;
  const events: SecurityEvent[] = [];
  const results = bindings.map((b) => {
    const v = validateNewAcl(b);
    if (!v.ok) return v.error;
    if (!acls.some((e) => sameAcl(e.acl, v.acl))) {
      const id = `acl-${next++}`;
      acls = insertAcl(acls, { id, acl: v.acl });
      events.push({
        type: 'aclCreated',
        reason: `ACL added: ${describeAcl(v.acl)} (an AccessControlEntryRecord in the metadata log)`,
        aclId: id,
        acl: v.acl,
      });
    }
    return null;
  });
  return { state: { ...state, acls, nextAclId: next }, results, events };
}

/** AclControlManager#validateFilter. */
function validateFilter(f: AclBindingFilter): ApiError | null {
  if (f.pattern.resourceType === 'UNKNOWN' || f.pattern.patternType === 'UNKNOWN') {
    return { exception: 'InvalidRequestException', message: 'Unknown patternFilter.' };
  }
  if (f.entry.operation === 'UNKNOWN' || f.entry.permissionType === 'UNKNOWN') {
    return { exception: 'InvalidRequestException', message: 'Unknown entryFilter.' };
  }
  return null;
}

export type DeleteFilterResult = { error: ApiError } | { deleted: AclEntryWithId[] };

/**
 * AclControlManager#deleteAcls: every filter is matched against the ACLs present before the request (an ACL
 * matched by two filters is reported by both), then all matches are removed together.
 */
export function deleteAcls(
  state: AuthorizerState,
  filters: readonly AclBindingFilter[],
): AclStoreResult<DeleteFilterResult[]> {
  const removed = new Set<string>();
  const results: DeleteFilterResult[] = filters.map((f) => {
    const err = validateFilter(f);
    if (err) return { error: err };
    const deleted = state.acls.filter((e) => bindingFilterMatches(f, e.acl));
    for (const d of deleted) removed.add(d.id);
    return { deleted };
  });
  const events: SecurityEvent[] = state.acls
    .filter((e) => removed.has(e.id))
    .map((e) => ({
      type: 'aclDeleted' as const,
      reason: `ACL removed: ${describeAcl(e.acl)} (a RemoveAccessControlEntryRecord in the metadata log)`,
      aclId: e.id,
      acl: e.acl,
    }));
  return {
    state: { ...state, acls: state.acls.filter((e) => !removed.has(e.id)) },
    results,
    events,
  };
}

/** AclCache#acls(filter): matching ACLs in cache order (StandardAcl order). */
export function describeAcls(state: AuthorizerState, filter: AclBindingFilter): AclEntryWithId[] {
  return state.acls.filter((e) => bindingFilterMatches(filter, e.acl));
}

/** `ResourcePattern(...)` of a stored ACL. */
export function aclPatternString(a: StandardAcl): string {
  return formatResourcePattern({
    resourceType: a.resourceType,
    name: a.resourceName,
    patternType: a.patternType,
  });
}

/** `(principal=…, host=…, operation=…, permissionType=…)` of a stored ACL. */
export function aclEntryString(a: StandardAcl): string {
  return formatAccessControlEntry(a);
}
