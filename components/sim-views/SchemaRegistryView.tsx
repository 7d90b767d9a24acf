'use client';
// Schema Registry: its subjects, each subject's versions with their global ids, what changed from one version to
// the next, the verdict of every compatibility level for that change, and the last registration it refused (the
// 409 a producer's serializer receives), and a record's bytes with the wire-format header. Everything is read from
// the read model; the buttons run real curl lines.
import { useState } from 'react';
import type { SchemaLevelVerdictView, SchemaSubjectView, SchemaVersionView } from '@/simulator';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { SchemaRecordBytes } from './SchemaRecordBytes';
import { Chip, inlineSelectClass, Panel, SimButton } from './ui';

const LEVELS = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
] as const;

type FieldLine = { name: string; text: string };

/** The fields of an Avro record schema as `name: type = default` lines (null for other schemas). */
function avroFields(v: SchemaVersionView): FieldLine[] | null {
  if (v.schemaType !== 'AVRO') return null;
  try {
    const node = JSON.parse(v.schema) as { type?: unknown; fields?: unknown };
    if (node.type !== 'record' || !Array.isArray(node.fields)) return null;
    return (node.fields as Array<{ name: string; type: unknown; default?: unknown }>).map((f) => ({
      name: f.name,
      text: `${f.name}: ${typeof f.type === 'string' ? f.type : JSON.stringify(f.type)}${
        'default' in f ? ` = ${JSON.stringify(f.default)}` : ''
      }`,
    }));
  } catch {
    return null;
  }
}

function FieldDiff({
  current,
  previous,
}: {
  current: SchemaVersionView;
  previous: SchemaVersionView | null;
}) {
  const now = avroFields(current);
  const before = previous ? avroFields(previous) : null;
  if (!now) {
    return (
      <pre className="max-h-40 overflow-auto whitespace-pre-wrap break-all rounded-md bg-slate-100 p-2 font-mono text-xs text-slate-800 dark:bg-slate-950 dark:text-slate-200">
        {current.schema}
      </pre>
    );
  }
  const removed = before ? before.filter((b) => !now.some((n) => n.name === b.name)) : [];
  return (
    <ul className="space-y-0.5 font-mono text-xs" aria-label={`Fields of version ${current.version}`}>
      {now.map((f) => {
        const old = before?.find((b) => b.name === f.name);
        const change = !before ? 'same' : !old ? 'added' : old.text !== f.text ? 'changed' : 'same';
        const tone =
          change === 'added'
            ? 'text-emerald-800 dark:text-emerald-300'
            : change === 'changed'
              ? 'text-amber-800 dark:text-amber-300'
              : 'text-slate-800 dark:text-slate-200';
        return (
          <li key={f.name} className={tone}>
            {change === 'added' ? '+ ' : change === 'changed' ? '~ ' : '  '}
            {f.text}
            {change === 'changed' && old ? <span className="text-slate-500"> (was {old.text})</span> : null}
          </li>
        );
      })}
      {removed.map((f) => (
        <li key={`-${f.name}`} className="text-red-800 line-through dark:text-red-300">
          - {f.text}
        </li>
      ))}
    </ul>
  );
}

