// Quota precedence and throttle time, pinned with ClientQuotaManagerTest's vectors (core, kafka.server).
import { describe, expect, it } from 'vitest';
import {
  alterClientQuota,
  EMPTY_QUOTA_CONFIG,
  effectiveQuota,
  type QuotaConfigState,
  type QuotaEntity,
} from './clientQuotas';
import { canSend, emptyClientThrottle, onResponseThrottle, throttleMetrics } from './clientThrottle';
import type { QuotaKind } from './events';
import {
  DEFAULT_QUOTA_MANAGER_CONFIG,
  maxValueInQuotaWindow,
  type QuotaSensors,
  type QuotaState,
  recordAndGetThrottleTime,
  recordControllerMutation,
  recordFetch,
  recordProduce,
} from './quotaManager';
import { measureRate, recordSample } from './sampledStat';

const config = DEFAULT_QUOTA_MANAGER_CONFIG;
const T0 = 1_700_000_000_000;

function set(
  state: QuotaConfigState,
  entity: QuotaEntity,
  value: number | null,
  key: QuotaKind = 'producer_byte_rate',
) {
  const r = alterClientQuota(state, entity, [{ key, value }]);
  expect(r.error).toBeNull();
  return r.state;
}

/** A harness like ClientQuotaManagerTest's: one manager (Produce), a mock clock. */
function harness(initial: QuotaConfigState) {
  let quotas = initial;
  let sensors: QuotaSensors = {};
  let now = T0;
  return {
    set(entity: QuotaEntity, value: number | null) {
      quotas = set(quotas, entity, value);
    },
    sleep(ms: number) {
      now += ms;
    },
    record(user: string, clientId: string, value: number) {
      const r = recordAndGetThrottleTime(
        config,
        quotas,
        sensors,
        'producer_byte_rate',
        { user, clientId },
        value,
        now,
      );
      sensors = r.sensors;
      return r.throttleTimeMs;
    },
    bound(user: string, clientId: string) {
      return (
        effectiveQuota(quotas, 'producer_byte_rate', user, clientId).limit?.bound ?? Number.POSITIVE_INFINITY
      );
    },
    /** ClientQuotaManagerTest#checkQuota: bound, max value in window, then record value × numQuotaSamples. */
    check(user: string, clientId: string, expectedBound: number, value: number, expectThrottle: boolean) {
      expect(this.bound(user, clientId)).toBe(expectedBound);
      expect(maxValueInQuotaWindow(config, quotas, 'producer_byte_rate', { user, clientId })).toBe(
        expectedBound * 10,
      );
      const t = this.record(user, clientId, value * config.numQuotaSamples);
      if (expectThrottle) expect(t).toBeGreaterThan(0);
      else expect(t).toBe(0);
    },
  };
}

describe('throttle time: X = (O − T) / T × W (QuotaUtils#throttleTime)', () => {
  it('400 B/s for 10 s then 2300 B half a second later against 500 B/s → 2100 ms (ClientQuotaManagerTest#testQuotaViolation)', () => {
    const h = harness(set(EMPTY_QUOTA_CONFIG, { clientId: null }, 500));
    for (let i = 0; i < 10; i++) {
      expect(h.record('ANONYMOUS', 'unknown', 400)).toBe(0);
      h.sleep(1000);
    }
    // 400×10 + 2000 + 300 = 6300 B over 10.5 s = 600 B/s; (600 − 500) / 500 × 10.5 s = 2100 ms.
    h.sleep(500);
    expect(h.record('ANONYMOUS', 'unknown', 2300)).toBe(2100);
    h.sleep(2100);
    for (let i = 0; i < 10; i++) {
      h.record('ANONYMOUS', 'unknown', 400);
      h.sleep(1000);
    }
    expect(h.record('ANONYMOUS', 'unknown', 0)).toBe(0); // the bursty sample has rolled over
  });

  it('the window is padded to quota.window.num − 1 full windows: one burst at t=0 is measured over 10 s (Rate#windowSize)', () => {
    const window = { samples: 11, timeWindowMs: 1000 };
    const m = measureRate(
      recordSample({ current: 0, samples: [], initialValue: 0 }, window, 22528, T0),
      window,
      T0,
    );
    expect(m.windowMs).toBe(10_000);
    expect(m.rate).toBeCloseTo(2252.8, 6);
    const h = harness(set(EMPTY_QUOTA_CONFIG, { user: 'alice' }, 1024));
    // (2252.8 − 1024) / 1024 × 10000 = 12000 ms.
    expect(h.record('alice', 'p1', 22528)).toBe(12_000);
  });

  it('request_percentage throttling is capped at one quota window (ClientRequestQuotaManager#throttleTime)', () => {
    const quotas = set(EMPTY_QUOTA_CONFIG, { user: 'alice' }, 1, 'request_percentage');
    const r = recordAndGetThrottleTime(
      config,
      quotas,
      {},
      'request_percentage',
      { user: 'alice', clientId: 'c' },
      500,
      T0,
    );
    expect(r.throttleTimeMs).toBe(1000);
  });
});

