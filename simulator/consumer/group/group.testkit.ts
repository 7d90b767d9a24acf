// Test kit for the coordinator tests: a Ctx over a real simulation that holds the topics, and member clients
// that record what the coordinator told them.
import { tpKeyOf } from '../../cluster/topicPartition';
import { Ctx } from '../../engine/context';
import type { SimEvent } from '../../engine/registry';
import { Simulation } from '../../index';
import { rebalanceProtocolFor } from '../assignors/index';
import type { AssignorName, TopicPartition } from '../assignors/types';
import { CONSUMER_DEFAULTS } from '../client/config';
import type { JoinRequest, MemberClients, MemberRemovalCause } from './types';

export type Recorder = MemberClients & {
  ctx: Ctx;
  events: SimEvent[];
  owned: Map<string, TopicPartition[]>;
  revocations: { memberId: string; partitions: string[] }[];
  removals: { memberId: string; cause: MemberRemovalCause }[];
  fencings: string[];
};

/** A cluster with these topics (partition counts, RF 1) and a recorder of the coordinator's answers. */
export function recorder(partitions: Record<string, number>): Recorder {
  const sim = new Simulation({ seed: 1, brokers: 1 });
  for (const [topic, n] of Object.entries(partitions))
    sim.dispatch({ type: 'createTopic', topic, partitions: n, replicationFactor: 1 });
  const events: SimEvent[] = [];
  const r: Recorder = {
    ctx: new Ctx(sim.state, events),
    events,
    owned: new Map(),
    revocations: [],
    removals: [],
    fencings: [],
    revoke: (_ctx, _group, memberId, ps) => {
      r.revocations.push({ memberId, partitions: ps.map(tpKeyOf) });
      const keys = new Set(ps.map(tpKeyOf));
      r.owned.set(
        memberId,
        (r.owned.get(memberId) ?? []).filter((p) => !keys.has(tpKeyOf(p))),
      );
    },
    assign: (_ctx, _group, memberId, a) => {
      r.owned.set(memberId, a);
    },
    removed: (_ctx, _group, memberId, cause) => {
      r.removals.push({ memberId, cause });
      r.owned.delete(memberId);
    },
    fenced: (_ctx, _group, memberId) => {
      r.fencings.push(memberId);
      r.owned.delete(memberId);
    },
  };
  return r;
}

export function joinReq(
  name: string,
  opts: { topics?: string[]; strategies?: AssignorName[]; instanceId?: string; memberId?: string } = {},
): JoinRequest {
  const strategies = opts.strategies ?? ['range', 'cooperative-sticky'];
  return {
    memberId: opts.memberId ?? `${name}-id`,
    label: name,
    groupInstanceId: opts.instanceId ?? null,
    clientId: name,
    host: '/10.0.0.1',
    topics: opts.topics ?? ['orders'],
    strategies,
    protocol: rebalanceProtocolFor(strategies),
    sessionTimeoutMs: CONSUMER_DEFAULTS.sessionTimeoutMs,
    rebalanceTimeoutMs: CONSUMER_DEFAULTS.maxPollIntervalMs,
    heartbeatIntervalMs: CONSUMER_DEFAULTS.heartbeatIntervalMs,
  };
}

export function ownedKeys(r: Recorder, memberId: string): string {
  return (r.owned.get(memberId) ?? []).map(tpKeyOf).join(',');
}
