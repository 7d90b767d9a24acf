// StandardAuthorizer's decision, pinned with the vectors of Kafka's own tests: StandardAuthorizerTest
// (metadata module), AuthorizerTest and BaseAuthorizerTest (core, KRaft variants).
import { describe, expect, it } from 'vitest';
import { ANY_BINDING_FILTER, deleteAcls, describeAcls } from './aclStore';
import { ACL_OPERATIONS, type ConcreteOperation } from './aclTypes';
import {
  authorize,
  authorizeByResourceType,
  findResult,
  formatAuditLogLine,
  parseAuthorizerConfig,
  writtenByDefault,
} from './authorizer';
import { acl, action, ctx, results, user, withAcls } from './security.testkit';

const A = 'ALLOWED';
const D = 'DENIED';

describe('super.users and allow.everyone.if.no.acl.found (StandardAuthorizerTest)', () => {
  it('super.users is split on ";", trimmed, empties skipped, each a principal (testGetConfiguredSuperUsers)', () => {
    expect(parseAuthorizerConfig({})).toEqual({
      ok: true,
      value: { superUsers: [], allowEveryoneIfNoAclFound: false },
    });
    expect(parseAuthorizerConfig({ 'super.users': ' ' })).toMatchObject({ value: { superUsers: [] } });
    expect(parseAuthorizerConfig({ 'super.users': 'User:bob;User:alice ' })).toMatchObject({
      value: { superUsers: ['User:bob', 'User:alice'] },
    });
    expect(parseAuthorizerConfig({ 'super.users': ';  User:bob  ;  User:alice ' })).toMatchObject({
      value: { superUsers: ['User:bob', 'User:alice'] },
    });
    expect(parseAuthorizerConfig({ 'super.users': 'bob;:alice' })).toEqual({
      ok: false,
      error: 'expected a string in format principalType:principalName but got bob',
    });
  });

  it('allow.everyone.if.no.acl.found defaults to false; "true" allows (testGetDefaultResult, testAclConfigWithWhitespace)', () => {
    expect(parseAuthorizerConfig({ 'allow.everyone.if.no.acl.found': 'true' })).toMatchObject({
      value: { allowEveryoneIfNoAclFound: true },
    });
    expect(parseAuthorizerConfig({ 'allow.everyone.if.no.acl.found': ' true ' })).toMatchObject({
      value: { allowEveryoneIfNoAclFound: true },
    });
    expect(parseAuthorizerConfig({ 'allow.everyone.if.no.acl.found': 'false' })).toMatchObject({
      value: { allowEveryoneIfNoAclFound: false },
    });
  });

  it('no ACL on the resource: allowed only with allow.everyone.if.no.acl.found=true; an ACL for someone else still denies (testAllowEveryoneIfNoAclFoundConfigEnabled/Disabled)', () => {
    const acls = [acl('TOPIC', 'topic1', 'LITERAL', 'User:Alice', '*', 'READ', 'ALLOW')];
    const open = withAcls(acls, {
      superUsers: ['User:alice', 'User:chris'],
      allowEveryoneIfNoAclFound: true,
    });
    expect(results(open, ctx('Bob'), [action('READ', 'TOPIC', 'topic1')])).toEqual([D]);
    expect(results(open, ctx('Bob'), [action('READ', 'TOPIC', 'topic2')])).toEqual([A]);
    const closed = withAcls(acls, { superUsers: ['User:alice', 'User:chris'] });
    expect(results(closed, ctx('Bob'), [action('READ', 'TOPIC', 'topic1')])).toEqual([D]);
    expect(results(closed, ctx('Bob'), [action('READ', 'TOPIC', 'topic2')])).toEqual([D]);
  });

  it('the rules are DefaultAllow / DefaultDeny: "some ACL names the resource" always gives DefaultDeny (StandardAuthorizerData.MatchingRuleBuilder#build)', () => {
    const state = withAcls([acl('TOPIC', 'topic1', 'LITERAL', 'User:Alice', '*', 'READ', 'ALLOW')], {
      allowEveryoneIfNoAclFound: true,
    });
    expect(authorize(state, ctx('Bob'), action('READ', 'TOPIC', 'topic1')).rule).toEqual({
      kind: 'DefaultDeny',
    });
    expect(authorize(state, ctx('Bob'), action('READ', 'TOPIC', 'topic2')).rule).toEqual({
      kind: 'DefaultAllow',
    });
    expect(authorize(withAcls([]), ctx('Bob'), action('READ', 'TOPIC', 'x')).rule).toEqual({
      kind: 'DefaultDeny',
    });
  });

  it('super users are allowed whatever the ACLs, even a DENY ALL for User:* (AuthorizerTest#testSuperUserHasAccess)', () => {
    const state = withAcls([acl('TOPIC', 'foo', 'LITERAL', 'User:*', '*', 'ALL', 'DENY')], {
      superUsers: ['User:superuser1', 'User:superuser2'],
    });
    const d = authorize(state, ctx('superuser1', '192.0.4.4'), action('READ', 'TOPIC', 'foo'));
    expect(d.result).toBe(A);
    expect(d.rule).toEqual({ kind: 'SuperUser' });
    expect(results(state, ctx('superuser2', '192.0.4.4'), [action('READ', 'TOPIC', 'foo')])).toEqual([A]);
    expect(results(state, ctx('random', '192.0.4.4'), [action('READ', 'TOPIC', 'foo')])).toEqual([D]);
  });
});

