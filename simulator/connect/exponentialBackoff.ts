// org.apache.kafka.common.utils.ExponentialBackoff without jitter: initialInterval * multiplier^min(attempts, expMax),
// capped at maxInterval, where expMax = log(maxInterval / max(initialInterval, 1)) / log(multiplier).

export interface ExponentialBackoff {
  readonly initialInterval: number;
  readonly multiplier: number;
  readonly maxInterval: number;
  readonly expMax: number;
}

export function exponentialBackoff(
  initialInterval: number,
  multiplier: number,
  maxInterval: number,
): ExponentialBackoff {
  // As in the Java constructor, expMax is computed from the interval as given, before capping it.
  const expMax =
    maxInterval > initialInterval
      ? Math.log(maxInterval / Math.max(initialInterval, 1)) / Math.log(multiplier)
      : 0;
  return { initialInterval: Math.min(maxInterval, initialInterval), multiplier, maxInterval, expMax };
}

/**
 * ExponentialBackoff#backoff(attempts) with jitter 0 (the Connect assignor's setting). Java casts the double
 * to a long, truncating; Math.trunc does the same here.
 */
export function backoffMs(b: ExponentialBackoff, attempts: number): number {
  if (b.expMax === 0) return b.initialInterval;
  const term = b.initialInterval * b.multiplier ** Math.min(attempts, b.expMax);
  return Math.min(Math.trunc(term), b.maxInterval);
}
