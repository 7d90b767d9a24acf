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
  // Only topics with a lesson count: one that has none yet is no work the learner has left, so it is neither in
  // the completion figures nor in the time estimates (the path lists it as not yet available).
  const available = steps.filter((step) => step.href);
  const unavailable = steps.length - available.length;
  const counts = tally(available.map((step) => step.status));
  const totalMinutes = available.reduce((sum, step) => sum + step.minutes, 0);
  const minutesLeft = available
    .filter((step) => step.status !== 'done' && step.status !== 'skipped')
    .reduce((sum, step) => sum + step.minutes, 0);
  // The next step is the first topic not done or skipped that has a lesson to open.
  const next = steps.find((step) => step.status !== 'done' && step.status !== 'skipped' && step.href);
  const started = steps.some((step) => step.status !== 'not-started');
  return {
    steps,
    available: available.length,
    unavailable,
    counts,
    totalMinutes,
    minutesLeft,
    next,
    started,
  };
}
