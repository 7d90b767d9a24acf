// Reading what consumers could read: records below the high watermark (read_uncommitted), per partition.
import type { GoalView, RecordView, TopicView } from './types';

export function committedRecords(view: GoalView, topic: TopicView, partition: number): RecordView[] {
  const p = topic.partitions.find((x) => x.partition === partition);
  if (!p) return [];
  const span = Math.max(0, p.highWatermark - p.logStartOffset);
  if (span === 0) return [];
  return view.records(topic.name, partition, p.logStartOffset, span, 'read_uncommitted');
}

export function allCommittedRecords(view: GoalView, topic: TopicView): RecordView[] {
  return topic.partitions.flatMap((p) => committedRecords(view, topic, p.partition));
}
