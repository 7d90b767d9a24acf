// What each request needs, checked the way the broker's handlers check it (KafkaApis, ControllerApis,
// AclApis, ConfigHelper; security.html "Operations and Resources on Protocols"). authorizeRequest is the one
// gate every simulated client request goes through: it asks the authorizer, in the handler's order, and
// says what the broker answers and what the Java client raises.

import { CLUSTER_NAME, type ConcreteOperation, type ConcreteResourceType } from './aclTypes';
import {
  type AuthorizationAction,
  type AuthorizationDecision,
  type AuthorizerState,
  authorize,
  authorizeByResourceType,
  type RequestContext,
} from './authorizer';
import {
  type ClientException,
  defaultException,
  groupAuthorizationException,
  type SecurityErrorName,
  topicAuthorizationException,
} from './errors';

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
        | 'DescribeLogDirs';
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

/** One request being authorized: collects the authorizer's decisions in the handler's order. */
function checker(state: AuthorizerState, context: RequestContext) {
  const decisions: AuthorizationDecision[] = [];
  const check = (
    operation: ConcreteOperation,
    resourceType: ConcreteResourceType,
    resourceName: string,
    opts: Partial<Pick<AuthorizationAction, 'resourceReferenceCount' | 'logIfAllowed' | 'logIfDenied'>> = {},
  ): boolean => {
    const d = authorize(state, context, { operation, resourceType, resourceName, ...opts });
    decisions.push(d);
    return d.result === 'ALLOWED';
  };
  return {
    decisions,
    check,
    byResourceType(operation: ConcreteOperation, resourceType: ConcreteResourceType): boolean {
      const r = authorizeByResourceType(state, context, operation, resourceType);
      decisions.push(r.probe);
      return r.result === 'ALLOWED';
    },
    /** AuthHelper#filterByAuthorized: one decision per distinct name, refCount = references. */
    filter(
      operation: ConcreteOperation,
      resourceType: ConcreteResourceType,
      names: readonly string[],
      opts: { logIfDenied?: boolean } = {},
    ): Set<string> {
      const counts = new Map<string, number>();
      for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
      const ok = new Set<string>();
      for (const [name, count] of counts) {
        if (check(operation, resourceType, name, { resourceReferenceCount: count, ...opts })) ok.add(name);
      }
      return ok;
    },
  };
}

type Checker = ReturnType<typeof checker>;

