// { kind: 'rabbitQueue', queue: 'audit', measure: 'published', atLeast: 3 } — a number about a RabbitMQ queue of
// the side-by-side broker: messages (ready + unacked, what rabbitmqctl list_queues counts), ready, unacked,
// consumers, or a counter since the queue was declared (published, delivered, redelivered, acked,
// deadLettered, dropped). A queue that does not exist fails the condition.
import { compare, describeComparison, requireStrings, str, validateComparison } from '../params';
import type { ConditionKind } from '../types';

const MEASURES = [
  'messages',
  'ready',
  'unacked',
  'consumers',
  'published',
  'delivered',
  'redelivered',
  'acked',
  'deadLettered',
  'dropped',
] as const;
type Measure = (typeof MEASURES)[number];

export const rabbitQueue: ConditionKind = {
  kind: 'rabbitQueue',
  params: `queue, measure (${MEASURES.join(' | ')}), equals | atLeast | atMost`,
  validate: (c) => {
    const missing = requireStrings(c, 'queue', 'measure');
    if (missing) return missing;
    if (!(MEASURES as readonly string[]).includes(str(c, 'measure') ?? ''))
      return `measure must be one of ${MEASURES.join(', ')}`;
    return validateComparison(c);
  },
  evaluate: (view, c) => {
    const q = view.rabbitmq().queues.find((x) => x.name === c.queue);
    if (!q) return { met: false, detail: `RabbitMQ has no queue ${c.queue}` };
    const measure = c.measure as Measure;
    const n =
      measure === 'messages'
        ? q.messages
        : measure === 'ready'
          ? q.ready.length
          : measure === 'unacked'
            ? q.unacked
            : measure === 'consumers'
              ? q.consumers.length
              : q.stats[measure];
    return {
      met: compare(n, c),
      detail: `queue ${q.name}: ${measure} = ${n} (want ${describeComparison(c)})`,
    };
  },
};