function Matrix({ verdicts, latest }: { verdicts: SchemaLevelVerdictView[]; latest: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-xs">
        <caption className="mb-1 text-left text-xs font-semibold text-slate-600 dark:text-slate-400">
          Would version {latest} pass each level? (checked against the versions before it)
        </caption>
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th scope="col" className="py-0.5 pr-2 font-medium">
              Level
            </th>
            <th scope="col" className="py-0.5 pr-2 font-medium">
              Verdict
            </th>
            <th scope="col" className="py-0.5 font-medium">
              Why
            </th>
          </tr>
        </thead>
        <tbody>
          {verdicts.map((v) => (
            <tr key={v.level} className="border-t border-slate-200 align-top dark:border-slate-800">
              <th scope="row" className="py-1 pr-2 font-mono font-medium text-slate-900 dark:text-slate-100">
                {v.level}
              </th>
              <td className="py-1 pr-2">
                <Chip tone={v.compatible ? 'ok' : 'bad'}>
                  <span className="whitespace-nowrap">{v.compatible ? '✓ passes' : '✗ 409'}</span>
                </Chip>
              </td>
              <td className="break-words py-1 text-slate-700 dark:text-slate-300">
                {v.compatible ? v.reason : (v.messages[0] ?? v.reason)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SubjectDetail({ subject }: { subject: SchemaSubjectView }) {
  const sim = useSim();
  const read = useRead(sim);
  const live = subject.versions.filter((v) => !v.deleted);
  const [picked, setPicked] = useState<number | null>(null);
  const [level, setLevel] = useState<string>(subject.compatibility);
  const shown = subject.versions.find((v) => v.version === picked) ?? live.at(-1) ?? subject.versions.at(-1);
  if (!read || !shown) return null;
  const previous = live.filter((v) => v.version < shown.version).at(-1) ?? null;
  const matrix = read.schemaCompatibility(subject.subject, shown.version);
  const setLevelLine = `curl -s -X PUT -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data '{"compatibility":"${level}"}' http://localhost:8081/config/${subject.subject}`;
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-1.5 text-xs">
        <Chip tone="info">
          compatibility {subject.compatibility} ({subject.compatibilitySource})
        </Chip>
        {subject.mode !== 'READWRITE' ? <Chip tone="warn">mode {subject.mode}</Chip> : null}
        {subject.deleted ? <Chip tone="warn">soft-deleted</Chip> : null}
      </p>
      <div className="flex flex-wrap gap-1.5" role="group" aria-label={`Versions of ${subject.subject}`}>
        {subject.versions.map((v) => (
          <SimButton
            key={v.version}
            pressed={v.version === shown.version}
            label={`Show version ${v.version} (id ${v.id}) of ${subject.subject}`}
            onClick={() => setPicked(v.version)}
          >
            <span className={v.deleted ? 'line-through' : ''}>
              Show version {v.version} (id {v.id})
            </span>
          </SimButton>
        ))}
      </div>
      <div>
        <p className="mb-1 text-xs font-semibold text-slate-600 dark:text-slate-400">
          Version {shown.version} · schema id {shown.id} · {shown.schemaType}
          {shown.deleted ? ' · soft-deleted' : ''}
          {previous ? ` · compared with version ${previous.version}` : ''}
        </p>
        <FieldDiff current={shown} previous={previous} />
      </div>
      {matrix ? <Matrix verdicts={matrix} latest={shown.version} /> : null}
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
          Compatibility of {subject.subject}
          <select className={inlineSelectClass} value={level} onChange={(e) => setLevel(e.target.value)}>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <SimButton
          label={`Set compatibility of ${subject.subject} to ${level}`}
          onClick={() => sim.run(setLevelLine)}
        >
          Set compatibility to {level}
        </SimButton>
      </div>
    </div>
  );
}

export function SchemaRegistryView() {
  const sim = useSim();
  const read = useRead(sim);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!read) return null;
  const registry = read.schemaRegistry();
  const subject =
    registry.subjects.find((s) => s.subject === chosen) ??
    registry.subjects.find((s) => !s.deleted) ??
    registry.subjects[0] ??
    null;
  return (
    <Panel
      id="sim-schemas"
      title="Schema Registry"
      actions={
        registry.subjects.length > 1 ? (
          <label className="flex items-center gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
            Subject
            <select
              className={inlineSelectClass}
              value={subject?.subject ?? ''}
              onChange={(e) => setChosen(e.target.value)}
            >
              {registry.subjects.map((s) => (
                <option key={s.subject} value={s.subject}>
                  {s.subject}
                  {s.deleted ? ' (deleted)' : ''}
                </option>
              ))}
            </select>
          </label>
        ) : null
      }
    >
      <p className="mb-3 flex flex-wrap gap-1.5 text-xs">
        <Chip tone={registry.running ? 'ok' : registry.stopped ? 'bad' : 'muted'}>
          {registry.running
            ? 'running on :8081'
            : registry.stopped
              ? 'stopped: :8081 refuses connections'
              : 'not started'}
        </Chip>
        <Chip tone="muted">
          store: {registry.topic} (compacted, {registry.topicRecords} record
          {registry.topicRecords === 1 ? '' : 's'})
        </Chip>
        <Chip tone="muted">global level {registry.globalCompatibility}</Chip>
        <Chip tone="muted">ids handed out: {registry.maxId}</Chip>
      </p>
      {registry.lastRefusal ? (
        <div
          className="mb-3 rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          role="status"
        >
          <p className="font-semibold">
            Last refused: {registry.lastRefusal.subject} (error {registry.lastRefusal.errorCode})
          </p>
          <p className="mt-1 break-words">{registry.lastRefusal.reason}</p>
        </div>
      ) : null}
      {subject ? (
        // keyed by the level too: the level picker starts from the subject's level after a change
        <SubjectDetail key={`${subject.subject}:${subject.compatibility}`} subject={subject} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {registry.stopped
            ? 'The registry is stopped: it holds nothing in memory. schema-registry start reads everything back from _schemas.'
            : 'No subject yet: register a schema with curl, or produce with kafka-avro-console-producer.'}
        </p>
      )}
      <SchemaRecordBytes />
    </Panel>
  );
}
