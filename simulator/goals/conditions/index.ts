// The registry of goal-condition kinds: one line per kind. To add a kind, write conditions/<kind>.ts exporting a
// ConditionKind and list it here.
import type { ConditionKind } from '../types';
import { brokerReplicaCount } from './brokerReplicaCount';
import { brokerState } from './brokerState';
import { distinctKeys } from './distinctKeys';
import { groupLag } from './groupLag';
import { groupMembersAssigned } from './groupMembersAssigned';
import { groupOffset } from './groupOffset';
import { groupRecordsReceived } from './groupRecordsReceived';
import { isrSize } from './isrSize';
import { keyLatestValue } from './keyLatestValue';
import { keyRecordCount } from './keyRecordCount';
import { keysRoutedByHash } from './keysRoutedByHash';
import { partitionRecordCount } from './partitionRecordCount';
import { partitionsOnline } from './partitionsOnline';
import { preferredLeaders } from './preferredLeaders';
import { producerConfig } from './producerConfig';
import { recordExists } from './recordExists';
import { schemaSubject } from './schemaSubject';
import { topicConfig } from './topicConfig';
import { topicPartitionCount } from './topicPartitionCount';
import { topicReplicationFactor } from './topicReplicationFactor';

export const CONDITION_KINDS: readonly ConditionKind[] = [
  brokerReplicaCount,
  brokerState,
  distinctKeys,
  groupLag,
  groupOffset,
  groupMembersAssigned,
  groupRecordsReceived,
  isrSize,
  keyLatestValue,
  keyRecordCount,
  keysRoutedByHash,
  partitionRecordCount,
  partitionsOnline,
  preferredLeaders,
  producerConfig,
  recordExists,
  schemaSubject,
  topicConfig,
  topicPartitionCount,
  topicReplicationFactor,
];
