'use client';
// The security path of the last request: listener → authentication → principal → authorizer → the decision
// and the rule that decided it; the authorizer's last decisions in plain words; the ACL table; the last
// connection's TLS/SASL handshake as a stepped sequence diagram (the checks each side makes, no
// cryptography); quota entities and throttled responses. It renders the read model's security() only.
import { useState } from 'react';
import { formatDuration, type SecurityView } from '@/simulator';
import { useRead, useSim, useSimVersion } from '../sim-runtime/useSimulation';
import { Chip, Panel, SimButton } from './ui';

type Decision = SecurityView['decisions'][number];
type Handshake = SecurityView['handshakes'][number];

const RULE_WORDS: Record<string, string> = {
  SuperUser: 'super.users',
  DefaultAllow: 'no ACL, allow.everyone.if.no.acl.found=true',
  DefaultDeny: 'no ACL allows it: deny by default',
  MatchingAcl: 'a matching ACL',
};

/** ACLs shown before "Show all". */
const ACLS_SHOWN = 6;

export function SecurityPathView() {
  const [allAcls, setAllAcls] = useState(false);
  const sim = useSim();
  useSimVersion(sim);
  const read = useRead(sim);
  if (!read) return null;
  const sec = read.security();
  const last = sec.decisions.at(-1) ?? null;
  const handshake = sec.handshakes.at(-1) ?? null;

  return (
    <Panel id="sim-security" title="Security: request path">
      {sec.configured ? (
        <p className="mb-2 flex flex-wrap gap-1.5 text-xs">
          {sec.listeners.map((l) => (
            <Chip key={l.name} tone="info">
              {l.name}:{l.port} {l.securityProtocol}
              {l.saslMechanisms.length > 0 ? ` (${l.saslMechanisms.join(', ')})` : ''}
            </Chip>
          ))}
          <Chip tone={sec.authorizer ? 'ok' : 'warn'}>
            {sec.authorizer ? 'StandardAuthorizer' : 'no authorizer'}
          </Chip>
          {sec.superUsers.length > 0 ? (
            <Chip tone="muted">super.users={sec.superUsers.join(';')}</Chip>
          ) : null}
        </p>
      ) : (
        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
          No security configured: clients connect over PLAINTEXT as User:ANONYMOUS and every request is
          allowed without asking anyone.
        </p>
      )}

      <RequestPath decision={last} handshake={handshake} />

      <h3 className="mt-4 mb-1 text-sm font-semibold text-slate-900 dark:text-white">
        Last authorizer decisions
      </h3>
      {sec.decisions.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No request has reached the authorizer yet.
        </p>
      ) : (
        <ol className="flex flex-col gap-1.5" aria-label="Last authorizer decisions, newest first">
          {sec.decisions
            .slice(-4)
            .reverse()
            .map((d) => (
              <li
                key={d.seq}
                className="rounded-md border border-slate-200 px-2 py-1.5 text-xs dark:border-slate-700"
              >
                <div className="flex flex-wrap items-center gap-1.5">
                  <Chip tone={d.result === 'ALLOWED' ? 'ok' : 'bad'}>
                    {d.result === 'ALLOWED' ? '✓ allowed' : '✗ denied'}
                  </Chip>
                  <span className="font-mono text-slate-900 dark:text-slate-100">{d.principal}</span>
                  <span className="text-slate-700 dark:text-slate-300">
                    {d.operation} {d.resource}
                  </span>
                  <span className="text-slate-500 dark:text-slate-400">
                    {d.api} · {formatDuration(d.time)}
                  </span>
                </div>
                <p className="mt-0.5 break-words text-slate-700 dark:text-slate-300">{d.reason}</p>
              </li>
            ))}
        </ol>
      )}

      <h3 className="mt-4 mb-1 text-sm font-semibold text-slate-900 dark:text-white">ACLs</h3>
      {sec.acls.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No ACLs.{' '}
          {sec.authorizer && !sec.allowEveryoneIfNoAclFound
            ? 'Everyone but the super users is denied everything.'
            : ''}
        </p>
      ) : (
        <ul className="flex flex-col gap-1" aria-label="ACLs in the authorizer's order">
          {(allAcls ? sec.acls : sec.acls.slice(0, ACLS_SHOWN)).map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-1.5 text-xs">
              <Chip tone={a.permissionType === 'ALLOW' ? 'ok' : 'bad'}>{a.permissionType}</Chip>
              <span className="font-mono text-slate-900 dark:text-slate-100">{a.principal}</span>
              <span className="font-semibold text-slate-800 dark:text-slate-200">{a.operation}</span>
              <span className="break-all font-mono text-slate-700 dark:text-slate-300">
                {a.resourceType}:{a.patternType}:{a.resourceName}
              </span>
              {a.host === '*' ? null : (
                <span className="text-slate-500 dark:text-slate-400">from {a.host}</span>
              )}
            </li>
          ))}
        </ul>
      )}
      {sec.acls.length > ACLS_SHOWN ? (
        <div className="mt-1">
          <SimButton
            label={allAcls ? 'Show fewer ACLs' : `Show all ${sec.acls.length} ACLs`}
            onClick={() => setAllAcls(!allAcls)}
          >
            {allAcls ? 'Show fewer' : `Show all ${sec.acls.length}`}
          </SimButton>
        </div>
      ) : null}

      {handshake ? <HandshakeDiagram key={handshake.seq} handshake={handshake} /> : null}

      {sec.quotas.length > 0 || sec.throttles.length > 0 ? (
        <>
          <h3 className="mt-4 mb-1 text-sm font-semibold text-slate-900 dark:text-white">
            Quotas and throttling
          </h3>
          <ul className="flex flex-col gap-1 text-xs" aria-label="Quota entities">
            {sec.quotas.map((q) => (
              <li key={q.entity} className="break-words">
                <span className="font-mono text-slate-900 dark:text-slate-100">{q.entity}</span>{' '}
                <span className="text-slate-700 dark:text-slate-300">
                  {Object.entries(q.values)
                    .map(([k, v]) => `${k}=${v}`)
                    .join(', ')}
                </span>
              </li>
            ))}
          </ul>
          {sec.throttles.length > 0 ? (
            <ol className="mt-1 flex flex-col gap-0.5 text-xs" aria-label="Throttled responses, newest first">
              {sec.throttles
                .slice(-4)
                .reverse()
                .map((t, i) => (
                  <li key={`${t.time}-${i}`} className="text-amber-900 dark:text-amber-200">
                    {formatDuration(t.time)}: {t.api} of {t.user} ({t.clientId}) answered with
                    throttle_time_ms=
                    {t.throttleTimeMs}: the client waits before its next request
                  </li>
                ))}
            </ol>
          ) : null}
        </>
      ) : null}
    </Panel>
  );
}

