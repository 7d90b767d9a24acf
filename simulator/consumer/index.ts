// The consumer area: consumer clients, classic consumer groups (the group coordinator), committed offsets
// and lag (state.areas.consumers). Folders: assignors/ (ConsumerPartitionAssignor implementations),
// group/ (the coordinator's state machine), client/ (KafkaConsumer), offsets/ (commits, resets, lag).
import { defineArea } from '../engine/registry';
import { consumerCommands } from './commands';
import { consumerHooks } from './hooks';
import { consumerTasks } from './tasks';

export const consumerArea = defineArea({
  name: 'consumer',
  init: (state) => {
    state.areas.consumers = { groups: {}, consumers: {}, clientSequence: 1 };
  },
  commands: consumerCommands,
  tasks: consumerTasks,
  hooks: consumerHooks,
});

export { ASSIGNORS, DEFAULT_ASSIGNMENT_STRATEGY, rebalanceProtocolFor } from './assignors/index';
export type { AssignorName, RebalanceProtocol, TopicPartition } from './assignors/types';
export { CONSUMER_DEFAULTS } from './client/config';
export type {
  ConsumerGroupView,
  DescribeMemberRow,
  DescribeOffsetRow,
  DescribeStateRow,
} from './group/describe';
export { CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor } from './group/offsetsTopic';
export type { ClassicGroup, GroupMember, GroupStateName } from './group/types';
export { GROUP_INITIAL_REBALANCE_DELAY_MS } from './group/types';
export type { ReadCommittedView } from './leaderReads';
export type { PartitionLag } from './offsets/lag';
export type { ResetSpec } from './offsets/offsetReset';
export * from './reads';
export type {
  ConsumerArea,
  ConsumerClient,
  ConsumerConfig,
  ConsumerCreateConfig,
  GroupRecord,
  IsolationLevel,
  LagSample,
  OffsetEntry,
} from './types';