const fooAcl = (op: ConcreteOperation, perm: 'ALLOW' | 'DENY') =>
  acl('TOPIC', 'foo_', 'PREFIXED', 'User:bob', '*', op, perm);
const barAcl = (op: ConcreteOperation, perm: 'ALLOW' | 'DENY') =>
  acl('GROUP', 'bar', 'LITERAL', 'User:*', '*', op, perm);
const bob = user('bob');

describe('implied operations (StandardAuthorizerTest#testFindResultImplication, AuthorizerTest#testAclInheritance)', () => {
  it('ALLOW READ, WRITE, DELETE, ALTER (and DESCRIBE) imply DESCRIBE; CREATE does not', () => {
    for (const op of ['DESCRIBE', 'READ', 'WRITE', 'DELETE', 'ALTER'] as const) {
      expect(findResult(action('DESCRIBE', 'TOPIC', 'foo_bar'), bob, '127.0.0.1', fooAcl(op, 'ALLOW'))).toBe(
        A,
      );
    }
    expect(
      findResult(action('DESCRIBE', 'TOPIC', 'foo_bar'), bob, '127.0.0.1', fooAcl('CREATE', 'ALLOW')),
    ).toBeNull();
  });

  it('DENY ACLs imply nothing: DENY READ does not deny DESCRIBE; DENY DESCRIBE denies DESCRIBE', () => {
    for (const op of ['READ', 'WRITE', 'DELETE', 'ALTER'] as const) {
      expect(
        findResult(action('DESCRIBE', 'TOPIC', 'foo_bar'), bob, '127.0.0.1', fooAcl(op, 'DENY')),
      ).toBeNull();
    }
    expect(
      findResult(action('DESCRIBE', 'TOPIC', 'foo_bar'), bob, '127.0.0.1', fooAcl('DESCRIBE', 'DENY')),
    ).toBe(D);
  });

  it('ALLOW ALTER_CONFIGS implies DESCRIBE_CONFIGS; DENY ALTER_CONFIGS does not deny DESCRIBE_CONFIGS', () => {
    for (const op of ['DESCRIBE_CONFIGS', 'ALTER_CONFIGS'] as const) {
      expect(
        findResult(action('DESCRIBE_CONFIGS', 'TOPIC', 'foo_bar'), bob, '127.0.0.1', fooAcl(op, 'ALLOW')),
      ).toBe(A);
    }
    expect(
      findResult(
        action('DESCRIBE_CONFIGS', 'TOPIC', 'foo_bar'),
        bob,
        '127.0.0.1',
        fooAcl('ALTER_CONFIGS', 'DENY'),
      ),
    ).toBeNull();
    expect(
      findResult(
        action('ALTER_CONFIGS', 'TOPIC', 'foo_bar'),
        bob,
        '127.0.0.1',
        fooAcl('ALTER_CONFIGS', 'DENY'),
      ),
    ).toBe(D);
  });

  const valid = ACL_OPERATIONS.filter(
    (o) => o !== 'UNKNOWN' && o !== 'ANY' && o !== 'ALL',
  ) as ConcreteOperation[];
  const allowedOn = (parent: ConcreteOperation) => {
    const state = withAcls([acl('CLUSTER', 'kafka-cluster', 'LITERAL', 'User:alice', '*', parent, 'ALLOW')]);
    return valid.filter(
      (op) =>
        authorize(state, ctx('alice', '192.168.3.1'), action(op, 'CLUSTER', 'kafka-cluster')).result === A,
    );
  };
  const deniedWithAllowAll = (parent: ConcreteOperation) => {
    const state = withAcls([
      acl('CLUSTER', 'kafka-cluster', 'LITERAL', 'User:alice', '*', parent, 'DENY'),
      acl('CLUSTER', 'kafka-cluster', 'LITERAL', 'User:alice', '*', 'ALL', 'ALLOW'),
    ]);
    return valid.filter(
      (op) =>
        authorize(state, ctx('alice', '192.168.3.1'), action(op, 'CLUSTER', 'kafka-cluster')).result === D,
    );
  };

  it('ALLOW ALL implies every operation; DENY ALL denies every operation', () => {
    expect(allowedOn('ALL')).toEqual(valid);
    expect(deniedWithAllowAll('ALL')).toEqual(valid);
  });

  it('each parent implies exactly its children (testImplicationsOfAllow / testImplicationsOfDeny)', () => {
    expect(allowedOn('READ')).toEqual(['READ', 'DESCRIBE']);
    expect(allowedOn('WRITE')).toEqual(['WRITE', 'DESCRIBE']);
    expect(allowedOn('DELETE')).toEqual(['DELETE', 'DESCRIBE']);
    expect(allowedOn('ALTER')).toEqual(['ALTER', 'DESCRIBE']);
    expect(allowedOn('ALTER_CONFIGS')).toEqual(['DESCRIBE_CONFIGS', 'ALTER_CONFIGS']);
    expect(allowedOn('CREATE')).toEqual(['CREATE']);
    expect(deniedWithAllowAll('DESCRIBE')).toEqual(['DESCRIBE']);
    expect(deniedWithAllowAll('DESCRIBE_CONFIGS')).toEqual(['DESCRIBE_CONFIGS']);
    expect(deniedWithAllowAll('READ')).toEqual(['READ']);
  });
});

