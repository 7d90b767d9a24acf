'use client';

import { scaleLinear, scaleQuantize } from 'd3-scale';
import { calendarDays, currentStreak, longestStreak } from '@/lib/progress/activity';

// The learner's activity over the last weeks, one square per day (Monday at the top). React renders the
// SVG; d3 supplies the scales. Colour is backed by each day's title and the text summary beside it.

const WEEKS = 26;
const CELL = 14;
const GAP = 3;
const LEFT = 28;
const TOP = 18;

const shades = [
  'fill-slate-200 dark:fill-slate-800',
  'fill-brand-200 dark:fill-brand-900',
  'fill-brand-400 dark:fill-brand-700',
  'fill-brand-600 dark:fill-brand-500',
  'fill-brand-800 dark:fill-brand-300',
];

const weekdayLabels = ['Mon', '', 'Wed', '', 'Fri', '', ''];
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function ActivityCalendar({ activity, today }: { activity: Record<string, number>; today: string }) {
  const days = calendarDays(today, WEEKS);
  const counts = days.map((day) => activity[day] ?? 0);
  const max = Math.max(1, ...counts);
  const shade = scaleQuantize<number>()
    .domain([1, Math.max(2, max)])
    .range([1, 2, 3, 4]);
  const x = scaleLinear()
    .domain([0, WEEKS])
    .range([LEFT, LEFT + WEEKS * (CELL + GAP)]);
  const y = scaleLinear()
    .domain([0, 7])
    .range([TOP, TOP + 7 * (CELL + GAP)]);
  const width = LEFT + WEEKS * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const activeDays = counts.filter((count) => count > 0).length;
  const streak = currentStreak(activity, today);
  const longest = longestStreak(activity);
  const summary = `Active on ${activeDays} of the last ${days.length} days; current streak ${streak} ${
    streak === 1 ? 'day' : 'days'
  }, longest streak ${longest} ${longest === 1 ? 'day' : 'days'}.`;

  return (
    <figure>
      <dl className="grid grid-cols-3 gap-3 text-center">
        {[
          ['Current streak', `${streak} ${streak === 1 ? 'day' : 'days'}`],
          ['Longest streak', `${longest} ${longest === 1 ? 'day' : 'days'}`],
          ['Active days', `${activeDays}`],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg bg-slate-50 p-3 dark:bg-slate-900">
            <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="text-xl font-semibold text-slate-900 dark:text-white">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-4 overflow-x-auto">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          role="img"
          aria-label={summary}
          className="max-w-none"
        >
          {weekdayLabels.map((label, row) =>
            label ? (
              <text
                key={label}
                x={0}
                y={y(row) + CELL - 3}
                className="fill-slate-600 text-[10px] dark:fill-slate-400"
              >
                {label}
              </text>
            ) : null,
          )}
          {days.map((day, index) => {
            const week = Math.floor(index / 7);
            const row = index % 7;
            const count = counts[index];
            const isFuture = day > today;
            const showMonth = row === 0 && (week === 0 || day.slice(8) <= '07');
            return (
              <g key={day}>
                {showMonth ? (
                  <text x={x(week)} y={TOP - 6} className="fill-slate-600 text-[10px] dark:fill-slate-400">
                    {monthNames[Number(day.slice(5, 7)) - 1]}
                  </text>
                ) : null}
                {isFuture ? null : (
                  <rect
                    x={x(week)}
                    y={y(row)}
                    width={CELL}
                    height={CELL}
                    rx={3}
                    className={shades[count === 0 ? 0 : shade(count)]}
                    data-day={day}
                    data-count={count}
                  >
                    <title>{`${day}: ${count === 0 ? 'no activity' : `${count} ${count === 1 ? 'step' : 'steps'} recorded`}`}</title>
                  </rect>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        {summary} A darker square means more recorded that day (lessons visited or read, challenge tries, quiz
        attempts, topics marked).
      </figcaption>
    </figure>
  );
}
