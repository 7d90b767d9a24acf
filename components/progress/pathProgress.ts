import { type TopicProgress, type TopicStatus, tally } from '@/lib/progress';
import type { ModelTopic } from '@/lib/progress/model.server';
import type { LearningPath } from '@/lib/progress/paths';

// A path's progress: its topics in order with their statuses, completion, time left and the next step.

export type PathStep = ModelTopic & { status: TopicStatus; progress: TopicProgress | undefined };

export function pathProgress(
  path: LearningPath,
  topics: Map<string, ModelTopic>,
  byTopic: Map<string, TopicProgress>,
) {
  const steps: PathStep[] = path.topics.flatMap((id) => {
    const topic = topics.get(id);
    if (!topic) return [];
    const progress = byTopic.get(id);
    return [{ ...topic, status: progress?.status ?? 'not-started', progress }];
  });
  const counts = tally(steps.map((step) => step.status));
  const totalMinutes = steps.reduce((sum, step) => sum + step.minutes, 0);
  const minutesLeft = steps
    .filter((step) => step.status !== 'done' && step.status !== 'skipped')
    .reduce((sum, step) => sum + step.minutes, 0);
  // The next step is the first topic not done or skipped that has a lesson to open.
  const next = steps.find((step) => step.status !== 'done' && step.status !== 'skipped' && step.href);
  const started = steps.some((step) => step.status !== 'not-started');
  return { steps, counts, totalMinutes, minutesLeft, next, started };
}
