// Console lines the share-group view's buttons run (the `share` command's grammar, so the command log stays one
// list of lines a learner can read and replay).
import { shellWord } from './commands';

export const shareJoinCommand = (member: string, group: string, topic: string): string =>
  `share join ${shellWord(member)} --group ${shellWord(group)} --topic ${shellWord(topic)}`;

export const sharePollCommand = (member: string, max: number): string =>
  `share poll ${shellWord(member)} --max ${Math.max(1, Math.floor(max))}`;

export type ShareAckType = 'accept' | 'release' | 'reject';

export const shareAckCommand = (
  member: string,
  topic: string,
  partition: number,
  offset: number,
  type: ShareAckType,
): string => `share ack ${shellWord(member)} ${shellWord(`${topic}-${partition}@${offset}`)} --type ${type}`;

export const shareLeaveCommand = (member: string): string => `share leave ${shellWord(member)}`;

/** `job-<first>` … as lines of the console producer (no keys: share groups do not keep per-key order anyway). */
export function shareWorkloadBlock(topic: string, first: number, count: number): string {
  return [
    `kafka-console-producer.sh --topic ${shellWord(topic)} <<EOF`,
    ...Array.from({ length: count }, (_, i) => `job-${first + i}`),
    'EOF',
  ].join('\n');
}
