// The "what each API needs" table as data, for the lesson and the request-path view (security.html
// "Operations and Resources on Protocols", as apiPermissions.ts checks them).

import type { ApiName } from './apiPermissions';

/** One line of the "what each API needs" table (for the lesson and the request-path view). */
export type ApiPermissionRow = {
  api: ApiName;
  needs: string;
  refusal: string;
  source: string;
};

/** security.html "Operations and Resources on Protocols", as this module checks them. */
export const API_PERMISSIONS: readonly ApiPermissionRow[] = [
  {
    api: 'Produce',
    needs: 'WRITE on each Topic; with transactional records first WRITE on the TransactionalId',
    refusal: 'TOPIC_AUTHORIZATION_FAILED per topic; TRANSACTIONAL_ID_AUTHORIZATION_FAILED for the request',
    source: 'KafkaApis#handleProduceRequest',
  },
  {
    api: 'InitProducerId',
    needs:
      'transactional: WRITE on the TransactionalId; idempotent: IDEMPOTENT_WRITE on the Cluster or (since 2.8, KIP-679) WRITE on any Topic',
    refusal: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED / CLUSTER_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleInitProducerIdRequest',
  },
  {
    api: 'Fetch',
    needs: 'consumer: READ on each Topic; follower: CLUSTER_ACTION on the Cluster',
    refusal: 'TOPIC_AUTHORIZATION_FAILED per partition',
    source: 'KafkaApis#handleFetchRequest',
  },
  {
    api: 'ListOffsets',
    needs: 'DESCRIBE on each Topic',
    refusal: 'TOPIC_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleListOffsetRequest',
  },
  {
    api: 'Metadata',
    needs: 'DESCRIBE on each Topic; auto-creation: CREATE on the Cluster, else CREATE on the Topic',
    refusal: 'TOPIC_AUTHORIZATION_FAILED (all-topics requests silently omit undescribable topics)',
    source: 'KafkaApis#handleTopicMetadataRequest',
  },
  {
    api: 'FindCoordinator',
    needs: 'DESCRIBE on the Group, or DESCRIBE on the TransactionalId',
    refusal: 'GROUP_AUTHORIZATION_FAILED / TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleFindCoordinatorRequest',
  },
  {
    api: 'JoinGroup',
    needs: 'READ on the Group (also SyncGroup, Heartbeat, LeaveGroup, ConsumerGroupHeartbeat)',
    refusal: 'GROUP_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleJoinGroupRequest',
  },
  {
    api: 'OffsetCommit',
    needs: 'READ on the Group, then READ on each Topic',
    refusal: 'GROUP_AUTHORIZATION_FAILED for the request; TOPIC_AUTHORIZATION_FAILED per topic',
    source: 'KafkaApis#handleOffsetCommitRequest',
  },
  {
    api: 'OffsetFetch',
    needs: 'DESCRIBE on the Group, then DESCRIBE on each Topic',
    refusal: 'GROUP_AUTHORIZATION_FAILED; TOPIC_AUTHORIZATION_FAILED per topic',
    source: 'KafkaApis#handleOffsetFetchRequest',
  },
  {
    api: 'DescribeGroups',
    needs: 'DESCRIBE on each Group',
    refusal: 'GROUP_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleDescribeGroupsRequest',
  },
  {
    api: 'ListGroups',
    needs: 'DESCRIBE on the Cluster, else only groups with DESCRIBE are listed',
    refusal: 'none: unauthorized groups are omitted',
    source: 'KafkaApis#handleListGroupsRequest',
  },
  {
    api: 'DeleteGroups',
    needs: 'DELETE on each Group',
    refusal: 'GROUP_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleDeleteGroupsRequest',
  },
  {
    api: 'CreateTopics',
    needs: 'CREATE on the Cluster, else CREATE on each Topic (DESCRIBE_CONFIGS to see the configs)',
    refusal: 'TOPIC_AUTHORIZATION_FAILED "Authorization failed."',
    source: 'ControllerApis#createTopics',
  },
  {
    api: 'DeleteTopics',
    needs: 'DELETE on the Cluster, else DESCRIBE and DELETE on each Topic',
    refusal: 'TOPIC_AUTHORIZATION_FAILED',
    source: 'ControllerApis#deleteTopics',
  },
  {
    api: 'DeleteRecords',
    needs: 'DELETE on each Topic',
    refusal: 'TOPIC_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleDeleteRecordsRequest',
  },
  {
    api: 'CreatePartitions',
    needs: 'ALTER on each Topic',
    refusal: 'TOPIC_AUTHORIZATION_FAILED',
    source: 'ControllerApis#handleCreatePartitions',
  },
  {
    api: 'DescribeConfigs',
    needs: 'DESCRIBE_CONFIGS on the Topic / Group, or on the Cluster for broker configs',
    refusal: 'TOPIC_ / GROUP_ / CLUSTER_AUTHORIZATION_FAILED per resource',
    source: 'ConfigHelper#handleDescribeConfigsRequest',
  },
  {
    api: 'IncrementalAlterConfigs',
    needs: 'ALTER_CONFIGS on the Topic / Group, or on the Cluster for broker configs',
    refusal: 'TOPIC_ / GROUP_ / CLUSTER_AUTHORIZATION_FAILED per resource',
    source: 'ControllerApis#handleIncrementalAlterConfigs',
  },
  {
    api: 'AddPartitionsToTxn',
    needs: 'WRITE on the TransactionalId, WRITE on each Topic',
    refusal: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED; TOPIC_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleAddPartitionsToTxnRequest',
  },
  {
    api: 'AddOffsetsToTxn',
    needs: 'WRITE on the TransactionalId, READ on the Group',
    refusal: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED; GROUP_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleAddOffsetsToTxnRequest',
  },
  {
    api: 'TxnOffsetCommit',
    needs: 'WRITE on the TransactionalId, READ on the Group, READ on each Topic',
    refusal: 'TRANSACTIONAL_ID_ / GROUP_ / TOPIC_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleTxnOffsetCommitRequest',
  },
  {
    api: 'EndTxn',
    needs: 'WRITE on the TransactionalId',
    refusal: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleEndTxnRequest',
  },
  {
    api: 'CreateAcls',
    needs: 'ALTER on the Cluster (DeleteAcls too; DescribeAcls: DESCRIBE)',
    refusal: 'CLUSTER_AUTHORIZATION_FAILED',
    source: 'AclApis#handleCreateAcls',
  },
  {
    api: 'AlterClientQuotas',
    needs: 'ALTER_CONFIGS on the Cluster (DescribeClientQuotas: DESCRIBE_CONFIGS)',
    refusal: 'CLUSTER_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleAlterClientQuotasRequest',
  },
  {
    api: 'AlterUserScramCredentials',
    needs: 'ALTER on the Cluster (DescribeUserScramCredentials: DESCRIBE)',
    refusal: 'CLUSTER_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleAlterUserScramCredentialsRequest',
  },
  {
    api: 'ListTransactions',
    needs: 'DESCRIBE on each TransactionalId listed',
    refusal: 'none: transactional ids the principal may not describe are left out',
    source: 'KafkaApis#handleListTransactionsRequest',
  },
  {
    api: 'DescribeTransactions',
    needs: 'DESCRIBE on the TransactionalId; DESCRIBE on a Topic to see its partitions',
    refusal: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED; partitions of other topics are left out',
    source: 'KafkaApis#handleDescribeTransactionsRequest',
  },
  {
    api: 'DescribeProducers',
    needs: 'READ on the Topic',
    refusal: 'TOPIC_AUTHORIZATION_FAILED per partition',
    source: 'KafkaApis#handleDescribeProducersRequest',
  },
  {
    api: 'WriteTxnMarkers',
    needs: 'ALTER or CLUSTER_ACTION on the Cluster (kafka-transactions.sh abort sends it)',
    refusal: 'CLUSTER_AUTHORIZATION_FAILED',
    source: 'KafkaApis#handleWriteTxnMarkersRequest',
  },
  {
    api: 'DescribeQuorum',
    needs: 'DESCRIBE on the Cluster',
    refusal: 'CLUSTER_AUTHORIZATION_FAILED',
    source: 'ControllerApis#handleDescribeQuorum',
  },
];
