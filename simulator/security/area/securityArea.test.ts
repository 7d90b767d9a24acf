// The security area against a real Simulation: principals from --command-config files, the authorizer's
// decisions on every request with Kafka's client exceptions, kafka-acls.sh / kafka-configs.sh changing
// state.areas.security, SCRAM authentication, quotas throttling, and replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateGoal } from '../../goals/evaluateGoal';
import { readModel } from '../../read/index';
import { Simulation } from '../../simulation';
import type { ClientRequest } from '../clientRequests';
import {
  admin,
  must,
  produce,
  properties,
  request,
  SECURE_BROKER,
  secureCluster,
} from './securityArea.testkit';

function withAlice(): Simulation {
  const sim = secureCluster();
  admin(
    sim,
    'securityConfigs',
    '--bootstrap-server localhost:9092 --alter --add-config SCRAM-SHA-256=[iterations=8192,password=alice-secret] --entity-type users --entity-name alice',
  );
  return sim;
}

describe('no security configured: a cluster behaves exactly as before', () => {
  it('every request is PLAINTEXT as User:ANONYMOUS and allowed, nothing consulted (AuthHelper#authorize with no authorizer)', () => {
    const sim = new Simulation({ brokers: 1, seed: 1 });
    const r = request(sim, null, produce('orders'));
    expect(r).toMatchObject({
      kind: 'decided',
      principal: 'User:ANONYMOUS',
      allowed: true,
      throttleTimeMs: 0,
    });
    expect(readModel(sim).security()).toMatchObject({ configured: false, decisions: [], handshakes: [] });
  });

  it('kafka-acls.sh without an authorizer: SecurityDisabledException "No Authorizer is configured on the broker"', () => {
    const sim = new Simulation({ brokers: 1, seed: 1 });
    const r = must(
      sim.dispatch({
        type: 'securityAcls',
        args: ['--bootstrap-server', 'localhost:9092', '--list'],
        commandConfig: null,
        bootstrapServer: null,
      }),
    );
    if (!r.ok) throw new Error();
    expect(r.data.stdout).toContain(
      'org.apache.kafka.common.errors.SecurityDisabledException: No Authorizer is configured on the broker',
    );
    expect(r.data.exitCode).toBe(1);
  });
});

describe('authentication decides the principal (DefaultKafkaPrincipalBuilder)', () => {
  it('SASL/SCRAM with the credential kafka-configs.sh created: User:alice', () => {
    const sim = withAlice();
    const r = request(sim, 'alice.properties', produce('orders'));
    expect(r).toMatchObject({ kind: 'decided', principal: 'User:alice' });
    const hs = readModel(sim).security().handshakes.at(-1);
    expect(hs).toMatchObject({
      ok: true,
      principal: 'User:alice',
      mechanism: 'SCRAM-SHA-256',
      listener: 'SASL_PLAINTEXT',
    });
    expect(hs?.steps.length).toBeGreaterThan(2);
  });

  it('a wrong SCRAM password fails with SaslAuthenticationException "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256"', () => {
    const sim = withAlice();
    must(
      sim.dispatch({
        type: 'workspaceWriteFile',
        path: 'mallory.properties',
        text: properties('SCRAM-SHA-256', 'alice', 'guess'),
      }),
    );
    const r = request(sim, 'mallory.properties', produce('orders'));
    expect(r.kind).toBe('not-connected');
    if (r.kind !== 'not-connected') return;
    expect(r.clientError).toBe(
      'org.apache.kafka.common.errors.SaslAuthenticationException: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256',
    );
    expect(sim.events.some((e) => e.type === 'authenticationFailed')).toBe(true);
  });

  it('a missing --command-config file: java.nio.file.NoSuchFileException', () => {
    const sim = secureCluster();
    expect(request(sim, 'nope.properties', produce('orders'))).toEqual({
      kind: 'not-connected',
      clientError: 'java.nio.file.NoSuchFileException: nope.properties',
      clientLog: null,
    });
  });
});

