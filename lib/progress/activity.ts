// Activity days and streaks. Days are the learner's local calendar days, written YYYY-MM-DD.

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function dayOf(timestamp: number): string {
  const date = new Date(timestamp);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The day before/after `day` by `delta` calendar days (noon avoids daylight-saving edges). */
export function shiftDay(day: string, delta: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return dayOf(new Date(year, month - 1, date + delta, 12).getTime());
}

/** Consecutive active days ending today, or ending yesterday when today has nothing yet. */
export function currentStreak(activity: Record<string, number>, today: string): number {
  let day = (activity[today] ?? 0) > 0 ? today : shiftDay(today, -1);
  let streak = 0;
  while ((activity[day] ?? 0) > 0) {
    streak += 1;
    day = shiftDay(day, -1);
  }
  return streak;
}

export function longestStreak(activity: Record<string, number>): number {
  const days = Object.keys(activity)
    .filter((day) => activity[day] > 0)
    .sort();
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of days) {
    run = previous !== null && shiftDay(previous, 1) === day ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return longest;
}

/** The last `weeks` whole weeks (Monday first) ending with the week holding `today`. */
export function calendarDays(today: string, weeks: number): string[] {
  const [year, month, date] = today.split('-').map(Number);
  const weekday = (new Date(year, month - 1, date, 12).getDay() + 6) % 7; // Monday = 0
  const start = shiftDay(today, -weekday - (weeks - 1) * 7);
  return Array.from({ length: weeks * 7 }, (_, index) => shiftDay(start, index));
}
