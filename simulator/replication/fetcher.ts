// Follower replication (ReplicaFetcherThread ↔ leader fetch handling), modelled lazily: a caught-up follower's
// fetch is "parked" at the leader (delayedFetch.ts) and woken by an append or an HW change, so a quiet
// cluster schedules nothing. Each request and response is a task one network latency away.
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import type { TaskHandlers } from '../engine/registry';
import { appendAsFollower, readRecords } from '../log';
import { linkUp, respond } from './delayedFetch';
import { maybeIncrementHighWatermark } from './highWatermark';
import { maybeExpandIsr } from './isr';
import { logConfigFor } from './logConfigCache';
import { trackAppended } from './producerState';
import { truncateFollower } from './truncation';

/** Start (or restart) a follower's fetch loop: truncate by leader epoch, then send the first fetch. */
export function startFetching(ctx: Ctx, part: Partition, follower: number): void {
  if (part.leader === null || follower === part.leader) return;
  const rep = part.replicaLogs[follower];
  if (!rep || !linkUp(ctx, part, follower)) return;
  if (rep.follower.fetch !== 'idle') return;
  truncateFollower(ctx, part, follower);
  sendFetch(ctx, part, follower);
}

/** (Re)start every follower of the partition that can reach the leader. */
export function startAllFetchers(ctx: Ctx, part: Partition): void {
  for (const id of part.replicas) if (id !== part.leader) startFetching(ctx, part, id);
}

/** A new fetch session: in-flight fetches are void and every follower starts fetching again. */
export function restartFetchers(ctx: Ctx, part: Partition): void {
  part.fetchSession++;
  for (const id of part.replicas) {
    if (id === part.leader) continue;
    part.replicaLogs[id].follower.fetch = 'idle';
  }
  startAllFetchers(ctx, part);
}

function sendFetch(ctx: Ctx, part: Partition, follower: number): void {
  const rep = part.replicaLogs[follower];
  rep.follower.fetch = 'inflight';
  ctx.schedule(ctx.state.latencyMs, {
    type: 'replicaFetchRequest',
    topic: part.topic,
    partition: part.partition,
    follower,
    session: part.fetchSession,
    fetchOffset: rep.log.logEndOffset,
  });
}

function partitionOf(ctx: Ctx, topic: string, partition: number, session: number): Partition | undefined {
  const p = ctx.state.topics[topic]?.partitions[partition];
  return p && p.fetchSession === session ? p : undefined;
}

export const fetcherTasks = {
  replicaFetchRequest: (ctx, t) => {
    const part = partitionOf(ctx, t.topic, t.partition, t.session);
    if (!part) return;
    const rep = part.replicaLogs[t.follower];
    if (!linkUp(ctx, part, t.follower)) {
      rep.follower.fetch = 'idle';
      return;
    }
    const leader = part.replicaLogs[part.leader!];
    const leo = leader.log.logEndOffset;
    const fs = rep.follower;
    // Replica#updateFetchState: caught up if this fetch reaches the leader's LEO, or reaches what the LEO was at the
    // previous fetch (then it was caught up as of that previous fetch).
    if (t.fetchOffset >= leo) fs.lastCaughtUpTime = Math.max(fs.lastCaughtUpTime, ctx.now);
    else if (t.fetchOffset >= fs.lastFetchLeaderLogEndOffset)
      fs.lastCaughtUpTime = Math.max(fs.lastCaughtUpTime, fs.lastFetchTime);
    fs.fetchOffset = t.fetchOffset;
    fs.lastFetchTime = ctx.now;
    fs.lastFetchLeaderLogEndOffset = leo;
    maybeExpandIsr(ctx, part, t.follower);
    maybeIncrementHighWatermark(ctx, part);
    if (t.fetchOffset < leo || fs.sentHighWatermark < leader.highWatermark) respond(ctx, part, t.follower);
    else fs.fetch = 'parked';
  },
  replicaFetchResponse: (ctx, t) => {
    const part = partitionOf(ctx, t.topic, t.partition, t.session);
    if (!part) return;
    const rep = part.replicaLogs[t.follower];
    if (!linkUp(ctx, part, t.follower)) {
      rep.follower.fetch = 'idle';
      return;
    }
    const leaderLog = part.replicaLogs[part.leader!].log;
    let count = 0;
    if (t.to > rep.log.logEndOffset) {
      const read = readRecords(
        leaderLog,
        Math.max(t.from, rep.log.logEndOffset),
        t.to,
        Number.MAX_SAFE_INTEGER,
      );
      if (read.kind === 'offsetOutOfRange') {
        // Retention moved the leader's log start past us: realign, then fetch again.
        rep.follower.fetch = 'idle';
        startFetching(ctx, part, t.follower);
        return;
      }
      count = read.records.length;
      if (count > 0) {
        appendAsFollower(rep.log, read.records, logConfigFor(ctx.state, part.topic), ctx.now);
        trackAppended(rep, read.records);
      }
    }
    const hw = Math.min(t.highWatermark, rep.log.logEndOffset);
    const hwMoved = hw > rep.highWatermark;
    if (hwMoved) rep.highWatermark = hw;
    if (count > 0 || hwMoved) {
      ctx.emit(
        'replicaFetched',
        count > 0
          ? `broker ${t.follower} fetched ${count} record${count === 1 ? '' : 's'} of ${part.topic}-${part.partition} from leader ${part.leader} (now at LEO ${rep.log.logEndOffset}, HW ${rep.highWatermark})`
          : `broker ${t.follower} learned ${part.topic}-${part.partition}'s high watermark ${rep.highWatermark} from leader ${part.leader}`,
        {
          topic: part.topic,
          partition: part.partition,
          follower: t.follower,
          leader: part.leader!,
          fromOffset: t.from,
          count,
          logEndOffset: rep.log.logEndOffset,
          highWatermark: rep.highWatermark,
        },
      );
    }
    sendFetch(ctx, part, t.follower);
  },
} satisfies TaskHandlers;