describe('principals and hosts', () => {
  it('an ACL for User:bob does not match alice; User:* matches anyone (testFindResultPrincipalMatching)', () => {
    expect(findResult(action('READ', 'TOPIC', 'foo_bar'), bob, '127.0.0.1', fooAcl('READ', 'ALLOW'))).toBe(A);
    expect(
      findResult(action('READ', 'TOPIC', 'foo_bar'), user('alice'), '127.0.0.1', fooAcl('READ', 'ALLOW')),
    ).toBeNull();
    expect(
      findResult(action('READ', 'GROUP', 'bar'), user('alice'), '127.0.0.1', barAcl('READ', 'DENY')),
    ).toBe(D);
  });

  it('host ACLs match the client IP exactly or *; a DENY from one host wins only there (StandardAuthorizerTest#testHostAddressAclValidation)', () => {
    const local = '127.0.0.1';
    const state = withAcls([
      acl('TOPIC', 'foo', 'LITERAL', 'User:alice', '192.168.1.1', 'READ', 'DENY'),
      acl('TOPIC', 'foo', 'LITERAL', 'User:alice', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'bar', 'LITERAL', 'User:bob', '192.168.1.2', 'READ', 'ALLOW'),
      acl('TOPIC', 'bar', 'LITERAL', 'User:*', local, 'DESCRIBE', 'ALLOW'),
    ]);
    const acts = [
      action('READ', 'TOPIC', 'foo'),
      action('READ', 'TOPIC', 'bar'),
      action('DESCRIBE', 'TOPIC', 'bar'),
    ];
    expect(results(state, ctx('alice', local), acts)).toEqual([A, D, A]);
    expect(results(state, ctx('alice', '192.168.1.1'), acts)).toEqual([D, D, D]);
    expect(results(state, ctx('alice', '192.168.1.2'), acts)).toEqual([A, D, D]);
    expect(results(state, ctx('bob', local), acts)).toEqual([D, D, A]);
    expect(results(state, ctx('bob', '192.168.1.1'), acts)).toEqual([D, D, D]);
    expect(results(state, ctx('bob', '192.168.1.2'), acts)).toEqual([D, A, A]);
  });

  it('user1 READ from two hosts, DENY from host1, WRITE from host1 only, DESCRIBE everywhere (AuthorizerTest#testTopicAcl)', () => {
    const r = (n: string) => acl('TOPIC', 'foo-x', 'LITERAL', `User:${n}`, '*', 'READ', 'ALLOW');
    const state = withAcls([
      acl('TOPIC', 'foo-x', 'LITERAL', 'User:alice', '192.168.1.1', 'READ', 'ALLOW'),
      acl('TOPIC', 'foo-x', 'LITERAL', 'User:alice', '192.168.1.2', 'READ', 'ALLOW'),
      acl('TOPIC', 'foo-x', 'LITERAL', 'User:alice', '192.168.1.1', 'READ', 'DENY'),
      acl('TOPIC', 'foo-x', 'LITERAL', 'User:alice', '192.168.1.1', 'WRITE', 'ALLOW'),
      acl('TOPIC', 'foo-x', 'LITERAL', 'User:alice', '*', 'DESCRIBE', 'ALLOW'),
      r('rob'),
      acl('TOPIC', 'foo-x', 'LITERAL', 'User:batman', '*', 'WRITE', 'ALLOW'),
    ]);
    const h1 = ctx('alice', '192.168.1.1');
    const h2 = ctx('alice', '192.168.1.2');
    const t = (op: ConcreteOperation) => action(op, 'TOPIC', 'foo-x');
    expect(results(state, h2, [t('READ')])).toEqual([A]);
    expect(results(state, h1, [t('READ')])).toEqual([D]);
    expect(results(state, h1, [t('WRITE')])).toEqual([A]);
    expect(results(state, h2, [t('WRITE')])).toEqual([D]);
    expect(results(state, h1, [t('DESCRIBE')])).toEqual([A]);
    expect(results(state, h2, [t('DESCRIBE')])).toEqual([A]);
    expect(results(state, h1, [t('ALTER')])).toEqual([D]);
    expect(results(state, ctx('rob', '192.168.1.1'), [t('DESCRIBE'), t('READ')])).toEqual([A, A]);
    expect(results(state, ctx('batman', '192.168.1.1'), [t('DESCRIBE'), t('WRITE')])).toEqual([A, A]);
  });
});

