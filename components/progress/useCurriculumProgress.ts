'use client';

import { useMemo } from 'react';
import { type TopicProgress, topicProgress, useProgressData, useProgressHydrated } from '@/lib/progress';
import type { CurriculumModel, ModelTopic } from '@/lib/progress/model.server';

// Every topic's derived status for the current stored progress, recomputed only when progress changes.

export type CurriculumProgress = {
  hydrated: boolean;
  byTopic: Map<string, TopicProgress>;
  topics: ModelTopic[];
};

export function useCurriculumProgress(model: CurriculumModel): CurriculumProgress {
  const hydrated = useProgressHydrated();
  const data = useProgressData();
  return useMemo(() => {
    const topics = model.levels.flatMap((level) => level.sections.flatMap((section) => section.topics));
    const byTopic = new Map(
      topics.map((topic) => [topic.id, topicProgress(data, topic, model.requirements)]),
    );
    return { hydrated, byTopic, topics };
  }, [data, hydrated, model]);
}
