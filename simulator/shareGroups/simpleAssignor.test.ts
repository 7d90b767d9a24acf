import { describe, expect, it } from 'vitest';
import { simpleAssign } from './simpleAssignor';

const tps = (topic: string, n: number) => Array.from({ length: n }, (_, partition) => ({ topic, partition }));

describe('share-group simple assignor (SimpleAssignor, vectors from SimpleAssignorTest)', () => {
  it('no members, no assignment (testAssignWithEmptyMembers)', () => {
    expect(simpleAssign([], { topic1: 3 })).toEqual({ ok: true, assignment: {} });
  });

  it('two members on the same topics both get every partition: they share them (testAssignWithTwoMembersAndTwoTopicsHomogeneous)', () => {
    const r = simpleAssign(
      [
        { memberId: 'A', subscribedTopics: ['topic1', 'topic3'] },
        { memberId: 'B', subscribedTopics: ['topic1', 'topic3'] },
      ],
      { topic1: 3, topic3: 2 },
    );
    const both = [...tps('topic1', 3), ...tps('topic3', 2)];
    expect(r).toEqual({ ok: true, assignment: { A: both, B: both } });
  });

  it('heterogeneous subscriptions get every partition of their own topics (testAssignWithThreeMembersThreeTopicsHeterogeneous)', () => {
    const r = simpleAssign(
      [
        { memberId: 'A', subscribedTopics: ['topic1', 'topic2'] },
        { memberId: 'B', subscribedTopics: ['topic3'] },
        { memberId: 'C', subscribedTopics: ['topic2', 'topic3'] },
      ],
      { topic1: 3, topic2: 3, topic3: 2 },
    );
    expect(r).toEqual({
      ok: true,
      assignment: {
        A: [...tps('topic1', 3), ...tps('topic2', 3)],
        B: tps('topic3', 2),
        C: [...tps('topic2', 3), ...tps('topic3', 2)],
      },
    });
  });

  it('a member with no subscribed topic gets no entry (testAssignWithOneMemberNoAssignedTopicHeterogeneous)', () => {
    const r = simpleAssign(
      [
        { memberId: 'A', subscribedTopics: ['topic1', 'topic2'] },
        { memberId: 'B', subscribedTopics: [] },
      ],
      { topic1: 3, topic2: 2 },
    );
    expect(r).toEqual({ ok: true, assignment: { A: [...tps('topic1', 3), ...tps('topic2', 2)] } });
  });

  it('a subscription to a missing topic fails the assignment (testAssignWithSubscribedToNonExistentTopic)', () => {
    expect(simpleAssign([{ memberId: 'A', subscribedTopics: ['nope'] }], { topic1: 3 })).toEqual({
      ok: false,
      error: "Members are subscribed to topic nope which doesn't exist in the topic metadata.",
    });
  });
});
