'use client';
import { useId } from 'react';
import type { ReadModel } from '@/simulator';
import { userTopics } from './readHelpers';
import { inlineSelectClass } from './ui';

export function PartitionPicker({
  read,
  topic,
  partition,
  onChange,
  idPrefix,
}: {
  read: ReadModel;
  topic: string | null;
  partition: number;
  onChange: (topic: string, partition: number) => void;
  idPrefix: string;
}) {
  const uid = useId();
  idPrefix = `${idPrefix}-${uid.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const topics = userTopics(read);
  const current = topics.find((t) => t.name === topic);
  // No topic yet: a sentence, not two empty drop-downs.
  if (topics.length === 0) {
    return (
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="no-topics">
        No topics yet: create one (kafka-topics.sh --create) to pick a partition here.
      </p>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs font-medium text-slate-700 dark:text-slate-300">
      <label htmlFor={`${idPrefix}-topic`}>Topic</label>
      <select
        id={`${idPrefix}-topic`}
        className={inlineSelectClass}
        value={topic ?? ''}
        onChange={(e) => onChange(e.target.value, 0)}
      >
        {topics.map((t) => (
          <option key={t.name} value={t.name}>
            {t.name}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-partition`}>Partition</label>
      <select
        id={`${idPrefix}-partition`}
        className={inlineSelectClass}
        value={partition}
        onChange={(e) => topic && onChange(topic, Number(e.target.value))}
      >
        {(current?.partitions ?? []).map((p) => (
          <option key={p.partition} value={p.partition}>
            {p.partition}
          </option>
        ))}
      </select>
    </div>
  );
}
