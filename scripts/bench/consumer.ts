// Consumer-group benchmark: a classic group of 100 members over 1,000 partitions (10 topics × 100).
// For each assignor: wall and CPU time for the coordinator to complete (a) the first rebalance of the
// full group, (b) the rebalance after one member leaves and (c) the rebalance after a new member joins
// (cooperative-sticky needs a second round there, for the partitions that move). One untimed warm-up pass
// runs first so JIT compilation is not billed to the first assignor.
// Runs on the coordinator alone (no consumer clients), over a cluster that only holds the topics, on the
// virtual clock.
import { rebalanceProtocolFor } from '../../simulator/consumer/assignors/index';
import type { AssignorName } from '../../simulator/consumer/assignors/types';
import { CONSUMER_DEFAULTS } from '../../simulator/consumer/client/config';
import { advanceGroup, joinGroup, leaveGroup, newGroup } from '../../simulator/consumer/group/coordinator';
import type { MemberClients } from '../../simulator/consumer/group/types';
import { Ctx } from '../../simulator/engine/context';
import type { SimEvent } from '../../simulator/engine/registry';
import { Simulation } from '../../simulator/index';

export type ConsumerBenchResult = {
  name: string;
  ms: number;
  cpuMs: number;
  detail: Record<string, number>;
};

const MEMBERS = 100;
const TOPICS = 10;
const PARTITIONS_PER_TOPIC = 100;

/** No clients: the coordinator's answers go nowhere. */
const NO_CLIENTS: MemberClients = { revoke() {}, assign() {}, removed() {}, fenced() {} };

function clusterWithTopics(topics: string[]): Simulation {
  const sim = new Simulation({ seed: 1, brokers: 1 }, { maxRetainedEvents: 100 });
  for (const topic of topics)
    sim.dispatch({ type: 'createTopic', topic, partitions: PARTITIONS_PER_TOPIC, replicationFactor: 1 });
  return sim;
}

function timed(fn: () => void): { ms: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const cpu = process.cpuUsage(cpu0);
  return { ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function member(i: number, topics: string[], strategies: AssignorName[]) {
  return {
    memberId: `consumer-bench-${i + 1}-${String(i).padStart(12, '0')}`,
    label: `c${i}`,
    groupInstanceId: null,
    clientId: `consumer-bench-${i + 1}`,
    host: '/10.0.0.1',
    topics,
    strategies,
    protocol: rebalanceProtocolFor(strategies),
    sessionTimeoutMs: CONSUMER_DEFAULTS.sessionTimeoutMs,
    rebalanceTimeoutMs: CONSUMER_DEFAULTS.maxPollIntervalMs,
    heartbeatIntervalMs: CONSUMER_DEFAULTS.heartbeatIntervalMs,
  };
}

export function runConsumerBench(): ConsumerBenchResult[] {
  runOnce();
  return runOnce();
}

function runOnce(): ConsumerBenchResult[] {
  const topics = Array.from({ length: TOPICS }, (_, i) => `t${i}`);
  const sim = clusterWithTopics(topics);
  const results: ConsumerBenchResult[] = [];
  for (const assignor of ['range', 'roundrobin', 'sticky', 'cooperative-sticky'] as AssignorName[]) {
    const events: SimEvent[] = [];
    const ctx = new Ctx(sim.state, events);
    const h = NO_CLIENTS;
    const counter = {
      get rounds() {
        return events.filter((e) => e.type === 'groupAssignment').length;
      },
    };
    const g = newGroup(`bench-${assignor}`);
    const strategies: AssignorName[] = [assignor];
    for (let i = 0; i < MEMBERS; i++) joinGroup(ctx, g, member(i, topics, strategies), 0, h);
    // all 100 joined inside the initial delay; the first rebalance completes when it expires
    const first = timed(() => advanceGroup(ctx, g, 10_000, h));
    const roundsBefore = counter.rounds;
    const leave = timed(() => {
      leaveGroup(ctx, g, g.members[37].memberId, 20_000, 'bench member left', h);
      advanceGroup(ctx, g, 40_000, h);
    });
    const roundsAfterLeave = counter.rounds - roundsBefore;
    const join = timed(() => {
      joinGroup(ctx, g, member(MEMBERS, topics, strategies), 50_000, h);
      advanceGroup(ctx, g, 80_000, h);
    });
    if (g.state !== 'Stable') throw new Error(`${assignor}: group did not settle (${g.state})`);
    results.push({
      name: `consumer group ${MEMBERS} members × ${TOPICS * PARTITIONS_PER_TOPIC} partitions, ${assignor}`,
      ms: Math.round((first.ms + leave.ms + join.ms) * 10) / 10,
      cpuMs: Math.round((first.cpuMs + leave.cpuMs + join.cpuMs) * 10) / 10,
      detail: {
        firstRebalanceCpuMs: Math.round(first.cpuMs * 10) / 10,
        memberLeftRebalanceCpuMs: Math.round(leave.cpuMs * 10) / 10,
        memberJoinedRebalanceCpuMs: Math.round(join.cpuMs * 10) / 10,
        roundsAfterLeave,
        roundsAfterJoin: counter.rounds - roundsBefore - roundsAfterLeave,
        generation: g.generationId,
      },
    });
  }
  return results;
}

export function runConsumerBenchSection(): void {
  console.log('## consumer');
  for (const r of runConsumerBench()) {
    console.log(
      `${r.name}: ${r.ms} ms wall, ${r.cpuMs} ms CPU; ` +
        Object.entries(r.detail)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
    );
  }
}

// Standalone: `npx tsx scripts/bench/consumer.ts`
if (process.argv[1]?.endsWith('consumer.ts')) runConsumerBenchSection();