describe('quota precedence: users/<u>/clients/<c> › users/<u>/clients/<default> › users/<u> › users/<default>/clients/<c> › users/<default>/clients/<default> › users/<default> › clients/<c> › clients/<default> (ClientQuotaManager)', () => {
  it('replays ClientQuotaManagerTest#testQuotaConfigPrecedence', () => {
    const h = harness(EMPTY_QUOTA_CONFIG);
    h.set({ user: null }, 1000);
    h.set({ clientId: null }, 2000);
    h.set({ user: null, clientId: null }, 3000);
    h.set({ user: 'userA' }, 4000);
    h.set({ user: 'userA', clientId: 'client1' }, 5000);
    h.set({ user: 'userB' }, 6000);
    h.set({ user: 'userB', clientId: 'client1' }, 7000);
    h.set({ user: 'userB', clientId: null }, 8000);
    h.set({ user: 'userC' }, 10000);
    h.set({ clientId: 'client1' }, 9000);

    h.check('userA', 'client1', 5000, 4500, false); // <user, client> takes precedence over <user>
    h.check('userA', 'client2', 4000, 4500, true); // <user> over <client> and defaults
    h.check('userA', 'client3', 4000, 0, true); // <user> quota is shared across the user's clients
    h.check('userA', 'client1', 5000, 0, false); // <user, client> is exclusive

    h.check('userB', 'client1', 7000, 8000, true);
    h.check('userB', 'client2', 8000, 7000, false); // default per-client quota for exclusive use of <user, client>
    h.check('userB', 'client3', 8000, 7000, false);

    h.check('userD', 'client1', 3000, 3500, true); // default <user, client>
    h.check('userD', 'client2', 3000, 2500, false);
    h.check('userE', 'client1', 3000, 2500, false);

    h.set({ user: null, clientId: null }, null); // back to the <user> default
    h.check('userD', 'client1', 1000, 0, false); // metric tags changed: a new sensor
    h.check('userE', 'client4', 1000, 1500, true);
    h.check('userF', 'client4', 1000, 800, false); // default <user> quota shared across the user's clients
    h.check('userF', 'client5', 1000, 800, true);

    h.set({ user: null }, null); // back to the <client-id> default
    h.check('userF', 'client4', 2000, 0, false); // shared by that client-id across users
    h.check('userF', 'client5', 2000, 0, false);
    h.check('userF', 'client5', 2000, 2500, true);
    h.check('userG', 'client5', 2000, 0, true);

    h.set({ user: 'userA' }, 8000);
    h.set({ user: 'userA', clientId: 'client1' }, 10000);
    h.check('userA', 'client2', 8000, 0, false);
    h.check('userA', 'client2', 8000, 4500, true); // the sum of new and earlier values
    h.check('userA', 'client1', 10000, 0, false);
    h.check('userA', 'client1', 10000, 6000, true);
    h.set({ user: 'userA', clientId: 'client1' }, null);
    h.check('userA', 'client6', 8000, 0, true); // the shared user quota
    h.set({ user: 'userA', clientId: 'client6' }, 11000);
    h.check('userA', 'client6', 11000, 8500, false);
    h.set({ user: 'userA', clientId: null }, 12000);
    h.set({ user: 'userA', clientId: 'client6' }, null);
    h.check('userA', 'client6', 12000, 4000, true);
  });

  it('one quota level at a time: client-id, user, and <user, client-id> quotas, each with a default (testClientIdQuotaParsing, testUserQuotaParsing, testUserClientIdQuotaParsing)', () => {
    const cases: Array<[QuotaEntity, QuotaEntity, QuotaEntity, string, string]> = [
      [{ clientId: 'p1' }, { clientId: 'p2' }, { clientId: null }, 'ANONYMOUS', 'p1'],
      [{ user: 'User1' }, { user: 'User2' }, { user: null }, 'User1', 'p1'],
      [
        { user: 'User1', clientId: 'p1' },
        { user: 'User2', clientId: 'p2' },
        { user: null, clientId: null },
        'User1',
        'p1',
      ],
    ];
    for (const [e1, e2, def, user, clientId] of cases) {
      const h = harness(EMPTY_QUOTA_CONFIG);
      h.set(e1, 2000);
      h.set(e2, 4000);
      expect(h.bound('RandomUser', 'random-client-id')).toBe(Number.POSITIVE_INFINITY);
      expect(h.bound(user, clientId)).toBe(2000);
      expect(h.record(user, clientId, 2500 * 11)).toBeGreaterThan(0);
      h.set(e1, 3000);
      expect(h.record(user, clientId, 0)).toBe(0); // the changed quota applies to the existing sensor
      h.set(e1, 500);
      expect(h.record(user, clientId, 0)).toBeGreaterThan(0);
      h.set(e1, null);
      h.set(def, 4000);
      expect(h.bound(user, clientId)).toBe(4000);
      expect(h.record(user, clientId, 1000 * 11)).toBe(0);
    }
  });
});