/** listener → authentication → principal → authorizer → decision, for the last request. */
function RequestPath({ decision, handshake }: { decision: Decision | null; handshake: Handshake | null }) {
  const stages: Array<{ label: string; value: string; tone: 'ok' | 'bad' | 'muted' | 'info' }> = [
    {
      label: 'Listener',
      value: handshake ? `${handshake.listener} (${handshake.securityProtocol})` : 'PLAINTEXT',
      tone: 'info',
    },
    {
      label: 'Authentication',
      value: handshake
        ? handshake.ok
          ? (handshake.mechanism ?? (handshake.securityProtocol.includes('SSL') ? 'TLS' : 'none'))
          : 'failed'
        : 'none',
      tone: handshake && !handshake.ok ? 'bad' : 'muted',
    },
    {
      label: 'Principal',
      value: decision?.principal ?? handshake?.principal ?? 'User:ANONYMOUS',
      tone: 'muted',
    },
    {
      label: 'Authorizer',
      value: decision ? `${decision.operation} ${decision.resource}` : '—',
      tone: 'muted',
    },
    {
      label: 'Decision',
      value: decision ? `${decision.result} (${RULE_WORDS[decision.rule] ?? decision.rule})` : '—',
      tone: decision ? (decision.result === 'ALLOWED' ? 'ok' : 'bad') : 'muted',
    },
  ];
  const tones = {
    ok: 'border-emerald-400 dark:border-emerald-700',
    bad: 'border-red-400 dark:border-red-700',
    muted: 'border-slate-300 dark:border-slate-700',
    info: 'border-sky-400 dark:border-sky-700',
  } as const;
  return (
    <ol
      className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:items-stretch"
      aria-label={decision ? `Request path of the last request, ${decision.api}` : 'Request path'}
      data-testid="security-path"
    >
      {stages.map((s, i) => (
        <li key={s.label} className="flex items-center gap-1 sm:max-w-[12rem]">
          {i > 0 ? (
            <span aria-hidden="true" className="text-slate-400">
              <span className="sm:hidden">↓</span>
              <span className="hidden sm:inline">→</span>
            </span>
          ) : null}
          <div className={`min-w-0 rounded-md border-2 px-2 py-1 text-xs ${tones[s.tone]}`}>
            <div className="font-semibold text-slate-600 dark:text-slate-400">{s.label}</div>
            <div className="break-words font-mono text-slate-900 dark:text-slate-100">{s.value}</div>
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The handshake as a sequence diagram between two lifelines, one step at a time. */
function HandshakeDiagram({ handshake }: { handshake: Handshake }) {
  const total = handshake.steps.length;
  const [shown, setShown] = useState(1);
  const current = handshake.steps[shown - 1];
  return (
    <div className="mt-4">
      <h3 className="mb-1 text-sm font-semibold text-slate-900 dark:text-white">
        Handshake of {handshake.clientId} on {handshake.listener} ({handshake.securityProtocol}
        {handshake.mechanism ? `, ${handshake.mechanism}` : ''})
      </h3>
      <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
        Who sends what and who checks what; no encryption, hashing or signature is computed.
      </p>
      <div className="grid grid-cols-2 text-xs font-semibold text-slate-700 dark:text-slate-300">
        <span>Client</span>
        <span className="text-right">Broker</span>
      </div>
      <ol
        className="relative border-x-2 border-slate-300 px-1 dark:border-slate-600"
        aria-label="Handshake steps"
      >
        {handshake.steps.slice(0, shown).map((s, i) => {
          const failed = s.check?.ok === false;
          return (
            <li
              key={`${i}-${s.message}`}
              className={`py-1 ${i === shown - 1 ? 'sim-cell-in' : 'opacity-70'}`}
            >
              <div
                className={`text-[11px] leading-tight ${s.from === 'client' ? 'text-left' : 'text-right'} text-slate-900 dark:text-slate-100`}
              >
                {i + 1}. {s.message}
              </div>
              <div
                aria-hidden="true"
                className={`flex items-center ${s.from === 'client' ? '' : 'flex-row-reverse'} ${failed ? 'text-red-600 dark:text-red-400' : 'text-brand-700 dark:text-brand-300'}`}
              >
                <span className="h-0.5 flex-1 bg-current" />
                <span>{s.from === 'client' ? '▶' : '◀'}</span>
              </div>
            </li>
          );
        })}
      </ol>
      {current ? (
        <div className="mt-1 text-xs text-slate-800 dark:text-slate-200" aria-live="polite">
          <p className="break-words">
            Step {shown} of {total}, {current.from === 'client' ? 'client → broker' : 'broker → client'}:{' '}
            <strong>{current.message}</strong> ({current.detail}).
          </p>
          {current.check ? (
            <p
              className={`break-words ${current.check.ok ? '' : 'font-semibold text-red-800 dark:text-red-300'}`}
            >
              The {current.check.by} checks: {current.check.what} — {current.check.ok ? 'yes' : 'no'}.
            </p>
          ) : null}
          {shown === total ? (
            <p className="mt-0.5 font-semibold">
              {handshake.ok ? `Authenticated as ${handshake.principal}.` : `Failed: ${handshake.error}`}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-2">
        <SimButton label="Previous handshake step" disabled={shown <= 1} onClick={() => setShown(shown - 1)}>
          ◀ Previous
        </SimButton>
        <SimButton
          variant="primary"
          label="Next handshake step"
          disabled={shown >= total}
          onClick={() => setShown(shown + 1)}
        >
          Next ▶
        </SimButton>
        <SimButton label="Show all handshake steps" disabled={shown >= total} onClick={() => setShown(total)}>
          Show all
        </SimButton>
      </div>
    </div>
  );
}