describe('deny precedence, ALL, wildcard and prefixed patterns', () => {
  it('DENY overrides ALLOW: User:* ALLOW ALL and a host DENY ALL for the user (AuthorizerTest#testDenyTakesPrecedence)', () => {
    const state = withAcls([
      acl('TOPIC', 'r', 'LITERAL', 'User:*', '*', 'ALL', 'ALLOW'),
      acl('TOPIC', 'r', 'LITERAL', 'User:alice', '192.168.2.1', 'ALL', 'DENY'),
    ]);
    expect(results(state, ctx('alice', '192.168.2.1'), [action('READ', 'TOPIC', 'r')])).toEqual([D]);
    expect(results(state, ctx('random', '192.0.4.4'), [action('READ', 'TOPIC', 'r')])).toEqual([A]);
  });

  it('literal DENY ALL beats prefixed ALLOWs for the same name (StandardAuthorizerTest#testDenyPrecedenceWithOperationAll)', () => {
    const state = withAcls([
      acl('TOPIC', 'foo', 'LITERAL', 'User:alice', '*', 'ALL', 'DENY'),
      acl('TOPIC', 'foo', 'PREFIXED', 'User:alice', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'foo', 'LITERAL', 'User:*', '*', 'ALL', 'DENY'),
      acl('TOPIC', 'foo', 'PREFIXED', 'User:*', '*', 'DESCRIBE', 'ALLOW'),
    ]);
    expect(
      results(state, ctx('alice'), [
        action('WRITE', 'TOPIC', 'foo'),
        action('READ', 'TOPIC', 'foo'),
        action('DESCRIBE', 'TOPIC', 'foo'),
        action('READ', 'TOPIC', 'foobar'),
      ]),
    ).toEqual([D, D, D, A]);
    expect(
      results(state, ctx('bob'), [
        action('DESCRIBE', 'TOPIC', 'foo'),
        action('READ', 'TOPIC', 'foo'),
        action('WRITE', 'TOPIC', 'foo'),
        action('DESCRIBE', 'TOPIC', 'foobaz'),
        action('READ', 'TOPIC', 'foobaz'),
      ]),
    ).toEqual([D, D, D, A, D]);
  });

  it('ALLOW ALL on literal, prefixed and per-user ACLs (StandardAuthorizerTest#testTopicAclWithOperationAll)', () => {
    const state = withAcls([
      acl('TOPIC', 'foo', 'LITERAL', 'User:*', '*', 'ALL', 'ALLOW'),
      acl('TOPIC', 'bar', 'PREFIXED', 'User:alice', '*', 'ALL', 'ALLOW'),
      acl('TOPIC', 'baz', 'LITERAL', 'User:bob', '*', 'ALL', 'ALLOW'),
    ]);
    const t = (op: ConcreteOperation, n: string) => action(op, 'TOPIC', n);
    expect(
      results(state, ctx('alice'), [t('WRITE', 'foo'), t('DESCRIBE_CONFIGS', 'bar'), t('DESCRIBE', 'baz')]),
    ).toEqual([A, A, D]);
    expect(results(state, ctx('bob'), [t('WRITE', 'foo'), t('READ', 'bar'), t('DESCRIBE', 'baz')])).toEqual([
      A,
      D,
      A,
    ]);
    expect(
      results(state, ctx('malory'), [t('DESCRIBE', 'foo'), t('WRITE', 'bar'), t('READ', 'baz')]),
    ).toEqual([A, D, D]);
  });

  it('prefixed ACLs match names that start with them; a literal matches only itself (StandardAuthorizerTest#testPrefixAcls)', () => {
    const state = withAcls([
      acl('TOPIC', 'fooa', 'PREFIXED', 'User:alice', '*', 'ALL', 'ALLOW'),
      acl('TOPIC', 'foobar', 'LITERAL', 'User:bob', '*', 'ALL', 'ALLOW'),
      acl('TOPIC', 'f', 'PREFIXED', 'User:bob', '*', 'ALL', 'ALLOW'),
    ]);
    const t = (op: ConcreteOperation, n: string) => action(op, 'TOPIC', n);
    expect(
      results(state, ctx('bob'), [t('WRITE', 'foobarr'), t('READ', 'goobar'), t('READ', 'fooa')]),
    ).toEqual([A, D, A]);
    expect(
      results(state, ctx('alice'), [t('DESCRIBE', 'fooa'), t('WRITE', 'bar'), t('READ', 'baz')]),
    ).toEqual([A, D, D]);
  });

  it('many ACLs: a prefixed DENY "alp" beats a prefixed ALLOW "alpha"; GROUP "*" ALLOW vs literal DENY (StandardAuthorizerTest#testAuthorizationWithManyAcls)', () => {
    const state = manyAcls();
    expect(
      results(state, ctx('bob'), [action('READ', 'TOPIC', 'green1'), action('WRITE', 'GROUP', 'wheel')]),
    ).toEqual([A, D]);
    expect(
      results(state, ctx('bob'), [
        action('READ', 'TOPIC', 'alpha'),
        action('WRITE', 'GROUP', 'arbitrary'),
        action('READ', 'TOPIC', 'ala'),
      ]),
    ).toEqual([D, A, D]);
  });

  it('simple allows: prefixed READ for bob on the prefix itself; ALTER_CONFIGS for anyone on a group (StandardAuthorizerTest#testSimpleAuthorizations)', () => {
    const state = withAcls([
      fooAcl('READ', 'ALLOW'),
      fooAcl('WRITE', 'ALLOW'),
      barAcl('DESCRIBE_CONFIGS', 'ALLOW'),
      barAcl('ALTER_CONFIGS', 'ALLOW'),
    ]);
    expect(results(state, ctx('bob'), [action('READ', 'TOPIC', 'foo_')])).toEqual([A]);
    expect(results(state, ctx('fred'), [action('ALTER_CONFIGS', 'GROUP', 'bar')])).toEqual([A]);
  });

  it('an ALLOW on the literal wildcard * applies to every name, even the empty one (AuthorizerTest#testWildCardAcls, #testAuthorizeWithEmptyResourceName)', () => {
    let state = withAcls([acl('TOPIC', '*', 'LITERAL', 'User:alice', '192.168.3.1', 'READ', 'ALLOW')]);
    const c = ctx('alice', '192.168.3.1');
    expect(results(state, c, [action('READ', 'TOPIC', 'foo-1')])).toEqual([A]);
    state = withAcls([
      ...state.acls.map((e) => e.acl),
      acl('TOPIC', 'foo-1', 'LITERAL', 'User:alice', '192.168.3.1', 'WRITE', 'ALLOW'),
      acl('TOPIC', '*', 'LITERAL', 'User:alice', '192.168.3.1', 'WRITE', 'DENY'),
    ]);
    expect(results(state, c, [action('WRITE', 'TOPIC', 'foo-1')])).toEqual([D]);
    expect(results(withAcls([]), ctx('alice', '192.168.0.1'), [action('READ', 'GROUP', '')])).toEqual([D]);
    const groups = withAcls([acl('GROUP', '*', 'LITERAL', 'User:alice', '*', 'READ', 'ALLOW')]);
    expect(results(groups, ctx('alice', '192.168.0.1'), [action('READ', 'GROUP', '')])).toEqual([A]);
  });

  it("a literal `*` ACL does not apply to names that themselves start with '*': the scan skips it as a strict prefix (StandardAuthorizerData#checkSection)", () => {
    const state = withAcls([acl('GROUP', '*', 'LITERAL', 'User:*', '*', 'ALL', 'DENY')], {
      allowEveryoneIfNoAclFound: true,
    });
    expect(authorize(state, ctx('alice'), action('READ', 'GROUP', 'billing')).result).toBe(D);
    expect(authorize(state, ctx('alice'), action('READ', 'GROUP', '*')).result).toBe(D);
    expect(authorize(state, ctx('alice'), action('READ', 'GROUP', '*billing')).rule).toEqual({
      kind: 'DefaultAllow',
    });
  });

  it('single-character names: literal "f" is not a prefix, prefixed "_" matches "_" and "_foo" (AuthorizerTest#testSingleCharacterResourceAcls)', () => {
    const allowRead = (name: string, p: 'LITERAL' | 'PREFIXED') =>
      acl('TOPIC', name, p, 'User:alice', '*', 'READ', 'ALLOW');
    let state = withAcls([allowRead('f', 'LITERAL')]);
    const c = ctx('alice', '192.168.0.1');
    expect(results(state, c, [action('READ', 'TOPIC', 'f'), action('READ', 'TOPIC', 'foo')])).toEqual([A, D]);
    state = withAcls([allowRead('f', 'LITERAL'), allowRead('_', 'PREFIXED')]);
    expect(
      results(state, c, [
        action('READ', 'TOPIC', '_foo'),
        action('READ', 'TOPIC', '_'),
        action('READ', 'TOPIC', 'foo_'),
      ]),
    ).toEqual([A, A, D]);
  });

  it('a prefixed ALLOW still matches among many unrelated prefixed/literal DENYs (AuthorizerTest#testAuthorizeWithPrefixedResource)', () => {
    const deny = (n: string, p: 'LITERAL' | 'PREFIXED') =>
      acl('TOPIC', n, p, 'User:alice', '*', 'READ', 'DENY');
    const state = withAcls([
      deny('a_other', 'LITERAL'),
      deny('a_other', 'PREFIXED'),
      deny('foo-0b7c4a0e', 'PREFIXED'),
      deny('foo-9d2f6b13', 'PREFIXED'),
      deny('foo-5e1a2c3d-zzz', 'PREFIXED'),
      deny('fooo-11aa22bb', 'PREFIXED'),
      deny('fo-33cc44dd', 'PREFIXED'),
      deny('fop-55ee66ff', 'PREFIXED'),
      deny('fon-77aa88bb', 'PREFIXED'),
      deny('fon-', 'PREFIXED'),
      deny('z_other', 'PREFIXED'),
      deny('z_other', 'LITERAL'),
      acl('TOPIC', 'foo-', 'PREFIXED', 'User:alice', '*', 'READ', 'ALLOW'),
    ]);
    expect(results(state, ctx('alice', '192.168.0.1'), [action('READ', 'TOPIC', 'foo-4f3e2d1c')])).toEqual([
      A,
    ]);
  });
});

