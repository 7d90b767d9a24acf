// The ACL vocabulary of org.apache.kafka.common.acl / common.resource, as plain data: enums in declaration
// (ordinal) order, principals, resource patterns and access control entries, and their toString forms.

/** ResourceType (common/resource/ResourceType.java), in ordinal order. */
export const RESOURCE_TYPES = [
  'UNKNOWN',
  'ANY',
  'TOPIC',
  'GROUP',
  'CLUSTER',
  'TRANSACTIONAL_ID',
  'DELEGATION_TOKEN',
  'USER',
] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];
/** The resource types an ACL can be stored on. */
export type ConcreteResourceType = Exclude<ResourceType, 'UNKNOWN' | 'ANY'>;

/** PatternType (common/resource/PatternType.java), in ordinal order. ANY and MATCH are filter-only. */
export const PATTERN_TYPES = ['UNKNOWN', 'ANY', 'MATCH', 'LITERAL', 'PREFIXED'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];
export type StoredPatternType = 'LITERAL' | 'PREFIXED';

/** AclOperation (common/acl/AclOperation.java), in ordinal order. */
export const ACL_OPERATIONS = [
  'UNKNOWN',
  'ANY',
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
  'CREATE_TOKENS',
  'DESCRIBE_TOKENS',
] as const;
export type AclOperation = (typeof ACL_OPERATIONS)[number];
/** Operations a stored ACL or an authorization request can name (AclControlManager#validateNewAcl). */
export type ConcreteOperation = Exclude<AclOperation, 'UNKNOWN' | 'ANY'>;

/** AclPermissionType (common/acl/AclPermissionType.java), in ordinal order. */
export const PERMISSION_TYPES = ['UNKNOWN', 'ANY', 'DENY', 'ALLOW'] as const;
export type AclPermissionType = (typeof PERMISSION_TYPES)[number];

/** Resource#CLUSTER_NAME: the one name a CLUSTER resource has. */
export const CLUSTER_NAME = 'kafka-cluster';
/** ResourcePattern#WILDCARD_RESOURCE and AclEntry#WILDCARD_HOST. */
export const WILDCARD = '*';
/** StandardAuthorizerData#WILDCARD_PRINCIPAL. */
export const WILDCARD_PRINCIPAL = 'User:*';

/** A stored ACL, exactly the fields of metadata/authorizer/StandardAcl. */
export type StandardAcl = {
  resourceType: ConcreteResourceType;
  resourceName: string;
  patternType: StoredPatternType;
  /** `PrincipalType:name`, e.g. `User:alice` or `User:*`. */
  principal: string;
  /** An IP address or `*` (hostnames are not supported). */
  host: string;
  operation: ConcreteOperation;
  permissionType: 'ALLOW' | 'DENY';
};

/** KafkaPrincipal: type and name (toString is `type:name`). */
export type KafkaPrincipal = { type: string; name: string };

export function principalToString(p: KafkaPrincipal): string {
  return `${p.type}:${p.name}`;
}

/** KafkaPrincipal.ANONYMOUS: the principal of a PLAINTEXT connection. */
export const ANONYMOUS: KafkaPrincipal = { type: 'User', name: 'ANONYMOUS' };

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * SecurityUtils#parseKafkaPrincipal: split once at the first ':' (Java split(":", 2) keeps empty parts).
 * "bob" → error; "User:" → type User, empty name; ":x" → empty type.
 */
export function parseKafkaPrincipal(text: string): Parsed<KafkaPrincipal> {
  const colon = text.indexOf(':');
  if (text === '' || colon < 0) {
    return { ok: false, error: `expected a string in format principalType:principalName but got ${text}` };
  }
  return { ok: true, value: { type: text.slice(0, colon), name: text.slice(colon + 1) } };
}

/** SecurityUtils#toPascalCase: TRANSACTIONAL_ID → TransactionalId. */
export function pascalCase(name: string): string {
  let out = '';
  let capitalizeNext = true;
  for (const c of name) {
    if (c === '_') capitalizeNext = true;
    else if (capitalizeNext) {
      out += c.toUpperCase();
      capitalizeNext = false;
    } else out += c.toLowerCase();
  }
  return out;
}

/**
 * SecurityUtils#operation / #resourceType / #permissionType: the Pascal-case name ("IdempotentWrite") or its
 * upper-case form ("IDEMPOTENTWRITE", so "idempotentwrite" too); anything else is UNKNOWN. Note that
 * "IDEMPOTENT_WRITE" is not accepted (the map holds the upper-cased Pascal name, without underscores).
 */
