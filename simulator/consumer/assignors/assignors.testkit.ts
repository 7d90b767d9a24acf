// Test kit for the assignor tests: build inputs compactly and print assignments as "t1-0,t2-1".

import { parseTpKey, tpKeyOf } from '../../cluster/topicPartition';
import type { GroupAssignment, Subscription } from './types';

export type MemberSpec = {
  topics: string[];
  owned?: string[];
  generation?: number | null;
  instanceId?: string | null;
};

export function subs(spec: Record<string, MemberSpec> | [string, MemberSpec][]): Map<string, Subscription> {
  const entries = Array.isArray(spec) ? spec : Object.entries(spec);
  return new Map(
    entries.map(([m, s]) => [
      m,
      {
        topics: s.topics,
        ownedPartitions: (s.owned ?? []).map(parseTpKey),
        generation: s.generation === undefined ? (s.owned ? 1 : null) : s.generation,
        groupInstanceId: s.instanceId ?? null,
      },
    ]),
  );
}

export function topicsOf(counts: Record<string, number>): Map<string, number> {
  return new Map(Object.entries(counts));
}

export function show(a: GroupAssignment): Record<string, string> {
  return Object.fromEntries([...a].map(([m, l]) => [m, l.map(tpKeyOf).join(',')]));
}

export function showSorted(a: GroupAssignment): Record<string, string> {
  return Object.fromEntries(
    [...a].map(([m, l]) => [
      m,
      [...l]
        .sort((x, y) => (x.topic < y.topic ? -1 : x.topic > y.topic ? 1 : x.partition - y.partition))
        .map(tpKeyOf)
        .join(','),
    ]),
  );
}

/** Subscriptions for a follow-up round: each member owns what it was just given, at `generation`. */
export function nextRound(
  prev: Map<string, Subscription>,
  assignment: GroupAssignment,
  generation: number,
): Map<string, Subscription> {
  return new Map(
    [...prev].map(([m, s]) => [m, { ...s, ownedPartitions: assignment.get(m) ?? [], generation }]),
  );
}
