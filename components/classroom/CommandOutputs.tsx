import type { LineResult } from '@/components/sim-runtime/SimController';

/** What the step's commands printed, as a terminal would show it. */
export function CommandOutputs({
  results,
  large = false,
}: {
  results: readonly LineResult[];
  large?: boolean;
}) {
  if (results.length === 0) return null;
  return (
    <section
      aria-label="Commands of this step"
      className="min-w-0 rounded-xl bg-slate-950 p-4 text-slate-100"
    >
      <ol className={`space-y-3 font-mono ${large ? 'text-base' : 'text-sm'}`}>
        {results.map((result, index) => (
          <li key={`${index}-${result.line}`}>
            <p className="whitespace-pre-wrap break-words text-brand-300">
              <span aria-hidden="true">$ </span>
              {result.line}
            </p>
            {result.output && (
              <pre
                className={`mt-1 overflow-x-auto whitespace-pre-wrap break-words ${result.ok ? 'text-slate-200' : 'text-red-300'}`}
              >
                {result.output}
              </pre>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
