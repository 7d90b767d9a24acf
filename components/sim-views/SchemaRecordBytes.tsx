'use client';
// A record's bytes as a consumer's deserializer meets them: the Confluent wire-format header (magic byte 0, the
// 4-byte big-endian schema id, for Protobuf the message indexes) and then the payload, field by field. Read from
// the read model (`schemaRecordBytes`); each range is a table row named in words, so colour is never the only cue.
import { useState } from 'react';
import type { SchemaByteSpanView, SchemaRecordBytesView } from '@/simulator';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { inlineSelectClass } from './ui';

const PART_NAME: Record<SchemaByteSpanView['part'], string> = {
  magic: 'Magic byte',
  schemaId: 'Schema id',
  messageIndexes: 'Message indexes',
  field: 'Payload field',
  payload: 'Payload',
};

/** Header parts tinted, payload plain; the row's first cell names the part in words. */
const PART_TONE: Record<SchemaByteSpanView['part'], string> = {
  magic: 'border-l-4 border-l-fuchsia-600 bg-fuchsia-50 dark:border-l-fuchsia-400 dark:bg-fuchsia-950/60',
  schemaId: 'border-l-4 border-l-sky-600 bg-sky-50 dark:border-l-sky-400 dark:bg-sky-950/60',
  messageIndexes: 'border-l-4 border-l-amber-600 bg-amber-50 dark:border-l-amber-400 dark:bg-amber-950/60',
  field: 'border-l-4 border-l-slate-300 dark:border-l-slate-600',
  payload: 'border-l-4 border-l-slate-300 dark:border-l-slate-600',
};

const RECENT = 12;

const keyOf = (r: SchemaRecordBytesView) => `${r.topic}/${r.partition}/${r.offset}`;

function BytesTable({ record }: { record: SchemaRecordBytesView }) {
  const byteCount = record.hex === '' ? 0 : record.hex.split(' ').length;
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed text-left text-xs">
        <caption className="mb-1 text-left text-xs font-semibold text-slate-600 dark:text-slate-400">
          {record.topic}-{record.partition} offset {record.offset}: {byteCount} bytes, schema id{' '}
          {record.schemaId}
          {record.subjects.length > 0 ? ` (${record.subjects.join(', ')})` : ' (unknown to the registry)'}
        </caption>
        <thead>
          <tr className="text-slate-600 dark:text-slate-400">
            <th scope="col" className="w-[28%] py-0.5 pr-2 font-medium">
              Part
            </th>
            <th scope="col" className="w-[30%] py-0.5 pr-2 font-medium">
              Bytes (hex)
            </th>
            <th scope="col" className="py-0.5 font-medium">
              Meaning
            </th>
          </tr>
        </thead>
        <tbody>
          {(record.spans ?? []).map((s) => (
            <tr
              key={s.start}
              className={`border-t border-slate-200 align-top dark:border-slate-800 ${PART_TONE[s.part]}`}
            >
              <th scope="row" className="py-1 pl-1.5 pr-2 font-medium text-slate-900 dark:text-slate-100">
                {PART_NAME[s.part]}
                <span className="block font-normal text-slate-600 dark:text-slate-400">
                  {s.end - s.start === 1 ? `byte ${s.start}` : `bytes ${s.start}–${s.end - 1}`}
                </span>
              </th>
              <td className="break-words py-1 pr-2 font-mono text-slate-900 dark:text-slate-100">{s.hex}</td>
              <td className="break-words py-1 text-slate-700 dark:text-slate-300">{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {record.spans === null ? (
        <p className="mt-1 break-words font-mono text-xs text-slate-700 dark:text-slate-300">{record.hex}</p>
      ) : null}
    </div>
  );
}

export function SchemaRecordBytes() {
  const sim = useSim();
  const read = useRead(sim);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!read) return null;
  const records = read.schemaRecordBytes(RECENT);
  const record = records.find((r) => keyOf(r) === chosen) ?? records[0] ?? null;
  return (
    // A part of the panel, not a landmark: a lesson page shows several panels at once.
    <div className="mt-4 border-t border-slate-200 pt-3 dark:border-slate-800">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">A record’s bytes</h3>
        {records.length > 1 ? (
          <label className="flex items-center gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
            Record
            <select
              className={inlineSelectClass}
              value={record ? keyOf(record) : ''}
              onChange={(e) => setChosen(e.target.value)}
            >
              {records.map((r) => (
                <option key={keyOf(r)} value={keyOf(r)}>
                  {r.topic}-{r.partition} @{r.offset} (id {r.schemaId})
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </div>
      {record ? (
        <BytesTable record={record} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No record in the wire format yet: produce one with kafka-avro-console-producer (or the Protobuf or
          JSON Schema variant) and its bytes appear here.
        </p>
      )}
    </div>
  );
}
