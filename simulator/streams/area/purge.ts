// Repartition topics are purged: after a commit, every repartition.purge.interval.ms, a stream thread asks the
// brokers to delete the repartition records its tasks have consumed (TaskManager#maybePurgeCommittedRecords:
// Admin#deleteRecords before the consumed offset + 1, StreamTask#purgeableOffsets). The log start offset moves
// up, which kafka-get-offsets --time -2 shows.
//
// Simplified: the followers adopt the new log start offset at once (a real follower learns it from its next
// fetch response); the request cannot fail.
import { tpKey } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import { incrementLogStartOffset } from '../../log/unifiedLog';
import { topologyOf } from './appTopology';
import type { StreamsApp, StreamsTask, StreamThread } from './types';

/** repartition.purge.interval.ms default (StreamsConfig). */
export const REPARTITION_PURGE_INTERVAL_MS = 30_000;

/** StreamTask#purgeableOffsets: consumed offsets of repartition sources above their log start offset. */
export function purgeableOffsets(
  ctx: Ctx,
  app: StreamsApp,
  tasks: StreamsTask[],
): Array<{ topic: string; partition: number; before: number }> {
  const t = topologyOf(app.dsl);
  const repartition = new Set(
    Object.values(t.internalTopics)
      .filter((i) => i.kind === 'repartition')
      .map((i) => `${app.applicationId}-${i.name}`),
  );
  const out: Array<{ topic: string; partition: number; before: number }> = [];
  for (const task of tasks) {
    if (task.status !== 'RUNNING') continue;
    for (const topic of task.sources) {
      if (!repartition.has(topic)) continue;
      const before = task.positions[tpKey(topic, task.partition)];
      const p = ctx.state.topics[topic]?.partitions[task.partition];
      if (before === undefined || !p || p.leader === null) continue;
      const leader = p.replicaLogs[p.leader];
      // DeleteRecords beyond the high watermark is refused (OFFSET_OUT_OF_RANGE); consumed offsets never are.
      if (!leader || before > leader.highWatermark || before <= leader.log.logStartOffset) continue;
      out.push({ topic, partition: task.partition, before });
    }
  }
  return out;
}

export function purgeRepartitionTopics(
  ctx: Ctx,
  app: StreamsApp,
  th: StreamThread,
  tasks: StreamsTask[],
): void {
  const purged: Array<{ topic: string; partition: number; before: number }> = [];
  for (const x of purgeableOffsets(ctx, app, tasks)) {
    const p = ctx.state.topics[x.topic].partitions[x.partition];
    if (!incrementLogStartOffset(p.replicaLogs[p.leader!].log, x.before)) continue;
    for (const [broker, r] of Object.entries(p.replicaLogs))
      if (Number(broker) !== p.leader && r.log.logEndOffset >= x.before)
        incrementLogStartOffset(r.log, x.before);
    purged.push(x);
  }
  if (purged.length === 0) return;
  ctx.emit(
    'streamsRepartitionPurged',
    `${app.applicationId}: ${th.name} deleted the repartition records it has consumed (DeleteRecords, repartition.purge.interval.ms=${app.repartitionPurgeIntervalMs}): ${purged.map((x) => `${x.topic}-${x.partition} before offset ${x.before}`).join(', ')}; the log start offset moves up`,
    { app: app.applicationId, thread: th.name, purged },
  );
}
