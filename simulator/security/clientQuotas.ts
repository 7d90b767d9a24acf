// Client quota configuration: entities (user, client-id, both, with <default>), AlterClientQuotas validation
// (ClientQuotaControlManager), and the precedence ClientQuotaManager applies per quota type — which
// sensor a connection records into (its metric tags, hence who shares a quota) and which limit applies.

import type { ApiError } from './aclStore';
import type { QuotaKind, SecurityEvent } from './events';

export const QUOTA_KINDS: readonly QuotaKind[] = [
  'producer_byte_rate',
  'consumer_byte_rate',
  'request_percentage',
  'controller_mutation_rate',
];

/** A quota entity: a field absent = not part of it; null = <default>; a string = that name. */
export type QuotaEntity = { user?: string | null; clientId?: string | null };

export type QuotaEntry = { entity: QuotaEntity; values: Partial<Record<QuotaKind, number>> };

/** QuotaTypes bits of one ClientQuotaManager (set when a quota of that shape is first configured, never cleared). */
export const QUOTA_TYPES = {
  ClientIdQuotaEnabled: 1,
  UserQuotaEnabled: 2,
  UserClientIdQuotaEnabled: 4,
} as const;

export type QuotaConfigState = {
  entries: QuotaEntry[];
  /** Per quota type (Produce, Fetch, Request, ControllerMutation managers), the QuotaTypes bitmask. */
  enabled: Record<QuotaKind, number>;
};

export const EMPTY_QUOTA_CONFIG: QuotaConfigState = {
  entries: [],
  enabled: {
    producer_byte_rate: 0,
    consumer_byte_rate: 0,
    request_percentage: 0,
    controller_mutation_rate: 0,
  },
};

function sameEntity(a: QuotaEntity, b: QuotaEntity): boolean {
  return (
    'user' in a === 'user' in b &&
    'clientId' in a === 'clientId' in b &&
    a.user === b.user &&
    a.clientId === b.clientId
  );
}

/** The /config path of an entity (ClientQuotaManager's precedence list is written in these terms). */
export function entityPath(e: QuotaEntity): string {
  const part = (type: string, v: string | null | undefined) =>
    v === undefined ? null : `${type}/${v === null ? '<default>' : v}`;
  return [part('users', e.user), part('clients', e.clientId)].filter((x) => x !== null).join('/');
}

/** QuotaConfig#userAndClientQuotaConfigs: producer/consumer byte rates are LONG, the others DOUBLE. */
const INTEGRAL: readonly QuotaKind[] = ['producer_byte_rate', 'consumer_byte_rate'];

/** ClientQuotaControlManager#validateQuotaKeyValue. */
function validateValue(key: string, value: number): ApiError | null {
  const invalid = (message: string) => ({ exception: 'InvalidRequestException', message });
  if (!(QUOTA_KINDS as readonly string[]).includes(key)) return invalid(`Invalid configuration key ${key}`);
  if (value <= 0) return invalid(`Quota ${key} must be greater than 0`);
  if (INTEGRAL.includes(key as QuotaKind)) {
    if (value > Number.MAX_VALUE) return invalid(`Proposed value for ${key} is too large for a LONG.`);
    if (Math.abs(value % 1) > 1e-6) return invalid(`${key} cannot be a fractional value.`);
  }
  return null;
}

export type QuotaOp = { key: string; value: number | null };

/**
 * ClientQuotaControlManager#alterClientQuotaEntity: an entity needs a user or client-id part (names may not
 * be empty); a value is validated; null removes. All ops of the entity apply, or none on the first error.
 */
export function alterClientQuota(
  state: QuotaConfigState,
  entity: QuotaEntity,
  ops: readonly QuotaOp[],
): { state: QuotaConfigState; error: ApiError | null; events: SecurityEvent[] } {
  if (!('user' in entity) && !('clientId' in entity)) {
    return {
      state,
      error: { exception: 'InvalidRequestException', message: 'Invalid empty client quota entity' },
      events: [],
    };
  }
  if (entity.user === '')
    return {
      state,
      error: { exception: 'InvalidRequestException', message: 'Empty user not supported' },
      events: [],
    };
  if (entity.clientId === '') {
    return {
      state,
      error: { exception: 'InvalidRequestException', message: 'Empty client-id not supported' },
      events: [],
    };
  }
  for (const op of ops) {
    if (op.value === null) continue;
    const err = validateValue(op.key, op.value);
    if (err) return { state, error: err, events: [] };
  }
  const existing = state.entries.find((e) => sameEntity(e.entity, entity));
  const values: Partial<Record<QuotaKind, number>> = { ...(existing?.values ?? {}) };
  const events: SecurityEvent[] = [];
  const enabled = { ...state.enabled };
  const bit = 'user' in entity ? ('clientId' in entity ? 4 : 2) : 1;
  const path = entityPath(entity);
  for (const op of ops) {
    const key = op.key as QuotaKind;
    if (op.value === null) {
      if (!(key in values)) continue;
      delete values[key];
    } else {
      if (values[key] === op.value) continue;
      values[key] = op.value;
    }
    enabled[key] |= bit; // ClientQuotaManager#updateQuota sets the bit on set and on removal
    events.push({
      type: 'clientQuotaAltered',
      reason:
        op.value === null
          ? `${key} quota removed from ${path}`
          : `${key} quota of ${path} set to ${op.value}${key.endsWith('byte_rate') ? ' bytes/s per broker' : key === 'request_percentage' ? '% of one request-handler/network thread' : ' mutations/s'}`,
      entityPath: path,
      key,
      value: op.value,
    });
  }
  const others = state.entries.filter((e) => !sameEntity(e.entity, entity));
  const entries =
    Object.keys(values).length === 0
      ? others
      : existing
        ? state.entries.map((e) => (e === existing ? { entity, values } : e))
        : [...others, { entity, values }];
  return { state: { entries, enabled }, error: null, events };
}