function lookupByPascal<T extends string>(values: readonly T[], text: string, unknown: T): T {
  for (const v of values) {
    const p = pascalCase(v);
    if (text === p || text.toUpperCase() === p.toUpperCase()) return v;
  }
  return unknown;
}

export function operationFromName(text: string): AclOperation {
  return lookupByPascal(ACL_OPERATIONS, text, 'UNKNOWN');
}

export function resourceTypeFromName(text: string): ResourceType {
  return lookupByPascal(RESOURCE_TYPES, text, 'UNKNOWN');
}

/** ResourcePattern#toString (ResourcePatternFilter prints the same prefix, with `<any>` for a null name). */
export function formatResourcePattern(p: {
  resourceType: ResourceType;
  name: string | null;
  patternType: PatternType;
}): string {
  return `ResourcePattern(resourceType=${p.resourceType}, name=${p.name ?? '<any>'}, patternType=${p.patternType})`;
}

/** An access control entry: who, from where, what, allow or deny (AccessControlEntry). */
export type AccessControlEntry = {
  principal: string;
  host: string;
  operation: AclOperation;
  permissionType: AclPermissionType;
};

/** AccessControlEntryData#toString. */
export function formatAccessControlEntry(e: {
  principal: string | null;
  host: string | null;
  operation: AclOperation;
  permissionType: AclPermissionType;
}): string {
  return `(principal=${e.principal ?? '<any>'}, host=${e.host ?? '<any>'}, operation=${e.operation}, permissionType=${e.permissionType})`;
}

/** StandardAcl#toString, as it appears in the authorizer's audit log (`MatchingAcl(acl=…)`). */
export function formatStandardAcl(a: StandardAcl): string {
  return (
    `StandardAcl(resourceType=${a.resourceType}, resourceName=${a.resourceName}, patternType=${a.patternType}, ` +
    `principal=${a.principal}, host=${a.host}, operation=${a.operation}, permissionType=${a.permissionType})`
  );
}

function ordinal<T>(values: readonly T[], v: T): number {
  return values.indexOf(v);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * StandardAcl#compareTo, the order of the authorizer's ACL cache: resource type, then resource name in
 * REVERSE order (so a name's prefixes sort after it), then pattern type, operation, principal, host,
 * permission (enums by ordinal, strings as Java String#compareTo over UTF-16 code units).
 */
export function compareStandardAcl(a: StandardAcl, b: StandardAcl): number {
  return (
    ordinal(RESOURCE_TYPES, a.resourceType) - ordinal(RESOURCE_TYPES, b.resourceType) ||
    compareStrings(b.resourceName, a.resourceName) ||
    ordinal(PATTERN_TYPES, a.patternType) - ordinal(PATTERN_TYPES, b.patternType) ||
    ordinal(ACL_OPERATIONS, a.operation) - ordinal(ACL_OPERATIONS, b.operation) ||
    compareStrings(a.principal, b.principal) ||
    compareStrings(a.host, b.host) ||
    ordinal(PERMISSION_TYPES, a.permissionType) - ordinal(PERMISSION_TYPES, b.permissionType)
  );
}

export function sameAcl(a: StandardAcl, b: StandardAcl): boolean {
  return compareStandardAcl(a, b) === 0;
}

/** AclEntry#supportedOperations: what each resource type accepts (kafka-acls.sh validates against it + ALL). */
export const SUPPORTED_OPERATIONS: Record<ConcreteResourceType, readonly ConcreteOperation[]> = {
  TOPIC: ['READ', 'WRITE', 'CREATE', 'DESCRIBE', 'DELETE', 'ALTER', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  GROUP: ['READ', 'DESCRIBE', 'DELETE', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS'],
  CLUSTER: [
    'CREATE',
    'CLUSTER_ACTION',
    'DESCRIBE_CONFIGS',
    'ALTER_CONFIGS',
    'IDEMPOTENT_WRITE',
    'ALTER',
    'DESCRIBE',
  ],
  TRANSACTIONAL_ID: ['DESCRIBE', 'WRITE'],
  DELEGATION_TOKEN: ['DESCRIBE'],
  USER: ['CREATE_TOKENS', 'DESCRIBE_TOKENS'],
};
