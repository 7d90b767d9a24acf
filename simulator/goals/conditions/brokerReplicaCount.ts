// { kind: 'brokerReplicaCount', broker: 3, topic: 'orders', equals: 0 } — how many partitions of the topic list
// this broker in their replica set. During a reassignment Kafka lists the adding and the removing replicas
// together (kafka-topics --describe "Adding Replicas" / "Removing Replicas"), so a move only counts once done.
import { compare, describeComparison, int, requireInts, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

export const brokerReplicaCount: ConditionKind = {
  kind: 'brokerReplicaCount',
  params: 'broker (integer), topic, equals | atLeast | atMost',
  validate: (c) => requireInts(c, 'broker') ?? requireStrings(c, 'topic') ?? validateComparison(c),
  evaluate: (view, c) => {
    const broker = int(c, 'broker') as number;
    const t = view.topic(c.topic as string);
    if (!t) return { met: false, detail: `topic ${c.topic} does not exist` };
    const held = t.partitions
      .filter((p) => p.replicas.includes(broker))
      .map((p) => `${t.name}-${p.partition}`);
    return {
      met: compare(held.length, c),
      detail: `broker ${broker} holds ${held.length} replica(s) of ${c.topic}${held.length ? `: ${held.join(', ')}` : ''} (want ${describeComparison(c)})`,
    };
  },
};
