// Property tests (fast-check, seeded): the authorizer's cache scan agrees with the plain reading of the rules
// (security.html §7.5; StandardAuthorizerData); a random client request sequence under random ACLs never
// performs an operation the ACLs do not allow (checkRequest is the only gate); a refused kafka-acls.sh
// command changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAclCommandArgs } from './aclCommand';
import type { ConcreteOperation, ConcreteResourceType, StandardAcl } from './aclTypes';
import type { ClientRequest } from './apiPermissions';
import { type AuthorizationAction, type AuthorizerState, authorize } from './authorizer';
import { acl, ctx, withAcls } from './security.testkit';
import {
  checkRequest,
  configureBrokers,
  emptySecurityState,
  runKafkaAcls,
  type SecurityState,
} from './securityState';

const TYPES: ConcreteResourceType[] = ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID'];
const OPS: ConcreteOperation[] = [
  'ALL',
  'READ',
  'WRITE',
  'CREATE',
  'DELETE',
  'ALTER',
  'DESCRIBE',
  'CLUSTER_ACTION',
  'DESCRIBE_CONFIGS',
  'ALTER_CONFIGS',
  'IDEMPOTENT_WRITE',
];
const USERS = ['alice', 'bob', 'carol'];
const HOSTS = ['10.0.0.1', '10.0.0.2'];
// Short names over a small alphabet so that literal, prefixed and wildcard patterns overlap a lot.
const nameArb = fc.stringMatching(/^[ab.*]{1,3}$/);

const aclArb: fc.Arbitrary<StandardAcl> = fc
  .record({
    resourceType: fc.constantFrom(...TYPES),
    resourceName: fc.oneof(nameArb, fc.constant('*'), fc.constant('kafka-cluster')),
    patternType: fc.constantFrom('LITERAL' as const, 'PREFIXED' as const),
    principal: fc.constantFrom('User:*', ...USERS.map((u) => `User:${u}`)),
    host: fc.constantFrom('*', ...HOSTS),
    operation: fc.constantFrom(...OPS),
    permissionType: fc.constantFrom('ALLOW' as const, 'DENY' as const),
  })
  .map((a) =>
    acl(a.resourceType, a.resourceName, a.patternType, a.principal, a.host, a.operation, a.permissionType),
  );

const IMPLIES_DESCRIBE = ['READ', 'WRITE', 'DELETE', 'ALTER', 'DESCRIBE'];

/** The rules as the documentation states them, with no cache, ordering or scan. */
function oracle(
  acls: readonly StandardAcl[],
  superUsers: string[],
  allowIfNone: boolean,
  user: string,
  host: string,
  a: AuthorizationAction,
): boolean {
  if (superUsers.includes(`User:${user}`)) return true;
  const onResource = acls.filter(
    (x) =>
      x.resourceType === a.resourceType &&
      (x.patternType === 'LITERAL'
        ? x.resourceName === a.resourceName ||
          // The cache scan treats a literal `*` as a strict prefix of names that start with '*' and skips it
          // (StandardAuthorizerData#checkSection); topic names cannot contain '*', group names can.
          (x.resourceName === '*' && !a.resourceName.startsWith('*'))
        : a.resourceName.startsWith(x.resourceName)),
  );
  if (onResource.length === 0) return allowIfNone;
  const applies = onResource.filter(
    (x) =>
      (x.principal === `User:${user}` || x.principal === 'User:*') && (x.host === '*' || x.host === host),
  );
  if (
    applies.some((x) => x.permissionType === 'DENY' && (x.operation === 'ALL' || x.operation === a.operation))
  )
    return false;
  return applies.some(
    (x) =>
      x.permissionType === 'ALLOW' &&
      (x.operation === 'ALL' ||
        x.operation === a.operation ||
        (a.operation === 'DESCRIBE' && IMPLIES_DESCRIBE.includes(x.operation)) ||
        (a.operation === 'DESCRIBE_CONFIGS' && x.operation === 'ALTER_CONFIGS')),
  );
}

