// kafka-configs.sh for users and clients: SCRAM credentials and quotas (ConfigCommand, ScramControlManager,
// ClientQuotaControlManager), golden outputs.
import { describe, expect, it } from 'vitest';
import { EMPTY_QUOTA_CONFIG, effectiveQuota } from './clientQuotas';
import {
  type ConfigCommandState,
  javaParseDouble,
  parseConfigCommandArgs,
  parseConfigsToBeAdded,
  runConfigCommand,
} from './configCommand';
import { EMPTY_SCRAM_STATE } from './scram';

const BS = ['--bootstrap-server', 'localhost:9092'];
const empty: ConfigCommandState = { quotas: EMPTY_QUOTA_CONFIG, scram: EMPTY_SCRAM_STATE };

function configs(state: ConfigCommandState, line: string[]) {
  const args = [...BS, ...line];
  const p = parseConfigCommandArgs(args);
  if (p.kind === 'other-entity-type') throw new Error('not a users/clients command');
  if (p.kind === 'done') return { state, output: p.output, events: [] };
  return runConfigCommand(state, p.request, p.args);
}

describe('SCRAM credentials through kafka-configs.sh --entity-type users', () => {
  it("--add-config 'SCRAM-SHA-256=[iterations=8192,password=alice-secret]' creates the credential (security.html SCRAM example)", () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-256=[iterations=8192,password=alice-secret]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]);
    expect(r.output).toEqual({
      stdout: 'Completed updating config for user alice.\n',
      stderr: '',
      exitCode: 0,
    });
    expect(r.state.scram.credentials).toEqual([
      { user: 'alice', mechanism: 'SCRAM-SHA-256', iterations: 8192, password: 'alice-secret' },
    ]);
    expect(r.events.map((e) => e.type)).toEqual(['scramCredentialUpserted']);
  });

  it('iterations default to 4096 (ConfigCommand#DefaultScramIterations); describe lists the mechanisms', () => {
    let s = configs(empty, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-256=[password=a]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]).state;
    s = configs(s, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-512=[iterations=8192,password=b]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]).state;
    expect(s.scram.credentials.map((c) => `${c.mechanism}:${c.iterations}`)).toEqual([
      'SCRAM-SHA-256:4096',
      'SCRAM-SHA-512:8192',
    ]);
    s = configs(s, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-256=[password=x]',
      '--entity-type',
      'users',
      '--entity-name',
      'bob',
    ]).state;
    expect(configs(s, ['--describe', '--entity-type', 'users', '--entity-name', 'alice']).output.stdout).toBe(
      "SCRAM credential configs for user-principal 'alice' are SCRAM-SHA-256=iterations=4096, SCRAM-SHA-512=iterations=8192\n",
    );
    const all = configs(s, ['--describe', '--entity-type', 'users']).output.stdout;
    expect(all.split('\n').filter((l) => l.startsWith('SCRAM credential configs'))).toHaveLength(2);
  });

  it('two mechanisms for one user in one command: the KRaft controller alters a user once per request (ScramControlManager, AlterUserScramCredentialsRequestTest)', () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-256=[password=a],SCRAM-SHA-512=[password=b]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]);
    expect(r.output.stderr).toContain(
      'org.apache.kafka.common.errors.DuplicateResourceException: A user credential cannot be altered twice in the same request',
    );
    expect(r.state).toBe(empty);
  });

  it('fewer iterations than the mechanism minimum: "Iterations 1000 is less than the minimum 4096 required for SCRAM-SHA-256"', () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-256=[iterations=1000,password=a]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]);
    expect(r.output).toEqual({
      stdout: '',
      stderr: 'Iterations 1000 is less than the minimum 4096 required for SCRAM-SHA-256\n',
      exitCode: 1,
    });
    expect(r.state).toBe(empty);
  });

  it('more than 16384 iterations: the controller refuses with "Too many iterations" (ScramControlManager#validateUpsertion)', () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-512=[iterations=20000,password=a]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]);
    expect(r.output.exitCode).toBe(1);
    expect(r.output.stderr).toContain(
      'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.UnacceptableCredentialException: Too many iterations',
    );
    expect(r.state).toBe(empty);
  });

  it('a malformed credential names the internal enum constant (ScramMechanism has no toString): "Invalid credential property SCRAM_SHA_256=…"', () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-256=[pass=a]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]);
    expect(r.output.stderr).toBe('Invalid credential property SCRAM_SHA_256=pass=a\n');
  });

  it('--delete-config SCRAM-SHA-256 removes it; deleting a missing one is "Attempt to delete a user credential that does not exist"', () => {
    const s = configs(empty, [
      '--alter',
      '--add-config',
      'SCRAM-SHA-256=[password=a]',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]).state;
    const del = configs(s, [
      '--alter',
      '--delete-config',
      'SCRAM-SHA-256',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]);
    expect(del.state.scram.credentials).toEqual([]);
    const again = configs(del.state, [
      '--alter',
      '--delete-config',
      'SCRAM-SHA-256',
      '--entity-type',
      'users',
      '--entity-name',
      'alice',
    ]);
    expect(again.output.stderr).toContain(
      'ResourceNotFoundException: Attempt to delete a user credential that does not exist',
    );
  });

  it('SCRAM and quotas cannot be mixed; SCRAM is refused for the default user and for clients', () => {
    expect(
      configs(empty, [
        '--alter',
        '--add-config',
        'SCRAM-SHA-256=[password=a],producer_byte_rate=1024',
        '--entity-type',
        'users',
        '--entity-name',
        'alice',
      ]).output.stderr,
    ).toBe(
      "Cannot alter both quota and SCRAM credential configs simultaneously for 'users' using --bootstrap-server.\n",
    );
    expect(
      configs(empty, [
        '--alter',
        '--add-config',
        'SCRAM-SHA-256=[password=a]',
        '--entity-type',
        'users',
        '--entity-default',
      ]).output.stderr,
    ).toBe(
      'The use of --entity-default or --user-defaults is not allowed with User SCRAM Credentials using --bootstrap-server.\n',
    );
    expect(
      configs(empty, [
        '--alter',
        '--add-config',
        'SCRAM-SHA-256=[password=a]',
        '--entity-type',
        'clients',
        '--entity-name',
        'c',
      ]).output.stderr,
    ).toBe(
      "Only quota configs can be added for 'clients' using --bootstrap-server. Unexpected config names: Set(SCRAM-SHA-256)\n",
    );
    expect(
      configs(empty, ['--alter', '--add-config', 'foo=1', '--entity-type', 'users', '--entity-name', 'a'])
        .output.stderr,
    ).toBe(
      "Only quota and SCRAM credential configs can be added for 'users' using --bootstrap-server. Unexpected config names: Set(foo)\n",
    );
  });
});

