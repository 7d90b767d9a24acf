'use client';
// The printed handout: every step with its narration, notes, commands and a snapshot of the cluster after it.
// Snapshots are computed only when a print starts (each one replays the scenario up to that step).
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { SimController } from '@/components/sim-runtime/SimController';
import { userTopics } from '@/components/sim-views/readHelpers';
import type { ReadModel, Scenario } from '@/simulator';
import { scriptLines } from './scenarios';

function snapshotAfter(scenario: Scenario, step: number): ReadModel {
  const setup = [...scenario.setup, ...scriptLines(scenario, step)];
  return new SimController({ seed: scenario.seed, brokers: scenario.brokers, setup }).read();
}

function SnapshotText({ snap }: { snap: ReadModel }) {
  const partitions = userTopics(snap).flatMap((t) => t.partitions);
  return (
    <div className="mt-2 text-sm">
      <p>
        Brokers:{' '}
        {snap
          .brokers()
          .map((b) => `${b.id} ${b.state}`)
          .join(', ')}
        .
      </p>
      {partitions.length > 0 && (
        <table className="mt-1 w-full border-collapse text-left">
          <thead>
            <tr>
              <th className="border-b pr-3">Partition</th>
              <th className="border-b pr-3">Leader</th>
              <th className="border-b pr-3">Replicas</th>
              <th className="border-b pr-3">ISR</th>
              <th className="border-b pr-3">Log start</th>
              <th className="border-b pr-3">HW</th>
              <th className="border-b">LEO</th>
            </tr>
          </thead>
          <tbody>
            {partitions.map((p) => (
              <tr key={`${p.topic}-${p.partition}`}>
                <td className="pr-3">
                  {p.topic}-{p.partition}
                </td>
                <td className="pr-3">{p.leader ?? 'none'}</td>
                <td className="pr-3">{p.replicas.join(',')}</td>
                <td className="pr-3">{p.isr.join(',')}</td>
                <td className="pr-3">{p.logStartOffset}</td>
                <td className="pr-3">{p.highWatermark}</td>
                <td>{p.logEndOffset}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {snap.groups().map((g) => (
        <p key={g.groupId}>
          Group {g.groupId} ({g.state}):{' '}
          {g.members
            .map(
              (m) =>
                `${m.name} → ${m.owned.map((tp) => `${tp.topic}-${tp.partition}`).join(', ') || 'nothing'}`,
            )
            .join('; ')}
        </p>
      ))}
    </div>
  );
}

export function Handout({ scenario }: { scenario: Scenario }) {
  const [snapshots, setSnapshots] = useState<ReadModel[] | null>(null);
  useEffect(() => {
    const before = () => {
      if (snapshots) return;
      const all = scenario.steps.map((_, index) => snapshotAfter(scenario, index + 1));
      flushSync(() => setSnapshots(all));
    };
    window.addEventListener('beforeprint', before);
    return () => window.removeEventListener('beforeprint', before);
  }, [scenario, snapshots]);
  return (
    <article className="print-only hidden text-black print:block" aria-hidden="true">
      <h1 className="text-2xl font-bold">{scenario.title}</h1>
      <p className="mt-1">{scenario.summary}</p>
      <p className="mt-1 text-sm">
        Seed {scenario.seed}, {scenario.brokers} brokers. Starting cluster: {scenario.setup.join(' ; ')}
      </p>
      <ol className="mt-4 space-y-6">
        {scenario.steps.map((step, index) => (
          <li key={step.title} className="break-inside-avoid">
            <h2 className="text-lg font-bold">
              Step {index + 1}: {step.title}
            </h2>
            <p>{step.narration}</p>
            {step.notes && <p className="mt-1 italic">Notes: {step.notes}</p>}
            <pre className="mt-1 whitespace-pre-wrap font-mono text-xs">
              {step.commands.map((c) => `$ ${c}`).join('\n')}
            </pre>
            {snapshots?.[index] && <SnapshotText snap={snapshots[index]} />}
          </li>
        ))}
      </ol>
    </article>
  );
}
