// Share groups (KIP-932) as readers see them: kafka-share-groups.sh, the console share consumer and the
// share-group view. Each share-partition lists its records from the settled ones the area kept, through the
// in-flight window (SPSO..SPEO), to the records below the high watermark that no member has fetched yet.
import { highWatermark } from '../cluster/lookup';
import type { SimState } from '../engine/state';
import type { ShareGroupStateName } from '../shareGroups/shareGroupCommand';
import type { RecordState, ShareAutoOffsetReset, ShareGroupConfig } from '../shareGroups/types';
import { coordinatorOf } from './groups';

export type ShareRecordView = {
  offset: number;
  /** NEW: below the high watermark, not fetched by the group yet (not a broker state). */
  state: RecordState | 'NEW';
  deliveryCount: number;
  /** Who holds the acquisition lock (ACQUIRED only). */
  memberId: string | null;
  lockExpiresAtMs: number | null;
};

export type SharePartitionView = {
  topic: string;
  partition: number;
  /** Share-partition start offset (SPSO). */
  startOffset: number;
  /** Share-partition end offset (SPEO). */
  endOffset: number;
  highWatermark: number;
  /** Records in flight (between SPSO and SPEO), as the broker tracks them. */
  inFlight: number;
  /** Settled records kept for the view, then the in-flight ones, then the not-yet-fetched ones, by offset. */
  records: ShareRecordView[];
};

export type ShareGroupMemberView = {
  memberId: string;
  clientId: string;
  host: string;
  topics: string[];
  assignment: Array<{ topic: string; partition: number }>;
};

export type ShareGroupView = {
  groupId: string;
  /** ShareGroupState: Stable with members, Empty without (this simulation has no rebalancing states). */
  state: ShareGroupStateName;
  autoOffsetReset: ShareAutoOffsetReset;
  /** The group coordinator's broker id (the leader of the group's __consumer_offsets partition). */
  coordinator: number;
  members: ShareGroupMemberView[];
  partitions: SharePartitionView[];
};

export type ShareGroupsView = {
  config: ShareGroupConfig;
  groups: ShareGroupView[];
};

/** At most this many not-yet-fetched records per partition are listed. */
const NEW_SHOWN = 50;

export function shareGroupsOf(state: SimState): ShareGroupsView {
  const area = state.areas.shareGroups;
  const groups = Object.values(area.groups).map((g): ShareGroupView => {
    const partitions = Object.entries(g.partitions)
      .map(([key, sp]): SharePartitionView => {
        const p = state.topics[sp.topic]?.partitions[sp.partition];
        const hw = p ? highWatermark(p) : sp.startOffset;
        const settled = (g.settled[key] ?? [])
          .filter((r) => r.offset < sp.startOffset)
          .map((r) => ({ ...r, memberId: null, lockExpiresAtMs: null }));
        const inFlight = sp.inFlight.map((r) => ({ ...r }));
        const from = sp.inFlight.length === 0 ? sp.startOffset : sp.endOffset + 1;
        const fresh: ShareRecordView[] = [];
        for (let o = from; o < hw && fresh.length < NEW_SHOWN; o++)
          fresh.push({ offset: o, state: 'NEW', deliveryCount: 0, memberId: null, lockExpiresAtMs: null });
        return {
          topic: sp.topic,
          partition: sp.partition,
          startOffset: sp.startOffset,
          endOffset: sp.endOffset,
          highWatermark: hw,
          inFlight: sp.inFlight.length === 0 ? 0 : sp.endOffset - sp.startOffset + 1,
          records: [...settled, ...inFlight, ...fresh],
        };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return {
      groupId: g.groupId,
      state: g.members.length > 0 ? 'Stable' : 'Empty',
      autoOffsetReset: g.autoOffsetReset,
      coordinator: coordinatorOf(state, g.groupId),
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        host: m.host,
        topics: [...m.topics],
        assignment: (g.assignment[m.memberId] ?? []).map((tp) => ({
          topic: tp.topic,
          partition: tp.partition,
        })),
      })),
      partitions,
    };
  });
  return { config: { ...area.config }, groups };
}
