// The general (heterogeneous subscriptions) path of AbstractStickyAssignor: keep valid owned partitions,
// give unassigned ones to the least-loaded eligible member, then move partitions while that improves
// balance, preferring to send a partition back to its previous-generation owner and avoiding movement
// cycles (PartitionMovements). Orders follow Kafka's data structures (TreeSet by size then member id,
// HashMap/HashSet iteration) so results match the Java client.

import { tpKeyOf } from '../../cluster/topicPartition';
import { javaCompareStrings, javaHashOrder, javaTopicPartitionHash } from './javaCompat';
import type { GroupAssignment, Subscriptions, TopicPartition } from './types';

const DEFAULT_GENERATION = -1;

/** A java.util.HashSet of partitions: iteration by bucket, then insertion; the table never shrinks. */
class PartitionHashSet {
  private items: TopicPartition[] = [];
  private maxSize = 0;
  add(p: TopicPartition): void {
    if (this.items.some((q) => tpKeyOf(q) === tpKeyOf(p))) return;
    this.items.push(p);
    this.maxSize = Math.max(this.maxSize, this.items.length);
  }
  remove(p: TopicPartition): void {
    this.items = this.items.filter((q) => tpKeyOf(q) !== tpKeyOf(p));
  }
  get size(): number {
    return this.items.length;
  }
  first(): TopicPartition {
    return javaHashOrder(this.items, (q) => javaTopicPartitionHash(q.topic, q.partition), this.maxSize)[0];
  }
}

type Pair = { src: string; dst: string };
const pairKey = (src: string, dst: string) => `${src}\u0000${dst}`;

/** PartitionMovements: where each moved partition came from, per topic and (src, dst) pair. */
class PartitionMovements {
  private byTopic = new Map<string, Map<string, PartitionHashSet>>();
  private moves = new Map<string, Pair>();

  private removeRecord(p: TopicPartition): Pair {
    const pair = this.moves.get(tpKeyOf(p))!;
    this.moves.delete(tpKeyOf(p));
    const topicMoves = this.byTopic.get(p.topic)!;
    const set = topicMoves.get(pairKey(pair.src, pair.dst))!;
    set.remove(p);
    if (set.size === 0) topicMoves.delete(pairKey(pair.src, pair.dst));
    if (topicMoves.size === 0) this.byTopic.delete(p.topic);
    return pair;
  }

  private addRecord(p: TopicPartition, pair: Pair): void {
    this.moves.set(tpKeyOf(p), pair);
    let topicMoves = this.byTopic.get(p.topic);
    if (!topicMoves) {
      topicMoves = new Map();
      this.byTopic.set(p.topic, topicMoves);
    }
    let set = topicMoves.get(pairKey(pair.src, pair.dst));
    if (!set) {
      set = new PartitionHashSet();
      topicMoves.set(pairKey(pair.src, pair.dst), set);
    }
    set.add(p);
  }

  movePartition(p: TopicPartition, oldConsumer: string, newConsumer: string): void {
    if (this.moves.has(tpKeyOf(p))) {
      const existing = this.removeRecord(p);
      if (existing.src !== newConsumer) this.addRecord(p, { src: existing.src, dst: newConsumer });
    } else {
      this.addRecord(p, { src: oldConsumer, dst: newConsumer });
    }
  }

  /** Moving a partition back along an earlier opposite move keeps stickiness: move that one instead. */
  actualPartitionToMove(p: TopicPartition, oldConsumer: string, newConsumer: string): TopicPartition {
    const topicMoves = this.byTopic.get(p.topic);
    if (!topicMoves) return p;
    const earlier = this.moves.get(tpKeyOf(p));
    const from = earlier ? earlier.src : oldConsumer;
    const reverse = topicMoves.get(pairKey(newConsumer, from));
    return reverse ? reverse.first() : p;
  }
}