function distinct(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function done(
  api: ApiName,
  c: Checker,
  r: {
    error?: SecurityErrorName | null;
    refused?: RefusedResource[];
    authorizedTopics?: string[];
    clientException?: ClientException | null;
  },
): RequestAuthorization {
  const error = r.error ?? null;
  const refused = r.refused ?? [];
  return {
    api,
    allowed: error === null && refused.length === 0,
    error,
    refused,
    authorizedTopics: error === null ? (r.authorizedTopics ?? []) : [],
    decisions: c.decisions,
    clientException: r.clientException ?? null,
  };
}

function refusedTopics(names: readonly string[]): RefusedResource[] {
  return distinct(names).map((name) => ({
    resourceType: 'TOPIC',
    name,
    error: 'TOPIC_AUTHORIZATION_FAILED',
  }));
}

/** A topic list check: which names pass, which are refused with TOPIC_AUTHORIZATION_FAILED. */
function topicCheck(
  api: ApiName,
  c: Checker,
  op: ConcreteOperation,
  topics: readonly string[],
): RequestAuthorization {
  const ok = c.filter(op, 'TOPIC', topics);
  const bad = distinct(topics).filter((t) => !ok.has(t));
  return done(api, c, {
    refused: refusedTopics(bad),
    authorizedTopics: distinct(topics).filter((t) => ok.has(t)),
    clientException: bad.length > 0 ? topicAuthorizationException(bad) : null,
  });
}

const CLUSTER_API_OPERATION: Record<string, ConcreteOperation> = {
  CreateAcls: 'ALTER',
  DeleteAcls: 'ALTER',
  DescribeAcls: 'DESCRIBE',
  DescribeClientQuotas: 'DESCRIBE_CONFIGS',
  AlterClientQuotas: 'ALTER_CONFIGS',
  DescribeUserScramCredentials: 'DESCRIBE',
  AlterUserScramCredentials: 'ALTER',
  AlterPartitionReassignments: 'ALTER',
  ListPartitionReassignments: 'DESCRIBE',
  ElectLeaders: 'ALTER',
  DescribeLogDirs: 'DESCRIBE',
};

function configResourceCheck(
  api: 'DescribeConfigs' | 'AlterConfigs' | 'IncrementalAlterConfigs',
  c: Checker,
  resources: readonly ConfigResourceRef[],
): RequestAuthorization {
  const op: ConcreteOperation = api === 'DescribeConfigs' ? 'DESCRIBE_CONFIGS' : 'ALTER_CONFIGS';
  const refused: RefusedResource[] = [];
  const authorizedTopics: string[] = [];
  for (const r of resources) {
    if (r.type === 'TOPIC') {
      if (c.check(op, 'TOPIC', r.name)) authorizedTopics.push(r.name);
      else refused.push({ resourceType: 'TOPIC', name: r.name, error: 'TOPIC_AUTHORIZATION_FAILED' });
    } else if (r.type === 'GROUP') {
      if (!c.check(op, 'GROUP', r.name)) {
        refused.push({ resourceType: 'GROUP', name: r.name, error: 'GROUP_AUTHORIZATION_FAILED' });
      }
    } else if (!c.check(op, 'CLUSTER', CLUSTER_NAME)) {
      refused.push({ resourceType: 'CLUSTER', name: CLUSTER_NAME, error: 'CLUSTER_AUTHORIZATION_FAILED' });
    }
  }
  const first = refused[0];
  return done(api, c, {
    refused,
    authorizedTopics,
    clientException: first ? defaultException(first.error) : null,
  });
}

/**
 * Authorize one client request exactly as the broker's handler for it does. This is the only place the
 * simulation decides whether a client may perform an operation.
 */
export function authorizeRequest(
  state: AuthorizerState,
  who: { principal: Principal; clientAddress: string },
  request: ClientRequest,
  options: AuthorizeRequestOptions = {},
): RequestAuthorization {
  const c = checker(state, { ...who, requestName: request.api });
  switch (request.api) {
    case 'Produce': {
      // KafkaApis#handleProduceRequest: transactional records need WRITE on the transactional id first.
      if (request.transactional) {
        const ok =
          request.transactionalId !== null && c.check('WRITE', 'TRANSACTIONAL_ID', request.transactionalId);
        if (!ok) {
          return done('Produce', c, {
            error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
            clientException: defaultException('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'),
          });
        }
      }
      return topicCheck('Produce', c, 'WRITE', request.topics);
    }
    case 'Fetch': {
      if (request.fromFollower) {
        // Followers need CLUSTER_ACTION on the cluster, else every partition is TOPIC_AUTHORIZATION_FAILED.
        if (c.check('CLUSTER_ACTION', 'CLUSTER', CLUSTER_NAME)) {
          return done('Fetch', c, { authorizedTopics: distinct(request.topics) });
        }
        return done('Fetch', c, { refused: refusedTopics(request.topics) });
      }
      return topicCheck('Fetch', c, 'READ', request.topics);
    }
    case 'ListOffsets':
      return topicCheck('ListOffsets', c, 'DESCRIBE', request.topics);
    case 'Metadata': {
      // KafkaApis#handleTopicMetadataRequest: DESCRIBE each topic (silently for "all topics"), then, for
      // authorized topics that do not exist and may be auto-created, CREATE on the cluster or on the topic.
      const all = request.topics === null;
      const topics = distinct(request.topics ?? request.existingTopics);
      const describable = c.filter('DESCRIBE', 'TOPIC', topics, { logIfDenied: !all });
      let authorized = topics.filter((t) => describable.has(t));
      const notDescribable = all ? [] : topics.filter((t) => !describable.has(t));
      let notCreatable: string[] = [];
      const missing = authorized.filter((t) => !request.existingTopics.includes(t));
      if (request.allowAutoTopicCreation && request.autoCreateTopicsEnable && missing.length > 0) {
        if (!c.check('CREATE', 'CLUSTER', CLUSTER_NAME, { logIfDenied: false })) {
          const creatable = c.filter('CREATE', 'TOPIC', missing);
          notCreatable = missing.filter((t) => !creatable.has(t));
          authorized = authorized.filter((t) => !notCreatable.includes(t));
        }
      }
      const bad = [...notCreatable, ...notDescribable];
      return done('Metadata', c, {
        refused: refusedTopics(bad),
        authorizedTopics: authorized,
        clientException: bad.length > 0 ? topicAuthorizationException(bad) : null,
      });
    }
    case 'OffsetCommit': {
      // READ on the group first (the whole request), then READ on each topic.
      if (!c.check('READ', 'GROUP', request.groupId)) {
        return done('OffsetCommit', c, {
          error: 'GROUP_AUTHORIZATION_FAILED',
          clientException: groupAuthorizationException(request.groupId),
        });
      }
      return topicCheck('OffsetCommit', c, 'READ', request.topics);
    }
    case 'OffsetFetch': {
      if (!c.check('DESCRIBE', 'GROUP', request.groupId)) {
        return done('OffsetFetch', c, {
          error: 'GROUP_AUTHORIZATION_FAILED',
          clientException: groupAuthorizationException(request.groupId),
        });
      }
      return topicCheck('OffsetFetch', c, 'DESCRIBE', request.topics);
    }
    case 'FindCoordinator': {
      if (request.keyType === 'GROUP') {
        if (!c.check('DESCRIBE', 'GROUP', request.key)) {
          return done('FindCoordinator', c, {
            error: 'GROUP_AUTHORIZATION_FAILED',
            clientException: groupAuthorizationException(request.key),
          });
        }
      } else if (!c.check('DESCRIBE', 'TRANSACTIONAL_ID', request.key)) {
        return done('FindCoordinator', c, {
          error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
          clientException: defaultException('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'),
        });
      }
      return done('FindCoordinator', c, {});
    }
    case 'JoinGroup':
    case 'SyncGroup':
    case 'Heartbeat':
    case 'LeaveGroup':
    case 'ConsumerGroupHeartbeat': {
      if (!c.check('READ', 'GROUP', request.groupId)) {
        return done(request.api, c, {
          error: 'GROUP_AUTHORIZATION_FAILED',
          clientException: groupAuthorizationException(request.groupId),
        });
      }
      return done(request.api, c, {});
    }
    case 'DescribeGroups':
    case 'DeleteGroups': {
      const op: ConcreteOperation = request.api === 'DescribeGroups' ? 'DESCRIBE' : 'DELETE';
      const refused: RefusedResource[] = [];
      for (const g of distinct(request.groupIds)) {
        if (!c.check(op, 'GROUP', g))
          refused.push({ resourceType: 'GROUP', name: g, error: 'GROUP_AUTHORIZATION_FAILED' });
      }
      return done(request.api, c, {
        refused,
        clientException: refused.length > 0 ? groupAuthorizationException(refused[0].name) : null,
      });
    }
    case 'ListGroups': {
      // DESCRIBE on the cluster lists every group; otherwise groups without DESCRIBE are silently left out.
      if (!c.check('DESCRIBE', 'CLUSTER', CLUSTER_NAME, { logIfDenied: false })) {
        for (const g of request.existingGroups) c.check('DESCRIBE', 'GROUP', g, { logIfDenied: false });
      }
      return done('ListGroups', c, {});
    }
    case 'CreateTopics': {
      // ControllerApis#createTopics: CREATE on the cluster covers every topic, else CREATE on each topic;
      // DESCRIBE_CONFIGS decides only whether the configs are returned (logged at TRACE when denied).
      const names = distinct(request.topics);
      const clusterOk = c.check('CREATE', 'CLUSTER', CLUSTER_NAME, { logIfDenied: false });
      const ok = clusterOk ? new Set(names) : c.filter('CREATE', 'TOPIC', names);
      c.filter('DESCRIBE_CONFIGS', 'TOPIC', names, { logIfDenied: false });
      const bad = names.filter((t) => !ok.has(t));
      return done('CreateTopics', c, {
        refused: refusedTopics(bad),
        authorizedTopics: names.filter((t) => ok.has(t)),
        // The Admin client builds the exception from the response's message "Authorization failed.".
        clientException:
          bad.length > 0
            ? { className: 'TopicAuthorizationException', message: 'Authorization failed.' }
            : null,
      });
    }
    case 'DeleteTopics': {
      const names = distinct(request.topics);
      if (c.check('DELETE', 'CLUSTER', CLUSTER_NAME, { logIfDenied: false })) {
        return done('DeleteTopics', c, { authorizedTopics: names });
      }
      const describable = c.filter('DESCRIBE', 'TOPIC', names);
      const deletable = c.filter('DELETE', 'TOPIC', names);
      const bad = names.filter((t) => !describable.has(t) || !deletable.has(t));
      return done('DeleteTopics', c, {
        refused: refusedTopics(bad),
        authorizedTopics: names.filter((t) => !bad.includes(t)),
        clientException: bad.length > 0 ? defaultException('TOPIC_AUTHORIZATION_FAILED') : null,
      });
    }
    case 'DeleteRecords':
      return topicCheck('DeleteRecords', c, 'DELETE', request.topics);
    case 'CreatePartitions':
      return topicCheck('CreatePartitions', c, 'ALTER', request.topics);
    case 'DescribeConfigs':
    case 'AlterConfigs':
    case 'IncrementalAlterConfigs':
      return configResourceCheck(request.api, c, request.resources);
    case 'InitProducerId': {
      if (request.transactionalId !== null) {
        if (!c.check('WRITE', 'TRANSACTIONAL_ID', request.transactionalId)) {
          return done('InitProducerId', c, {
            error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
            clientException: defaultException('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'),
          });
        }
        return done('InitProducerId', c, {});
      }
      // Idempotent producer: IDEMPOTENT_WRITE on the cluster (denial not logged), or since KIP-679 WRITE on
      // at least one topic.
      const idem = c.check('IDEMPOTENT_WRITE', 'CLUSTER', CLUSTER_NAME, {
        logIfAllowed: true,
        logIfDenied: false,
      });
      if (!idem && (options.legacyIdempotentWrite || !c.byResourceType('WRITE', 'TOPIC'))) {
        return done('InitProducerId', c, {
          error: 'CLUSTER_AUTHORIZATION_FAILED',
          clientException: defaultException('CLUSTER_AUTHORIZATION_FAILED'),
        });
      }
      return done('InitProducerId', c, {});
    }
    case 'AddPartitionsToTxn': {
      if (!c.check('WRITE', 'TRANSACTIONAL_ID', request.transactionalId)) {
        return done('AddPartitionsToTxn', c, {
          error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
          clientException: defaultException('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'),
        });
      }
      // Any refused topic fails the whole transaction step (the others get OPERATION_NOT_ATTEMPTED).
      return topicCheck('AddPartitionsToTxn', c, 'WRITE', request.topics);
    }
    case 'AddOffsetsToTxn':
    case 'TxnOffsetCommit': {
      if (!c.check('WRITE', 'TRANSACTIONAL_ID', request.transactionalId)) {
        return done(request.api, c, {
          error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
          clientException: defaultException('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'),
        });
      }
      if (!c.check('READ', 'GROUP', request.groupId)) {
        return done(request.api, c, {
          error: 'GROUP_AUTHORIZATION_FAILED',
          clientException: groupAuthorizationException(request.groupId),
        });
      }
      if (request.api === 'TxnOffsetCommit') return topicCheck('TxnOffsetCommit', c, 'READ', request.topics);
      return done('AddOffsetsToTxn', c, {});
    }
    case 'EndTxn': {
      if (!c.check('WRITE', 'TRANSACTIONAL_ID', request.transactionalId)) {
        return done('EndTxn', c, {
          error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
          clientException: defaultException('TRANSACTIONAL_ID_AUTHORIZATION_FAILED'),
        });
      }
      return done('EndTxn', c, {});
    }
    default: {
      // Admin APIs that need one operation on the cluster (AuthHelper#authorizeClusterOperation and friends).
      const op = CLUSTER_API_OPERATION[request.api];
      if (!c.check(op, 'CLUSTER', CLUSTER_NAME)) {
        return done(request.api, c, {
          error: 'CLUSTER_AUTHORIZATION_FAILED',
          clientException: defaultException('CLUSTER_AUTHORIZATION_FAILED'),
        });
      }
      return done(request.api, c, {});
    }
  }
}

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
];
