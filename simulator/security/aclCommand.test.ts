// kafka-acls.sh: golden transcripts and the tool's own usage errors (AclCommand.scala, AclCommandTest).
import { describe, expect, it } from 'vitest';
import { type AclCommandContext, parseAclCommandArgs, runAclCommand } from './aclCommand';
import { type AuthorizerState, authorize, emptyAuthorizerState } from './authorizer';
import { ctx } from './security.testkit';

const BS = ['--bootstrap-server', 'localhost:9092'];

/** Run one command line (words) against a state, like the console will. */
function acls(state: AuthorizerState, line: string[], context?: AclCommandContext) {
  const p = parseAclCommandArgs([...BS, ...line]);
  if (p.kind === 'done') return { state, output: p.output };
  const r = runAclCommand(state, p.request, context);
  return { state: r.state, output: r.output, events: r.events };
}

function usageOf(args: string[]): string {
  const p = parseAclCommandArgs(args);
  if (p.kind !== 'done') throw new Error('expected a usage error');
  expect(p.output.exitCode).toBe(1);
  return p.output.stderr.trimEnd();
}

const empty = emptyAuthorizerState();

describe('kafka-acls.sh --add / --list output (AclCommand#addAcls, #listAcls, ResourcePattern#toString)', () => {
  it('--add prints "Adding ACLs for resource `ResourcePattern(...)`: " then one tab-indented entry per ACL', () => {
    const r = acls(empty, [
      '--add',
      '--allow-principal',
      'User:alice',
      '--operation',
      'Read',
      '--topic',
      'orders',
    ]);
    expect(r.output).toEqual({
      stdout:
        'Adding ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`: \n' +
        ' \t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW) \n\n',
      stderr: '',
      exitCode: 0,
    });
    expect(r.state.acls.map((e) => e.acl)).toEqual([
      {
        resourceType: 'TOPIC',
        resourceName: 'orders',
        patternType: 'LITERAL',
        principal: 'User:alice',
        host: '*',
        operation: 'READ',
        permissionType: 'ALLOW',
      },
    ]);
    expect(r.events?.map((e) => e.type)).toEqual(['aclCreated']);
  });

  it('--list prints "Current ACLs for resource" per pattern; --list --topic X shows only that exact pattern', () => {
    let s = acls(empty, [
      '--add',
      '--allow-principal',
      'User:alice',
      '--operation',
      'Read',
      '--topic',
      'orders',
    ]).state;
    s = acls(s, [
      '--add',
      '--allow-principal',
      'User:bob',
      '--operation',
      'Write',
      '--topic',
      'ord',
      '--resource-pattern-type',
      'prefixed',
    ]).state;
    const all = acls(s, ['--list']).output.stdout;
    expect(all).toBe(
      'Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`: \n' +
        ' \t(principal=User:alice, host=*, operation=READ, permissionType=ALLOW) \n\n' +
        'Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=ord, patternType=PREFIXED)`: \n' +
        ' \t(principal=User:bob, host=*, operation=WRITE, permissionType=ALLOW) \n\n',
    );
    const exact = acls(s, ['--list', '--topic', 'orders']).output.stdout;
    expect(exact).not.toContain('PREFIXED');
    const match = acls(s, ['--list', '--topic', 'orders', '--resource-pattern-type', 'match']).output.stdout;
    expect(match).toContain('name=orders, patternType=LITERAL');
    expect(match).toContain('name=ord, patternType=PREFIXED');
  });

  it('--list --principal prints "ACLs for principal `User:bob`" then only that principal\'s entries', () => {
    let s = acls(empty, [
      '--add',
      '--allow-principal',
      'User:alice',
      '--allow-principal',
      'User:bob',
      '--operation',
      'Read',
      '--topic',
      't',
    ]).state;
    s = acls(s, ['--add', '--allow-principal', 'User:alice', '--operation', 'Read', '--group', 'g']).state;
    expect(acls(s, ['--list', '--principal', 'User:bob']).output.stdout).toBe(
      'ACLs for principal `User:bob`\n' +
        'Current ACLs for resource `ResourcePattern(resourceType=TOPIC, name=t, patternType=LITERAL)`: \n' +
        ' \t(principal=User:bob, host=*, operation=READ, permissionType=ALLOW) \n\n',
    );
  });

  it('several --allow-principal and --allow-host expand to the cross product (security.html "Examples")', () => {
    const r = acls(empty, [
      '--add',
      '--allow-principal',
      'User:Bob',
      '--allow-principal',
      'User:Alice',
      '--allow-host',
      '198.51.100.0',
      '--allow-host',
      '198.51.100.1',
      '--operation',
      'Read',
      '--operation',
      'Write',
      '--topic',
      'Test-topic',
    ]);
    expect(r.state.acls).toHaveLength(8);
    expect(r.output.stdout.split('\n').filter((l) => l.includes('principal=')).length).toBe(8);
  });

  it('--deny-principal adds DENY entries; --allow-host defaults to * (AclCommand#getHosts)', () => {
    const r = acls(empty, [
      '--add',
      '--allow-principal',
      'User:*',
      '--deny-principal',
      'User:BadBob',
      '--deny-host',
      '198.51.100.3',
      '--operation',
      'Read',
      '--topic',
      'Test-topic',
    ]);
    expect(r.output.stdout).toContain('\t(principal=User:*, host=*, operation=READ, permissionType=ALLOW)');
    expect(r.output.stdout).toContain(
      '\t(principal=User:BadBob, host=198.51.100.3, operation=READ, permissionType=DENY)',
    );
    expect(
      authorize(r.state, ctx('BadBob', '198.51.100.3'), {
        operation: 'READ',
        resourceType: 'TOPIC',
        resourceName: 'Test-topic',
      }).result,
    ).toBe('DENIED');
    expect(
      authorize(r.state, ctx('BadBob', '198.51.100.4'), {
        operation: 'READ',
        resourceType: 'TOPIC',
        resourceName: 'Test-topic',
      }).result,
    ).toBe('ALLOWED');
  });

  it('no --operation means All (the option defaults to All)', () => {
    const r = acls(empty, ['--add', '--allow-principal', 'User:ops', '--cluster']);
    expect(r.output.stdout).toBe(
      'Adding ACLs for resource `ResourcePattern(resourceType=CLUSTER, name=kafka-cluster, patternType=LITERAL)`: \n' +
        ' \t(principal=User:ops, host=*, operation=ALL, permissionType=ALLOW) \n\n',
    );
  });

  it('operation names are Pascal case or upper case without underscores (SecurityUtils#operation)', () => {
    expect(
      acls(empty, ['--add', '--allow-principal', 'User:p', '--operation', 'IdempotentWrite', '--cluster'])
        .state.acls[0].acl.operation,
    ).toBe('IDEMPOTENT_WRITE');
    expect(
      acls(empty, ['--add', '--allow-principal', 'User:p', '--operation', 'describeconfigs', '--cluster'])
        .state.acls[0].acl.operation,
    ).toBe('DESCRIBE_CONFIGS');
    // "Idempotent_Write" maps to UNKNOWN, which no resource type supports.
    expect(
      acls(empty, ['--add', '--allow-principal', 'User:p', '--operation', 'Idempotent_Write', '--cluster'])
        .output.stderr,
    ).toMatch(/^ResourceType CLUSTER only supports operations /);
  });
});

