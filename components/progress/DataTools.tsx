'use client';

import { useId, useRef, useState } from 'react';
import { downloadText } from '@/lib/download';
import { currentProgress, type ProgressData, replaceProgress, resetProgress } from '@/lib/progress';
import { exportFileName, exportProgress, MAX_IMPORT_BYTES, parseImport } from '@/lib/progress/transfer';

// Export, import and reset. Import checks the whole file before anything changes and asks before
// replacing; reset asks first too. Files go between this browser and the learner's disk only.

type Pending = { fileName: string; data: ProgressData };

function summarise(data: ProgressData): string {
  const solved = Object.values(data.challenges).filter((challenge) => challenge.solved).length;
  const read = Object.values(data.lessons).filter((lesson) => lesson.readToEndAt).length;
  return `${read} lessons read, ${solved} challenges solved, ${Object.keys(data.quizzes).length} quizzes tried, ${
    Object.keys(data.marks).length
  } topics marked by hand`;
}

const buttonClass =
  'rounded-lg border border-slate-300 px-4 py-2 text-sm font-semibold text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800';

export function DataTools() {
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  function exportNow() {
    const now = Date.now();
    downloadText(exportFileName(now), JSON.stringify(exportProgress(currentProgress(), now), null, 2));
    setMessage({ kind: 'ok', text: 'Your progress was saved as a file.' });
  }

  async function chooseFile(file: File | undefined) {
    setPending(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setMessage({
        kind: 'error',
        text: `${file.name} is far larger than a progress export; nothing was imported.`,
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setMessage({ kind: 'error', text: `${file.name} could not be read; nothing was imported.` });
      return;
    }
    const result = parseImport(text);
    if (!result.ok) {
      setMessage({ kind: 'error', text: `${file.name}: ${result.message}` });
      return;
    }
    setMessage(null);
    setPending({ fileName: file.name, data: result.data });
  }

  function confirmImport() {
    if (!pending) return;
    replaceProgress(pending.data);
    setMessage({ kind: 'ok', text: `Imported ${pending.fileName}: ${summarise(pending.data)}.` });
    setPending(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  return (
    <div className="space-y-6">
      <div>
        <h3 className="font-semibold text-slate-900 dark:text-white">Export</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Save everything recorded here as a JSON file, to keep or to import in another browser.
        </p>
        <button type="button" onClick={exportNow} className={`mt-2 ${buttonClass}`}>
          Export progress as a file
        </button>
      </div>
      <div>
        <h3 className="font-semibold text-slate-900 dark:text-white">Import</h3>
        <label htmlFor={inputId} className="mt-1 block text-sm text-slate-700 dark:text-slate-300">
          Import progress from an exported file (you will be asked before anything is replaced)
        </label>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          accept="application/json,.json"
          onChange={(event) => void chooseFile(event.target.files?.[0])}
          className="mt-2 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:font-semibold dark:text-slate-300 dark:file:border-slate-600 dark:file:bg-slate-900 dark:file:text-slate-100"
        />
        {pending ? (
          <div
            className="mt-3 rounded-lg border border-amber-400 bg-amber-50 p-3 dark:bg-amber-950/40"
            role="group"
            aria-label="Confirm import"
          >
            <p className="text-sm text-slate-900 dark:text-slate-100">
              {pending.fileName} holds: {summarise(pending.data)}. Importing replaces the progress in this
              browser.
            </p>
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                onClick={confirmImport}
                className="rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 dark:bg-brand-400 dark:text-slate-950"
              >
                Replace my progress with this file
              </button>
              <button type="button" onClick={() => setPending(null)} className={buttonClass}>
                Cancel the import
              </button>
            </div>
          </div>
        ) : null}
      </div>
      <div>
        <h3 className="font-semibold text-slate-900 dark:text-white">Reset</h3>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Erase all progress in this browser. Export first if you may want it back.
        </p>
        {confirmReset ? (
          <div className="mt-2 flex flex-wrap items-center gap-2" role="group" aria-label="Confirm reset">
            <span className="text-sm font-medium text-rose-800 dark:text-rose-300">
              Erase everything? This cannot be undone.
            </span>
            <button
              type="button"
              onClick={() => {
                resetProgress();
                setConfirmReset(false);
                setMessage({ kind: 'ok', text: 'All progress was erased.' });
              }}
              className="rounded-lg bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800"
            >
              Yes, erase all my progress
            </button>
            <button type="button" onClick={() => setConfirmReset(false)} className={buttonClass}>
              Keep my progress
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setConfirmReset(true)} className={`mt-2 ${buttonClass}`}>
            Reset progress…
          </button>
        )}
      </div>
      <p role="status" aria-live="polite" className="min-h-6 text-sm">
        {message ? (
          <span
            data-transfer-message={message.kind}
            className={
              message.kind === 'error'
                ? 'font-medium text-rose-800 dark:text-rose-300'
                : 'text-emerald-800 dark:text-emerald-300'
            }
          >
            {message.kind === 'error' ? '✗ ' : '✓ '}
            {message.text}
          </span>
        ) : null}
      </p>
    </div>
  );
}
