// The fetch half of KafkaConsumer#poll: positions per assigned partition (committed offset, else
// auto.offset.reset), reads from the partition leader below the HW (LSO under read_committed), skipping
// transaction markers and, under read_committed, aborted records; at most max.poll.records per poll.
import { tpKeyOf } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import {
  fetchFromLeader,
  fetchLimit,
  isAbortedRecord,
  partitionReadView,
  type ReadCommittedView,
  readCommittedView,
} from '../leaderReads';
import type { CommitError } from '../offsets/offsetStore';
import { committedOffset } from '../offsets/offsetStore';
import type { ConsumerClient, PolledRecord } from '../types';

export type FetchOutcome = { ok: true; records: PolledRecord[] } | { ok: false; error: CommitError };

/** Where a partition without a valid position starts (SubscriptionState reset strategies). */
function resetPosition(
  ctx: Ctx,
  readCommitted: ReadCommittedView,
  client: ConsumerClient,
  topic: string,
  partition: number,
  cause: 'no-committed-offset' | 'out-of-range',
  from: number | null,
): { ok: true; offset: number } | { ok: false; error: CommitError } {
  const view = partitionReadView(ctx.state, topic, partition)!;
  const strategy = client.config.autoOffsetReset;
  if (strategy === 'none') {
    return cause === 'out-of-range'
      ? {
          ok: false,
          error: {
            exception: 'OffsetOutOfRangeException',
            message: `Fetch position ${from} is out of range for partition ${topic}-${partition} and auto.offset.reset=none`,
          },
        }
      : {
          ok: false,
          error: {
            exception: 'NoOffsetForPartitionException',
            message: `Undefined offset with no reset policy for partitions: [${topic}-${partition}]`,
          },
        };
  }
  const offset =
    strategy === 'earliest'
      ? view.logStartOffset
      : fetchLimit(readCommitted, topic, partition, view.highWatermark, client.config.isolationLevel);
  const why =
    cause === 'no-committed-offset'
      ? `the group has no committed offset for ${topic}-${partition}`
      : from !== null && from < view.logStartOffset
        ? `position ${from} of ${topic}-${partition} is below the log start offset ${view.logStartOffset} (those records were deleted)`
        : `position ${from} of ${topic}-${partition} is beyond the end of the log`;
  ctx.emit(
    'positionReset',
    `${client.name}: ${why}; auto.offset.reset=${strategy} moves it to ${offset}${strategy === 'latest' ? ' (only new records will be read)' : ''}`,
    { consumer: client.name, topic, partition, from, to: offset, cause },
  );
  return { ok: true, offset };
}

export function fetchForPoll(ctx: Ctx, client: ConsumerClient, max: number): FetchOutcome {
  const area = ctx.state.areas.consumers;
  const readCommitted = readCommittedView(ctx.state);
  const out: PolledRecord[] = [];
  const parts = client.assignment;
  // Every assigned partition gets a position before anything is fetched, even when max.poll.records is reached on
  // an earlier one (KafkaConsumer#updateFetchPositions), so a commit covers partitions this poll did not read.
  for (let i = 0; i < parts.length; i++) {
    // rotate the starting partition so one busy partition cannot starve the others
    const p = parts[(i + client.pollEpoch) % parts.length];
    const key = tpKeyOf(p);
    const view = partitionReadView(ctx.state, p.topic, p.partition);
    if (!view?.leaderAvailable) continue;
    let pos = client.positions[key];
    if (pos === undefined) {
      const committed = committedOffset(area, client.config.groupId, p.topic, p.partition);
      if (committed !== null) {
        pos = committed;
        ctx.emit(
          'positionReset',
          `${client.name}: starts ${key} at the group's committed offset ${committed}`,
          {
            consumer: client.name,
            topic: p.topic,
            partition: p.partition,
            from: null,
            to: committed,
            cause: 'committed',
          },
        );
      } else {
        const r = resetPosition(
          ctx,
          readCommitted,
          client,
          p.topic,
          p.partition,
          'no-committed-offset',
          null,
        );
        if (!r.ok) return r;
        pos = r.offset;
      }
    }
    if (pos < view.logStartOffset || pos > view.logEndOffset) {
      const r = resetPosition(ctx, readCommitted, client, p.topic, p.partition, 'out-of-range', pos);
      if (!r.ok) return r;
      pos = r.offset;
    }
    const limit = fetchLimit(
      readCommitted,
      p.topic,
      p.partition,
      view.highWatermark,
      client.config.isolationLevel,
    );
    // control records do not count against max.poll.records, so read in a small loop
    while (out.length < max && pos < limit) {
      const res = fetchFromLeader(ctx.state, p.topic, p.partition, pos, limit, max - out.length);
      if (res.kind === 'offsetOutOfRange' || res.records.length === 0) {
        if (res.kind === 'records') pos = Math.max(pos, res.nextOffset);
        break;
      }
      for (const r of res.records) {
        if (r.control !== null) continue;
        if (
          client.config.isolationLevel === 'read_committed' &&
          isAbortedRecord(readCommitted, p.topic, p.partition, r)
        ) {
          continue;
        }
        out.push({ topic: p.topic, partition: p.partition, offset: r.offset, key: r.key, value: r.value });
      }
      pos = res.nextOffset;
    }
    client.positions[key] = pos;
  }
  return { ok: true, records: out };
}
