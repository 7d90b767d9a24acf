// Test harness for the coordinator: records hook calls and builds join requests.
import { rebalanceProtocolFor } from './assignors';
import type { JoinRequest } from './groupCoordinator';
import type { GroupEvent, GroupHooks, MemberRemovalCause } from './groupTypes';
import { CONSUMER_DEFAULTS } from './groupTypes';
import type { AssignorName, TopicPartition } from './types';
import { tpKey } from './types';

export type Recorder = GroupHooks & {
  events: GroupEvent[];
  owned: Map<string, TopicPartition[]>;
  revocations: { memberId: string; partitions: string[] }[];
  removed: { memberId: string; cause: MemberRemovalCause }[];
  fenced: string[];
};

export function recorder(partitions: Record<string, number>): Recorder {
  const r: Recorder = {
    events: [],
    owned: new Map(),
    revocations: [],
    removed: [],
    fenced: [],
    partitionCount: (t) => partitions[t],
    onRevoke: (memberId, ps) => {
      r.revocations.push({ memberId, partitions: ps.map(tpKey) });
      const keys = new Set(ps.map(tpKey));
      r.owned.set(
        memberId,
        (r.owned.get(memberId) ?? []).filter((p) => !keys.has(tpKey(p))),
      );
    },
    onAssign: (memberId, a) => {
      r.owned.set(memberId, a);
    },
    onRemoved: (memberId, cause) => {
      r.removed.push({ memberId, cause });
      r.owned.delete(memberId);
    },
    onFenced: (memberId) => {
      r.fenced.push(memberId);
      r.owned.delete(memberId);
    },
    emit: (e) => r.events.push(e),
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
  return (r.owned.get(memberId) ?? []).map(tpKey).join(',');
}