function manyAcls() {
  return withAcls(
    [
      acl('TOPIC', 'green2', 'LITERAL', 'User:*', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'green', 'PREFIXED', 'User:bob', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'betamax4', 'LITERAL', 'User:bob', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'betamax', 'LITERAL', 'User:bob', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'beta', 'PREFIXED', 'User:*', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'alpha', 'PREFIXED', 'User:*', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'alp', 'PREFIXED', 'User:bob', '*', 'READ', 'DENY'),
      acl('GROUP', '*', 'LITERAL', 'User:bob', '*', 'WRITE', 'ALLOW'),
      acl('GROUP', 'wheel', 'LITERAL', 'User:*', '*', 'WRITE', 'DENY'),
    ],
    { superUsers: ['User:superman'] },
  );
}

describe('the audit line of kafka.authorizer.logger (StandardAuthorizerTest#testDenyAuditLogging / #testAllowAuditLogging)', () => {
  it('a denial names the deciding ACL and is written at INFO when logIfDenied, else TRACE', () => {
    const expected =
      'Principal = User:bob is Denied operation = READ from host = 127.0.0.1 on resource = Topic:LITERAL:alpha ' +
      'for request = Fetch with resourceRefCount = 1 based on rule MatchingAcl(acl=StandardAcl(resourceType=TOPIC, ' +
      'resourceName=alp, patternType=PREFIXED, principal=User:bob, host=*, operation=READ, permissionType=DENY))';
    for (const logIfDenied of [true, false]) {
      const d = authorize(manyAcls(), ctx('bob'), {
        operation: 'READ',
        resourceType: 'TOPIC',
        resourceName: 'alpha',
        logIfAllowed: false,
        logIfDenied,
      });
      expect(d.result).toBe(D);
      expect(d.audit).toEqual({
        logger: 'kafka.authorizer.logger',
        level: logIfDenied ? 'INFO' : 'TRACE',
        message: expected,
      });
    }
  });

  it('an allow names the deciding ACL and is written at DEBUG when logIfAllowed, else TRACE', () => {
    const expected =
      'Principal = User:bob is Allowed operation = READ from host = 127.0.0.1 on resource = Topic:LITERAL:green1 ' +
      'for request = Fetch with resourceRefCount = 1 based on rule MatchingAcl(acl=StandardAcl(resourceType=TOPIC, ' +
      'resourceName=green, patternType=PREFIXED, principal=User:bob, host=*, operation=READ, permissionType=ALLOW))';
    for (const logIfAllowed of [true, false]) {
      const d = authorize(manyAcls(), ctx('bob'), {
        operation: 'READ',
        resourceType: 'TOPIC',
        resourceName: 'green1',
        logIfAllowed,
        logIfDenied: false,
      });
      expect(d.audit.level).toBe(logIfAllowed ? 'DEBUG' : 'TRACE');
      expect(d.audit.message).toBe(expected);
    }
  });

  it('kafka-authorizer.log line: "[%d] %p %m (%c)" (config/log4j.properties), only INFO (denials) written by default', () => {
    const d = authorize(manyAcls(), ctx('bob'), {
      operation: 'READ',
      resourceType: 'TOPIC',
      resourceName: 'alpha',
    });
    expect(formatAuditLogLine(d.audit, Date.UTC(2024, 9, 25, 3, 33, 1, 7))).toBe(
      `[2024-10-25 03:33:01,007] INFO ${d.audit.message} (kafka.authorizer.logger)`,
    );
    expect(writtenByDefault(d.audit)).toBe(true);
    expect(
      writtenByDefault(
        authorize(manyAcls(), ctx('bob'), {
          operation: 'READ',
          resourceType: 'TOPIC',
          resourceName: 'green1',
        }).audit,
      ),
    ).toBe(false);
  });

  it('SuperUser and DefaultDeny rules print their names; resource types print in Pascal case (SecurityUtils#resourceTypeName)', () => {
    const su = authorize(
      manyAcls(),
      ctx('superman', '10.0.0.5', 'Produce'),
      action('WRITE', 'TRANSACTIONAL_ID', 'tx-1'),
    );
    expect(su.audit.message).toBe(
      'Principal = User:superman is Allowed operation = WRITE from host = 10.0.0.5 on resource = ' +
        'TransactionalId:LITERAL:tx-1 for request = Produce with resourceRefCount = 1 based on rule SuperUser',
    );
    const dd = authorize(manyAcls(), ctx('eve', '10.0.0.5', 'JoinGroup'), action('READ', 'GROUP', 'wheel'));
    expect(
      dd.audit.message.endsWith(
        'on resource = Group:LITERAL:wheel for request = JoinGroup with resourceRefCount = 1 based on rule DefaultDeny',
      ),
    ).toBe(true);
  });

  it('the first DENY in cache order decides, else the last ALLOW scanned (literal `*` section scanned last)', () => {
    const state = withAcls([
      acl('TOPIC', '*', 'LITERAL', 'User:*', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'orders', 'LITERAL', 'User:bob', '*', 'READ', 'ALLOW'),
      acl('TOPIC', 'ord', 'PREFIXED', 'User:bob', '*', 'READ', 'ALLOW'),
    ]);
    const d = authorize(state, ctx('bob'), action('READ', 'TOPIC', 'orders'));
    expect(d.rule).toMatchObject({ kind: 'MatchingAcl', acl: { resourceName: '*' } });
    const withDeny = withAcls([
      ...state.acls.map((e) => e.acl),
      acl('TOPIC', 'o', 'PREFIXED', 'User:*', '*', 'READ', 'DENY'),
    ]);
    expect(authorize(withDeny, ctx('bob'), action('READ', 'TOPIC', 'orders')).rule).toMatchObject({
      acl: { resourceName: 'o', permissionType: 'DENY' },
    });
  });
});

