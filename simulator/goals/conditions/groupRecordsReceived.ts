// { kind: 'groupRecordsReceived', group: 'fraud-check', topic: 'orders', atLeast: 5 } — how many distinct records
// of the topic poll() has delivered to the group's consumers. Tells "read everything" apart from "skipped to the
// end": both leave lag 0 (a new group starting at auto.offset.reset=latest commits the end offset unread).
import { compare, describeComparison, requireStrings, validateComparison } from '../params';
import type { ConditionKind } from '../types';

export const groupRecordsReceived: ConditionKind = {
  kind: 'groupRecordsReceived',
  params: 'group, topic, equals | atLeast | atMost',
  validate: (c) => requireStrings(c, 'group', 'topic') ?? validateComparison(c),
  evaluate: (view, c) => {
    const n = view.deliveredToGroup(c.group as string, c.topic as string);
    return {
      met: compare(n, c),
      detail: `group ${c.group} has received ${n} distinct records of ${c.topic} (want ${describeComparison(c)})`,
    };
  },
};
