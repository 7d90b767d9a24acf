// The consumer area's event types (registered in the engine's EventMap) and how area events become
// simulation events. Group coordinator events get one type each so views can animate them directly.
import type { Ctx } from '../engine/context';
import type { ConsumerEvent, OffsetEntry } from './consumerEvents';
import type { GroupEvent, GroupStateName, MemberRemovalCause } from './groupTypes';
import type { AssignorName, RebalanceProtocol, TopicPartition } from './types';

declare module '../engine/registry' {
  interface EventMap {
    groupStateChanged: { groupId: string; from: GroupStateName; to: GroupStateName; generationId: number };
    groupMemberJoined: { groupId: string; memberId: string; label: string };
    groupMemberRejoined: { groupId: string; memberId: string; label: string };
    groupMemberRemoved: { groupId: string; memberId: string; label: string; cause: MemberRemovalCause };
    groupStaticMemberReplaced: { groupId: string; oldMemberId: string; memberId: string; label: string };
    groupMemberFenced: { groupId: string; memberId: string; label: string };
    groupAssignment: {
      groupId: string;
      generationId: number;
      assignor: AssignorName;
      protocol: RebalanceProtocol;
      leaderId: string;
      assignment: Record<string, TopicPartition[]>;
      withheld: TopicPartition[];
    };
    groupPartitionsRevoked: {
      groupId: string;
      memberId: string;
      label: string;
      partitions: TopicPartition[];
    };
    groupDeleted: { groupId: string };
    consumerCreated: { consumer: string; groupId: string; memberId: string };
    consumerPolled: { consumer: string; records: OffsetEntry[] };
    consumerProcessed: { consumer: string; records: OffsetEntry[]; duplicates: OffsetEntry[] };
    offsetsCommitted: {
      groupId: string;
      consumer: string | null;
      mode: 'sync' | 'async' | 'auto' | 'admin';
      offsets: OffsetEntry[];
    };
    offsetCommitFailed: { groupId: string; consumer: string; error: string };
    positionReset: {
      consumer: string;
      topic: string;
      partition: number;
      from: number | null;
      to: number;
      cause: 'committed' | 'no-committed-offset' | 'out-of-range';
    };
    partitionsAssigned: { consumer: string; generationId: number; partitions: TopicPartition[] };
    consumerStopped: { consumer: string; how: 'closed' | 'crashed' | 'fenced' | 'poll-timeout' | 'removed' };
  }
}

const GROUP_EVENT_TYPES = {
  'group-state': 'groupStateChanged',
  'member-joined': 'groupMemberJoined',
  'member-rejoined': 'groupMemberRejoined',
  'member-removed': 'groupMemberRemoved',
  'static-member-replaced': 'groupStaticMemberReplaced',
  'member-fenced': 'groupMemberFenced',
  assignment: 'groupAssignment',
  'partitions-revoked': 'groupPartitionsRevoked',
} as const satisfies Record<GroupEvent['kind'], string>;

type Emit = (type: string, reason: string, payload: Record<string, unknown>) => void;

export function emitConsumerEvent(ctx: Ctx, event: ConsumerEvent): void {
  const emit = ctx.emit.bind(ctx) as unknown as Emit;
  if (event.type === 'groupEvent') {
    const { kind, reason, ...payload } = event.event;
    emit(GROUP_EVENT_TYPES[kind], reason, payload);
    return;
  }
  const { type, reason, ...payload } = event;
  emit(type, reason, payload);
}
