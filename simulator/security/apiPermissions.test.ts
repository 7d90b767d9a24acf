// What each API needs (security.html "Operations and Resources on Protocols"; KafkaApis / ControllerApis
// handlers) and what the client raises when refused.
import { describe, expect, it } from 'vitest';
import { authorizeRequest, type ClientRequest } from './apiPermissions';
import { formatClientException } from './errors';
import {
  checkRequest,
  configureBrokers,
  emptySecurityState,
  runKafkaAcls,
  type SecurityState,
} from './securityState';

const BS = ['--bootstrap-server', 'localhost:9092'];
const admin = { principal: { type: 'User', name: 'admin' }, clientAddress: '10.0.0.2' };

/** A cluster with StandardAuthorizer, super.users=User:admin, and ACLs added with kafka-acls.sh. */
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

const as = (name: string, clientAddress = '10.0.0.5') => ({
  principal: { type: 'User', name },
  clientAddress,
});

function check(s: SecurityState, user: string, request: ClientRequest) {
  return checkRequest(s, as(user), request);
}

function refusal(s: SecurityState, user: string, request: ClientRequest) {
  const r = check(s, user, request);
  return {
    error: r.error,
    refused: r.refused.map((x) => `${x.resourceType}:${x.name}:${x.error}`),
    exception: r.clientException && formatClientException(r.clientException),
  };
}

describe('a cluster with no security configured behaves exactly as today', () => {
  it('no authorizer.class.name: every request is allowed and nothing is consulted (AuthHelper#authorize: authorizer.forall)', () => {
    const s = emptySecurityState();
    for (const r of [
      { api: 'Produce', topics: ['orders'], transactionalId: 'tx', transactional: true },
      { api: 'JoinGroup', groupId: 'g' },
      { api: 'CreateTopics', topics: ['t'] },
      { api: 'InitProducerId', transactionalId: null },
      { api: 'CreateAcls' },
    ] satisfies ClientRequest[]) {
      const c = check(s, 'ANONYMOUS', r);
      expect(c.allowed).toBe(true);
      expect(c.decisions).toEqual([]);
      expect(c.events).toEqual([]);
    }
    expect(
      check(s, 'ANONYMOUS', {
        api: 'Produce',
        topics: ['a', 'b', 'a'],
        transactionalId: null,
        transactional: false,
      }).authorizedTopics,
    ).toEqual(['a', 'b']);
  });

  it('kafka-acls.sh without an authorizer: SECURITY_DISABLED "No Authorizer is configured." (AclApis)', () => {
    const r = runKafkaAcls(emptySecurityState(), [...BS, '--list']);
    expect(r.output.stdout).toBe(
      'Error while executing ACL command: org.apache.kafka.common.errors.SecurityDisabledException: No Authorizer is configured on the broker\n' +
        'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.SecurityDisabledException: No Authorizer is configured on the broker\n',
    );
  });
});

