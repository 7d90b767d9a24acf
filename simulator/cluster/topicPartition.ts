// Kafka's TopicPartition and its string form "orders-3" (TopicPartition#toString). The simulator keys per-
// partition state by that string (committed offsets, producer queues, transaction partitions); it is
// unambiguous because the partition is the trailing number, even when the topic name contains '-'.

export type TopicPartition = { readonly topic: string; readonly partition: number };

/** "orders-3". */
export function tpKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}

/** tpKey of a TopicPartition. */
export function tpKeyOf(tp: TopicPartition): string {
  return `${tp.topic}-${tp.partition}`;
}

/** The inverse of tpKey: split at the last '-'. */
export function parseTpKey(key: string): TopicPartition {
  const i = key.lastIndexOf('-');
  return { topic: key.slice(0, i), partition: Number(key.slice(i + 1)) };
}

export function tp(topic: string, partition: number): TopicPartition {
  return { topic, partition };
}
