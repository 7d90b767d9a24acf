// A completion bar with its number in words; the bar itself is a progressbar for assistive technology.

export function ProgressBar({
  percent,
  label,
  size = 'md',
}: {
  percent: number;
  label: string;
  size?: 'sm' | 'md';
}) {
  const clamped = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={`${clamped}% complete`}
      className={`w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800 ${size === 'sm' ? 'h-1.5' : 'h-2.5'}`}
    >
      <div
        className="h-full rounded-full bg-brand-600 transition-[width] duration-500 motion-reduce:transition-none dark:bg-brand-400"
        style={{ width: `${clamped}%` }}
      />
    </div>
  );
}
