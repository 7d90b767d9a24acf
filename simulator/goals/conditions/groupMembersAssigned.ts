// { kind: 'groupMembersAssigned', group: 'analytics', minMembers: 4 } — the group has at least minMembers
// members and every one of them owns at least one partition: nobody sits idle. (A member with an empty
// assignment is what RangeAssignor gives the members beyond the partition count.)
import { int, requireInts, requireStrings } from '../params';
import type { ConditionKind } from '../types';

export const groupMembersAssigned: ConditionKind = {
  kind: 'groupMembersAssigned',
  params: 'group, minMembers (integer)',
  validate: (c) => requireStrings(c, 'group') ?? requireInts(c, 'minMembers'),
  evaluate: (view, c) => {
    const g = view.group(c.group as string);
    if (!g) return { met: false, detail: `group ${c.group} does not exist` };
    const min = int(c, 'minMembers') ?? 1;
    const idle = g.members.filter((m) => m.assignment.length === 0).map((m) => m.clientId);
    const enough = g.members.length >= min;
    const detail =
      `group ${c.group} (${g.state}) has ${g.members.length} member(s), want at least ${min}; ` +
      (idle.length === 0 ? 'none idle' : `idle: ${idle.join(', ')}`);
    return { met: enough && idle.length === 0 && g.state === 'Stable', detail };
  },
};
