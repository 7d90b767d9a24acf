// Engine shared by the sticky and cooperative-sticky assignors (AbstractStickyAssignor.java).
// Goals in order: balance (sizes differ by at most one where subscriptions allow), then keep what members
// owned. When every member subscribes to the same topics the "constrained" builder runs; otherwise the
// general balance-driven builder in stickyGeneral.ts. Java HashMap iteration order is reproduced so that
// ties between members resolve exactly as in Kafka. Rack-aware assignment is not modelled (no racks).

import { tpKeyOf } from '../../cluster/topicPartition';
import { javaCompareStrings, javaHashMapKeyOrder } from './javaCompat';
import { compareTopicPartition, subscribedPartitionsPerTopic } from './memberInfo';
import { generalAssign } from './stickyGeneral';
import type { GroupAssignment, PartitionsPerTopic, Subscriptions, TopicPartition } from './types';

/** AbstractStickyAssignor.DEFAULT_GENERATION */
export const DEFAULT_GENERATION = -1;

export type StickyResult = {
  assignment: GroupAssignment;
  /** partition key -> new owner, for partitions moving between members; null when the general path ran. */
  transferring: Map<string, string> | null;
};

type OwnedState = {
  allEqual: boolean;
  /** member -> previously owned, still-subscribed partitions (member iteration order = HashMap order). */
  owned: Map<string, TopicPartition[]>;
  multiplyClaimed: Set<string>;
  maxGeneration: number;
};

/**
 * allSubscriptionsEqual: also resolves conflicting claims — the higher generation keeps a partition,
 * two claims in the same generation invalidate it for both.
 */
function collectOwned(
  topics: ReadonlyMap<string, number>,
  subscriptions: Subscriptions,
  order: string[],
): OwnedState {
  let allEqual = true;
  let first: Set<string> | null = null;
  let maxGeneration = DEFAULT_GENERATION;
  const owned = new Map<string, TopicPartition[]>();
  const multiplyClaimed = new Set<string>();
  const previousOwner = new Map<string, string>();
  const gen = (m: string) => subscriptions.get(m)?.generation ?? DEFAULT_GENERATION;
  for (const member of order) {
    const sub = subscriptions.get(member)!;
    if (first === null || first.size === 0) first = new Set(sub.topics);
    else if (allEqual && !(sub.topics.length === first.size && sub.topics.every((t) => first?.has(t)))) {
      allEqual = false;
    }
    const memberGeneration = gen(member);
    maxGeneration = Math.max(maxGeneration, memberGeneration);
    const list: TopicPartition[] = [];
    owned.set(member, list);
    for (const p of sub.ownedPartitions) {
      if (!topics.has(p.topic)) continue;
      const key = tpKeyOf(p);
      const other = previousOwner.get(key);
      if (other === undefined) {
        list.push(p);
        previousOwner.set(key, member);
        continue;
      }
      const otherGeneration = gen(other);
      if (memberGeneration === otherGeneration) {
        multiplyClaimed.add(key);
        removeFrom(owned.get(other)!, key);
        previousOwner.set(key, member);
      } else if (memberGeneration > otherGeneration) {
        list.push(p);
        removeFrom(owned.get(other)!, key);
        previousOwner.set(key, member);
      }
    }
  }
  return { allEqual, owned, multiplyClaimed, maxGeneration };
}

export function removeFrom(list: TopicPartition[], key: string): void {
  const i = list.findIndex((p) => tpKeyOf(p) === key);
  if (i >= 0) list.splice(i, 1);
}

export function stickyAssign(
  partitionsPerTopic: PartitionsPerTopic,
  subscriptions: Subscriptions,
): StickyResult {
  const topics = subscribedPartitionsPerTopic(partitionsPerTopic, subscriptions);
  const order = javaHashMapKeyOrder([...subscriptions.keys()]);
  const state = collectOwned(topics, subscriptions, order);
  if (state.allEqual) return constrainedAssign(topics, state);
  return {
    assignment: generalAssign(topics, subscriptions, order, state.owned, state.maxGeneration),
    transferring: null,
  };
}

function constrainedAssign(topics: ReadonlyMap<string, number>, state: OwnedState): StickyResult {
  const transferring = new Map<string, string>();
  const total = [...topics.values()].reduce((a, b) => a + b, 0);
  const members = [...state.owned.keys()];
  const minQuota = Math.floor(total / members.length);
  const maxQuota = Math.ceil(total / members.length);
  const expectedOverMin = total % members.length;
  let currentOverMin = 0;
  const assignment: GroupAssignment = new Map(members.map((m) => [m, []]));
  const assigned = new Set<string>();
  const revoked = new Set<string>();
  const underMin: string[] = [];
  let exactlyMin: string[] = [];

  // 1. keep previously owned partitions up to the quota (sorted by partition number, then topic)
  for (const [member, ownedList] of state.owned) {
    const owned = ownedList
      .filter((p) => !state.multiplyClaimed.has(tpKeyOf(p)))
      .sort((a, b) => a.partition - b.partition || javaCompareStrings(a.topic, b.topic));
    const target = assignment.get(member)!;
    const keep = (n: number) => {
      for (const p of owned.slice(0, n)) {
        target.push(p);
        assigned.add(tpKeyOf(p));
      }
      for (const p of owned.slice(n)) revoked.add(tpKeyOf(p));
    };
    if (owned.length < minQuota) {
      keep(owned.length);
      underMin.push(member);
    } else if (owned.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      keep(maxQuota);
    } else {
      keep(minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(member);
    }
  }

  // 2. deal the rest round-robin: first to members under minQuota (sorted by member id), then one more
  //    each to members at exactly minQuota until the number of maxQuota members is reached
  const unassigned: TopicPartition[] = [];
  for (const topic of [...topics.keys()].sort(javaCompareStrings)) {
    for (let p = 0; p < (topics.get(topic) as number); p++) {
      if (!assigned.has(`${topic}-${p}`)) unassigned.push({ topic, partition: p });
    }
  }
  underMin.sort(javaCompareStrings);
  exactlyMin.sort(javaCompareStrings);
  let cursor = 0; // a java.util.Iterator over underMin, supporting remove()
  for (const p of unassigned) {
    let member: string;
    if (cursor < underMin.length) {
      member = underMin[cursor++];
    } else if (underMin.length === 0 && exactlyMin.length === 0) {
      throw new Error('sticky assignor: no more unfilled consumers to be assigned');
    } else if (underMin.length === 0) {
      member = exactlyMin.shift()!;
    } else {
      cursor = 0;
      member = underMin[cursor++];
    }
    const list = assignment.get(member)!;
    list.push(p);
    const key = tpKeyOf(p);
    if (revoked.has(key) || state.multiplyClaimed.has(key)) transferring.set(key, member);
    if (list.length === minQuota) {
      underMin.splice(--cursor, 1);
      exactlyMin.push(member);
    } else if (list.length === maxQuota) {
      currentOverMin++;
    }
  }
  return { assignment, transferring };
}

export { compareTopicPartition };
