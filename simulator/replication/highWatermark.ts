// Leader high watermark (Partition#maybeIncrementLeaderHW): min LEO over the ISR, never backwards, and (3.7+,
// KAFKA-15583) not at all while the ISR is smaller than min(min.insync.replicas, replication factor).
import { effectiveMinIsr } from '../cluster/topicConfig';
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { wakeParkedFetches } from './delayedFetch';
import { completeDelayedProduces } from './delayedProduce';

export function maybeIncrementHighWatermark(ctx: Ctx, part: Partition): void {
  if (part.leader === null) return;
  const leader = part.replicaLogs[part.leader];
  if (part.isr.length < effectiveMinIsr(ctx.state, part.topic, part.replicas.length)) return;
  let hw = leader.log.logEndOffset;
  for (const id of part.isr) {
    if (id === part.leader) continue;
    const o = part.replicaLogs[id].follower.fetchOffset;
    if (o < hw) hw = o;
  }
  if (hw <= leader.highWatermark) return;
  const from = leader.highWatermark;
  leader.highWatermark = hw;
  ctx.emit(
    'highWatermarkAdvanced',
    `${part.topic}-${part.partition}: high watermark ${from} → ${hw} (every ISR replica ${`[${part.isr.join(',')}]`} has offsets below ${hw}); consumers can now read them`,
    { topic: part.topic, partition: part.partition, broker: part.leader, from, to: hw },
  );
  completeDelayedProduces(ctx, part);
  wakeParkedFetches(ctx, part);
}
