'use client';
import { useEffect, useState } from 'react';
import type { Scenario } from '@/simulator';
import { QrCode } from './QrCode';

export function studentsUrl(origin: string, scenarioId: string, step: number): string {
  return `${origin}/present/${scenarioId}/?follow=1&step=${step}`;
}

/** The link (and QR code) that opens the same scenario at the same step on a student's laptop. */
export function StudentsLink({
  scenario,
  step,
  onClose,
}: {
  scenario: Scenario;
  step: number;
  onClose: () => void;
}) {
  const [origin, setOrigin] = useState('');
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
