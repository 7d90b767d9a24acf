// Printed forms a learner sees in a console consumer or in the narration.

/** Windowed#toString: [A@0/5000]. */
export function formatWindowedKey(key: string, start: number, end: number): string {
  return `[${key}@${start}/${end}]`;
}

/** Change#toString: (new<-old), null printed as "null". */
export function formatChange(newValue: string | null, oldValue: string | null): string {
  return `(${newValue}<-${oldValue})`;
}
