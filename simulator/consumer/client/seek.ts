// Seeking: the application moves its own fetch positions (KafkaConsumer#seek, #seekToBeginning, #seekToEnd; kcat's
// -o in group mode sets the offset of every partition its rebalance callback is handed, librdkafka's
// RD_KAFKA_OFFSET_TAIL included). A position set here wins over the committed offset until the next commit.
import { tpKeyOf } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import { fetchLimit, partitionReadView, readCommittedView } from '../leaderReads';
import type { OffsetEntry, SeekTarget } from '../types';
import { type ClientOutcome, running } from './consumerClient';

function seekName(to: SeekTarget): string {
  switch (to.kind) {
    case 'beginning':
      return 'seekToBeginning';
    case 'end':
      return 'seekToEnd';
    case 'offset':
      return `seek to ${to.offset}`;
    case 'tail':
      return `seek to ${to.count} before the end`;
  }
}

export function seekConsumer(ctx: Ctx, name: string, to: SeekTarget): ClientOutcome<OffsetEntry[]> {
  const r = running(ctx.state.areas.consumers, name);
  if (!r.ok) return r;
  const c = r.value;
  if (to.kind === 'offset' && (!Number.isInteger(to.offset) || to.offset < 0))
    return {
      ok: false,
      error: { exception: 'IllegalArgumentException', message: 'seek offset must not be a negative number' },
    };
  if (c.assignment.length === 0)
    return {
      ok: false,
      error: { exception: 'IllegalStateException', message: `No current assignment for ${name}` },
    };
  const committedView = readCommittedView(ctx.state);
  const moved: OffsetEntry[] = [];
  for (const p of c.assignment) {
    const view = partitionReadView(ctx.state, p.topic, p.partition);
    if (!view) continue;
    const end = fetchLimit(committedView, p.topic, p.partition, view.highWatermark, c.config.isolationLevel);
    const offset =
      to.kind === 'beginning'
        ? view.logStartOffset
        : to.kind === 'end'
          ? end
          : to.kind === 'tail'
            ? Math.max(view.logStartOffset, end - to.count)
            : to.offset; // an offset outside the log is reset by auto.offset.reset on the next fetch
    const key = tpKeyOf(p);
    const from = c.positions[key] ?? null;
    c.positions[key] = offset;
    moved.push({ topic: p.topic, partition: p.partition, offset });
    ctx.emit(
      'positionReset',
      `${name}: ${seekName(to)} moves ${key} to ${offset}, whatever the group committed`,
      {
        consumer: name,
        topic: p.topic,
        partition: p.partition,
        from,
        to: offset,
        cause: 'seek',
      },
    );
  }
  return { ok: true, value: moved };
}