describe('producing (KafkaApis#handleProduceRequest, #handleInitProducerIdRequest)', () => {
  it('Produce needs WRITE on the topic: TOPIC_AUTHORIZATION_FAILED, "Not authorized to access topics: [orders]"', () => {
    const s = secured(['--allow-principal', 'User:bob', '--operation', 'Write', '--topic', 'orders']);
    expect(
      check(s, 'bob', { api: 'Produce', topics: ['orders'], transactionalId: null, transactional: false })
        .allowed,
    ).toBe(true);
    expect(
      refusal(s, 'eve', { api: 'Produce', topics: ['orders'], transactionalId: null, transactional: false }),
    ).toEqual({
      error: null,
      refused: ['TOPIC:orders:TOPIC_AUTHORIZATION_FAILED'],
      exception:
        'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders]',
    });
  });

  it('transactional Produce also needs WRITE on the transactional id (TRANSACTIONAL_ID_AUTHORIZATION_FAILED)', () => {
    const s = secured(['--allow-principal', 'User:bob', '--operation', 'Write', '--topic', 'orders']);
    expect(
      refusal(s, 'bob', {
        api: 'Produce',
        topics: ['orders'],
        transactionalId: 'payments-tx',
        transactional: true,
      }),
    ).toEqual({
      error: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
      refused: [],
      exception:
        'org.apache.kafka.common.errors.TransactionalIdAuthorizationException: Transactional Id authorization failed.',
    });
  });

  it('--producer --transactional-id gives exactly what a transactional producer needs: FindCoordinator, InitProducerId, AddPartitionsToTxn, Produce, EndTxn', () => {
    const s = secured([
      '--allow-principal',
      'User:payments',
      '--producer',
      '--topic',
      'payments',
      '--transactional-id',
      'payments-app',
    ]);
    const steps: ClientRequest[] = [
      { api: 'FindCoordinator', keyType: 'TRANSACTION', key: 'payments-app' },
      { api: 'InitProducerId', transactionalId: 'payments-app' },
      { api: 'AddPartitionsToTxn', transactionalId: 'payments-app', topics: ['payments'] },
      { api: 'Produce', topics: ['payments'], transactionalId: 'payments-app', transactional: true },
      { api: 'EndTxn', transactionalId: 'payments-app' },
    ];
    for (const r of steps) expect(check(s, 'payments', r).allowed).toBe(true);
    expect(check(s, 'payments', { api: 'InitProducerId', transactionalId: 'other-app' }).error).toBe(
      'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
    );
    expect(
      check(s, 'payments', {
        api: 'Produce',
        topics: ['orders'],
        transactionalId: 'payments-app',
        transactional: true,
      }).refused,
    ).toHaveLength(1);
  });

  it('an idempotent InitProducerId: IDEMPOTENT_WRITE on the cluster, or since 2.8 WRITE on any topic (KIP-679, Authorizer#authorizeByResourceType)', () => {
    const writer = secured(['--allow-principal', 'User:bob', '--operation', 'Write', '--topic', 'orders']);
    const idem: ClientRequest = { api: 'InitProducerId', transactionalId: null };
    expect(check(writer, 'bob', idem).allowed).toBe(true);
    expect(
      authorizeRequest(writer.authorizer, as('bob'), idem, { legacyIdempotentWrite: true }),
    ).toMatchObject({
      error: 'CLUSTER_AUTHORIZATION_FAILED',
      clientException: {
        className: 'ClusterAuthorizationException',
        message: 'Cluster authorization failed.',
      },
    });
    const legacy = secured([
      '--allow-principal',
      'User:bob',
      '--producer',
      '--idempotent',
      '--topic',
      'orders',
    ]);
    expect(
      authorizeRequest(legacy.authorizer, as('bob'), idem, { legacyIdempotentWrite: true }).allowed,
    ).toBe(true);
    expect(check(writer, 'eve', idem).error).toBe('CLUSTER_AUTHORIZATION_FAILED');
    // The IDEMPOTENT_WRITE denial is not audited at INFO (logIfDenied = false), the "hardcode" probe neither.
    expect(check(writer, 'eve', idem).events).toEqual([]);
  });
});

