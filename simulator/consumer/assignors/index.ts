// Assignor registry and the protocol rules of ConsumerCoordinator / ClassicGroup#selectProtocol.
import { cooperativeStickyAssignor } from './cooperativeStickyAssignor';
import { rangeAssignor } from './rangeAssignor';
import { roundRobinAssignor } from './roundRobinAssignor';
import { stickyAssignor } from './stickyAssignor';
import type { AssignorName, PartitionAssignor, RebalanceProtocol } from './types';

export const ASSIGNORS: Readonly<Record<AssignorName, PartitionAssignor>> = {
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  sticky: stickyAssignor,
  'cooperative-sticky': cooperativeStickyAssignor,
};

/** partition.assignment.strategy default since 3.0: [RangeAssignor, CooperativeStickyAssignor]. */
export const DEFAULT_ASSIGNMENT_STRATEGY: readonly AssignorName[] = ['range', 'cooperative-sticky'];

/**
 * The protocol a consumer uses: the highest one every configured assignor supports (ConsumerCoordinator
 * constructor). With the default list that is EAGER, because range supports only EAGER.
 */
export function rebalanceProtocolFor(strategy: readonly AssignorName[]): RebalanceProtocol {
  const all = strategy.map((n) => ASSIGNORS[n].supportedProtocols);
  return all.every((p) => p.includes('COOPERATIVE')) ? 'COOPERATIVE' : 'EAGER';
}

/**
 * ClassicGroup#selectProtocol: among assignors every member supports, the one with most votes, each
 * member voting for its first supported candidate. Ties go to the first candidate in the order seen.
 */
export function selectGroupAssignor(
  memberStrategies: readonly (readonly AssignorName[])[],
): AssignorName | null {
  if (memberStrategies.length === 0) return null;
  const candidates = memberStrategies[0].filter((n) => memberStrategies.every((s) => s.includes(n)));
  if (candidates.length === 0) return null;
  const votes = new Map<AssignorName, number>(candidates.map((c) => [c, 0]));
  for (const s of memberStrategies) {
    const vote = s.find((n) => votes.has(n))!;
    votes.set(vote, (votes.get(vote) as number) + 1);
  }
  let best = candidates[0];
  for (const c of candidates) if ((votes.get(c) as number) > (votes.get(best) as number)) best = c;
  return best;
}