describe('AlterClientQuotas validation (ClientQuotaControlManager#validateQuotaKeyValue)', () => {
  it('a quota must be > 0; byte rates are integral; keys must be quota keys', () => {
    const e = { user: 'u' };
    expect(
      alterClientQuota(EMPTY_QUOTA_CONFIG, e, [{ key: 'producer_byte_rate', value: 0 }]).error?.message,
    ).toBe('Quota producer_byte_rate must be greater than 0');
    expect(
      alterClientQuota(EMPTY_QUOTA_CONFIG, e, [{ key: 'consumer_byte_rate', value: 10.5 }]).error?.message,
    ).toBe('consumer_byte_rate cannot be a fractional value.');
    expect(
      alterClientQuota(EMPTY_QUOTA_CONFIG, e, [{ key: 'request_percentage', value: 12.5 }]).error,
    ).toBeNull();
    expect(alterClientQuota(EMPTY_QUOTA_CONFIG, e, [{ key: 'foo', value: 1 }]).error?.message).toBe(
      'Invalid configuration key foo',
    );
    expect(
      alterClientQuota(EMPTY_QUOTA_CONFIG, {}, [{ key: 'producer_byte_rate', value: 1 }]).error?.message,
    ).toBe('Invalid empty client quota entity');
  });

  it('a refused alteration changes nothing', () => {
    const s = set(EMPTY_QUOTA_CONFIG, { user: 'u' }, 100);
    const r = alterClientQuota(s, { user: 'u' }, [
      { key: 'producer_byte_rate', value: 200 },
      { key: 'consumer_byte_rate', value: -1 },
    ]);
    expect(r.state).toBe(s);
    expect(r.events).toEqual([]);
  });
});