describe('StandardAuthorizer agrees with the rules for any ACL set (StandardAuthorizerData#findAclRule vs security.html)', () => {
  it('same result as the oracle, and a MatchingAcl rule names an ACL that applies with that permission', () => {
    fc.assert(
      fc.property(
        fc.array(aclArb, { maxLength: 25 }),
        fc.constantFrom(...USERS),
        fc.constantFrom(...HOSTS),
        fc.constantFrom(...TYPES),
        fc.oneof(nameArb, fc.constant(''), fc.constant('kafka-cluster')),
        fc.constantFrom(...OPS.filter((o) => o !== 'ALL')),
        fc.boolean(),
        fc.boolean(),
        (acls, user, host, resourceType, resourceName, operation, allowIfNone, bobIsSuper) => {
          const superUsers = bobIsSuper ? ['User:bob'] : [];
          const state = withAcls(acls, { superUsers, allowEveryoneIfNoAclFound: allowIfNone });
          const action: AuthorizationAction = { operation, resourceType, resourceName };
          const d = authorize(state, ctx(user, host), action);
          expect(d.result === 'ALLOWED').toBe(oracle(acls, superUsers, allowIfNone, user, host, action));
          if (d.rule.kind === 'MatchingAcl') {
            const only = withAcls([d.rule.acl], { superUsers, allowEveryoneIfNoAclFound: allowIfNone });
            expect(authorize(only, ctx(user, host), action).result).toBe(d.result);
          }
        },
      ),
      { seed: 42, numRuns: 3000 },
    );
  });
});

/** What a handler goes on to do once authorized: each (operation, resource) it performs, with alternatives. */
function performed(
  r: ClientRequest,
  authorizedTopics: string[],
  acls: readonly StandardAcl[],
): Array<Array<[ConcreteOperation, ConcreteResourceType, string]>> {
  const topics = (op: ConcreteOperation) =>
    authorizedTopics.map((t): Array<[ConcreteOperation, ConcreteResourceType, string]> => [[op, 'TOPIC', t]]);
  switch (r.api) {
    case 'Produce':
      return [
        ...(r.transactional && r.transactionalId
          ? [
              [
                ['WRITE', 'TRANSACTIONAL_ID', r.transactionalId] as [
                  ConcreteOperation,
                  ConcreteResourceType,
                  string,
                ],
              ],
            ]
          : []),
        ...topics('WRITE'),
      ];
    case 'Fetch':
      return topics('READ');
    case 'JoinGroup':
      return [[['READ', 'GROUP', r.groupId]]];
    case 'OffsetCommit':
      return [[['READ', 'GROUP', r.groupId]], ...topics('READ')];
    case 'CreateTopics':
      return authorizedTopics.map((t) => [
        ['CREATE', 'CLUSTER', 'kafka-cluster'],
        ['CREATE', 'TOPIC', t],
      ]);
    case 'InitProducerId':
      return r.transactionalId
        ? [[['WRITE', 'TRANSACTIONAL_ID', r.transactionalId]]]
        : [
            [
              ['IDEMPOTENT_WRITE', 'CLUSTER', 'kafka-cluster'],
              // "WRITE on at least one topic": any name an ACL could make writable.
              ...[
                'a',
                'ab',
                'b',
                'a.',
                'ba',
                'zz',
                ...acls
                  .filter((x) => x.resourceType === 'TOPIC')
                  .flatMap((x) => [x.resourceName, `${x.resourceName}z`]),
              ].map((t): [ConcreteOperation, ConcreteResourceType, string] => ['WRITE', 'TOPIC', t]),
            ],
          ];
    default:
      return [];
  }
}

