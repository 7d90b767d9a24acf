// StickyAssignor ("sticky"): the sticky engine under the EAGER protocol. Members revoke everything before
// joining, but their last assignment travels in the subscription user data, so the leader still keeps
// partitions where they were (StickyAssignor.java, KIP-54).
import { stickyAssign } from './abstractSticky';
import type { PartitionAssignor } from './types';

export const stickyAssignor: PartitionAssignor = {
  name: 'sticky',
  supportedProtocols: ['EAGER'],
  assign: (partitionsPerTopic, subscriptions) => stickyAssign(partitionsPerTopic, subscriptions).assignment,
};