describe('produce and fetch throttling as KafkaApis applies it', () => {
  const base = (quotas: QuotaConfigState): QuotaState => ({ config, quotas, sensors: {} });

  it('no quota configured: nothing is recorded and nothing is throttled (quotasEnabled is false)', () => {
    const s = base(EMPTY_QUOTA_CONFIG);
    const r = recordProduce(s, { user: 'ANONYMOUS', clientId: 'p' }, 10_000_000, 5, 'all', T0);
    expect(r.throttleTimeMs).toBe(0);
    expect(r.state.sensors).toEqual({});
  });

  it('a throttled fetch returns no data and its bytes are unrecorded (ClientQuotaManager#unrecordQuotaSensor)', () => {
    let s = base(set(EMPTY_QUOTA_CONFIG, { user: 'tenant-b' }, 1000, 'consumer_byte_rate'));
    const first = recordFetch(s, { user: 'tenant-b', clientId: 'c' }, 50_000, 1, T0);
    expect(first.returnsData).toBe(false);
    expect(first.throttleTimeMs).toBe(Math.round(((5000 - 1000) / 1000) * 10_000));
    s = first.state;
    const small = recordFetch(s, { user: 'tenant-b', clientId: 'c' }, 5000, 1, T0);
    expect(small.returnsData).toBe(true); // the 50000 bytes were taken back
  });

  it("a user quota is shared by all of the user's clients (ClientQuotaManager metric tags)", () => {
    let s = base(set(EMPTY_QUOTA_CONFIG, { user: 'tenant-a' }, 1000));
    s = recordProduce(s, { user: 'tenant-a', clientId: 'p1' }, 9000, 0, '1', T0).state;
    const other = recordProduce(s, { user: 'tenant-a', clientId: 'p2' }, 2000, 0, '1', T0);
    expect(other.throttleTimeMs).toBe(1000); // (1100 − 1000) / 1000 × 10 s
    const unrelated = recordProduce(s, { user: 'tenant-b', clientId: 'p2' }, 2000, 0, '1', T0);
    expect(unrelated.throttleTimeMs).toBe(0);
  });
});

describe('controller_mutation_rate: a token bucket (KIP-599, ControllerMutationQuotaManager)', () => {
  const quotas = set(EMPTY_QUOTA_CONFIG, { user: 'ops' }, 2, 'controller_mutation_rate');
  const start: QuotaState = { config, quotas, sensors: {} };
  const who = { user: 'ops', clientId: 'admin' };

  it('strict: the burst (11 × 1 s × 2 = 22) is accepted, then a request is refused with the time until tokens are back', () => {
    const a = recordControllerMutation(start, who, 30, true, T0); // 22 − 30 = −8: accepted (the bucket was not negative)
    expect(a.error).toBeNull();
    const b = recordControllerMutation(a.state, who, 1, true, T0);
    expect(b.error).toBe('THROTTLING_QUOTA_EXCEEDED');
    expect(b.throttleTimeMs).toBe(4000); // 8 / 2 × 1000
    const c = recordControllerMutation(b.state, who, 1, true, T0 + 4000);
    expect(c.error).toBeNull();
  });

  it('permissive (older request versions): accepted, and throttled by −tokens / quota', () => {
    const a = recordControllerMutation(start, who, 30, false, T0);
    expect(a.error).toBeNull();
    expect(a.throttleTimeMs).toBe(4000);
  });
});

describe('throttle_time_ms as the client sees it (NetworkClient#maybeThrottle, Sender#throttleTimeSensor, KIP-219)', () => {
  it('the connection waits out the throttle; produce-throttle-time-avg/max over 2 × 30 s windows', () => {
    let c = emptyClientThrottle();
    expect(throttleMetrics(c, T0).avg).toBeNaN();
    c = onResponseThrottle(c, 0, T0);
    c = onResponseThrottle(c, 2100, T0 + 10);
    expect(canSend(c, T0 + 2000)).toBe(false);
    expect(canSend(c, T0 + 2110)).toBe(true);
    expect(throttleMetrics(c, T0 + 20)).toEqual({ avg: 1050, max: 2100 });
    expect(throttleMetrics(c, T0 + 120_000).avg).toBeNaN(); // both samples expired
  });
});