describe('--producer / --consumer convenience (AclCommand#getProducerResourceFilterToAcls, #getConsumerResourceFilterToAcls)', () => {
  it('--producer gives WRITE, DESCRIBE, CREATE on topics and WRITE, DESCRIBE on transactional ids', () => {
    const r = acls(empty, [
      '--add',
      '--allow-principal',
      'User:test2',
      '--producer',
      '--topic',
      'test-1',
      '--transactional-id',
      't0',
    ]);
    expect(r.output.stdout).toBe(
      'Adding ACLs for resource `ResourcePattern(resourceType=TOPIC, name=test-1, patternType=LITERAL)`: \n' +
        ' \t(principal=User:test2, host=*, operation=WRITE, permissionType=ALLOW)\n' +
        '\t(principal=User:test2, host=*, operation=DESCRIBE, permissionType=ALLOW)\n' +
        '\t(principal=User:test2, host=*, operation=CREATE, permissionType=ALLOW) \n\n' +
        'Adding ACLs for resource `ResourcePattern(resourceType=TRANSACTIONAL_ID, name=t0, patternType=LITERAL)`: \n' +
        ' \t(principal=User:test2, host=*, operation=WRITE, permissionType=ALLOW)\n' +
        '\t(principal=User:test2, host=*, operation=DESCRIBE, permissionType=ALLOW) \n\n',
    );
  });

  it('--producer --idempotent adds IDEMPOTENT_WRITE on the cluster', () => {
    const r = acls(empty, [
      '--add',
      '--allow-principal',
      'User:test2',
      '--producer',
      '--idempotent',
      '--topic',
      'test-1',
    ]);
    expect(r.output.stdout).toContain(
      'Adding ACLs for resource `ResourcePattern(resourceType=CLUSTER, name=kafka-cluster, patternType=LITERAL)`: \n' +
        ' \t(principal=User:test2, host=*, operation=IDEMPOTENT_WRITE, permissionType=ALLOW) \n',
    );
  });

  it('--consumer gives READ, DESCRIBE on topics and READ on the group; with --producer the topic sets merge', () => {
    const c = acls(empty, [
      '--add',
      '--allow-principal',
      'User:test2',
      '--consumer',
      '--topic',
      'test-1',
      '--group',
      'testGroup-1',
    ]);
    expect(c.state.acls.map((e) => `${e.acl.resourceType}:${e.acl.operation}`).sort()).toEqual([
      'GROUP:READ',
      'TOPIC:DESCRIBE',
      'TOPIC:READ',
    ]);
    const pc = acls(empty, [
      '--add',
      '--allow-principal',
      'User:test2',
      '--producer',
      '--consumer',
      '--topic',
      'test-1',
      '--group',
      'g',
    ]);
    expect(pc.state.acls.map((e) => `${e.acl.resourceType}:${e.acl.operation}`).sort()).toEqual([
      'GROUP:READ',
      'TOPIC:CREATE',
      'TOPIC:DESCRIBE',
      'TOPIC:READ',
      'TOPIC:WRITE',
    ]);
  });

  it('prefixed tenant namespace: --producer --resource-pattern-type Prefixed --topic Test- then --remove --force (AclCommandTest#testAclsOnPrefixedResources)', () => {
    const line = [
      '--allow-principal',
      'User:test2',
      '--producer',
      '--topic',
      'Test-',
      '--resource-pattern-type',
      'Prefixed',
    ];
    const added = acls(empty, [...line, '--add']);
    expect(
      added.state.acls.map((e) => `${e.acl.patternType}:${e.acl.resourceName}:${e.acl.operation}`),
    ).toEqual(['PREFIXED:Test-:WRITE', 'PREFIXED:Test-:CREATE', 'PREFIXED:Test-:DESCRIBE']);
    const removed = acls(added.state, [...line, '--remove', '--force']);
    expect(removed.output).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(removed.state.acls).toEqual([]);
  });
});

