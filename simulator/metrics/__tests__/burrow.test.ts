// Burrow's own vectors: core/internal/evaluator/caching_test.go (TestCachingEvaluator_CheckRules, tests 0-15).
import { describe, expect, it } from 'vitest';
import {
  calculatePartitionStatus,
  checkIfLagNotDecreasing,
  checkIfOffsetsRewind,
  checkIfOffsetsStalled,
  checkIfOffsetsStopped,
  checkIfRecentLagZero,
  evaluateGroup,
  isLagAlwaysNotZero,
} from '../burrow/evaluator';
import { burrowHttp } from '../burrow/http';
import {
  addBrokerOffset,
  addConsumerOffset,
  type ConsumerOffset,
  newBurrowState,
  setConsumerOwner,
} from '../burrow/storage';

type Vector = {
  offsets: Array<[number, number, number | null]>; // offset, timestamp ms, lag
  broker: number[];
  currentLag: number;
  now: number;
  allowed: number;
  alwaysNotZero: boolean;
  rewind: number;
  stopped: boolean;
  stalled: boolean;
  notDecreasing: boolean;
  recentZero: boolean;
  status: string;
};

const lin = (lags: number[], offs: number[]) =>
  offs.map((o, i) => [o, (i + 1) * 100_000, lags[i]] as [number, number, number]);
const t9 = Array.from(
  { length: 15 },
  (_, i) =>
    [
      792748079 + i,
      [
        1512224618356, 1512224619362, 1512224620366, 1512224621367, 1512224622370, 1512224623373,
        1512224624378, 1512224625379, 1512224626383, 1512224627383, 1512224628383, 1512224629388,
        1512224630391, 1512224631394, 1512224632397,
      ][i],
      0,
    ] as [number, number, number],
);

const VECTORS: Vector[] = [
  {
    offsets: lin([0, 50, 100, 150, 200], [1000, 2000, 3000, 4000, 5000]),
    broker: [5200],
    currentLag: 200,
    now: 600,
    allowed: 0,
    alwaysNotZero: false,
    rewind: -1,
    stopped: false,
    stalled: false,
    notDecreasing: true,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: lin([0, 50, 100, 150, 200], [1000, 2000, 3000, 4000, 5000]),
    broker: [5200],
    currentLag: 200,
    now: 900,
    allowed: 0,
    alwaysNotZero: false,
    rewind: -1,
    stopped: false,
    stalled: false,
    notDecreasing: true,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: lin([0, 50, 100, 150, 200], [1000, 2000, 3000, 4000, 5000]),
    broker: [5200],
    currentLag: 200,
    now: 1000,
    allowed: 0,
    alwaysNotZero: false,
    rewind: -1,
    stopped: true,
    stalled: false,
    notDecreasing: true,
    recentZero: false,
    status: 'STOP',
  },
  {
    offsets: lin([50, 100, 150, 200, 250], [1000, 2000, 3000, 4000, 5000]),
    broker: [5250],
    currentLag: 250,
    now: 1000,
    allowed: 0,
    alwaysNotZero: true,
    rewind: -1,
    stopped: true,
    stalled: false,
    notDecreasing: true,
    recentZero: false,
    status: 'STOP',
  },
  {
    offsets: lin([0, 50, 100, 150, 200], [1000, 1000, 1000, 1000, 1000]),
    broker: [1200],
    currentLag: 200,
    now: 600,
    allowed: 0,
    alwaysNotZero: false,
    rewind: -1,
    stopped: false,
    stalled: true,
    notDecreasing: true,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: lin([100, 150, 200, 250, 300], [1000, 1000, 1000, 1000, 1000]),
    broker: [1300],
    currentLag: 300,
    now: 600,
    allowed: 0,
    alwaysNotZero: true,
    rewind: -1,
    stopped: false,
    stalled: true,
    notDecreasing: true,
    recentZero: false,
    status: 'STALL',
  },
  {
    offsets: lin([100, 100, 100, 100, 100], [1000, 1000, 1000, 1000, 1000]),
    broker: [1100],
    currentLag: 100,
    now: 600,
    allowed: 0,
    alwaysNotZero: true,
    rewind: -1,
    stopped: false,
    stalled: true,
    notDecreasing: true,
    recentZero: false,
    status: 'STALL',
  },
  {
    offsets: lin([100, 150, 200, 1250, 300], [1000, 2000, 3000, 2000, 4000]),
    broker: [4300],
    currentLag: 300,
    now: 600,
    allowed: 0,
    alwaysNotZero: true,
    rewind: 3,
    stopped: false,
    stalled: false,
    notDecreasing: false,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: lin([50, 100, 150, 200, 250], [1000, 2000, 3000, 4000, 5000]),
    broker: [5250],
    currentLag: 0,
    now: 1000,
    allowed: 0,
    alwaysNotZero: true,
    rewind: -1,
    stopped: true,
    stalled: false,
    notDecreasing: true,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: t9,
    broker: [792749024, 792749000, 792748800, 792748600, 792748500],
    currentLag: 931,
    now: 1512224650,
    allowed: 0,
    alwaysNotZero: false,
    rewind: -1,
    stopped: true,
    stalled: false,
    notDecreasing: true,
    recentZero: false,
    status: 'STOP',
  },
  {
    offsets: t9,
    broker: [792748094, 792748093, 792748093, 792748093],
    currentLag: 1,
    now: 1512224650,
    allowed: 0,
    alwaysNotZero: false,
    rewind: -1,
    stopped: true,
    stalled: false,
    notDecreasing: true,
    recentZero: true,
    status: 'OK',
  },
  {
    offsets: [1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000, 5500].map(
      (o, i) =>
        [o, 100_000 + i * 50_000, i % 2 === 0 ? (i / 2) * 50 : null] as [number, number, number | null],
    ),
    broker: [5700],
    currentLag: 200,
    now: 600,
    allowed: 0,
    alwaysNotZero: false,
    rewind: -1,
    stopped: false,
    stalled: false,
    notDecreasing: true,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: [
      [1000, 100_000, 2],
      [2000, 200_000, 1],
      [2000, 300_000, 1],
    ],
    broker: [2001],
    currentLag: 1,
    now: 550,
    allowed: 1,
    alwaysNotZero: false,
    rewind: -1,
    stopped: true,
    stalled: false,
    notDecreasing: false,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: lin([100, 150, 200, 250, 300], [1000, 1000, 1000, 1000, 1000]),
    broker: [1300],
    currentLag: 300,
    now: 600,
    allowed: 99,
    alwaysNotZero: true,
    rewind: -1,
    stopped: false,
    stalled: true,
    notDecreasing: true,
    recentZero: false,
    status: 'STALL',
  },
  {
    offsets: lin([100, 150, 200, 1250, 300], [1000, 2000, 3000, 2000, 4000]),
    broker: [4300],
    currentLag: 300,
    now: 600,
    allowed: 99,
    alwaysNotZero: true,
    rewind: 3,
    stopped: false,
    stalled: false,
    notDecreasing: false,
    recentZero: false,
    status: 'OK',
  },
  {
    offsets: lin([100, 150, 200, 1250, 300], [1000, 2000, 3000, 2000, 2500]),
    broker: [4300],
    currentLag: 300,
    now: 600,
    allowed: 0,
    alwaysNotZero: true,
    rewind: 3,
    stopped: false,
    stalled: false,
    notDecreasing: false,
    recentZero: false,
    status: 'REWIND',
  },
];

