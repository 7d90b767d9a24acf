import { test } from 'vitest';
import avsc from 'avsc';
import protobuf from 'protobufjs';
import Ajv from 'ajv';
import vectors from './vectors/jsonSchemaDiff.json';
import { parseJsonSchema } from '../jsonSchema/jsonSchemaModel';
import { compareJsonSchemas, JSON_COMPATIBLE_CHANGES } from '../jsonSchema/jsonSchemaDiff';
const formats = { avsc, protobuf, Ajv } as never; // shared
test('scratch', () => {
  let ok = 0;
  for (const c of vectors.cases) {
    const o = parseJsonSchema(formats, JSON.stringify(c.original)); const u = parseJsonSchema(formats, JSON.stringify(c.update));
    if (!o.ok || !u.ok) { console.log('PARSE', c.description, !o.ok && o.message, !u.ok && u.message); continue; }
    const d = compareJsonSchemas(o.value.node, u.value.node);
    const diffs = d.map((x) => `${x.type} ${x.path}`);
    const compatible = d.every((x) => JSON_COMPATIBLE_CHANGES.has(x.type));
    const same = JSON.stringify([...diffs].sort()) === JSON.stringify([...c.changes].sort()) && compatible === c.compatible;
    if (same) ok++; else console.log('DIFF', c.description, JSON.stringify(c.original), JSON.stringify(c.update), diffs, c.changes, compatible, c.compatible);
  }
  console.log('ok', ok, 'of', vectors.cases.length);
});