describe('--remove', () => {
  const base = () =>
    acls(empty, [
      '--add',
      '--allow-principal',
      'User:a',
      '--allow-principal',
      'User:b',
      '--operation',
      'Read',
      '--topic',
      't',
    ]).state;

  it('without --force the tool asks "(y/n)"; no answer removes nothing', () => {
    const r = acls(base(), ['--remove', '--topic', 't']);
    expect(r.output.stdout).toBe(
      'Are you sure you want to delete all ACLs for resource filter `ResourcePattern(resourceType=TOPIC, name=t, patternType=LITERAL)`? (y/n)\n',
    );
    expect(r.state.acls).toHaveLength(2);
    const yes = acls(base(), ['--remove', '--topic', 't'], { confirm: () => true });
    expect(yes.state.acls).toHaveLength(0);
  });

  it('with principals it removes just those entries and asks with the entry list', () => {
    const r = acls(
      base(),
      ['--remove', '--allow-principal', 'User:a', '--operation', 'Read', '--topic', 't'],
      { confirm: () => true },
    );
    expect(r.output.stdout).toBe(
      'Are you sure you want to remove ACLs: \n' +
        ' \t(principal=User:a, host=*, operation=READ, permissionType=ALLOW) \n' +
        ' from resource filter `ResourcePattern(resourceType=TOPIC, name=t, patternType=LITERAL)`? (y/n)\n',
    );
    expect(r.state.acls.map((e) => e.acl.principal)).toEqual(['User:b']);
    expect(r.events?.map((e) => e.type)).toEqual(['aclDeleted']);
  });
});

