// An in-memory ClusterAccess for consumer tests: partitions are arrays of records, HW = LEO unless set.
import type { LogRecord } from '../log/types';
import type { ClusterAccess, FetchResult, PartitionReadView, WakeUp } from './clusterAccess';
import type { ConsumerEvent } from './consumerEvents';

type FakePartition = { records: LogRecord[]; logStartOffset: number; hw: number | null; online: boolean };

export class FakeCluster implements ClusterAccess {
  now = 0;
  /** Tests of read_committed install these; without them LSO = HW and nothing is aborted. */
  lastStableOffset?: (topic: string, partition: number, highWatermark: number) => number;
  isAborted?: (topic: string, partition: number, record: LogRecord) => boolean;
  events: ConsumerEvent[] = [];
  wakes: Array<{ at: number; wake: WakeUp }> = [];
  offsetsTopic: Array<{ groupId: string; topic: string; partition: number; offset: number }> = [];
  coordinatorUp = true;
  private topics = new Map<string, FakePartition[]>();
  private uuidSeq = 0;

  createTopic(name: string, partitions: number): void {
    this.topics.set(
      name,
      Array.from({ length: partitions }, () => ({ records: [], logStartOffset: 0, hw: null, online: true })),
    );
  }

  produce(topic: string, partition: number, count: number): void {
    const p = this.topics.get(topic)![partition];
    for (let i = 0; i < count; i++) {
      const offset = p.records.length === 0 ? p.logStartOffset : p.records[p.records.length - 1].offset + 1;
      p.records.push({
        offset,
        timestamp: this.now,
        key: null,
        value: `v${offset}`,
        headers: [],
        sizeBytes: 10,
        leaderEpoch: 0,
        batchId: 0,
        producerId: -1,
        producerEpoch: -1,
        sequence: -1,
        transactional: false,
        control: null,
      });
    }
  }

  markTransactional(topic: string, partition: number, offset: number): void {
    const p = this.topics.get(topic)![partition];
    p.records = p.records.map((r) => (r.offset === offset ? { ...r, transactional: true } : r));
  }

  setHighWatermark(topic: string, partition: number, hw: number | null): void {
    this.topics.get(topic)![partition].hw = hw;
  }

  deleteBefore(topic: string, partition: number, offset: number): void {
    const p = this.topics.get(topic)![partition];
    p.records = p.records.filter((r) => r.offset >= offset);
    p.logStartOffset = offset;
  }

  private leo(p: FakePartition): number {
    return p.records.length === 0 ? p.logStartOffset : p.records[p.records.length - 1].offset + 1;
  }

  partitionCount(topic: string): number | undefined {
    return this.topics.get(topic)?.length;
  }

  partition(topic: string, partition: number): PartitionReadView | undefined {
    const p = this.topics.get(topic)?.[partition];
    if (!p) return undefined;
    const leo = this.leo(p);
    return {
      leaderAvailable: p.online,
      logStartOffset: p.logStartOffset,
      highWatermark: p.hw ?? leo,
      logEndOffset: leo,
    };
  }

  fetch(topic: string, partition: number, from: number, upTo: number, max: number): FetchResult {
    const p = this.topics.get(topic)![partition];
    const leo = this.leo(p);
    if (from < p.logStartOffset || from > leo)
      return { kind: 'offsetOutOfRange', logStartOffset: p.logStartOffset, logEndOffset: leo };
    const recs = p.records.filter((r) => r.offset >= from && r.offset < upTo).slice(0, max);
    const next =
      recs.length === max && recs.length > 0
        ? recs[recs.length - 1].offset + 1
        : Math.max(from, Math.min(upTo, leo));
    return { kind: 'records', records: recs, nextOffset: next };
  }

  offsetForTimestamp(topic: string, partition: number, ts: number): number | null {
    return this.topics.get(topic)![partition].records.find((r) => r.timestamp >= ts)?.offset ?? null;
  }

  coordinatorAvailable(): boolean {
    return this.coordinatorUp;
  }

  coordinatorId(): number {
    return 1;
  }

  writeOffsetCommits(
    groupId: string,
    offsets: Array<{ topic: string; partition: number; offset: number }>,
  ): void {
    for (const o of offsets) this.offsetsTopic.push({ groupId, ...o });
  }

  emit(event: ConsumerEvent): void {
    this.events.push(event);
  }

  uuid(): string {
    this.uuidSeq += 1;
    return `uuid${this.uuidSeq}`;
  }

  wakeAt(at: number, wake: WakeUp): void {
    this.wakes.push({ at, wake });
  }
}
