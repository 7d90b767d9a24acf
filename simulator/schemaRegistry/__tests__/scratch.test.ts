import { test } from 'vitest';
import avsc from 'avsc';
import protobuf from 'protobufjs';
import Ajv from 'ajv';
import vectors from './vectors/protobufSchemaDiff.json';
import { parseProtobuf } from '../protobuf/protoSchema';
import { compareProtoFiles, PROTO_COMPATIBLE_CHANGES } from '../protobuf/protoDiff';
const formats = { avsc, protobuf, Ajv } as never;
test('scratch', () => {
  let ok = 0;
  for (const c of vectors.cases) {
    const o = parseProtobuf(formats, c.original); const u = parseProtobuf(formats, c.update);
    if (!o.ok || !u.ok) { console.log('PARSE', c.description, !o.ok && o.message, !u.ok && u.message); continue; }
    const diffs = compareProtoFiles(o.value.file, u.value.file).map((d) => `${d.type} ${d.path}`);
    const compatible = compareProtoFiles(o.value.file, u.value.file).every((d) => PROTO_COMPATIBLE_CHANGES.has(d.type));
    const same = JSON.stringify([...diffs].sort()) === JSON.stringify([...c.changes].sort()) && compatible === c.compatible;
    if (same) ok++; else console.log('DIFF', c.description, diffs, c.changes, compatible, c.compatible);
  }
  console.log('ok', ok, 'of', vectors.cases.length);
});