describe('consuming (FindCoordinator, JoinGroup, Fetch, OffsetCommit, OffsetFetch, ListOffsets)', () => {
  it('READ on the topic but nothing on the group: FindCoordinator fails with "Not authorized to access group: billing"', () => {
    const s = secured(['--allow-principal', 'User:carol', '--operation', 'Read', '--topic', 'orders']);
    expect(check(s, 'carol', { api: 'Fetch', topics: ['orders'] }).allowed).toBe(true);
    expect(refusal(s, 'carol', { api: 'FindCoordinator', keyType: 'GROUP', key: 'billing' })).toEqual({
      error: 'GROUP_AUTHORIZATION_FAILED',
      refused: [],
      exception:
        'org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: billing',
    });
  });

  it('DESCRIBE on the group finds the coordinator, but JoinGroup needs READ (KafkaApis#handleJoinGroupRequest)', () => {
    const s = secured(
      ['--allow-principal', 'User:carol', '--operation', 'Read', '--topic', 'orders'],
      ['--allow-principal', 'User:carol', '--operation', 'Describe', '--group', 'billing'],
    );
    expect(check(s, 'carol', { api: 'FindCoordinator', keyType: 'GROUP', key: 'billing' }).allowed).toBe(
      true,
    );
    for (const api of [
      'JoinGroup',
      'SyncGroup',
      'Heartbeat',
      'LeaveGroup',
      'ConsumerGroupHeartbeat',
    ] as const) {
      expect(check(s, 'carol', { api, groupId: 'billing' }).error).toBe('GROUP_AUTHORIZATION_FAILED');
    }
  });

  it('--consumer covers the whole loop; OffsetCommit checks the group, then each topic', () => {
    const s = secured([
      '--allow-principal',
      'User:carol',
      '--consumer',
      '--topic',
      'orders',
      '--group',
      'billing',
    ]);
    for (const r of [
      { api: 'FindCoordinator', keyType: 'GROUP', key: 'billing' },
      { api: 'JoinGroup', groupId: 'billing' },
      { api: 'SyncGroup', groupId: 'billing' },
      { api: 'OffsetFetch', groupId: 'billing', topics: ['orders'] },
      { api: 'ListOffsets', topics: ['orders'] },
      { api: 'Fetch', topics: ['orders', 'orders', 'orders'] },
      { api: 'OffsetCommit', groupId: 'billing', topics: ['orders'] },
      {
        api: 'Metadata',
        topics: ['orders'],
        allowAutoTopicCreation: false,
        autoCreateTopicsEnable: false,
        existingTopics: ['orders'],
      },
    ] satisfies ClientRequest[]) {
      expect(check(s, 'carol', r).allowed).toBe(true);
    }
    expect(
      refusal(s, 'carol', { api: 'OffsetCommit', groupId: 'billing', topics: ['orders', 'payments'] }),
    ).toEqual({
      error: null,
      refused: ['TOPIC:payments:TOPIC_AUTHORIZATION_FAILED'],
      exception:
        'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [payments]',
    });
    expect(check(s, 'carol', { api: 'OffsetCommit', groupId: 'other', topics: ['orders'] }).error).toBe(
      'GROUP_AUTHORIZATION_FAILED',
    );
  });

  it('a Fetch names each partition: the audit line carries resourceRefCount = 3', () => {
    const s = secured(['--allow-principal', 'User:carol', '--operation', 'Read', '--topic', 'orders']);
    const c = check(s, 'eve', { api: 'Fetch', topics: ['orders', 'orders', 'orders'] });
    expect(c.decisions).toHaveLength(1);
    expect(c.decisions[0].audit).toEqual({
      logger: 'kafka.authorizer.logger',
      level: 'INFO',
      message:
        'Principal = User:eve is Denied operation = READ from host = 10.0.0.5 on resource = Topic:LITERAL:orders for request = Fetch with resourceRefCount = 3 based on rule DefaultDeny',
    });
    expect(c.events[0]).toMatchObject({ type: 'authorizationDecided', result: 'DENIED', api: 'Fetch' });
  });

  it('a follower fetch needs CLUSTER_ACTION on the cluster', () => {
    const s = secured();
    expect(check(s, 'broker-2', { api: 'Fetch', topics: ['orders'], fromFollower: true }).refused).toEqual([
      { resourceType: 'TOPIC', name: 'orders', error: 'TOPIC_AUTHORIZATION_FAILED' },
    ]);
    expect(check(s, 'admin', { api: 'Fetch', topics: ['orders'], fromFollower: true }).allowed).toBe(true);
  });
});

