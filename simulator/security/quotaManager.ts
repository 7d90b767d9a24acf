// Quota enforcement as the broker's ClientQuotaManager family does it: one sensor per (quota type, metric
// tags), a Rate over quota.window.num (11) samples of quota.window.size.seconds (1), and on violation the
// throttle time of QuotaUtils#throttleTime, X = (O − T) / T × W (request quotas capped at one window,
// ClientRequestQuotaManager); controller mutations use a token bucket (ControllerMutationQuotaManager).
// The broker answers at once with throttle_time_ms and mutes the channel; a throttled fetch returns no data.

import {
  effectiveQuota,
  entityPath,
  type QuotaConfigState,
  type QuotaEntity,
  type QuotaTags,
} from './clientQuotas';
import type { QuotaKind, SecurityEvent } from './events';
import {
  emptyStat,
  type MetricWindow,
  measureRate,
  recordSample,
  refill,
  type SampledStat,
  type TokenBucket,
  takeTokens,
} from './sampledStat';

/** quota.window.num / quota.window.size.seconds and controller.quota.window.* (QuotaConfig defaults 11 and 1). */
export type QuotaManagerConfig = {
  numQuotaSamples: number;
  quotaWindowSizeSeconds: number;
  numControllerQuotaSamples: number;
  controllerQuotaWindowSizeSeconds: number;
};

export const DEFAULT_QUOTA_MANAGER_CONFIG: QuotaManagerConfig = {
  numQuotaSamples: 11,
  quotaWindowSizeSeconds: 1,
  numControllerQuotaSamples: 11,
  controllerQuotaWindowSizeSeconds: 1,
};

/** ClientQuotaManager#InactiveSensorExpirationTimeSeconds: a sensor idle for an hour is dropped. */
export const INACTIVE_SENSOR_EXPIRATION_MS = 3_600_000;

const LONG_MAX_VALUE = 2 ** 63; // Long.MaxValue as a double

export type QuotaSensor = {
  kind: QuotaKind;
  tags: QuotaTags;
  rate: SampledStat;
  bucket: TokenBucket;
  lastRecordTime: number;
};

export type QuotaSensors = Record<string, QuotaSensor>;

/** ClientQuotaManager#getQuotaSensorName: `<QuotaType>-<user>:<client-id>`. */
export function sensorName(kind: QuotaKind, tags: QuotaTags): string {
  const type = {
    producer_byte_rate: 'Produce',
    consumer_byte_rate: 'Fetch',
    request_percentage: 'Request',
    controller_mutation_rate: 'ControllerMutation',
  }[kind];
  return `${type}-${tags.user}:${tags.clientId}`;
}

function windowFor(kind: QuotaKind, c: QuotaManagerConfig): MetricWindow {
  return kind === 'controller_mutation_rate'
    ? { samples: c.numControllerQuotaSamples, timeWindowMs: c.controllerQuotaWindowSizeSeconds * 1000 }
    : { samples: c.numQuotaSamples, timeWindowMs: c.quotaWindowSizeSeconds * 1000 };
}

function getOrCreate(sensors: QuotaSensors, kind: QuotaKind, tags: QuotaTags, now: number): QuotaSensor {
  const existing = sensors[sensorName(kind, tags)];
  if (existing && now - existing.lastRecordTime <= INACTIVE_SENSOR_EXPIRATION_MS) return existing;
  return { kind, tags, rate: emptyStat(), bucket: { tokens: null, lastUpdateMs: now }, lastRecordTime: now };
}

export type QuotaCheck = {
  sensors: QuotaSensors;
  throttleTimeMs: number;
  /** The measured rate (byte/s, % or tokens left) and the bound, when a quota applies. */
  observed: number | null;
  bound: number | null;
  windowMs: number | null;
  /** The entity whose quota applied (its /config path), if any. */
  quotaEntity: QuotaEntity | null;
  events: SecurityEvent[];
};

export type QuotaSubject = { user: string; clientId: string };

function unitOf(kind: QuotaKind): string {
  return kind === 'request_percentage' ? '%' : kind === 'controller_mutation_rate' ? ' mutations/s' : ' B/s';
}

