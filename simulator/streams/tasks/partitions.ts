// How many partitions internal topics get and which tasks exist, as the group leader's StreamsPartitionAssignor
// decides at each rebalance (RepartitionTopics, CopartitionedTopicsEnforcer):
// - a repartition topic gets the largest partition count of the source topics of the sub-topology writing it;
// - topics that must be co-partitioned (joins) must have equal counts; repartition topics in the group are set to
//   the count of the external topics (or to the largest of them when the group is all repartition topics);
// - a sub-topology has one task per partition of its largest input topic (TaskId `<subtopology>_<partition>`);
// - a changelog topic has one partition per task of its store's sub-topology.

import type { Topology } from '../topology/types';

export type TaskDesc = {
  id: string;
  subtopology: number;
  partition: number;
  sourceTopics: string[];
  stateful: boolean;
};

export type PartitionPlan =
  | { ok: true; partitions: Record<string, number>; tasks: TaskDesc[] }
  | { ok: false; error: string; exception: 'MissingSourceTopicException' | 'TopologyException' };

/** Java TreeMap#toString of topic -> partitions: {a=3, b=2}. */
function treeMapText(m: Record<string, number>): string {
  return `{${Object.keys(m)
    .sort()
    .map((k) => `${k}=${m[k]}`)
    .join(', ')}}`;
}

/**
 * @param external partition counts of the application's input topics as the cluster reports them (undefined:
 *   the topic does not exist).
 * @param consumerClientId the leader's main consumer client id, which Kafka puts in the error's log prefix.
 */
export function planPartitions(
  t: Topology,
  external: Record<string, number | undefined>,
  consumerClientId = 'StreamThread-1-consumer',
): PartitionPlan {
  const missing = t.inputTopics.filter((topic) => external[topic] === undefined || external[topic]! <= 0);
  if (missing.length > 0) {
    return {
      ok: false,
      exception: 'MissingSourceTopicException',
      error: `Missing source topics. [${missing.join(', ')}]`,
    };
  }
  const counts: Record<string, number> = {};
  for (const topic of t.inputTopics) counts[topic] = external[topic]!;
  const repartition = Object.values(t.internalTopics)
    .filter((i) => i.kind === 'repartition')
    .map((i) => i.name);
  // RepartitionTopics#setRepartitionSourceTopicPartitionCount: iterate until every count is known.
  let pending = repartition.filter((r) => counts[r] === undefined);
  while (pending.length > 0) {
    let progress = false;
    for (const r of pending) {
      let n: number | undefined;
      for (const sub of t.subtopologies) {
        if (!sub.sinkTopics.includes(r)) continue;
        for (const s of sub.sourceTopics) if (counts[s] !== undefined) n = Math.max(n ?? 0, counts[s]);
      }
      if (n !== undefined) {
        counts[r] = n;
        progress = true;
      }
    }
    pending = pending.filter((r) => counts[r] === undefined);
    if (!progress && pending.length > 0) {
      return {
        ok: false,
        exception: 'TopologyException',
        error:
          'Failed to compute number of partitions for all repartition topics, make sure all user input topics are created and all Pattern subscriptions match at least one topic in the cluster',
      };
    }
  }
  const prefix = `stream-thread [${consumerClientId}] `;
  for (const group of t.copartitionGroups) {
    const reps = group.filter((g) => repartition.includes(g));
    const ext = group.filter((g) => !repartition.includes(g));
    let n: number;
    if (ext.length === 0) n = Math.max(...reps.map((r) => counts[r]));
    else {
      n = counts[ext[0]];
      if (ext.some((e) => counts[e] !== n)) {
        const m: Record<string, number> = {};
        for (const e of ext) m[e] = counts[e];
        return {
          ok: false,
          exception: 'TopologyException',
          error: `Invalid topology: ${prefix}Topics not co-partitioned: [${treeMapText(m)}]`,
        };
      }
    }
    for (const r of reps) counts[r] = n;
  }
  const tasks: TaskDesc[] = [];
  for (const sub of t.subtopologies) {
    const n = Math.max(0, ...sub.sourceTopics.map((s) => counts[s] ?? 0));
    for (let p = 0; p < n; p++) {
      tasks.push({
        id: `${sub.id}_${p}`,
        subtopology: sub.id,
        partition: p,
        sourceTopics: sub.sourceTopics,
        stateful: sub.stores.length > 0,
      });
    }
    for (const s of sub.stores) {
      const spec = t.stores[s];
      if (spec.logging && !spec.global) counts[`${s}-changelog`] = n;
    }
  }
  return { ok: true, partitions: counts, tasks };
}

/** Kafka Streams' client and thread names (KafkaStreams, StreamThread, ClientUtils, ActiveTaskCreator). */
export const streamsClientNames = {
  clientId: (applicationId: string, processId: string) => `${applicationId}-${processId}`,
  threadName: (clientId: string, threadIdx: number) => `${clientId}-StreamThread-${threadIdx}`,
  consumer: (threadName: string) => `${threadName}-consumer`,
  restoreConsumer: (threadName: string) => `${threadName}-restore-consumer`,
  producer: (threadName: string) => `${threadName}-producer`,
  /** exactly_once_v2: one transactional producer per stream thread. */
  transactionalId: (applicationId: string, processId: string, threadIdx: number) =>
    `${applicationId}-${processId}-${threadIdx}`,
};