describe('topics and configs (Metadata auto-creation, CreateTopics, DescribeConfigs, AlterConfigs)', () => {
  it('Metadata: DESCRIBE each named topic; auto-creating a missing one needs CREATE on the cluster or the topic', () => {
    const s = secured(['--allow-principal', 'User:bob', '--operation', 'Write', '--topic', 'new-topic']);
    const md: ClientRequest = {
      api: 'Metadata',
      topics: ['new-topic'],
      allowAutoTopicCreation: true,
      autoCreateTopicsEnable: true,
      existingTopics: [],
    };
    expect(check(s, 'bob', md).refused).toEqual([
      { resourceType: 'TOPIC', name: 'new-topic', error: 'TOPIC_AUTHORIZATION_FAILED' },
    ]);
    const withCreate = secured(['--allow-principal', 'User:bob', '--producer', '--topic', 'new-topic']);
    expect(check(withCreate, 'bob', md).allowed).toBe(true);
    const all = check(s, 'eve', {
      api: 'Metadata',
      topics: null,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: ['a', 'b'],
    });
    expect(all.allowed).toBe(true); // undescribable topics are left out of an all-topics response, silently
    expect(all.authorizedTopics).toEqual([]);
    expect(all.events).toEqual([]);
  });

  it('CreateTopics: CREATE on the cluster covers all topics, else CREATE per topic; refused with "Authorization failed."', () => {
    const s = secured([
      '--allow-principal',
      'User:ops',
      '--operation',
      'Create',
      '--topic',
      'team-',
      '--resource-pattern-type',
      'prefixed',
    ]);
    expect(check(s, 'ops', { api: 'CreateTopics', topics: ['team-orders'] }).allowed).toBe(true);
    expect(refusal(s, 'ops', { api: 'CreateTopics', topics: ['other'] })).toEqual({
      error: null,
      refused: ['TOPIC:other:TOPIC_AUTHORIZATION_FAILED'],
      exception: 'org.apache.kafka.common.errors.TopicAuthorizationException: Authorization failed.',
    });
    const cluster = secured(['--allow-principal', 'User:ops', '--operation', 'Create', '--cluster']);
    expect(check(cluster, 'ops', { api: 'CreateTopics', topics: ['anything'] }).allowed).toBe(true);
  });

  it('DescribeConfigs / IncrementalAlterConfigs: DESCRIBE_CONFIGS / ALTER_CONFIGS per resource, broker configs on the cluster (ConfigHelper)', () => {
    const s = secured(['--allow-principal', 'User:ops', '--operation', 'AlterConfigs', '--topic', 'orders']);
    const describe: ClientRequest = {
      api: 'DescribeConfigs',
      resources: [
        { type: 'TOPIC', name: 'orders' },
        { type: 'BROKER', name: '1' },
      ],
    };
    expect(check(s, 'ops', describe).refused).toEqual([
      { resourceType: 'CLUSTER', name: 'kafka-cluster', error: 'CLUSTER_AUTHORIZATION_FAILED' },
    ]);
    expect(
      check(s, 'ops', { api: 'IncrementalAlterConfigs', resources: [{ type: 'TOPIC', name: 'orders' }] })
        .allowed,
    ).toBe(true);
    expect(
      check(s, 'ops', { api: 'IncrementalAlterConfigs', resources: [{ type: 'GROUP', name: 'g' }] })
        .refused[0].error,
    ).toBe('GROUP_AUTHORIZATION_FAILED');
  });

  it('DeleteTopics: DESCRIBE and DELETE on the topic (or DELETE on the cluster)', () => {
    const s = secured(['--allow-principal', 'User:ops', '--operation', 'Delete', '--topic', 'old']);
    expect(check(s, 'ops', { api: 'DeleteTopics', topics: ['old'] }).allowed).toBe(true);
    expect(check(s, 'ops', { api: 'DeleteTopics', topics: ['keep'] }).refused).toHaveLength(1);
  });

  it('admin APIs need one operation on the cluster: ALTER for CreateAcls, ALTER_CONFIGS for AlterClientQuotas', () => {
    const s = secured(['--allow-principal', 'User:ops', '--operation', 'AlterConfigs', '--cluster']);
    expect(check(s, 'ops', { api: 'AlterClientQuotas' }).allowed).toBe(true);
    expect(check(s, 'ops', { api: 'DescribeClientQuotas' }).allowed).toBe(true); // ALTER_CONFIGS implies DESCRIBE_CONFIGS
    expect(check(s, 'ops', { api: 'CreateAcls' })).toMatchObject({ error: 'CLUSTER_AUTHORIZATION_FAILED' });
  });
});

