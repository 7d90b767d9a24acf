// What each request needs, checked the way the broker's handlers check it (KafkaApis, ControllerApis,
// AclApis, ConfigHelper; security.html "Operations and Resources on Protocols"). authorizeRequest is the one
// gate every simulated client request goes through: it asks the authorizer, in the handler's order, and
// says what the broker answers and what the Java client raises.

import { CLUSTER_NAME, type ConcreteOperation } from './aclTypes';
import type { AuthorizerState } from './authorizer';
import type {
  AuthorizeRequestOptions,
  ClientRequest,
  ConfigResourceRef,
  Principal,
  RefusedResource,
  RequestAuthorization,
} from './clientRequests';
import { defaultException, groupAuthorizationException, topicAuthorizationException } from './errors';
import { type Checker, checker, distinct, done, refusedTopics, topicCheck } from './requestChecker';
import { authorizeTransactionToolRequest, isTransactionToolRequest } from './transactionToolPermissions';

export type {
  ApiName,
  AuthorizeRequestOptions,
  ClientRequest,
  ConfigResourceRef,
  Principal,
  RefusedResource,
  RequestAuthorization,
} from './clientRequests';

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
  // ControllerApis#handleDescribeQuorum: authorizeClusterOperation(request, DESCRIBE).
  DescribeQuorum: 'DESCRIBE',
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
  if (isTransactionToolRequest(request)) return authorizeTransactionToolRequest(c, request);
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
      // (KafkaApis#handleListGroupsRequest)
      const groups = distinct(request.existingGroups);
      const authorizedGroups = c.check('DESCRIBE', 'CLUSTER', CLUSTER_NAME, { logIfDenied: false })
        ? groups
        : groups.filter((g) => c.check('DESCRIBE', 'GROUP', g, { logIfDenied: false }));
      return done('ListGroups', c, { authorizedGroups });
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
