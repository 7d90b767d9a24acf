// What the requests of kafka-transactions.sh (TransactionsCommand, KIP-664) need, checked as KafkaApis
// checks them: ListTransactions and DescribeTransactions leave out what the principal may not describe,
// DescribeProducers needs READ on the topic, and WriteTxnMarkers (Admin#abortTransaction) is a cluster
// request: ALTER on the Cluster, else CLUSTER_ACTION.

import { CLUSTER_NAME } from './aclTypes';
import type { ClientRequest, RefusedResource, RequestAuthorization } from './clientRequests';
import { defaultException, topicAuthorizationException } from './errors';
import { type Checker, distinct, done } from './requestChecker';

type TransactionToolRequest = Extract<
  ClientRequest,
  { api: 'ListTransactions' | 'DescribeTransactions' | 'DescribeProducers' | 'WriteTxnMarkers' }
>;

export function isTransactionToolRequest(r: ClientRequest): r is TransactionToolRequest {
  return (
    r.api === 'ListTransactions' ||
    r.api === 'DescribeTransactions' ||
    r.api === 'DescribeProducers' ||
    r.api === 'WriteTxnMarkers'
  );
}

export function authorizeTransactionToolRequest(c: Checker, r: TransactionToolRequest): RequestAuthorization {
  switch (r.api) {
    case 'ListTransactions': {
      // KafkaApis#handleListTransactionsRequest: every listed state whose transactional id the principal
      // may not DESCRIBE is removed from the response (no error; the denial is logged).
      const ids = distinct(r.transactionalIds).filter((id) => c.check('DESCRIBE', 'TRANSACTIONAL_ID', id));
      return done('ListTransactions', c, { authorizedTransactionalIds: ids });
    }
    case 'DescribeTransactions': {
      // KafkaApis#handleDescribeTransactionsRequest: DESCRIBE on each transactional id, else that state
      // carries TRANSACTIONAL_ID_AUTHORIZATION_FAILED; then only partitions of describable topics are kept.
      const ids = distinct(r.transactionalIds);
      const allowed = ids.filter((id) => c.check('DESCRIBE', 'TRANSACTIONAL_ID', id));
      const refused: RefusedResource[] = ids
        .filter((id) => !allowed.includes(id))
        .map((name) => ({
          resourceType: 'TRANSACTIONAL_ID',
          name,
          error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
        }));
      const topics =
        allowed.length > 0 ? distinct(r.topics).filter((t) => c.check('DESCRIBE', 'TOPIC', t)) : [];
      return done('DescribeTransactions', c, {
        refused,
        authorizedTopics: topics,
        authorizedTransactionalIds: allowed,
        clientException:
          refused.length > 0 ? defaultException('TRANSACTIONAL_ID_AUTHORIZATION_FAILED') : null,
      });
    }
    case 'DescribeProducers': {
      // KafkaApis#handleDescribeProducersRequest: READ on each topic (one check per topic of the request),
      // else every partition of it answers TOPIC_AUTHORIZATION_FAILED.
      const topics = distinct(r.topics);
      const ok = topics.filter((t) => c.check('READ', 'TOPIC', t));
      const bad = topics.filter((t) => !ok.includes(t));
      return done('DescribeProducers', c, {
        refused: bad.map((name) => ({ resourceType: 'TOPIC', name, error: 'TOPIC_AUTHORIZATION_FAILED' })),
        authorizedTopics: ok,
        clientException: bad.length > 0 ? topicAuthorizationException(bad) : null,
      });
    }
    case 'WriteTxnMarkers': {
      // KafkaApis#handleWriteTxnMarkersRequest: ALTER on the Cluster (denial not logged), otherwise
      // authorizeClusterOperation(CLUSTER_ACTION), which fails the request with CLUSTER_AUTHORIZATION_FAILED.
      if (c.check('ALTER', 'CLUSTER', CLUSTER_NAME, { logIfDenied: false }))
        return done('WriteTxnMarkers', c, {});
      if (c.check('CLUSTER_ACTION', 'CLUSTER', CLUSTER_NAME)) return done('WriteTxnMarkers', c, {});
      return done('WriteTxnMarkers', c, {
        error: 'CLUSTER_AUTHORIZATION_FAILED',
        clientException: defaultException('CLUSTER_AUTHORIZATION_FAILED'),
      });
    }
  }
}
