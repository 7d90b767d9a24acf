// The consumer side of the group protocol: how each client applies the coordinator's answers
// (ConsumerCoordinator#onJoinPrepare revokes, #onJoinComplete assigns, a removed or fenced member owns nothing).
import { tpKey, tpKeyOf } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import type { TopicPartition } from '../assignors/types';
import type { MemberClients } from '../group/types';
import { positionsToCommit, storeOffsets } from '../offsets/offsetStore';
import type { ConsumerArea, ConsumerClient } from '../types';

export function clientByMember(area: ConsumerArea, memberId: string): ConsumerClient | undefined {
  return Object.values(area.consumers).find((c) => c.memberId === memberId);
}

const keys = (ps: readonly TopicPartition[]) =>
  ps.length === 0 ? 'no partitions' : ps.map(tpKeyOf).join(', ');

export const memberClients: MemberClients = {
  revoke(ctx, groupId, memberId, partitions) {
    const c = clientByMember(ctx.state.areas.consumers, memberId);
    if (!c) return;
    const revoked = new Set(partitions.map(tpKeyOf));
    if (c.config.enableAutoCommit && c.status === 'running') {
      // ConsumerCoordinator#onJoinPrepare / onPartitionsRevoked: auto-commit before giving partitions up
      const offsets = positionsToCommit(c).filter((o) => revoked.has(tpKey(o.topic, o.partition)));
      storeOffsets(
        ctx,
        groupId,
        offsets,
        c.name,
        'auto',
        'auto-commit before revoking partitions in a rebalance',
      );
    }
    c.assignment = c.assignment.filter((p) => !revoked.has(tpKeyOf(p)));
    for (const k of revoked) delete c.positions[k];
  },
  assign(ctx, _groupId, memberId, partitions, generationId) {
    const c = clientByMember(ctx.state.areas.consumers, memberId);
    if (!c) return;
    const now = new Set(partitions.map(tpKeyOf));
    for (const k of Object.keys(c.positions)) if (!now.has(k)) delete c.positions[k];
    c.assignment = partitions;
    c.generationId = generationId;
    ctx.emit('partitionsAssigned', `${c.name} now owns ${keys(partitions)} (generation ${generationId})`, {
      consumer: c.name,
      generationId,
      partitions,
    });
  },
  removed(ctx, _groupId, memberId) {
    const c = clientByMember(ctx.state.areas.consumers, memberId);
    if (!c) return;
    c.memberId = null;
    c.assignment = [];
    c.positions = {};
  },
  fenced(ctx: Ctx, _groupId, memberId) {
    const c = clientByMember(ctx.state.areas.consumers, memberId);
    if (!c) return;
    c.status = 'fenced';
    c.memberId = null;
    c.assignment = [];
    c.positions = {};
    ctx.emit(
      'consumerStopped',
      `${c.name} is fenced: a newer instance uses group.instance.id ${c.config.groupInstanceId} (FencedInstanceIdException)`,
      { consumer: c.name, how: 'fenced' },
    );
  },
};
