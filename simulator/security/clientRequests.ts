// The requests the simulation's clients send, and what the authorization gate answers for each.

import type { ConcreteResourceType } from './aclTypes';
import type { AuthorizationDecision, RequestContext } from './authorizer';
import type { ClientException, SecurityErrorName } from './errors';

/** A config resource of DescribeConfigs / AlterConfigs (ConfigResource.Type). */
export type ConfigResourceRef = { type: 'TOPIC' | 'BROKER' | 'BROKER_LOGGER' | 'GROUP'; name: string };

/**
 * The requests the simulation's clients send. Topic lists: one entry per reference the request carries
 * (Fetch/ListOffsets list a topic once per partition), which is the resourceRefCount the audit log shows.
 */
export type ClientRequest =
  | { api: 'Produce'; topics: string[]; transactionalId: string | null; transactional: boolean }
  | { api: 'Fetch'; topics: string[]; fromFollower?: boolean }
  | { api: 'ListOffsets'; topics: string[] }
  | {
      api: 'Metadata';
      /** null = all topics (the unauthorized ones are silently left out). */
      topics: string[] | null;
      allowAutoTopicCreation: boolean;
      /** auto.create.topics.enable on the broker. */
      autoCreateTopicsEnable: boolean;
      existingTopics: string[];
    }
  | { api: 'OffsetCommit'; groupId: string; topics: string[] }
  | { api: 'OffsetFetch'; groupId: string; topics: string[] }
  | { api: 'FindCoordinator'; keyType: 'GROUP' | 'TRANSACTION'; key: string }
  | {
      api: 'JoinGroup' | 'SyncGroup' | 'Heartbeat' | 'LeaveGroup' | 'ConsumerGroupHeartbeat';
      groupId: string;
    }
  | { api: 'DescribeGroups'; groupIds: string[] }
  | { api: 'ListGroups'; existingGroups: string[] }
  | { api: 'DeleteGroups'; groupIds: string[] }
  | { api: 'CreateTopics'; topics: string[] }
  | { api: 'DeleteTopics'; topics: string[] }
  | { api: 'DeleteRecords'; topics: string[] }
  | { api: 'CreatePartitions'; topics: string[] }
  | { api: 'DescribeConfigs'; resources: ConfigResourceRef[] }
  | { api: 'AlterConfigs' | 'IncrementalAlterConfigs'; resources: ConfigResourceRef[] }
  | { api: 'InitProducerId'; transactionalId: string | null }
  | { api: 'AddPartitionsToTxn'; transactionalId: string; topics: string[] }
  | { api: 'AddOffsetsToTxn'; transactionalId: string; groupId: string }
  | { api: 'TxnOffsetCommit'; transactionalId: string; groupId: string; topics: string[] }
  | { api: 'EndTxn'; transactionalId: string }
  /** The transactional ids the coordinators hold (the response keeps the describable ones). */
  | { api: 'ListTransactions'; transactionalIds: string[] }
  /** `topics`: the topics of the transaction's partitions (the response keeps the describable ones). */
  | { api: 'DescribeTransactions'; transactionalIds: string[]; topics: string[] }
  | { api: 'DescribeProducers'; topics: string[] }
  /** Admin#abortTransaction sends it to the partition leader (KIP-664). */
  | { api: 'WriteTxnMarkers' }
  | {
      api:
        | 'CreateAcls'
        | 'DeleteAcls'
        | 'DescribeAcls'
        | 'DescribeClientQuotas'
        | 'AlterClientQuotas'
        | 'DescribeUserScramCredentials'
        | 'AlterUserScramCredentials'
        | 'AlterPartitionReassignments'
        | 'ListPartitionReassignments'
        | 'ElectLeaders'
        | 'DescribeLogDirs'
        | 'DescribeQuorum';
    };

export type ApiName = ClientRequest['api'];

export type RefusedResource = { resourceType: ConcreteResourceType; name: string; error: SecurityErrorName };

export type RequestAuthorization = {
  api: ApiName;
  /** True when nothing in the request was refused. */
  allowed: boolean;
  /** The whole request refused with this error (a top-level error code). */
  error: SecurityErrorName | null;
  /** Parts refused one by one (per topic/group/config resource), the rest goes ahead. */
  refused: RefusedResource[];
  /** Topics the handler may act on (empty when the whole request was refused). */
  authorizedTopics: string[];
  /** ListGroups: the groups the principal may see (the others are silently left out). */
  authorizedGroups?: string[];
  /** ListTransactions / DescribeTransactions: the transactional ids the principal may see. */
  authorizedTransactionalIds?: string[];
  /** Every authorizer call, in the handler's order, each with its audit record. */
  decisions: AuthorizationDecision[];
  /** What the Java client raises, if anything. */
  clientException: ClientException | null;
};

export type Principal = RequestContext['principal'];

export type AuthorizeRequestOptions = {
  /**
   * Before Kafka 2.8 an idempotent producer's InitProducerId needed IDEMPOTENT_WRITE on the cluster; since
   * KIP-679 (2.8) WRITE on any topic is enough (Authorizer#authorizeByResourceType). Default: the current rule.
   */
  legacyIdempotentWrite?: boolean;
};
