// ClusterAccess over the simulation (Ctx): consumers read the partition leader's log below the HW, and
// commits become records of the internal __consumer_offsets topic, created on first use with
// offsets.topic.num.partitions partitions (the group's partition is chosen like GroupCoordinatorService).

import { getPartition, highWatermark, isBrokerAlive, leaderReplica } from '../cluster/lookup';
import { brokerConfigNumber } from '../cluster/topicConfig';
import { createTopicInternal } from '../cluster/topics';
import type { Ctx } from '../engine/context';
import { readRecords } from '../log';
import { buildMarkerIndex, firstUnstableOffset, isAborted, type MarkerIndex } from '../log/transactionIndex';
import type { LogRecord } from '../log/types';
import { appendAsCoordinator } from '../replication/coordinatorAppend';
import type { ClusterAccess, FetchResult, PartitionReadView, WakeUp } from './clusterAccess';
import type { ConsumerEvent } from './consumerEvents';
import { emitConsumerEvent } from './events';
import { CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor } from './offsetsTopic';

function offsetsTopicPartitions(ctx: Ctx): number {
  const existing = ctx.state.topics[CONSUMER_OFFSETS_TOPIC];
  return existing
    ? existing.partitions.length
    : brokerConfigNumber(ctx.state, 'offsets.topic.num.partitions');
}

/** Creates __consumer_offsets when the first group needs it (compacted, RF capped by the live brokers). */
function ensureOffsetsTopic(ctx: Ctx): boolean {
  if (ctx.state.topics[CONSUMER_OFFSETS_TOPIC]) return true;
  const alive = Object.values(ctx.state.brokers).filter((b) => isBrokerAlive(ctx.state, b.id)).length;
  // Simplification: real brokers refuse to create it with fewer brokers than offsets.topic.replication.factor.
  const rf = Math.max(1, Math.min(brokerConfigNumber(ctx.state, 'offsets.topic.replication.factor'), alive));
  const r = createTopicInternal(
    ctx,
    {
      topic: CONSUMER_OFFSETS_TOPIC,
      partitions: brokerConfigNumber(ctx.state, 'offsets.topic.num.partitions'),
      replicationFactor: rf,
      configs: { 'cleanup.policy': 'compact' },
    },
    { internal: true },
  );
  return r.ok;
}

export class CtxClusterAccess implements ClusterAccess {
  /** Marker indexes built during this command, keyed by partition and the log end they were built at. */
  private readonly markers = new Map<string, { end: number; index: MarkerIndex }>();

  constructor(private readonly ctx: Ctx) {}

  /** LSO from the leader's log: the first open transaction, counting a marker only once it is below the HW. */
  lastStableOffset(topic: string, partition: number, highWatermark: number): number {
    const p = getPartition(this.ctx.state, topic, partition);
    const leader = p && leaderReplica(p);
    if (!leader) return highWatermark;
    const unstable = firstUnstableOffset(leader.log, leader.log.logStartOffset, highWatermark);
    return unstable === null ? highWatermark : Math.min(unstable, highWatermark);
  }

  isAborted(topic: string, partition: number, record: LogRecord): boolean {
    const p = getPartition(this.ctx.state, topic, partition);
    const leader = p && leaderReplica(p);
    if (!leader) return false;
    const key = `${topic}-${partition}`;
    let cached = this.markers.get(key);
    if (!cached || cached.end !== leader.log.logEndOffset) {
      cached = { end: leader.log.logEndOffset, index: buildMarkerIndex(leader.log) };
      this.markers.set(key, cached);
    }
    return isAborted(cached.index, record);
  }

  get now(): number {
    return this.ctx.now;
  }

  partitionCount(topic: string): number | undefined {
    return this.ctx.state.topics[topic]?.partitions.length;
  }

  partition(topic: string, partition: number): PartitionReadView | undefined {
    const p = getPartition(this.ctx.state, topic, partition);
    if (!p) return undefined;
    const leader = leaderReplica(p);
    const log = leader?.log ?? p.replicaLogs[p.replicas[0]]?.log;
    return {
      leaderAvailable: p.leader !== null && isBrokerAlive(this.ctx.state, p.leader),
      logStartOffset: log?.logStartOffset ?? 0,
      highWatermark: highWatermark(p),
      logEndOffset: log?.logEndOffset ?? 0,
    };
  }

  fetch(topic: string, partition: number, from: number, upTo: number, max: number): FetchResult {
    const p = getPartition(this.ctx.state, topic, partition);
    const leader = p && leaderReplica(p);
    if (!leader) return { kind: 'records', records: [], nextOffset: from };
    return readRecords(leader.log, from, upTo, max);
  }

  offsetForTimestamp(topic: string, partition: number, timestamp: number): number | null {
    const p = getPartition(this.ctx.state, topic, partition);
    const leader = p && leaderReplica(p);
    if (!p || !leader) return null;
    const hw = highWatermark(p);
    for (const seg of leader.log.segments) {
      if (seg.largestTimestamp < timestamp) continue;
      for (const r of seg.records) {
        if (r.offset >= hw) return null;
        if (r.control === null && r.timestamp >= timestamp) return r.offset;
      }
    }
    return null;
  }

  coordinatorAvailable(groupId: string): boolean {
    const t = this.ctx.state.topics[CONSUMER_OFFSETS_TOPIC];
    if (!t) return Object.values(this.ctx.state.brokers).some((b) => isBrokerAlive(this.ctx.state, b.id));
    const p = t.partitions[offsetsPartitionFor(groupId, t.partitions.length)];
    return p.leader !== null && isBrokerAlive(this.ctx.state, p.leader);
  }

  coordinatorId(groupId: string): number {
    const t = this.ctx.state.topics[CONSUMER_OFFSETS_TOPIC];
    if (!t) return -1;
    return t.partitions[offsetsPartitionFor(groupId, t.partitions.length)].leader ?? -1;
  }

  writeOffsetCommits(
    groupId: string,
    offsets: Array<{ topic: string; partition: number; offset: number }>,
  ): void {
    if (!ensureOffsetsTopic(this.ctx)) return;
    const n = offsetsTopicPartitions(this.ctx);
    const p = getPartition(this.ctx.state, CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor(groupId, n));
    const leader = p && leaderReplica(p);
    if (!p || !leader) return;
    appendAsCoordinator(this.ctx, p, {
      leaderEpoch: p.leaderEpoch,
      records: offsets.map((o) => ({
        // OffsetCommitKey (group, topic, partition) -> OffsetCommitValue (offset); compaction keeps the latest
        key: `offset:${groupId}:${o.topic}:${o.partition}`,
        value: String(o.offset),
        timestamp: this.ctx.now,
      })),
    });
  }

  emit(event: ConsumerEvent): void {
    emitConsumerEvent(this.ctx, event);
  }

  /** java.util.UUID.randomUUID().toString() shape (ClassicGroup#generateMemberId), from the seeded RNG. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.ctx.randomInt(16));
    hex[12] = 4; // version 4
    hex[16] = 8 + (hex[16] % 4); // IETF variant
    const s = hex.map((d) => d.toString(16)).join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  wakeAt(at: number, wake: WakeUp): void {
    if (wake.kind === 'group-timer')
      this.ctx.scheduleAt(at, { type: 'consumerGroupTimer', groupId: wake.groupId });
    else
      this.ctx.scheduleAt(at, {
        type: 'consumerPollTimeout',
        consumer: wake.consumer,
        pollEpoch: wake.pollEpoch,
      });
  }
}