describe('quotas through kafka-configs.sh (ops.html "Setting quotas")', () => {
  it('user + client quota: "Completed updating config for user user1." and the describe line with doubles (Double#toString)', () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'producer_byte_rate=1024,consumer_byte_rate=2048,request_percentage=200',
      '--entity-type',
      'users',
      '--entity-name',
      'user1',
      '--entity-type',
      'clients',
      '--entity-name',
      'clientA',
    ]);
    expect(r.output.stdout).toBe('Completed updating config for user user1.\n');
    const d = configs(r.state, [
      '--describe',
      '--entity-type',
      'users',
      '--entity-name',
      'user1',
      '--entity-type',
      'clients',
      '--entity-name',
      'clientA',
    ]);
    // DescribeClientQuotasResponse builds a HashMap(3); this is its iteration order, measured on JDK 17.
    expect(d.output.stdout).toBe(
      "Quota configs for user-principal 'user1', client-id 'clientA' are consumer_byte_rate=2048.0, producer_byte_rate=1024.0, request_percentage=200.0\n",
    );
    expect(effectiveQuota(r.state.quotas, 'producer_byte_rate', 'user1', 'clientA').limit?.bound).toBe(1024);
  });

  it('--entity-default: "Completed updating default config for users in the cluster." and "the default user-principal"', () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'producer_byte_rate=10485760',
      '--entity-type',
      'users',
      '--entity-default',
    ]);
    expect(r.output.stdout).toBe('Completed updating default config for users in the cluster.\n');
    expect(configs(r.state, ['--describe', '--entity-type', 'users', '--entity-default']).output.stdout).toBe(
      'Quota configs for the default user-principal are producer_byte_rate=1.048576E7\n',
    );
  });

  it('--client c --user u shortcut flags: types follow the flag declaration order, clients first', () => {
    const r = configs(empty, [
      '--alter',
      '--add-config',
      'consumer_byte_rate=100',
      '--user',
      'u',
      '--client',
      'c',
    ]);
    expect(r.output.stdout).toBe('Completed updating config for client c.\n');
    expect(effectiveQuota(r.state.quotas, 'consumer_byte_rate', 'u', 'c').limit?.entity).toEqual({
      user: 'u',
      clientId: 'c',
    });
  });

  it('controller-side validation: "Quota producer_byte_rate must be greater than 0", fractional byte rates (ClientQuotaControlManager)', () => {
    const zero = configs(empty, [
      '--alter',
      '--add-config',
      'producer_byte_rate=0',
      '--entity-type',
      'clients',
      '--entity-name',
      'c',
    ]);
    expect(zero.output.stderr).toBe(
      "Error while executing config command with args '--bootstrap-server localhost:9092 --alter --add-config producer_byte_rate=0 --entity-type clients --entity-name c'\n" +
        'java.util.concurrent.ExecutionException: org.apache.kafka.common.errors.InvalidRequestException: Quota producer_byte_rate must be greater than 0\n',
    );
    expect(zero.state).toBe(empty);
    expect(
      configs(empty, [
        '--alter',
        '--add-config',
        'producer_byte_rate=1.5',
        '--entity-type',
        'clients',
        '--entity-name',
        'c',
      ]).output.stderr,
    ).toContain('producer_byte_rate cannot be a fractional value.');
    expect(
      configs(empty, [
        '--alter',
        '--add-config',
        'producer_byte_rate=lots',
        '--entity-type',
        'clients',
        '--entity-name',
        'c',
      ]).output.stderr,
    ).toBe('Cannot parse quota configuration value for producer_byte_rate: lots\n');
  });

  it('deleting a quota that is not set: "Invalid config(s): consumer_byte_rate"', () => {
    expect(
      configs(empty, [
        '--alter',
        '--delete-config',
        'consumer_byte_rate',
        '--entity-type',
        'users',
        '--entity-name',
        'u',
      ]).output.stderr,
    ).toBe('Invalid config(s): consumer_byte_rate\n');
  });

  it("the tool's own checks (ConfigCommandOptions#checkArgs)", () => {
    const e = (line: string[], withBootstrap = true) => {
      const p = parseConfigCommandArgs(withBootstrap ? [...BS, ...line] : line);
      return p.kind === 'done' ? p.output.stderr.trimEnd() : p.kind;
    };
    expect(e(['--entity-type', 'users'])).toBe(
      'Command must include exactly one action: --describe, --alter',
    );
    expect(e(['--alter', '--add-config', 'producer_byte_rate=1', '--entity-type', 'users'])).toBe(
      'An entity-name or default entity must be specified with --alter of users, clients, brokers or ips',
    );
    expect(e(['--alter', '--entity-type', 'users', '--entity-name', 'u'])).toBe(
      'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter',
    );
    expect(
      e(
        ['--alter', '--add-config', 'producer_byte_rate=1', '--entity-type', 'users', '--entity-name', 'u'],
        false,
      ),
    ).toBe(
      'One of the required --bootstrap-server, --boostrap-controller, or --zookeeper arguments must be specified',
    );
    expect(e(['--describe', '--entity-type', 'users', '--entity-type', 'topics'])).toBe('other-entity-type');
    expect(e(['--describe', '--entity-type', 'queues'])).toBe(
      'Invalid entity type queues, the entity type must be one of topics, clients, users, brokers, ips, broker-loggers, client-metrics, groups with a --bootstrap-server or --bootstrap-controller argument',
    );
    expect(
      e(['--alter', '--add-config', 'producer_byte_rate', '--entity-type', 'users', '--entity-name', 'u']),
    ).toBe(
      'requirement failed: Invalid entity config: all configs to be added must be in the format "key=val".',
    );
    expect(e(['--describe', '--entity-type', 'users', '--topc', 'x'])).toBe(
      'topc is not a recognized option',
    );
  });

  it('--add-config splitting: commas inside [] stay, brackets are dropped from values (ConfigCommand#parseConfigsToBeAdded)', () => {
    expect(parseConfigsToBeAdded('k1=v1,k2=[v1,v2,v2],k3=v3')).toEqual([
      ['k1', 'v1'],
      ['k2', 'v1,v2,v2'],
      ['k3', 'v3'],
    ]);
    expect(parseConfigsToBeAdded('ssl.endpoint.identification.algorithm=')).toEqual([
      ['ssl.endpoint.identification.algorithm', ''],
    ]);
  });

  it('values parse like Double.parseDouble (a "d" suffix and exponents are accepted)', () => {
    expect(javaParseDouble('1024')).toBe(1024);
    expect(javaParseDouble(' 1e3 ')).toBe(1000);
    expect(javaParseDouble('10d')).toBe(10);
    expect(javaParseDouble('ten')).toBeNull();
  });
});
