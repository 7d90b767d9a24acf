// What `kubectl apply -f FILE` prints for each object: "<kind>.<group>/<name> created | configured | unchanged".
import type { StrimziResource } from './resources';

const key = (r: StrimziResource) => `${r.kind}/${r.name}`;

export type ApplyResult = 'created' | 'configured' | 'unchanged';

/** One line per applied object, in file order, against the objects the cluster already has. */
export function formatApply(
  existing: readonly StrimziResource[],
  applied: readonly StrimziResource[],
): string {
  const before = new Map(existing.map((r) => [key(r), JSON.stringify(r)]));
  return applied
    .map((r) => {
      const old = before.get(key(r));
      const result: ApplyResult =
        old === undefined ? 'created' : old === JSON.stringify(r) ? 'unchanged' : 'configured';
      return `${r.kind.toLowerCase()}.kafka.strimzi.io/${r.name} ${result}`;
    })
    .join('\n');
}