describe('the authorizer decides every request (StandardAuthorizer, KafkaApis)', () => {
  it('no ACL: Produce is refused with TopicAuthorizationException "Not authorized to access topics: [orders]", the decision is kept with its audit line', () => {
    const sim = withAlice();
    const r = request(sim, 'alice.properties', produce('orders'));
    expect(r).toMatchObject({
      kind: 'decided',
      allowed: false,
      error: 'TOPIC_AUTHORIZATION_FAILED',
      clientException:
        'org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders]',
    });
    const d = readModel(sim).security().decisions.at(-1);
    expect(d).toMatchObject({
      principal: 'User:alice',
      operation: 'WRITE',
      result: 'DENIED',
      rule: 'DefaultDeny',
    });
    expect(d?.auditMessage).toContain('Principal = User:alice is Denied operation = WRITE');
    expect(d?.reason).toContain('deny by default');
  });

  it('kafka-acls.sh --add of Write on the topic lets the same request through, decided by that ACL', () => {
    const sim = withAlice();
    const out = admin(
      sim,
      'securityAcls',
      '--bootstrap-server localhost:9092 --add --allow-principal User:alice --operation Write --topic orders',
    );
    // AclCommand#addAcls (4.0): the ACLs being added, no listing afterwards.
    expect(out.stdout).toBe(
      'Adding ACLs for resource `ResourcePattern(resourceType=TOPIC, name=orders, patternType=LITERAL)`: \n' +
        ' \t(principal=User:alice, host=*, operation=WRITE, permissionType=ALLOW) \n\n',
    );
    expect(readModel(sim).security().acls).toHaveLength(1);
    expect(request(sim, 'alice.properties', produce('orders'))).toMatchObject({ allowed: true });
    expect(readModel(sim).security().decisions.at(-1)).toMatchObject({
      result: 'ALLOWED',
      rule: 'MatchingAcl',
    });
  });

  it('a consumer group needs Read on the group too: GroupAuthorizationException "Not authorized to access group: billing"', () => {
    const sim = withAlice();
    admin(sim, 'securityAcls', '--add --allow-principal User:alice --operation Read --topic orders');
    const join = request(
      sim,
      'alice.properties',
      { api: 'JoinGroup', groupId: 'billing' },
      { kind: 'consumer' },
    );
    expect(join).toMatchObject({
      allowed: false,
      clientException:
        'org.apache.kafka.common.errors.GroupAuthorizationException: Not authorized to access group: billing',
    });
    admin(sim, 'securityAcls', '--add --allow-principal User:alice --operation Read --group billing');
    expect(request(sim, 'alice.properties', { api: 'JoinGroup', groupId: 'billing' })).toMatchObject({
      allowed: true,
    });
    expect(request(sim, 'alice.properties', { api: 'Fetch', topics: ['orders'] })).toMatchObject({
      allowed: true,
    });
  });

  it('a super user is allowed without ACLs (super.users)', () => {
    const sim = secureCluster();
    expect(request(sim, 'admin.properties', produce('orders'))).toMatchObject({
      principal: 'User:admin',
      allowed: true,
    });
    expect(readModel(sim).security().decisions.at(-1)).toMatchObject({
      rule: 'SuperUser',
      result: 'ALLOWED',
    });
  });

  it('kafka-acls.sh run by a principal without ALTER on the cluster changes nothing (AclApis: CreateAcls needs ALTER)', () => {
    const sim = withAlice();
    const r = must(
      sim.dispatch({
        type: 'securityAcls',
        args: '--bootstrap-server localhost:9092 --add --allow-principal User:alice --operation All --topic *'.split(
          ' ',
        ),
        commandConfig: 'alice.properties',
        bootstrapServer: null,
      }),
    );
    if (!r.ok) throw new Error();
    expect(`${r.data.stdout}${r.data.stderr}`).toContain('ClusterAuthorizationException');
    expect(readModel(sim).security().acls).toEqual([]);
  });

  it('property: under random Read/Write ACLs a request is allowed exactly when an ACL grants its operation (deny by default)', () => {
    const ops = ['Read', 'Write'] as const;
    fc.assert(
      fc.property(
        fc.subarray(['orders', 'payments'] as const),
        fc.subarray([...ops]),
        fc.constantFrom('orders', 'payments'),
        fc.constantFrom(...ops),
        (topics, granted, topic, op) => {
          const sim = withAlice();
          for (const t of topics)
            for (const g of granted)
              admin(sim, 'securityAcls', `--add --allow-principal User:alice --operation ${g} --topic ${t}`);
          const req: ClientRequest = op === 'Write' ? produce(topic) : { api: 'Fetch', topics: [topic] };
          const r = request(sim, 'alice.properties', req);
          const expected =
            (topics as readonly string[]).includes(topic) && (granted as readonly string[]).includes(op);
          return r.kind === 'decided' && r.allowed === expected;
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });
});

describe('quotas throttle with Kafka throttle time (ClientQuotaManager, QuotaUtils#throttleTime)', () => {
  it('producer_byte_rate=500 for User:alice: 400 B/s for 10 s, then 2300 B half a second later → throttle_time_ms 2100', () => {
    const sim = withAlice();
    admin(
      sim,
      'securityConfigs',
      '--alter --add-config producer_byte_rate=500 --entity-type users --entity-name alice',
    );
    admin(sim, 'securityAcls', '--add --allow-principal User:alice --operation Write --topic orders');
    for (let i = 0; i < 10; i++) {
      expect(request(sim, 'alice.properties', produce('orders'), { bytes: 400 })).toMatchObject({
        throttleTimeMs: 0,
      });
      must(sim.dispatch({ type: 'advanceClock', ms: 1000 }));
    }
    must(sim.dispatch({ type: 'advanceClock', ms: 500 }));
    expect(request(sim, 'alice.properties', produce('orders'), { bytes: 2300 })).toMatchObject({
      throttleTimeMs: 2100,
    });
    const sec = readModel(sim).security();
    expect(sec.throttles.at(-1)).toMatchObject({ user: 'alice', throttleTimeMs: 2100, api: 'Produce' });
    expect(sec.quotas).toEqual([{ entity: 'users/alice', values: { producer_byte_rate: 500 } }]);
    expect(sim.events.some((e) => e.type === 'clientThrottled')).toBe(true);
  });
});

describe('the area is plain, replayable data', () => {
  it('a refused server.properties changes nothing (KafkaConfig validation)', () => {
    const sim = new Simulation({ brokers: 1, seed: 1 });
    const before = JSON.stringify(sim.state);
    const r = sim.dispatch({
      type: 'securityConfigure',
      props: { ...SECURE_BROKER, 'authorizer.class.name': 'kafka.security.authorizer.AclAuthorizer' },
    });
    expect(r.ok).toBe(false);
    expect(JSON.stringify(sim.state)).toBe(before);
  });

  it('replay of the log rebuilds the same security state', () => {
    const sim = withAlice();
    admin(sim, 'securityAcls', '--add --allow-principal User:alice --operation Read --topic orders');
    request(sim, 'alice.properties', produce('orders'));
    const again = Simulation.replay(sim.init, sim.log);
    expect(JSON.stringify(again.state.areas.security)).toBe(JSON.stringify(sim.state.areas.security));
  });
});

describe('challenge goals read the authorizer (aclAllows, clientQuota)', () => {
  it('aclAllows is met exactly when StandardAuthorizer would allow the action now; clientQuota reads the entity', () => {
    const sim = withAlice();
    const goal = {
      description: 'alice consumes orders in group billing, and may not write',
      conditions: [
        {
          kind: 'aclAllows',
          principal: 'User:alice',
          operation: 'Read',
          resourceType: 'Topic',
          resourceName: 'orders',
          allowed: true,
        },
        {
          kind: 'aclAllows',
          principal: 'User:alice',
          operation: 'Read',
          resourceType: 'Group',
          resourceName: 'billing',
          allowed: true,
        },
        {
          kind: 'aclAllows',
          principal: 'User:alice',
          operation: 'Write',
          resourceType: 'Topic',
          resourceName: 'orders',
          allowed: false,
        },
      ],
    };
    expect(evaluateGoal(readModel(sim), goal).met).toBe(false);
    admin(
      sim,
      'securityAcls',
      '--add --allow-principal User:alice --consumer --topic orders --group billing',
    );
    expect(evaluateGoal(readModel(sim), goal).met).toBe(true);
    admin(sim, 'securityAcls', '--add --allow-principal User:* --operation All --topic *');
    expect(evaluateGoal(readModel(sim), goal).details.map((d) => d.met)).toEqual([true, true, false]);
    const quota = {
      description: 'alice is capped',
      conditions: [{ kind: 'clientQuota', entity: 'users/alice', key: 'producer_byte_rate', atMost: 1024 }],
    };
    expect(evaluateGoal(readModel(sim), quota).met).toBe(false);
    admin(
      sim,
      'securityConfigs',
      '--alter --add-config producer_byte_rate=1024 --entity-type users --entity-name alice',
    );
    expect(evaluateGoal(readModel(sim), quota).met).toBe(true);
  });
});
