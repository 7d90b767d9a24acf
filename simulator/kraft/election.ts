// Leader election rules of the KRaft controller (PartitionChangeBuilder#electLeader / electAnyLeader).
import type { BrokerId, Partition } from '../cluster/types';

export type ElectionChoice =
  | { kind: 'clean'; leader: BrokerId }
  | { kind: 'unclean'; leader: BrokerId }
  | { kind: 'none' };

/**
 * Clean: the first replica in replica order that is in the ISR and acceptable (registered, unfenced).
 * Unclean (only if allowed): the first acceptable replica in replica order, in or out of the ISR.
 */
export function chooseLeader(
  part: Pick<Partition, 'replicas'>,
  isr: readonly BrokerId[],
  acceptable: (id: BrokerId) => boolean,
  allowUnclean: boolean,
): ElectionChoice {
  for (const id of part.replicas)
    if (isr.includes(id) && acceptable(id)) return { kind: 'clean', leader: id };
  if (allowUnclean)
    for (const id of part.replicas) if (acceptable(id)) return { kind: 'unclean', leader: id };
  return { kind: 'none' };
}

/** Without ELR the controller never empties the ISR: the last member stays listed even when it is down. */
export function isrWithout(isr: readonly BrokerId[], id: BrokerId): BrokerId[] {
  const rest = isr.filter((x) => x !== id);
  return rest.length > 0 ? rest : [...isr];
}
