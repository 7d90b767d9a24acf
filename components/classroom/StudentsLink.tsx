'use client';
import { useEffect, useState } from 'react';
import type { Scenario } from '@/simulator';
import { QrCode } from './QrCode';

/** A host only this computer reaches (a course run locally): students' laptops cannot open a link to it. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127\./.test(host) ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

export function studentsUrl(origin: string, scenarioId: string, step: number): string {
  return `${origin}/present/${scenarioId}/?follow=1&step=${step}`;
}

/** The link (and QR code) that opens the same scenario at the same step on a student's laptop. */
export function StudentsLink({
  scenario,
  step,
  offScript = false,
  onClose,
}: {
  scenario: Scenario;
  step: number;
  /** The instructor changed the cluster after this step: the link still opens the scripted step. */
  offScript?: boolean;
  onClose: () => void;
}) {
  const [origin, setOrigin] = useState('');
  const [loopback, setLoopback] = useState(false);
  useEffect(() => setLoopback(isLoopbackHost(window.location.hostname)), []);
  const [copied, setCopied] = useState('');
  useEffect(() => setOrigin(window.location.origin), []);
  const url = origin ? studentsUrl(origin, scenario.id, step) : '';
  return (
    <section
      aria-labelledby="students-heading"
      className="flex flex-wrap items-start gap-6 rounded-xl border-2 border-brand-400 p-4"
    >
      {url && <QrCode text={url} label={`QR code for the students' link to step ${step}`} size={220} />}
      <div className="min-w-0 flex-1">
        <h2 id="students-heading" className="text-xl font-bold">
          Follow along on your laptop
        </h2>
        <p className="mt-1 text-lg">
          Scan the code or open this link: the same cluster, at step {step}, in the lesson layout.
        </p>
        <p className="mt-2 break-all rounded bg-slate-100 p-2 font-mono text-base dark:bg-slate-800">{url}</p>
        {loopback && (
          <p
            className="mt-2 text-base font-semibold text-amber-800 dark:text-amber-300"
            data-testid="students-loopback"
          >
            This course runs on this computer only ({origin}): students’ laptops cannot open this link. Serve
            it on an address the room can reach (or the published site) before sharing it.
          </p>
        )}
        <p className="mt-2 text-base text-slate-700 dark:text-slate-300">
          Students step through it themselves: their page does not follow your screen (the course is static
          files, with no server between your screen and theirs).
        </p>
        {offScript && (
          <p className="mt-2 text-base text-slate-700 dark:text-slate-300" data-testid="students-off-script">
            The link opens the scripted step {step}: the changes you made to the cluster since are not in it.
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          <button
            type="button"
            className="rounded-lg border-2 border-slate-300 px-4 py-2 font-semibold dark:border-slate-600"
            onClick={() => {
              void navigator.clipboard?.writeText(url).then(
                () => setCopied('Link copied.'),
                () => setCopied('Copying failed: select the link and copy it.'),
              );
            }}
          >
            Copy students’ link
          </button>
          <button
            type="button"
            className="rounded-lg border-2 border-slate-300 px-4 py-2 font-semibold dark:border-slate-600"
            onClick={onClose}
          >
            Close
          </button>
          <span role="status" className="self-center">
            {copied}
          </span>
        </div>
      </div>
    </section>
  );
}
