// `security`: the simulation's own command for the brokers' security settings and what the security path
// decided. `security configure FILE` restarts every broker with the security settings of a scratch
// server.properties; `security status` lists listeners, the authorizer and its ACL count; `security log`
// prints the authorizer's audit lines (kafka.authorizer.logger); `security handshake` narrates the last
// connection's TLS/SASL steps (the checks each side makes; no cryptography is computed).
import { type OptionSpec, parseLongOptions } from '../options';
import { Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const USAGE =
  "security configure FILE | security status | security log [N] | security handshake | security keystore PATH --password P --subject 'CN=…' --issuer 'CN=…' [--san host,…] | security truststore PATH --password P --trust 'CN=…'";

const STORE_SPECS: OptionSpec[] = [
  { name: 'password', arg: 'required', help: '' },
  { name: 'subject', arg: 'required', help: '' },
  { name: 'issuer', arg: 'required', help: '' },
  { name: 'san', arg: 'required', help: '' },
  { name: 'trust', arg: 'required', help: '' },
];

/** keytool's part, as records: a keystore with one certificate, or a truststore of trusted issuers. */
function runStore(kind: 'keystore' | 'truststore', rest: string[], ctx: ToolContext) {
  const out = new Output();
  const parsed = parseLongOptions(rest, STORE_SPECS);
  if (parsed.kind === 'error') return out.fail(`security ${kind}: ${parsed.message}`).result();
  const o = parsed.options;
  const path = o.nonOptions[0];
  const password = o.value('password');
  if (!path || password === undefined)
    return out.fail(`security ${kind}: give a PATH and --password`).result();
  if (kind === 'keystore') {
    const subject = o.value('subject');
    const issuer = o.value('issuer');
    if (!subject || !issuer) return out.fail('security keystore: give --subject and --issuer').result();
    const sans = (o.value('san') ?? '').split(',').filter((x) => x !== '');
    const r = ctx.port.writePkiStore({
      path,
      store: { kind, password, certificate: { subject, issuer, subjectAltNames: sans } },
    });
    if (!r.ok) return out.fail(r.error.message).result();
    return out.line(`Keystore ${path}: certificate ${subject}, issued by ${issuer}.`).result();
  }
  const trusted = o.values('trust');
  if (trusted.length === 0) return out.fail('security truststore: give --trust ISSUER').result();
  const r = ctx.port.writePkiStore({ path, store: { kind, password, trustedIssuers: trusted } });
  if (!r.ok) return out.fail(r.error.message).result();
  return out.line(`Truststore ${path}: trusts ${trusted.join('; ')}.`).result();
}

function runSecurity(args: string[], ctx: ToolContext) {
  const out = new Output();
  const [verb, ...rest] = args;
  if (verb === 'configure') {
    if (rest.length !== 1) return out.fail('security configure: give one server.properties file').result();
    const r = ctx.port.configureSecurity(rest[0]);
    if (!r.ok) return out.fail(r.error.message).result();
    const sec = ctx.read.security();
    out.line(
      `Brokers restarted with ${sec.listeners.map((l) => `${l.name}://${l.host ?? ''}:${l.port}`).join(', ')}.`,
    );
    out.line(
      sec.authorizer
        ? `Authorizer: StandardAuthorizer (super.users: ${sec.superUsers.join(';') || 'none'}; allow.everyone.if.no.acl.found=${sec.allowEveryoneIfNoAclFound}).`
        : 'Authorizer: none (authorizer.class.name is not set: every authenticated request is allowed).',
    );
    return out.result();
  }
  if (verb === 'keystore' || verb === 'truststore') return runStore(verb, rest, ctx);
  if (verb === 'status') {
    const sec = ctx.read.security();
    if (!sec.configured) {
      return out
        .line('No security configured: PLAINTEXT://:9092, every client is User:ANONYMOUS, no authorizer.')
        .result();
    }
    for (const l of sec.listeners) {
      const extra = [
        l.saslMechanisms.length > 0 ? `sasl.enabled.mechanisms=${l.saslMechanisms.join(',')}` : null,
        l.securityProtocol.endsWith('SSL') ? `ssl.client.auth=${l.sslClientAuth}` : null,
      ].filter((x) => x !== null);
      out.line(
        `Listener ${l.name} (${l.securityProtocol}) on port ${l.port}${extra.length ? `: ${extra.join(', ')}` : ''}`,
      );
    }
    out.line(
      `Authorizer: ${sec.authorizer ? 'StandardAuthorizer' : 'none'}; ACLs: ${sec.acls.length}; SCRAM credentials: ${sec.scramCredentials.length}; quota entities: ${sec.quotas.length}.`,
    );
    for (const q of sec.quotas)
      out.line(
        `Quota ${q.entity}: ${Object.entries(q.values)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')}`,
      );
    for (const t of sec.throttles.slice(-3))
      out.line(
        `Throttled at ${t.time} ms: ${t.api} of user ${t.user}, client ${t.clientId}: throttle_time_ms=${t.throttleTimeMs}`,
      );
    return out.result();
  }
  if (verb === 'log') {
    const n = rest.length > 0 ? Number(rest[0]) : 10;
    if (!Number.isInteger(n) || n < 1) return out.fail(`security log: not a count: '${rest[0]}'`).result();
    const decisions = ctx.read.security().decisions.slice(-n);
    if (decisions.length === 0) return out.line('No authorizer decisions yet.').result();
    for (const d of decisions)
      out.line(`${d.result === 'DENIED' ? 'INFO' : 'DEBUG'} ${d.auditMessage} (kafka.authorizer.logger)`);
    return out.result();
  }
  if (verb === 'handshake') {
    const h = ctx.read.security().handshakes.at(-1);
    if (!h) return out.line('No client has connected to a secured listener yet.').result();
    out.line(
      `${h.clientId} → listener ${h.listener} (${h.securityProtocol}${h.mechanism ? `, ${h.mechanism}` : ''}):`,
    );
    h.steps.forEach((s, i) => {
      const arrow = s.from === 'client' ? 'client → broker' : 'broker → client';
      out.line(`${i + 1}. ${arrow}: ${s.message} — ${s.detail}`);
      if (s.check) out.line(`   ${s.check.by} checks: ${s.check.what} ${s.check.ok ? '✓' : '✗'}`);
    });
    out.line(h.ok ? `Authenticated as ${h.principal}.` : `Failed: ${h.error}`);
    return out.result();
  }
  return out.fail(`security: unknown action '${verb ?? ''}'. Use: ${USAGE}`).result();
}

export const securityTool: ToolDef = {
  name: 'security',
  aliases: [],
  summary:
    "Configure the brokers' listeners, SASL and authorizer; show the audit log and the last handshake.",
  usage: USAGE,
  subcommands: ['configure', 'status', 'log', 'handshake', 'keystore', 'truststore'],
  flags: ['--password', '--subject', '--issuer', '--san', '--trust'],
  run: runSecurity,
};
