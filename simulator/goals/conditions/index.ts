// The registry of goal-condition kinds: one line per kind. To add a kind, write conditions/<kind>.ts exporting a
// ConditionKind and list it here.
import type { ConditionKind } from '../types';
import { aclAllows } from './aclAllows';
import { alertState } from './alertState';
import { brokerReplicaCount } from './brokerReplicaCount';
import { brokerState } from './brokerState';
import { burrowStatus } from './burrowStatus';
import { clientQuota } from './clientQuota';
import { connectTasks } from './connectTasks';
import { distinctKeys } from './distinctKeys';
import { groupLag } from './groupLag';
import { groupMembersAssigned } from './groupMembersAssigned';
import { groupOffset } from './groupOffset';
import { groupRecordsReceived } from './groupRecordsReceived';
import { isrSize } from './isrSize';
import { keyLatestValue } from './keyLatestValue';
import { keyRecordCount } from './keyRecordCount';
import { keysRoutedByHash } from './keysRoutedByHash';
import { mirrorFailover } from './mirrorFailover';
import { partitionRecordCount } from './partitionRecordCount';
import { partitionsOnline } from './partitionsOnline';
import { preferredLeaders } from './preferredLeaders';
import { producerConfig } from './producerConfig';
import { promqlQuery } from './promqlQuery';
import { rabbitQueue } from './rabbitQueue';
import { recordExists } from './recordExists';
import { schemaSubject } from './schemaSubject';
import { streamsApp } from './streamsApp';
import { topicConfig } from './topicConfig';
import { topicPartitionCount } from './topicPartitionCount';
import { topicReplicationFactor } from './topicReplicationFactor';

export const CONDITION_KINDS: readonly ConditionKind[] = [
  aclAllows,
  alertState,
  brokerReplicaCount,
  brokerState,
  burrowStatus,
  clientQuota,
  connectTasks,
  distinctKeys,
  groupLag,
  groupOffset,
  groupMembersAssigned,
  groupRecordsReceived,
  isrSize,
  keyLatestValue,
  keyRecordCount,
  keysRoutedByHash,
  mirrorFailover,
  partitionRecordCount,
  partitionsOnline,
  preferredLeaders,
  producerConfig,
  promqlQuery,
  rabbitQueue,
  recordExists,
  streamsApp,
  schemaSubject,
  topicConfig,
  topicPartitionCount,
  topicReplicationFactor,
];