describe('tenants by prefixed ACLs (ops.html "Multi-tenancy", KIP-290)', () => {
  it('--resource-pattern-type prefixed --topic tenant-a. confines a tenant to its namespace', () => {
    const s = secured(
      [
        '--allow-principal',
        'User:tenant-a',
        '--producer',
        '--topic',
        'tenant-a.',
        '--resource-pattern-type',
        'prefixed',
      ],
      [
        '--allow-principal',
        'User:tenant-a',
        '--consumer',
        '--topic',
        'tenant-a.',
        '--group',
        'tenant-a.',
        '--resource-pattern-type',
        'prefixed',
      ],
    );
    const produce = (topic: string): ClientRequest => ({
      api: 'Produce',
      topics: [topic],
      transactionalId: null,
      transactional: false,
    });
    expect(check(s, 'tenant-a', produce('tenant-a.orders')).allowed).toBe(true);
    expect(check(s, 'tenant-a', { api: 'JoinGroup', groupId: 'tenant-a.billing' }).allowed).toBe(true);
    expect(check(s, 'tenant-a', produce('tenant-b.orders')).allowed).toBe(false);
    expect(check(s, 'tenant-b', produce('tenant-a.orders')).allowed).toBe(false);
    const d = check(s, 'tenant-a', produce('tenant-a.orders')).decisions[0];
    expect(d.rule).toMatchObject({
      kind: 'MatchingAcl',
      acl: { resourceName: 'tenant-a.', patternType: 'PREFIXED' },
    });
  });
});

describe('cluster admin calls (ControllerApis#handleElectLeaders, #handleAlterPartitionReassignments, #handleListPartitionReassignments)', () => {
  const cases = [
    ['ElectLeaders', 'ALTER'],
    ['AlterPartitionReassignments', 'ALTER'],
    ['ListPartitionReassignments', 'DESCRIBE'],
  ] as const;
  for (const [api, op] of cases) {
    it(`${api} needs ${op} on the cluster (CLUSTER_AUTHORIZATION_FAILED otherwise)`, () => {
      const none = refusal(secured(), 'alice', { api });
      expect(none.error).toBe('CLUSTER_AUTHORIZATION_FAILED');
      const s = secured(['--allow-principal', 'User:alice', '--operation', op, '--cluster']);
      expect(check(s, 'alice', { api }).allowed).toBe(true);
    });
  }

  it('ALTER on the cluster implies DESCRIBE: --verify may list reassignments (AclEntry implied operations)', () => {
    const s = secured(['--allow-principal', 'User:alice', '--operation', 'Alter', '--cluster']);
    expect(check(s, 'alice', { api: 'ListPartitionReassignments' }).allowed).toBe(true);
    const d = secured(['--allow-principal', 'User:alice', '--operation', 'Describe', '--cluster']);
    expect(check(d, 'alice', { api: 'ElectLeaders' }).allowed).toBe(false);
  });
});

describe('ListGroups (KafkaApis#handleListGroupsRequest)', () => {
  const existingGroups = ['audit', 'billing', 'billing-replay'];

  it('without DESCRIBE on the cluster, only the groups the principal may describe are listed, the others silently left out', () => {
    const s = secured([
      '--allow-principal',
      'User:alice',
      '--operation',
      'Read',
      '--group',
      'billing',
      '--resource-pattern-type',
      'prefixed',
    ]);
    const r = check(s, 'alice', { api: 'ListGroups', existingGroups });
    expect(r.allowed).toBe(true);
    expect(r.authorizedGroups).toEqual(['billing', 'billing-replay']);
    // The left-out group is not logged as a denial (logIfDenied = false).
    expect(
      r.events.map(
        (e) =>
          `${e.type === 'authorizationDecided' ? e.result : ''} ${e.type === 'authorizationDecided' ? e.resource : ''}`,
      ),
    ).toEqual(['ALLOWED GROUP billing', 'ALLOWED GROUP billing-replay']);
  });

  it('DESCRIBE on the cluster lists every group', () => {
    const s = secured(['--allow-principal', 'User:alice', '--operation', 'Describe', '--cluster']);
    expect(check(s, 'alice', { api: 'ListGroups', existingGroups }).authorizedGroups).toEqual(existingGroups);
  });

  it('no authorizer: every group', () => {
    expect(
      check(emptySecurityState(), 'ANONYMOUS', { api: 'ListGroups', existingGroups }).authorizedGroups,
    ).toEqual(existingGroups);
  });
});
