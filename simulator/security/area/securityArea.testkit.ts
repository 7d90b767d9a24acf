// Helpers for the security area's tests: a cluster with a SASL listener, StandardAuthorizer and an admin,
// and clients given by their properties files.
import { Simulation } from '../../simulation';
import type { ClientRequest } from '../clientRequests';
import type { SecurityClient, SecurityRequestResult } from './types';

export const PLAIN_JAAS =
  'org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret";';
export const SCRAM_JAAS = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';

/** server.properties of a SASL_PLAINTEXT cluster with PLAIN (the admin) and SCRAM-SHA-256 (the apps). */
export const SECURE_BROKER: Record<string, string> = {
  listeners: 'SASL_PLAINTEXT://:9092',
  'advertised.listeners': 'SASL_PLAINTEXT://localhost:9092',
  'inter.broker.listener.name': 'SASL_PLAINTEXT',
  'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256',
  'sasl.mechanism.inter.broker.protocol': 'PLAIN',
  'listener.name.sasl_plaintext.plain.sasl.jaas.config': PLAIN_JAAS,
  'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config': SCRAM_JAAS,
  'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
  'super.users': 'User:admin',
};

export function properties(mechanism: 'PLAIN' | 'SCRAM-SHA-256', user: string, password: string): string {
  const module =
    mechanism === 'PLAIN'
      ? 'org.apache.kafka.common.security.plain.PlainLoginModule'
      : 'org.apache.kafka.common.security.scram.ScramLoginModule';
  return [
    'security.protocol=SASL_PLAINTEXT',
    `sasl.mechanism=${mechanism}`,
    `sasl.jaas.config=${module} required username="${user}" password="${password}";`,
  ].join('\n');
}

export function must<T extends { ok: boolean }>(r: T): T {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r;
}

/** A 1-broker cluster with SECURE_BROKER, admin.properties (PLAIN) and alice.properties (SCRAM). */
export function secureCluster(): Simulation {
  const sim = new Simulation({ brokers: 1, seed: 7 });
  must(sim.dispatch({ type: 'securityConfigure', props: SECURE_BROKER }));
  must(
    sim.dispatch({
      type: 'workspaceWriteFile',
      path: 'admin.properties',
      text: properties('PLAIN', 'admin', 'admin-secret'),
    }),
  );
  must(
    sim.dispatch({
      type: 'workspaceWriteFile',
      path: 'alice.properties',
      text: properties('SCRAM-SHA-256', 'alice', 'alice-secret'),
    }),
  );
  return sim;
}

export function admin(sim: Simulation, tool: 'securityAcls' | 'securityConfigs', line: string) {
  const r = must(
    sim.dispatch({
      type: tool,
      args: (line.includes('--bootstrap-server') ? line : `--bootstrap-server localhost:9092 ${line}`).split(
        ' ',
      ),
      commandConfig: 'admin.properties',
      bootstrapServer: 'localhost:9092',
    }),
  );
  if (!r.ok || r.data === null) throw new Error('no output');
  return r.data;
}

export function request(
  sim: Simulation,
  commandConfig: string | null,
  req: ClientRequest,
  opts: Partial<SecurityClient> & { bytes?: number } = {},
): SecurityRequestResult {
  const { bytes, ...client } = opts;
  const r = sim.dispatch({
    type: 'securityRequest',
    client: {
      clientId: 'console-producer',
      kind: 'producer',
      commandConfig,
      bootstrapServer: 'localhost:9092',
      ...client,
    },
    request: req,
    ...(bytes === undefined ? {} : { bytes }),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.data;
}

export const produce = (topic: string): ClientRequest => ({
  api: 'Produce',
  topics: [topic],
  transactionalId: null,
  transactional: false,
});
