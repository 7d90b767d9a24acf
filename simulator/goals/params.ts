// Small readers for condition parameters and the shared numeric comparison (equals / atLeast / atMost).
import type { GoalCondition } from './types';

export const str = (c: GoalCondition, name: string): string | null =>
  typeof c[name] === 'string' && (c[name] as string).length > 0 ? (c[name] as string) : null;

export const int = (c: GoalCondition, name: string): number | null =>
  Number.isInteger(c[name]) ? (c[name] as number) : null;

export type Comparison = { equals?: number; atLeast?: number; atMost?: number };

const COMPARATORS = ['equals', 'atLeast', 'atMost'] as const;

/** A condition with a numeric target needs at least one of equals / atLeast / atMost, all integers. */
export function validateComparison(c: GoalCondition): string | null {
  const present = COMPARATORS.filter((k) => c[k] !== undefined);
  if (present.length === 0) return 'needs one of equals, atLeast, atMost';
  const bad = present.find((k) => !Number.isInteger(c[k]));
  return bad ? `${bad} must be an integer` : null;
}

export function compare(actual: number, c: GoalCondition): boolean {
  if (c.equals !== undefined && actual !== c.equals) return false;
  if (c.atLeast !== undefined && actual < (c.atLeast as number)) return false;
  if (c.atMost !== undefined && actual > (c.atMost as number)) return false;
  return true;
}

export function describeComparison(c: GoalCondition): string {
  const parts: string[] = [];
  if (c.equals !== undefined) parts.push(`= ${c.equals}`);
  if (c.atLeast !== undefined) parts.push(`>= ${c.atLeast}`);
  if (c.atMost !== undefined) parts.push(`<= ${c.atMost}`);
  return parts.join(' and ');
}

/** Require the named string parameters; returns the first problem found. */
export function requireStrings(c: GoalCondition, ...names: string[]): string | null {
  const missing = names.find((n) => str(c, n) === null);
  return missing ? `needs a non-empty string "${missing}"` : null;
}

export function requireInts(c: GoalCondition, ...names: string[]): string | null {
  const missing = names.find((n) => int(c, n) === null);
  return missing ? `needs an integer "${missing}"` : null;
}
