'use client';
// The capacity-planning calculator: the learner's workload figures in, partitions, disk and network out, each
// with its formula filled in (simulator/production/capacity.ts). Throughput per partition is a measurement
// (kafka-producer-perf-test.sh / kafka-consumer-perf-test.sh on your own hardware), not something to guess.
import { useId, useState } from 'react';
import { type CapacityInputs, capacityInputProblems, planCapacity } from '@/simulator';
import { inputClass, labelClass } from '../sim-views/ui';

const FIELDS: ReadonlyArray<{ key: keyof CapacityInputs; label: string; step: number }> = [
  { key: 'targetMBps', label: 'Target produce throughput T (MB/s)', step: 1 },
  { key: 'producerMBpsPerPartition', label: 'Measured producer throughput per partition p (MB/s)', step: 1 },
  { key: 'consumerMBpsPerPartition', label: 'Measured consumer throughput per partition c (MB/s)', step: 1 },
  { key: 'peakConsumerParallelism', label: 'Consumers one group must run in parallel', step: 1 },
  { key: 'replicationFactor', label: 'Replication factor', step: 1 },
  { key: 'retentionHours', label: 'Retention (hours)', step: 1 },
  { key: 'brokers', label: 'Brokers', step: 1 },
  { key: 'consumerGroups', label: 'Consumer groups reading everything (fan-out)', step: 1 },
  { key: 'headroom', label: 'Disk headroom kept free (0–0.9)', step: 0.05 },
];

export const DEFAULT_CAPACITY: CapacityInputs = {
  targetMBps: 50,
  producerMBpsPerPartition: 10,
  consumerMBpsPerPartition: 5,
  peakConsumerParallelism: 6,
  replicationFactor: 3,
  retentionHours: 72,
  brokers: 6,
  consumerGroups: 3,
  headroom: 0.3,
};

export function CapacityPlanner({ initial }: { initial?: Partial<CapacityInputs> }) {
  const [inputs, setInputs] = useState<CapacityInputs>({ ...DEFAULT_CAPACITY, ...initial });
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const problems = capacityInputProblems(inputs);
  const lines = problems.length === 0 ? planCapacity(inputs) : [];
  return (
    <section
      aria-labelledby={`cap-${uid}`}
      className="not-prose my-6 rounded-2xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4 dark:border-slate-800 dark:bg-slate-900"
      data-widget="capacity-planner"
    >
      <h2 id={`cap-${uid}`} className="mb-3 text-base font-semibold text-slate-900 dark:text-white">
        Capacity planner
      </h2>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        {FIELDS.map((f) => (
          <label key={f.key} className={labelClass}>
            {f.label}
            <input
              type="number"
              inputMode="decimal"
              step={f.step}
              min={0}
              className={inputClass}
              value={Number.isFinite(inputs[f.key]) ? inputs[f.key] : ''}
              onChange={(e) => setInputs({ ...inputs, [f.key]: e.target.valueAsNumber })}
            />
          </label>
        ))}
      </div>
      {problems.length > 0 ? (
        <ul className="mt-3 list-disc pl-5 text-sm text-red-800 dark:text-red-300" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <div className="mt-3 overflow-x-auto" tabIndex={0}>
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-600 dark:text-slate-400">
              <tr>
                <th className="py-1 pr-3 font-semibold">Result</th>
                <th className="py-1 pr-3 font-semibold">Value</th>
                <th className="py-1 font-semibold">Formula</th>
              </tr>
            </thead>
            <tbody className="text-slate-800 dark:text-slate-200">
              {lines.map((l) => (
                <tr
                  key={l.name}
                  className="border-t border-slate-200 dark:border-slate-800"
                  data-result={l.name}
                >
                  <td className="py-1 pr-3">{l.name}</td>
                  <td className="py-1 pr-3 font-semibold whitespace-nowrap">
                    {l.value} {l.unit}
                  </td>
                  <td className="py-1 font-mono text-xs">{l.formula}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
