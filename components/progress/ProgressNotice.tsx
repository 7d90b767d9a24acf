'use client';

import { useEffect, useState } from 'react';
import { downloadText } from '@/lib/download';
import {
  discardKeptAside,
  type KeptAside,
  readKeptAside,
  useProgress,
  useProgressHydrated,
  useProgressStore,
} from '@/lib/progress';

// Shown when stored progress could not be read: the unreadable data was moved aside (not deleted), a fresh
// record started, and the learner can download the kept copy or delete it.

export function ProgressNotice() {
  const hydrated = useProgressHydrated();
  const recovery = useProgress((state) => state.recovery);
  const [kept, setKept] = useState<KeptAside[]>([]);
  const [confirming, setConfirming] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new recovery means a new copy was kept aside
  useEffect(() => {
    if (hydrated) setKept(readKeptAside());
  }, [hydrated, recovery]);

  if (!hydrated || kept.length === 0) return null;
  const latest = kept[kept.length - 1];

  return (
    <div
      role="alert"
      data-progress-notice
      className="not-prose mx-auto my-4 max-w-6xl rounded-lg border-l-4 border-amber-500 bg-amber-50 p-4 text-slate-900 dark:bg-amber-950/50 dark:text-slate-100"
    >
      <p className="font-semibold">Your saved progress could not be read, so a fresh record has started.</p>
      <p className="mt-1 text-sm">
        The unreadable data was not thrown away: it is kept aside in this browser
        {kept.length > 1 ? ` (${kept.length} copies)` : ''}. Reason: {latest.reason}. You can download it to
        keep or to repair by hand.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          onClick={() =>
            downloadText(
              `kafka-roadmap-unreadable-progress-${latest.at || 'unknown'}.json`,
              kept.length === 1 ? latest.raw : JSON.stringify(kept, null, 2),
            )
          }
          className="rounded-md bg-amber-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-900"
        >
          Download the unreadable data
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              onClick={() => {
                for (const entry of kept) discardKeptAside(entry.key);
                setKept([]);
                setConfirming(false);
                useProgressStore.getState().dismissRecovery();
              }}
              className="rounded-md border border-rose-700 px-3 py-1.5 text-sm font-semibold text-rose-800 hover:bg-rose-50 dark:border-rose-400 dark:text-rose-200 dark:hover:bg-rose-950"
            >
              Yes, delete the kept copy for good
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold"
            >
              Keep it
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="rounded-md border border-slate-400 px-3 py-1.5 text-sm font-semibold hover:bg-white dark:hover:bg-slate-900"
          >
            Delete the kept copy
          </button>
        )}
      </div>
    </div>
  );
}