function round(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/**
 * Sensor#record(value, now, checkQuotas = true) then QuotaUtils#throttleTime on a violation (bounded by one
 * window for request_percentage). With no quota configured for this type nothing is recorded (quotasEnabled).
 */
export function recordAndGetThrottleTime(
  config: QuotaState['config'],
  quotas: QuotaConfigState,
  sensors: QuotaSensors,
  kind: Exclude<QuotaKind, 'controller_mutation_rate'>,
  who: QuotaSubject,
  value: number,
  now: number,
): QuotaCheck {
  if (quotas.enabled[kind] === 0) {
    return {
      sensors,
      throttleTimeMs: 0,
      observed: null,
      bound: null,
      windowMs: null,
      quotaEntity: null,
      events: [],
    };
  }
  const { tags, limit } = effectiveQuota(quotas, kind, who.user, who.clientId);
  const window = windowFor(kind, config);
  const sensor = getOrCreate(sensors, kind, tags, now);
  const recorded = recordSample(sensor.rate, window, value, now);
  const m = measureRate(recorded, window, now);
  const next: QuotaSensor = { ...sensor, rate: m.stat, lastRecordTime: now };
  const out = { ...sensors, [sensorName(kind, tags)]: next };
  const bound = limit?.bound ?? LONG_MAX_VALUE; // ClientQuotaManager#quotaLimit: Long.MaxValue without a quota
  if (m.rate <= bound) {
    return {
      sensors: out,
      throttleTimeMs: 0,
      observed: m.rate,
      bound: limit?.bound ?? null,
      windowMs: m.windowMs,
      quotaEntity: limit?.entity ?? null,
      events: [],
    };
  }
  let throttle = Math.round(((m.rate - bound) / bound) * m.windowMs);
  if (kind === 'request_percentage') throttle = Math.min(throttle, config.quotaWindowSizeSeconds * 1000);
  const path = limit ? entityPath(limit.entity) : '';
  return {
    sensors: out,
    throttleTimeMs: throttle,
    observed: m.rate,
    bound,
    windowMs: m.windowMs,
    quotaEntity: limit?.entity ?? null,
    events: [
      {
        type: 'clientThrottled',
        reason:
          `client ${who.clientId} (user ${who.user}) is over its ${kind} quota from ${path}: ${round(m.rate)}${unitOf(kind)} measured over ` +
          `${round(m.windowMs / 1000)} s against ${round(bound)}${unitOf(kind)} → throttled ${throttle} ms ` +
          `((O − T) / T × W${kind === 'request_percentage' ? ', at most one quota window' : ''}); the broker mutes the connection that long`,
        quota: kind,
        user: who.user,
        clientId: who.clientId,
        observedRate: m.rate,
        bound,
        throttleTimeMs: throttle,
      },
    ],
  };
}

/** ClientQuotaManager#unrecordQuotaSensor: a throttled fetch takes back what it recorded (it sends no data). */
export function unrecord(
  config: QuotaState['config'],
  quotas: QuotaConfigState,
  sensors: QuotaSensors,
  kind: QuotaKind,
  who: QuotaSubject,
  value: number,
  now: number,
): QuotaSensors {
  if (quotas.enabled[kind] === 0) return sensors;
  const { tags } = effectiveQuota(quotas, kind, who.user, who.clientId);
  const sensor = getOrCreate(sensors, kind, tags, now);
  return {
    ...sensors,
    [sensorName(kind, tags)]: {
      ...sensor,
      rate: recordSample(sensor.rate, windowFor(kind, config), -value, now),
    },
  };
}

/** ClientQuotaManager#getMaxValueInQuotaWindow: the most a fetch may return without being throttled. */
export function maxValueInQuotaWindow(
  config: QuotaState['config'],
  quotas: QuotaConfigState,
  kind: QuotaKind,
  who: QuotaSubject,
): number {
  if (quotas.enabled[kind] === 0) return Number.MAX_VALUE;
  const { limit } = effectiveQuota(quotas, kind, who.user, who.clientId);
  return limit
    ? limit.bound * (config.numQuotaSamples - 1) * config.quotaWindowSizeSeconds
    : Number.MAX_VALUE;
}

export type QuotaState = { config: QuotaManagerConfig; quotas: QuotaConfigState; sensors: QuotaSensors };

export type ProduceThrottle = {
  state: QuotaState;
  throttleTimeMs: number;
  bandwidth: QuotaCheck;
  request: QuotaCheck;
};

/**
 * KafkaApis#handleProduceRequest: record the request size against producer_byte_rate and the thread time
 * against request_percentage (not for acks=0), throttle by the larger of the two.
 */
export function recordProduce(
  state: QuotaState,
  who: QuotaSubject,
  requestBytes: number,
  requestThreadTimeMs: number,
  acks: '0' | '1' | 'all',
  now: number,
): ProduceThrottle {
  const bandwidth = recordAndGetThrottleTime(
    state.config,
    state.quotas,
    state.sensors,
    'producer_byte_rate',
    who,
    requestBytes,
    now,
  );
  const request =
    acks === '0'
      ? { ...bandwidth, throttleTimeMs: 0, events: [] }
      : recordAndGetThrottleTime(
          state.config,
          state.quotas,
          bandwidth.sensors,
          'request_percentage',
          who,
          requestThreadTimeMs / 10,
          now,
        );
  return {
    state: { ...state, sensors: request.sensors },
    throttleTimeMs: Math.max(bandwidth.throttleTimeMs, request.throttleTimeMs),
    bandwidth,
    request,
  };
}

export type FetchThrottle = ProduceThrottle & { returnsData: boolean };

/**
 * KafkaApis#handleFetchRequest (consumer fetch): request_percentage then consumer_byte_rate; when either
 * throttles, the fetch bytes are unrecorded and the response is empty, carrying throttle_time_ms.
 */
export function recordFetch(
  state: QuotaState,
  who: QuotaSubject,
  responseBytes: number,
  requestThreadTimeMs: number,
  now: number,
): FetchThrottle {
  const request = recordAndGetThrottleTime(
    state.config,
    state.quotas,
    state.sensors,
    'request_percentage',
    who,
    requestThreadTimeMs / 10,
    now,
  );
  const bandwidth = recordAndGetThrottleTime(
    state.config,
    state.quotas,
    request.sensors,
    'consumer_byte_rate',
    who,
    responseBytes,
    now,
  );
  const throttle = Math.max(request.throttleTimeMs, bandwidth.throttleTimeMs);
  const sensors =
    throttle > 0
      ? unrecord(state.config, state.quotas, bandwidth.sensors, 'consumer_byte_rate', who, responseBytes, now)
      : bandwidth.sensors;
  return {
    state: { ...state, sensors },
    throttleTimeMs: throttle,
    bandwidth,
    request,
    returnsData: throttle === 0,
  };
}

export type MutationCheck = {
  state: QuotaState;
  /** Strict mode (CreateTopics v6+, DeleteTopics v5+, CreatePartitions v3+): refused with THROTTLING_QUOTA_EXCEEDED. */
  error: 'THROTTLING_QUOTA_EXCEEDED' | null;
  throttleTimeMs: number;
  events: SecurityEvent[];
};

/**
 * ControllerMutationQuotaManager: check the bucket (violated when tokens < 0), then take `permits`
 * (partitions created/deleted). Strict: a violation refuses the request; permissive: it is accepted and
 * throttled. Throttle time = −tokens / quota × 1000.
 */
export function recordControllerMutation(
  state: QuotaState,
  who: QuotaSubject,
  permits: number,
  strict: boolean,
  now: number,
): MutationCheck {
  const kind: QuotaKind = 'controller_mutation_rate';
  if (state.quotas.enabled[kind] === 0) return { state, error: null, throttleTimeMs: 0, events: [] };
  const { tags, limit } = effectiveQuota(state.quotas, kind, who.user, who.clientId);
  if (!limit) return { state, error: null, throttleTimeMs: 0, events: [] };
  const window = windowFor(kind, state.config);
  const sensor = getOrCreate(state.sensors, kind, tags, now);
  const before = refill(sensor.bucket, limit.bound, window, now);
  const tokens = before.tokens ?? 0;
  const store = (bucket: TokenBucket): QuotaState => ({
    ...state,
    sensors: { ...state.sensors, [sensorName(kind, tags)]: { ...sensor, bucket, lastRecordTime: now } },
  });
  const throttleOf = (t: number) => Math.round((-t / limit.bound) * 1000);
  if (strict) {
    if (tokens < 0) {
      const throttle = throttleOf(tokens);
      return {
        state: store(before),
        error: 'THROTTLING_QUOTA_EXCEEDED',
        throttleTimeMs: throttle,
        events: [throttledMutation(who, tokens, limit.bound, throttle)],
      };
    }
    return {
      state: store(takeTokens(before, limit.bound, window, permits, now)),
      error: null,
      throttleTimeMs: 0,
      events: [],
    };
  }
  const after = takeTokens(before, limit.bound, window, permits, now);
  const left = after.tokens ?? 0;
  const throttle = left < 0 ? throttleOf(left) : 0;
  return {
    state: store(after),
    error: null,
    throttleTimeMs: throttle,
    events: throttle > 0 ? [throttledMutation(who, left, limit.bound, throttle)] : [],
  };
}

function throttledMutation(
  who: QuotaSubject,
  tokens: number,
  bound: number,
  throttle: number,
): SecurityEvent {
  return {
    type: 'clientThrottled',
    reason: `client ${who.clientId} (user ${who.user}) is over its controller_mutation_rate of ${round(bound)} mutations/s: the token bucket is at ${round(tokens)} → throttled ${throttle} ms (−tokens / quota × 1000)`,
    quota: 'controller_mutation_rate',
    user: who.user,
    clientId: who.clientId,
    observedRate: tokens,
    bound,
    throttleTimeMs: throttle,
  };
}
