// Small readings the views share, over the simulator's read model.
import type { ReadModel, TopicView } from '@/simulator';

/** "orders-1": how Kafka prints a TopicPartition (and how positions are keyed). */
export const tpKey = (topic: string, partition: number): string => `${topic}-${partition}`;

/** The learner's topics (not Kafka's internal __ ones), by name. */
export function userTopics(read: ReadModel): TopicView[] {
  return read
    .topics()
    .filter((t) => !t.name.startsWith('__'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
