// What kafka-transactions.sh's and kafka-metadata-quorum.sh's requests need (KafkaApis
// #handleListTransactionsRequest, #handleDescribeTransactionsRequest, #handleDescribeProducersRequest,
// #handleWriteTxnMarkersRequest; ControllerApis#handleDescribeQuorum).
import { describe, expect, it } from 'vitest';
import type { ClientRequest } from './apiPermissions';
import { formatClientException } from './errors';
import type { SecurityEvent } from './events';
import {
  checkRequest,
  configureBrokers,
  emptySecurityState,
  runKafkaAcls,
  type SecurityState,
} from './securityState';

const BS = ['--bootstrap-server', 'localhost:9092'];
const admin = { principal: { type: 'User', name: 'admin' }, clientAddress: '10.0.0.2' };

function secured(...aclLines: string[][]): SecurityState {
  let s = configureBrokers(emptySecurityState(), {
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    'super.users': 'User:admin',
  }).state;
  for (const line of aclLines) {
    const r = runKafkaAcls(s, [...BS, '--add', ...line], { admin });
    expect(r.output.exitCode).toBe(0);
    s = r.state;
  }
  return s;
}

type Decided = Extract<SecurityEvent, { type: 'authorizationDecided' }>;
const decided = (events: readonly SecurityEvent[]): Decided[] =>
  events.filter((e): e is Decided => e.type === 'authorizationDecided');

const check = (s: SecurityState, request: ClientRequest) =>
  checkRequest(s, { principal: { type: 'User', name: 'ops' }, clientAddress: '10.0.0.5' }, request);

const allow = (op: string, ...resource: string[]) => [
  '--allow-principal',
  'User:ops',
  '--operation',
  op,
  ...resource,
];

describe('ListTransactions (KafkaApis#handleListTransactionsRequest)', () => {
  it('states whose transactional id the principal may not DESCRIBE are left out, with no error, and each denial is logged', () => {
    const s = secured(allow('Describe', '--transactional-id', 'pay-', '--resource-pattern-type', 'prefixed'));
    const r = check(s, { api: 'ListTransactions', transactionalIds: ['pay-1', 'orders-1', 'pay-2'] });
    expect(r.allowed).toBe(true);
    expect(r.error).toBeNull();
    expect(r.authorizedTransactionalIds).toEqual(['pay-1', 'pay-2']);
    expect(
      decided(r.events)
        .filter((e) => e.result === 'DENIED')
        .map((e) => e.resource),
    ).toEqual(['TRANSACTIONAL_ID orders-1']);
  });

  it('WRITE on a transactional id implies DESCRIBE (a producer of it may list it)', () => {
    const s = secured(allow('Write', '--transactional-id', 'pay-1'));
    expect(
      check(s, { api: 'ListTransactions', transactionalIds: ['pay-1'] }).authorizedTransactionalIds,
    ).toEqual(['pay-1']);
  });

  it('with no authorizer every transaction is listed', () => {
    const r = check(emptySecurityState(), { api: 'ListTransactions', transactionalIds: ['a', 'b'] });
    expect(r.authorizedTransactionalIds).toEqual(['a', 'b']);
  });
});

describe('DescribeTransactions (KafkaApis#handleDescribeTransactionsRequest)', () => {
  it('without DESCRIBE on the transactional id the state carries TRANSACTIONAL_ID_AUTHORIZATION_FAILED', () => {
    const r = check(secured(), {
      api: 'DescribeTransactions',
      transactionalIds: ['pay-1'],
      topics: ['payments'],
    });
    expect(r.allowed).toBe(false);
    expect(r.refused).toEqual([
      { resourceType: 'TRANSACTIONAL_ID', name: 'pay-1', error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED' },
    ]);
    expect(r.authorizedTopics).toEqual([]);
  });

  it('only partitions of topics the principal may DESCRIBE are kept', () => {
    const s = secured(
      allow('Describe', '--transactional-id', 'pay-1'),
      allow('Describe', '--topic', 'payments'),
    );
    const r = check(s, {
      api: 'DescribeTransactions',
      transactionalIds: ['pay-1'],
      topics: ['payments', 'audit'],
    });
    expect(r.allowed).toBe(true);
    expect(r.authorizedTransactionalIds).toEqual(['pay-1']);
    expect(r.authorizedTopics).toEqual(['payments']);
  });
});

describe('DescribeProducers (KafkaApis#handleDescribeProducersRequest)', () => {
  it('needs READ on the topic: DESCRIBE is not enough', () => {
    const d = check(secured(allow('Describe', '--topic', 'payments')), {
      api: 'DescribeProducers',
      topics: ['payments'],
    });
    expect(d.allowed).toBe(false);
    expect(d.refused.map((x) => x.error)).toEqual(['TOPIC_AUTHORIZATION_FAILED']);
    expect(
      check(secured(allow('Read', '--topic', 'payments')), { api: 'DescribeProducers', topics: ['payments'] })
        .allowed,
    ).toBe(true);
  });
});

describe('WriteTxnMarkers (KafkaApis#handleWriteTxnMarkersRequest): what kafka-transactions.sh abort sends', () => {
  it('WRITE on the topic is not enough: the request is a cluster action', () => {
    const r = check(secured(allow('Write', '--topic', 'payments')), { api: 'WriteTxnMarkers' });
    expect(r.error).toBe('CLUSTER_AUTHORIZATION_FAILED');
    expect(r.clientException && formatClientException(r.clientException)).toBe(
      'org.apache.kafka.common.errors.ClusterAuthorizationException: Cluster authorization failed.',
    );
  });

  it('ALTER on the cluster is checked first, with its denial not logged; CLUSTER_ACTION is the fallback', () => {
    const alter = check(secured(allow('Alter', '--cluster')), { api: 'WriteTxnMarkers' });
    expect(alter.allowed).toBe(true);
    expect(alter.decisions).toHaveLength(1);
    const action = check(secured(allow('ClusterAction', '--cluster')), { api: 'WriteTxnMarkers' });
    expect(action.allowed).toBe(true);
    expect(action.decisions.map((d) => [d.action.operation, d.result])).toEqual([
      ['ALTER', 'DENIED'],
      ['CLUSTER_ACTION', 'ALLOWED'],
    ]);
    expect(decided(action.events).map((e) => e.operation)).toEqual(['CLUSTER_ACTION']);
  });
});

describe('DescribeQuorum (ControllerApis#handleDescribeQuorum)', () => {
  it('needs DESCRIBE on the cluster (ALTER implies it), else CLUSTER_AUTHORIZATION_FAILED', () => {
    expect(check(secured(), { api: 'DescribeQuorum' }).error).toBe('CLUSTER_AUTHORIZATION_FAILED');
    expect(check(secured(allow('Describe', '--cluster')), { api: 'DescribeQuorum' }).allowed).toBe(true);
    expect(check(secured(allow('Alter', '--cluster')), { api: 'DescribeQuorum' }).allowed).toBe(true);
  });
});
