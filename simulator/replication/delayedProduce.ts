// acks=all produce requests waiting in the leader's purgatory (DelayedProduce) until the high watermark passes
// their last offset (Partition#checkEnoughReplicasReachOffset).
import { effectiveMinIsr } from '../cluster/topicConfig';
import type { Partition, PendingProduce } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { ERROR_MESSAGES } from '../engine/errors';
import { sendProduceResponse } from './produceResponse';

export function completeDelayedProduces(ctx: Ctx, part: Partition): void {
  if (part.pendingProduces.length === 0 || part.leader === null) return;
  const leader = part.leader;
  const hw = part.replicaLogs[leader].highWatermark;
  const keep: PendingProduce[] = [];
  const minIsr = effectiveMinIsr(ctx.state, part.topic, part.replicas.length);
  for (const p of part.pendingProduces) {
    if (p.lastOffset < hw) {
      if (part.isr.length < minIsr) {
        sendProduceResponse(ctx, leader, part, p, {
          kind: 'error',
          code: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
          message: ERROR_MESSAGES.NOT_ENOUGH_REPLICAS_AFTER_APPEND,
        });
      } else {
        sendProduceResponse(ctx, leader, part, p, {
          kind: 'ok',
          baseOffset: p.baseOffset,
          logAppendTime: p.logAppendTime,
        });
      }
    } else if (p.expiresAt <= ctx.now) {
      // The client gave up already (its own request.timeout.ms); drop it, as DelayedProduce#onExpire would.
    } else keep.push(p);
  }
  part.pendingProduces = keep;
}

/** Leadership moved away: every waiting produce fails with NOT_LEADER_OR_FOLLOWER (if the old leader can still answer). */
export function failDelayedProduces(ctx: Ctx, part: Partition, oldLeader: number): void {
  for (const p of part.pendingProduces) {
    sendProduceResponse(ctx, oldLeader, part, p, {
      kind: 'error',
      code: 'NOT_LEADER_OR_FOLLOWER',
      message: ERROR_MESSAGES.NOT_LEADER_OR_FOLLOWER,
    });
  }
  part.pendingProduces = [];
}