const topicArb = fc.constantFrom('a', 'ab', 'b', 'a.', 'ba');
const requestArb: fc.Arbitrary<ClientRequest> = fc.oneof(
  fc.record({
    api: fc.constant('Produce' as const),
    topics: fc.array(topicArb, { minLength: 1, maxLength: 3 }),
    transactionalId: fc.constantFrom(null, 'a', 'tx'),
    transactional: fc.boolean(),
  }),
  fc.record({
    api: fc.constant('Fetch' as const),
    topics: fc.array(topicArb, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ api: fc.constant('JoinGroup' as const), groupId: fc.constantFrom('a', 'g', 'ab') }),
  fc.record({
    api: fc.constant('OffsetCommit' as const),
    groupId: fc.constantFrom('a', 'g'),
    topics: fc.array(topicArb, { maxLength: 2 }),
  }),
  fc.record({
    api: fc.constant('CreateTopics' as const),
    topics: fc.array(topicArb, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({
    api: fc.constant('InitProducerId' as const),
    transactionalId: fc.constantFrom(null, 'tx', 'a'),
  }),
);

describe('checkRequest is the only gate: no client ever performs an operation its ACLs do not allow', () => {
  it('random ACLs (added with kafka-acls.sh-equivalent data) and random request sequences', () => {
    fc.assert(
      fc.property(
        fc.array(aclArb, { maxLength: 20 }),
        fc.array(fc.tuple(fc.constantFrom(...USERS), fc.constantFrom(...HOSTS), requestArb), {
          maxLength: 30,
        }),
        (acls, requests) => {
          let s: SecurityState = configureBrokers(emptySecurityState(), {
            'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
          }).state;
          s = { ...s, authorizer: withAcls(acls, s.authorizer.config) as AuthorizerState };
          for (const [user, host, request] of requests) {
            const r = checkRequest(
              s,
              { principal: { type: 'User', name: user }, clientAddress: host },
              request,
            );
            if (r.error !== null) expect(r.authorizedTopics).toEqual([]);
            if (r.error !== null) continue;
            for (const alternatives of performed(request, r.authorizedTopics, acls)) {
              const ok = alternatives.some(([operation, resourceType, resourceName]) =>
                oracle(acls, [], false, user, host, { operation, resourceType, resourceName }),
              );
              expect(ok).toBe(true);
            }
          }
        },
      ),
      { seed: 42, numRuns: 400 },
    );
  });
});

const WORDS = [
  '--add',
  '--remove',
  '--list',
  '--force',
  '--producer',
  '--consumer',
  '--idempotent',
  '--cluster',
  '--topic',
  'orders',
  'a',
  '',
  '--group',
  'g',
  '--transactional-id',
  'tx',
  '--allow-principal',
  'User:alice',
  'alice',
  '--deny-principal',
  'User:*',
  '--allow-host',
  '10.0.0.1',
  '--operation',
  'Read',
  'Fly',
  'Any',
  'All',
  '--resource-pattern-type',
  'prefixed',
  'match',
  'unknown',
  '--principal',
  '--bootstrap-controller',
  '--queue',
];

describe('a refused kafka-acls.sh command changes nothing', () => {
  it('random command lines: when the tool refuses before any ACL is written, the ACL state is unchanged; the same command gives the same result', () => {
    const base = runKafkaAcls(
      configureBrokers(emptySecurityState(), {
        'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
        'super.users': 'User:ANONYMOUS',
      }).state,
      [
        '--bootstrap-server',
        'b:9092',
        '--add',
        '--allow-principal',
        'User:bob',
        '--topic',
        'orders',
        '--group',
        'g',
      ],
    ).state;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }),
        fc.boolean(),
        (words, withBootstrap) => {
          const args = withBootstrap ? ['--bootstrap-server', 'b:9092', ...words] : words;
          const r = runKafkaAcls(base, args);
          const parse = parseAclCommandArgs(args);
          if (r.output.exitCode !== 0 && !r.output.stdout.includes('Adding ACLs')) {
            expect(r.state.authorizer).toBe(base.authorizer);
            expect(r.events).toEqual([]);
          }
          if (parse.kind === 'done') expect(r.state).toBe(base);
          expect(runKafkaAcls(base, args)).toEqual(r);
          expect(JSON.parse(JSON.stringify(r.state))).toEqual(r.state);
        },
      ),
      { seed: 42, numRuns: 2000 },
    );
  });
});