function quotaOf(state: QuotaConfigState, kind: QuotaKind, entity: QuotaEntity): number | undefined {
  return state.entries.find((e) => sameEntity(e.entity, entity))?.values[kind];
}

/** The metric tags of a connection: all connections with the same tags share one sensor (one quota). */
export type QuotaTags = { user: string; clientId: string };

/**
 * DefaultQuotaCallback#quotaMetricTags: with a single kind of quota configured the tags follow it; with
 * several, the first of the eight precedence levels that exists decides which parts are kept.
 */
export function quotaMetricTags(
  state: QuotaConfigState,
  kind: QuotaKind,
  user: string,
  clientId: string,
): QuotaTags {
  const bits = state.enabled[kind];
  if (bits === 0 || bits === 1) return { user: '', clientId };
  if (bits === 2) return { user, clientId: '' };
  if (bits === 4) return { user, clientId };
  const has = (e: QuotaEntity) => quotaOf(state, kind, e) !== undefined;
  if (has({ user, clientId })) return { user, clientId }; // 1) /config/users/<user>/clients/<client-id>
  if (has({ user, clientId: null })) return { user, clientId }; // 2) /config/users/<user>/clients/<default>
  if (has({ user })) return { user, clientId: '' }; // 3) /config/users/<user>
  if (has({ user: null, clientId })) return { user, clientId }; // 4) /config/users/<default>/clients/<client-id>
  if (has({ user: null, clientId: null })) return { user, clientId }; // 5) /config/users/<default>/clients/<default>
  if (has({ user: null })) return { user, clientId: '' }; // 6) /config/users/<default>
  return { user: '', clientId }; // 7) /config/clients/<client-id>, 8) /config/clients/<default>
}

/** DefaultQuotaCallback#quotaLimit for a sensor's tags: the limit and the entity that set it, or none. */
export function quotaLimit(
  state: QuotaConfigState,
  kind: QuotaKind,
  tags: QuotaTags,
): { bound: number; entity: QuotaEntity } | null {
  const { user, clientId } = tags;
  const levels: QuotaEntity[] =
    user !== '' && clientId !== ''
      ? [
          { user, clientId },
          { user, clientId: null },
          { user: null, clientId },
          { user: null, clientId: null },
        ]
      : user !== ''
        ? [{ user }, { user: null }]
        : clientId !== ''
          ? [{ clientId }, { clientId: null }]
          : [];
  for (const e of levels) {
    const bound = quotaOf(state, kind, e);
    if (bound !== undefined) return { bound, entity: e };
  }
  return null;
}

/** The quotas that apply to a principal and client-id (ClientQuotaManager#quota, per type). */
export function effectiveQuota(state: QuotaConfigState, kind: QuotaKind, user: string, clientId: string) {
  const tags = quotaMetricTags(state, kind, user, clientId);
  return { tags, limit: quotaLimit(state, kind, tags) };
}

/** DescribeClientQuotas with ClientQuotaFilter#containsOnly: entities with exactly these parts. */
export function describeClientQuotas(
  state: QuotaConfigState,
  filter: { user?: { name: string | null } | 'any'; clientId?: { name: string | null } | 'any' },
): QuotaEntry[] {
  const matches = (
    want: { name: string | null } | 'any' | undefined,
    present: boolean,
    value: string | null | undefined,
  ) => (want === undefined ? !present : present && (want === 'any' || want.name === value));
  return state.entries.filter(
    (e) =>
      matches(filter.user, 'user' in e.entity, e.entity.user) &&
      matches(filter.clientId, 'clientId' in e.entity, e.entity.clientId),
  );
}