describe('listing and filters (StandardAuthorizerTest#testListAcls, AuthorizerTest#testAclsFilter)', () => {
  it('ACLs list in StandardAcl order: type, reverse name, pattern, operation, principal, host, permission', () => {
    const state = withAcls([
      barAcl('ALTER_CONFIGS', 'DENY'),
      fooAcl('WRITE', 'ALLOW'),
      barAcl('DESCRIBE_CONFIGS', 'DENY'),
      fooAcl('READ', 'ALLOW'),
    ]);
    expect(
      describeAcls(state, ANY_BINDING_FILTER).map((e) => `${e.acl.resourceType} ${e.acl.operation}`),
    ).toEqual(['TOPIC READ', 'TOPIC WRITE', 'GROUP DESCRIBE_CONFIGS', 'GROUP ALTER_CONFIGS']);
    const topics = {
      pattern: { resourceType: 'TOPIC' as const, name: null, patternType: 'ANY' as const },
      entry: ANY_BINDING_FILTER.entry,
    };
    expect(describeAcls(state, topics)).toHaveLength(2);
  });

  it('MATCH finds literal, wildcard and prefixed ACLs affecting a name; a delete filter matches against the ACLs before the request', () => {
    const acl1 = acl('TOPIC', 'foo-1', 'LITERAL', 'User:alice', '*', 'READ', 'ALLOW');
    const acl2 = acl('TOPIC', 'foo-1', 'LITERAL', 'User:alice', '192.168.0.1', 'WRITE', 'ALLOW');
    const acl3 = acl('TOPIC', 'bar-1', 'LITERAL', 'User:alice', '*', 'DESCRIBE', 'ALLOW');
    const acl4 = acl('TOPIC', 'bar-', 'PREFIXED', 'User:*', '*', 'READ', 'ALLOW');
    const state = withAcls([acl1, acl2, acl3, acl4]);
    const any = ANY_BINDING_FILTER.entry;
    const exact = (a: typeof acl1) => ({
      pattern: { resourceType: a.resourceType, name: a.resourceName, patternType: a.patternType },
      entry: any,
    });
    expect(describeAcls(state, exact(acl1)).map((e) => e.acl)).toEqual([acl1, acl2]);
    expect(describeAcls(state, exact(acl4)).map((e) => e.acl)).toEqual([acl4]);
    const matching = {
      pattern: { resourceType: 'ANY' as const, name: 'bar-1', patternType: 'MATCH' as const },
      entry: any,
    };
    expect(new Set(describeAcls(state, matching).map((e) => e.acl))).toEqual(new Set([acl3, acl4]));
    const r = deleteAcls(state, [
      matching,
      {
        pattern: exact(acl1).pattern,
        entry: {
          principal: acl1.principal,
          host: acl1.host,
          operation: acl1.operation,
          permissionType: acl1.permissionType,
        },
      },
      exact(acl3),
      { pattern: { resourceType: 'TOPIC', name: 'baz', patternType: 'ANY' }, entry: any },
    ]);
    const deleted = r.results.map((x) => ('deleted' in x ? x.deleted.map((e) => e.acl) : x));
    expect(new Set(deleted[0] as unknown[])).toEqual(new Set([acl3, acl4]));
    expect(deleted[1]).toEqual([acl1]);
    expect(deleted[2]).toEqual([acl3]);
    expect(deleted[3]).toEqual([]);
    expect(r.state.acls.map((e) => e.acl)).toEqual([acl2]);
  });
});