describe('usage errors of AclCommandOptions#checkArgs (AclCommandTest)', () => {
  it('bootstrap options (testUseBootstrapServerOptWithBootstrapControllerOpt, testUseWithoutBootstrapServerOptAndBootstrapControllerOpt)', () => {
    expect(
      usageOf(['--bootstrap-server', 'localhost:9092', '--bootstrap-controller', 'localhost:9092']),
    ).toBe('Only one of --bootstrap-server or --bootstrap-controller must be specified');
    expect(usageOf(['--list'])).toBe('One of --bootstrap-server or --bootstrap-controller must be specified');
  });

  it('exactly one action (testExactlyOneAction)', () => {
    const msg = 'Command must include exactly one action: --list, --add, --remove.';
    expect(usageOf([...BS, '--add', '--list'])).toBe(msg);
    expect(usageOf([...BS, '--add', '--list', '--remove'])).toBe(msg);
  });

  it('option combinations (testUseListPrincipalsOptWithoutListOpt, testUseProducerOptWithoutTopicOpt, testUseIdempotentOptWithoutProducerOpt, testUseConsumerOptWithoutRequiredOpt, testInvalidArgs)', () => {
    expect(usageOf([...BS, '--add', '--principal', 'User:CN=client'])).toBe(
      'The --principal option is only available if --list is set',
    );
    expect(usageOf([...BS, '--add', '--producer'])).toBe('With --producer you must specify a --topic');
    expect(usageOf([...BS, '--add', '--idempotent'])).toBe(
      'The --idempotent option is only available if --producer is set',
    );
    expect(usageOf([...BS, '--add', '--consumer'])).toBe(
      'With --consumer you must specify a --topic and a --group and no --cluster or --transactional-id option should be specified.',
    );
    expect(
      parseAclCommandArgs([...BS, '--add', '--consumer', '--topic', 'test-topic', '--group', 'test-group'])
        .kind,
    ).toBe('done');
    expect(usageOf([...BS, '--list', '--producer'])).toBe(
      'Option "[list]" can\'t be used with option "[producer]"',
    );
    expect(usageOf([...BS, '--add', '--producer', '--operation', 'x'])).toBe(
      'Option "[producer]" can\'t be used with option "[operation]"',
    );
    expect(
      usageOf([
        ...BS,
        '--add',
        '--consumer',
        '--operation',
        'x',
        '--topic',
        'test-topic',
        '--group',
        'test-group',
      ]),
    ).toBe('Option "[consumer]" can\'t be used with option "[operation]"');
  });

  it('--add needs a specific pattern type; UNKNOWN and unknown names fail conversion (AclCommandTest#testPatternTypes)', () => {
    for (const p of ['ANY', 'MATCH']) {
      expect(
        usageOf([
          ...BS,
          '--allow-principal',
          'User:test2',
          '--producer',
          '--topic',
          'Test',
          '--add',
          '--resource-pattern-type',
          p,
        ]),
      ).toBe(`A '--resource-pattern-type' value of '${p}' is not valid when adding acls.`);
    }
    for (const p of ['ANY', 'MATCH', 'LITERAL', 'PREFIXED']) {
      expect(acls(empty, ['--topic', 'Test', '--list', '--resource-pattern-type', p]).output.exitCode).toBe(
        0,
      );
      expect(
        acls(empty, ['--topic', 'Test', '--force', '--remove', '--resource-pattern-type', p]).output.exitCode,
      ).toBe(0);
    }
    const unknown = acls(empty, ['--topic', 'Test', '--list', '--resource-pattern-type', 'UNKNOWN']).output;
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toMatch(
      /^Error while executing ACL command: Cannot parse argument 'UNKNOWN' of option resource-pattern-type\n/,
    );
    expect(
      acls(empty, ['--topic', 'Test', '--list', '--resource-pattern-type', 'fuzzy']).output.stdout,
    ).toContain('Value [fuzzy] is not one of [ANY|MATCH|LITERAL|PREFIXED]');
  });

  it('a resource is required for --add and --remove (AclCommand#getResourceFilter)', () => {
    expect(usageOf([...BS, '--add', '--allow-principal', 'User:a'])).toBe(
      'You must provide at least one resource: --topic <topic> or --cluster or --group <group> or --delegation-token <Delegation Token ID>',
    );
    expect(usageOf([...BS, '--add', '--topic', 't'])).toBe(
      'You must specify one of: --allow-principal, --deny-principal when trying to add ACLs.',
    );
  });
});

