import { lesson } from '@/lib/content.server';
import { allTopics } from '@/lib/roadmap';

// Build time only: an estimated time per topic, from the lesson's own `minutes` shared among the topics it
// teaches. A topic whose lesson is not written yet gets a flat estimate.

export const UNWRITTEN_TOPIC_MINUTES = 15;

export type TopicEstimate = { minutes: number; fromLesson: boolean };

export function topicEstimates(): Record<string, TopicEstimate> {
  const estimates: Record<string, TopicEstimate> = {};
  const perLesson = new Map<string, number | null>();
  for (const topic of allTopics()) {
    let minutes: number | null = null;
    if (topic.lesson) {
      if (!perLesson.has(topic.lesson)) {
        const meta = lesson(topic.lesson)?.meta ?? null;
        perLesson.set(topic.lesson, meta ? meta.minutes / Math.max(1, meta.topics.length) : null);
      }
      minutes = perLesson.get(topic.lesson) ?? null;
    }
    estimates[topic.id] =
      minutes === null
        ? { minutes: UNWRITTEN_TOPIC_MINUTES, fromLesson: false }
        : { minutes, fromLesson: true };
  }
  return estimates;
}