export function generalAssign(
  topics: ReadonlyMap<string, number>,
  subscriptions: Subscriptions,
  memberOrder: readonly string[],
  owned: Map<string, TopicPartition[]>,
  maxGeneration: number,
): GroupAssignment {
  const current = owned; // currentAssignment
  const topicConsumers = new Map<string, string[]>();
  for (const t of topics.keys()) topicConsumers.set(t, []);
  const consumerTopics = new Map<string, string[]>();
  for (const member of memberOrder) {
    const subscribed = subscriptions.get(member)!.topics.filter((t) => topics.has(t));
    consumerTopics.set(member, subscribed);
    for (const t of subscribed) topicConsumers.get(t)!.push(member);
    if (!current.has(member)) current.set(member, []);
  }
  const partitionConsumer = new Map<string, string>();
  for (const [member, list] of current) for (const p of list) partitionConsumer.set(tpKeyOf(p), member);

  const sortedTopics = [...topicConsumers.keys()].sort(
    (a, b) => topicConsumers.get(a)!.length - topicConsumers.get(b)!.length || javaCompareStrings(a, b),
  );
  let sortedAllPartitions: TopicPartition[] = [];
  for (const t of sortedTopics) {
    for (let p = 0; p < (topics.get(t) as number); p++) sortedAllPartitions.push({ topic: t, partition: p });
  }
  const totalPartitions = sortedAllPartitions.length;

  // prevAssignment: partitions owned in an older generation remember that owner
  const prev = new Map<string, { consumer: string; generation: number }>();
  const updatePrev = (parts: readonly TopicPartition[], consumer: string, generation: number) => {
    for (const p of parts) {
      const existing = prev.get(tpKeyOf(p));
      if (!existing || generation > existing.generation) prev.set(tpKeyOf(p), { consumer, generation });
    }
  };
  for (const member of memberOrder) {
    const sub = subscriptions.get(member)!;
    if (sub.generation !== null && sub.generation < maxGeneration) {
      updatePrev(sub.ownedPartitions, member, sub.generation);
    } else if (sub.generation === null && maxGeneration > DEFAULT_GENERATION) {
      updatePrev(sub.ownedPartitions, member, DEFAULT_GENERATION);
    }
  }

  // keep owned partitions that are still valid for their member
  let revocationRequired = false;
  const assigned = new Set<string>();
  for (const [member, list] of current) {
    const topicsOfMember = subscriptions.get(member)!.topics;
    for (let i = 0; i < list.length; ) {
      const p = list[i];
      if (!topicConsumers.has(p.topic)) {
        list.splice(i, 1);
        partitionConsumer.delete(tpKeyOf(p));
      } else if (!topicsOfMember.includes(p.topic)) {
        list.splice(i, 1);
        revocationRequired = true;
      } else {
        assigned.add(tpKeyOf(p));
        i++;
      }
    }
  }
  let unassigned = sortedAllPartitions.filter((p) => !assigned.has(tpKeyOf(p)));

  const sorted = new Set<string>(current.keys()); // sortedCurrentSubscriptions
  const size = (m: string) => current.get(m)?.length ?? 0;
  const sortedList = () => [...sorted].sort((a, b) => size(a) - size(b) || javaCompareStrings(a, b));
  const maxAssignmentSize = (ts: string[]) =>
    ts.length === topics.size ? totalPartitions : ts.reduce((s, t) => s + (topics.get(t) as number), 0);

  const isBalanced = (): boolean => {
    const order = sortedList();
    if (order.length === 0) return true;
    if (size(order[0]) >= size(order[order.length - 1]) - 1) return true;
    const owner = new Map<string, string>();
    for (const [m, list] of current) for (const p of list) owner.set(tpKeyOf(p), m);
    for (const member of order) {
      const count = size(member);
      const ts = consumerTopics.get(member)!;
      if (count === maxAssignmentSize(ts)) continue;
      const mine = new Set(current.get(member)!.map(tpKeyOf));
      for (const t of ts) {
        for (let p = 0; p < (topics.get(t) as number); p++) {
          const key = `${t}-${p}`;
          if (mine.has(key)) continue;
          const other = owner.get(key);
          if (other !== undefined && count + 1 < size(other)) return false;
        }
      }
    }
    return true;
  };

  const balanceScore = (a: Map<string, TopicPartition[]>): number => {
    const sizes = [...a.values()].map((l) => l.length);
    let score = 0;
    for (let i = 0; i < sizes.length; i++)
      for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i] - sizes[j]);
    return score;
  };

  const movements = new PartitionMovements();
  const processMovement = (p: TopicPartition, newConsumer: string) => {
    const oldConsumer = partitionConsumer.get(tpKeyOf(p))!;
    movements.movePartition(p, oldConsumer, newConsumer);
    const oldList = current.get(oldConsumer)!;
    const i = oldList.findIndex((q) => tpKeyOf(q) === tpKeyOf(p));
    if (i >= 0) oldList.splice(i, 1);
    current.get(newConsumer)!.push(p);
    partitionConsumer.set(tpKeyOf(p), newConsumer);
  };
  const reassignTo = (p: TopicPartition, newConsumer: string) => {
    const consumer = partitionConsumer.get(tpKeyOf(p))!;
    processMovement(movements.actualPartitionToMove(p, consumer, newConsumer), newConsumer);
  };
  const reassign = (p: TopicPartition) => {
    const target = sortedList().find((m) => consumerTopics.get(m)!.includes(p.topic));
    if (target !== undefined) reassignTo(p, target);
  };

  const performReassignments = (partitions: TopicPartition[]): boolean => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const p of partitions) {
        if (isBalanced()) break;
        const consumer = partitionConsumer.get(tpKeyOf(p));
        if (consumer === undefined || !current.has(consumer)) continue;
        const before = prev.get(tpKeyOf(p));
        if (before && current.has(before.consumer) && size(consumer) > size(before.consumer) + 1) {
          reassignTo(p, before.consumer);
          performed = modified = true;
          continue;
        }
        for (const other of topicConsumers.get(p.topic)!) {
          if (current.has(other) && size(consumer) > size(other) + 1) {
            reassign(p);
            performed = modified = true;
            break;
          }
        }
      }
    } while (modified);
    return performed;
  };

  // balance()
  const order0 = sortedList();
  const initializing = order0.length === 0 || size(order0[order0.length - 1]) === 0;
  for (const p of unassigned) {
    if (topicConsumers.get(p.topic)!.length === 0) continue;
    const target = sortedList().find((m) => consumerTopics.get(m)!.includes(p.topic));
    if (target === undefined) continue;
    current.get(target)!.push(p);
    partitionConsumer.set(tpKeyOf(p), target);
  }
  const fixedTopics = new Set([...topicConsumers].filter(([, cs]) => cs.length < 2).map(([t]) => t));
  sortedAllPartitions = sortedAllPartitions.filter((p) => !fixedTopics.has(p.topic));
  unassigned = unassigned.filter((p) => !fixedTopics.has(p.topic));
  const fixedAssignments = new Map<string, TopicPartition[]>();
  for (const member of consumerTopics.keys()) {
    const list = current.get(member)!;
    const canParticipate =
      list.length < maxAssignmentSize(consumerTopics.get(member)!) ||
      list.some((p) => topicConsumers.get(p.topic)!.length >= 2);
    if (!canParticipate) {
      sorted.delete(member);
      fixedAssignments.set(member, list);
      current.delete(member);
    }
  }
  const preBalance = new Map([...current].map(([m, l]) => [m, [...l]]));
  const prePartitionConsumer = new Map(partitionConsumer);
  if (!revocationRequired) performReassignments(unassigned);
  const performed = performReassignments(sortedAllPartitions);
  if (!initializing && performed && balanceScore(current) >= balanceScore(preBalance)) {
    current.clear();
    for (const [m, l] of preBalance) current.set(m, [...l]);
    partitionConsumer.clear();
    for (const [k, v] of prePartitionConsumer) partitionConsumer.set(k, v);
  }
  for (const [m, l] of fixedAssignments) {
    current.set(m, l);
    sorted.add(m);
  }
  return current;
}