describe("bad input gets Kafka's error and changes nothing", () => {
  const before = acls(empty, ['--add', '--allow-principal', 'User:alice', '--topic', 'keep']).state;

  it('a malformed principal: "expected a string in format principalType:principalName but got alice" (SecurityUtils#parseKafkaPrincipal)', () => {
    const r = acls(before, [
      '--add',
      '--allow-principal',
      'alice',
      '--operation',
      'Read',
      '--topic',
      'orders',
    ]);
    expect(r.output).toEqual({
      stdout:
        'Error while executing ACL command: expected a string in format principalType:principalName but got alice\n' +
        'java.lang.IllegalArgumentException: expected a string in format principalType:principalName but got alice\n',
      stderr: '',
      exitCode: 1,
    });
    expect(r.state).toBe(before);
  });

  it('an unknown operation: the resource type lists what it supports (AclCommand#validateOperation)', () => {
    const r = acls(before, [
      '--add',
      '--allow-principal',
      'User:alice',
      '--operation',
      'Fly',
      '--topic',
      'orders',
    ]);
    expect(r.output.exitCode).toBe(1);
    const m = /^ResourceType TOPIC only supports operations (.*)$/.exec(r.output.stderr.trimEnd());
    expect(m).not.toBeNull();
    expect(new Set(m?.[1].split(', '))).toEqual(
      new Set([
        'Read',
        'Write',
        'Create',
        'Describe',
        'Delete',
        'Alter',
        'DescribeConfigs',
        'AlterConfigs',
        'All',
      ]),
    );
    expect(r.state).toBe(before);
    expect(
      acls(before, ['--add', '--allow-principal', 'User:alice', '--operation', 'Write', '--group', 'g'])
        .output.stderr,
    ).toMatch(/^ResourceType GROUP only supports operations /);
    expect(
      acls(before, [
        '--add',
        '--allow-principal',
        'User:a',
        '--operation',
        'Read',
        '--transactional-id',
        'tx',
      ]).output.stderr,
    ).toBe('ResourceType TRANSACTIONAL_ID only supports operations Describe, Write, All\n');
  });

  it('operation Any: "operation must not be ANY" (AccessControlEntry constructor)', () => {
    const r = acls(before, [
      '--add',
      '--allow-principal',
      'User:alice',
      '--operation',
      'Any',
      '--topic',
      'orders',
    ]);
    expect(r.output.stdout).toMatch(/^Error while executing ACL command: operation must not be ANY\n/);
    expect(r.state).toBe(before);
  });

  it("an unknown resource type option: jopt-simple's UnrecognizedOptionException", () => {
    const r = acls(before, ['--add', '--allow-principal', 'User:alice', '--queue', 'orders']);
    expect(r.output).toEqual({
      stdout: '',
      stderr:
        'Exception in thread "main" joptsimple.UnrecognizedOptionException: queue is not a recognized option\n',
      exitCode: 1,
    });
    // Abbreviations are off in Kafka's tools (CommandDefaultOptions): --top is not --topic.
    expect(acls(before, ['--list', '--top', 'x']).output.stderr).toContain('top is not a recognized option');
    expect(acls(before, ['--list', '--topic']).output.stderr).toContain(
      'joptsimple.OptionMissingRequiredArgumentException: Option topic requires an argument',
    );
  });

  it('an empty topic name: the broker refuses after the "Adding ACLs" line (AclApis#handleCreateAcls)', () => {
    const r = acls(before, ['--add', '--allow-principal', 'User:alice', '--topic', '']);
    expect(r.output.stdout).toBe(
      'Adding ACLs for resource `ResourcePattern(resourceType=TOPIC, name=, patternType=LITERAL)`: \n' +
        ' \t(principal=User:alice, host=*, operation=ALL, permissionType=ALLOW) \n\n' +
        'Error while executing ACL command: org.apache.kafka.common.errors.InvalidRequestException: Invalid empty resource name\n' +
        'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidRequestException: Invalid empty resource name\n',
    );
    expect(r.state.acls).toEqual(before.acls);
  });

  it("the tool's own principal needs ALTER on the cluster to add ACLs (AclApis#handleCreateAcls → authorizeClusterOperation)", () => {
    const secured = { ...before, config: { superUsers: ['User:admin'], allowEveryoneIfNoAclFound: false } };
    const denied = acls(secured, ['--add', '--allow-principal', 'User:bob', '--topic', 'x'], {
      admin: { principal: { type: 'User', name: 'bob' }, clientAddress: '10.0.0.7' },
    });
    expect(denied.output.exitCode).toBe(1);
    expect(denied.output.stdout).toContain('ClusterAuthorizationException');
    expect(denied.state).toBe(secured);
    const ok = acls(secured, ['--add', '--allow-principal', 'User:bob', '--topic', 'x'], {
      admin: { principal: { type: 'User', name: 'admin' }, clientAddress: '10.0.0.7' },
    });
    expect(ok.output.exitCode).toBe(0);
  });

  it('--help prints the summary and exits 1; --version prints the version', () => {
    expect(parseAclCommandArgs(['--help'])).toMatchObject({ kind: 'done', output: { exitCode: 1 } });
    expect(parseAclCommandArgs([])).toMatchObject({ kind: 'done', output: { exitCode: 1 } });
    expect(parseAclCommandArgs(['--version'])).toMatchObject({
      kind: 'done',
      output: { stdout: '4.0.0\n', exitCode: 0 },
    });
  });
});