function offsetsOf(v: Vector): ConsumerOffset[] {
  return v.offsets.map(([offset, timestamp, lag], i) => ({
    offset,
    order: i + 1,
    timestamp,
    observedAt: timestamp,
    lag,
  }));
}

describe("Burrow's evaluator rules with caching_test.go's vectors", () => {
  VECTORS.forEach((v, i) => {
    it(`TEST ${i}: every check and calculatePartitionStatus = ${v.status}`, () => {
      const o = offsetsOf(v);
      expect(isLagAlwaysNotZero(o, v.allowed)).toBe(v.alwaysNotZero);
      expect(checkIfOffsetsRewind(o)).toBe(v.rewind);
      expect(checkIfOffsetsStopped(o, v.now)).toBe(v.stopped);
      expect(checkIfOffsetsStalled(o)).toBe(v.stalled);
      expect(checkIfLagNotDecreasing(o)).toBe(v.notDecreasing);
      expect(checkIfRecentLagZero(o, v.broker)).toBe(v.recentZero);
      expect(calculatePartitionStatus(o, v.broker, v.currentLag, v.now, v.allowed).status).toBe(v.status);
    });
  });
});

describe("Burrow's storage and group status", () => {
  it('keeps the last `intervals` commits with the lag against the latest broker offset; no broker offset → dropped', () => {
    const s = newBurrowState('local');
    expect(
      addConsumerOffset(s, { group: 'g', topic: 't', partition: 0, offset: 5, timestamp: 1000 }, 1000),
    ).toBe('unknown topic');
    addBrokerOffset(s, 't', 1, 0, 100, 1000);
    for (let i = 0; i < 12; i++)
      addConsumerOffset(
        s,
        { group: 'g', topic: 't', partition: 0, offset: i * 10, timestamp: 1000 + i * 1000 },
        1000 + i * 1000,
      );
    const ring = s.groups.g.topics.t[0].offsets;
    expect(ring.length).toBe(10);
    expect(ring[0].offset).toBe(20);
    expect(ring.map((o) => o.lag)).toEqual([80, 70, 60, 50, 40, 30, 20, 10, 0, 0]);
  });

  it('min-distance: a commit closer than min-distance replaces the previous entry and keeps its timestamp', () => {
    const s = newBurrowState('local', { minDistanceS: 10 });
    addBrokerOffset(s, 't', 1, 0, 100, 0);
    addConsumerOffset(s, { group: 'g', topic: 't', partition: 0, offset: 1, timestamp: 1000 }, 1000);
    addConsumerOffset(s, { group: 'g', topic: 't', partition: 0, offset: 2, timestamp: 5000 }, 5000);
    addConsumerOffset(s, { group: 'g', topic: 't', partition: 0, offset: 3, timestamp: 12_000 }, 12_000);
    expect(s.groups.g.topics.t[0].offsets.map((o) => [o.offset, o.timestamp])).toEqual([
      [2, 1000],
      [3, 12_000],
    ]);
  });

  it('group status: worst partition, STOP/STALL/REWIND reported as ERR; complete = share of full windows; maxlag', () => {
    const s = newBurrowState('local');
    addBrokerOffset(s, 't', 2, 0, 1000, 0);
    addBrokerOffset(s, 't', 2, 1, 2000, 0);
    // Partition 0: ten commits of the same offset with lag → STALL. Partition 1: two commits → incomplete.
    for (let i = 0; i < 10; i++)
      addConsumerOffset(
        s,
        { group: 'g', topic: 't', partition: 0, offset: 10, timestamp: i * 1000 },
        i * 1000,
      );
    addConsumerOffset(s, { group: 'g', topic: 't', partition: 1, offset: 1500, timestamp: 8000 }, 8000);
    addConsumerOffset(s, { group: 'g', topic: 't', partition: 1, offset: 1600, timestamp: 9000 }, 9000);
    setConsumerOwner(s, 'g', 't', 0, '/10.0.0.2', 'c1');
    const g = evaluateGroup(s, 'g', 9500);
    expect(g.partitions.map((p) => p.status)).toEqual(['STALL', 'OK']);
    expect(g.status).toBe('ERR');
    expect(g.complete).toBe(0.5);
    expect(g.totallag).toBe(990 + 400);
    expect(g.maxlag?.partition).toBe(0);
    expect(g.partitions[1].complete).toBeCloseTo(0.2, 6);
  });

  it('HTTP: /lag lists every partition, /status only the bad ones, unknown group → 404 NOTFOUND (httpserver/kafka.go)', () => {
    const s = newBurrowState('local');
    addBrokerOffset(s, 't', 1, 0, 10, 0);
    addConsumerOffset(s, { group: 'g', topic: 't', partition: 0, offset: 10, timestamp: 1000 }, 1000);
    setConsumerOwner(s, 'g', 't', 0, '/10.0.0.2', 'c1');
    const lag = burrowHttp(s, 'GET', '/v3/kafka/local/consumer/g/lag', 2000, 'burrow');
    expect(lag.status).toBe(200);
    expect(lag.body).toBe(
      '{"error":false,"message":"consumer status returned","status":{"cluster":"local","group":"g","status":"OK","complete":0,"partitions":[{"topic":"t","partition":0,"owner":"/10.0.0.2","client_id":"c1","status":"OK","start":{"offset":10,"timestamp":1000,"observedAt":1000,"lag":0},"end":{"offset":10,"timestamp":1000,"observedAt":1000,"lag":0},"current_lag":0,"complete":0.1}],"partition_count":1,"maxlag":{"topic":"t","partition":0,"owner":"/10.0.0.2","client_id":"c1","status":"OK","start":{"offset":10,"timestamp":1000,"observedAt":1000,"lag":0},"end":{"offset":10,"timestamp":1000,"observedAt":1000,"lag":0},"current_lag":0,"complete":0.1},"totallag":0},"request":{"url":"/v3/kafka/local/consumer/g/lag","host":"burrow"}}',
    );
    const status = JSON.parse(burrowHttp(s, 'GET', '/v3/kafka/local/consumer/g/status', 2000).body);
    expect(status.status.partitions).toEqual([]);
    const missing = burrowHttp(s, 'GET', '/v3/kafka/local/consumer/nope/status', 2000);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body).status).toEqual({
      cluster: 'local',
      group: 'nope',
      status: 'NOTFOUND',
      complete: 1,
      partitions: [],
      partition_count: 0,
      maxlag: null,
      totallag: 0,
    });
    expect(burrowHttp(s, 'GET', '/v3/kafka', 0).body).toBe(
      '{"error":false,"message":"cluster list returned","clusters":["local"],"request":{"url":"/v3/kafka","host":"burrow"}}',
    );
    expect(JSON.parse(burrowHttp(s, 'GET', '/v3/kafka/other/consumer', 0).body).message).toBe(
      'cluster not found',
    );
  });
});