describe('authorizeByResourceType: "may write at least one topic" (BaseAuthorizerTest, Authorizer#authorizeByResourceType)', () => {
  const u1h1 = ctx('user1', '192.168.1.1');
  const by = (
    state: ReturnType<typeof withAcls>,
    c = u1h1,
    op: ConcreteOperation = 'READ',
    type: 'TOPIC' | 'GROUP' | 'CLUSTER' | 'TRANSACTIONAL_ID' = 'TOPIC',
  ) => authorizeByResourceType(state, c, op, type).result;

  it('no ACL: denied; an ALLOW: allowed; a DENY for the same name dominates (testAuthorizeByResourceTypeMultipleAddAndRemove / DenyTakesPrecedence)', () => {
    const allow = acl('TOPIC', 'sb1', 'LITERAL', 'User:user1', '192.168.1.1', 'READ', 'ALLOW');
    const deny = acl('TOPIC', 'sb1', 'LITERAL', 'User:user1', '192.168.1.1', 'READ', 'DENY');
    expect(by(withAcls([]))).toBe(D);
    expect(by(withAcls([allow]))).toBe(A);
    expect(by(withAcls([allow, deny]))).toBe(D);
  });

  it('unrelated DENYs (other user, host, operation or type) do not dominate an ALLOW (testAuthorizeByResourceTypeIsolationUnrelatedDenyWontDominateAllow)', () => {
    const state = withAcls([
      acl('TOPIC', 'sb1', 'LITERAL', 'User:user1', '192.168.1.1', 'READ', 'DENY'),
      acl('TOPIC', 'sb1', 'LITERAL', 'User:user2', '192.168.1.1', 'READ', 'DENY'),
      acl('TOPIC', 'sb1', 'LITERAL', 'User:user1', '192.168.1.2', 'WRITE', 'DENY'),
      acl('TOPIC', 'sb1', 'LITERAL', 'User:user2', '192.168.1.2', 'READ', 'DENY'),
      acl('TOPIC', 'sb1', 'LITERAL', 'User:user1', '192.168.1.2', 'READ', 'ALLOW'),
      acl('TOPIC', 'sb2', 'LITERAL', 'User:user1', '192.168.1.2', 'READ', 'DENY'),
      acl('GROUP', 's', 'PREFIXED', 'User:user1', '192.168.1.2', 'READ', 'DENY'),
    ]);
    expect(by(state, u1h1, 'READ', 'TOPIC')).toBe(D);
    expect(by(state, u1h1, 'READ', 'GROUP')).toBe(D);
    expect(by(state, u1h1, 'READ', 'TRANSACTIONAL_ID')).toBe(D);
    expect(by(state, u1h1, 'READ', 'CLUSTER')).toBe(D);
    expect(by(state, ctx('user1', '192.168.1.2'), 'READ', 'TOPIC')).toBe(A);
  });

  it('a prefixed DENY dominates longer allowed names (testAuthorizeByResourceTypePrefixedResourceDenyDominate)', () => {
    const allow = (n: string) => acl('GROUP', n, 'PREFIXED', 'User:user1', '192.168.1.1', 'READ', 'ALLOW');
    const deny = (n: string) => acl('GROUP', n, 'PREFIXED', 'User:user1', '192.168.1.1', 'READ', 'DENY');
    const g = (...a: ReturnType<typeof allow>[]) => by(withAcls(a), u1h1, 'READ', 'GROUP');
    expect(g(allow('abcde'))).toBe(A);
    expect(g(allow('abcde'), deny('abcd'))).toBe(D);
    expect(g(allow('abcde'), deny('abcd'), allow('abc'))).toBe(A);
    expect(g(allow('abcde'), deny('abcd'), allow('abc'), deny('a'))).toBe(D);
    expect(g(allow('abcde'), deny('abcd'), allow('abc'), deny('a'), allow('ab'))).toBe(D);
  });

  it('a DENY on the literal wildcard denies the whole type (testAuthorizeByResourceTypeWildcardResourceDenyDominate)', () => {
    const ace = (n: string, p: 'LITERAL' | 'PREFIXED', perm: 'ALLOW' | 'DENY') =>
      acl('GROUP', n, p, 'User:user1', '192.168.1.1', 'WRITE', perm);
    expect(by(withAcls([ace('hello', 'PREFIXED', 'ALLOW')]), u1h1, 'WRITE', 'GROUP')).toBe(A);
    const denied = [ace('hello', 'PREFIXED', 'ALLOW'), ace('*', 'LITERAL', 'DENY')];
    expect(by(withAcls(denied), u1h1, 'WRITE', 'GROUP')).toBe(D);
    expect(
      by(
        withAcls([...denied, ace('*', 'LITERAL', 'ALLOW'), ace('aloha', 'LITERAL', 'ALLOW')]),
        u1h1,
        'WRITE',
        'GROUP',
      ),
    ).toBe(D);
  });

  it('ALL counts for the operation; a DENY ALL dominates (testAuthorizeByResourceTypeWithAllOperationAce)', () => {
    const ace = (op: ConcreteOperation, perm: 'ALLOW' | 'DENY') =>
      acl('TOPIC', 'sb1', 'LITERAL', 'User:user1', '192.168.1.1', op, perm);
    expect(by(withAcls([ace('WRITE', 'DENY'), ace('ALL', 'ALLOW')]))).toBe(A);
    expect(by(withAcls([ace('WRITE', 'DENY'), ace('ALL', 'ALLOW'), ace('ALL', 'DENY')]))).toBe(D);
  });

  it('super users pass the "hardcode" probe despite DENY ALL on every type (testAuthorizeByResourceTypeSuperUserHasAccess)', () => {
    const denyAll = (t: 'TOPIC' | 'CLUSTER' | 'GROUP' | 'TRANSACTIONAL_ID') =>
      acl(t, '*', 'LITERAL', 'User:*', '*', 'ALL', 'DENY');
    const state = withAcls(
      [denyAll('TOPIC'), denyAll('CLUSTER'), denyAll('GROUP'), denyAll('TRANSACTIONAL_ID')],
      {
        superUsers: ['User:superuser1', 'User:superuser2'],
      },
    );
    for (const t of ['TOPIC', 'CLUSTER', 'GROUP', 'TRANSACTIONAL_ID'] as const) {
      expect(by(state, ctx('superuser1', '192.0.4.4'), 'READ', t)).toBe(A);
    }
  });

  it('allow.everyone.if.no.acl.found=true passes the probe (AuthorizerTest#testAuthorizeByResourceTypeNoAclFoundOverride)', () => {
    const state = withAcls([], { allowEveryoneIfNoAclFound: true });
    expect(by(state, ctx('alice', '192.168.0.1'), 'READ')).toBe(A);
    expect(by(state, ctx('alice', '192.168.0.1'), 'WRITE')).toBe(A);
  });
});
