import { describe, expect, it } from 'vitest';
import { compatibilityMessages } from '../compatibility';
import { compareProtoFiles, PROTO_COMPATIBLE_CHANGES } from '../protobuf/protoDiff';
import { messageIndexesOf, messageNameAt, type ParsedProtobuf, parseProtobuf } from '../protobuf/protoSchema';
import { formats } from './formats.testkit';
import vectors from './vectors/protobufSchemaDiff.json';

const parse = (text: string): ParsedProtobuf => {
  const r = parseProtobuf(formats, text);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('Protobuf SchemaDiff rules: the vectors of protobuf/diff/SchemaDiffTest (diff-schema-examples.json)', () => {
  it.each(vectors.cases.map((c) => [c.description, c] as const))('%s', (_d, c) => {
    const diffs = compareProtoFiles(parse(c.original).file, parse(c.update).file);
    // The registry lists differences in HashMap order; the set of differences is what the test pins.
    expect(diffs.map((d) => `${d.type} ${d.path}`).sort()).toEqual([...c.changes].sort());
    expect(diffs.every((d) => PROTO_COMPATIBLE_CHANGES.has(d.type))).toBe(c.compatible);
  });
});

const v1 = 'syntax = "proto3";\npackage acme;\nmessage Order {\n  string id = 1;\n  int64 quantity = 2;\n}\n';

describe('Protobuf compatibility as the registry reports it (ProtobufSchema.isBackwardCompatible)', () => {
  it('renaming a field is fine: fields are matched by number', () => {
    const renamed = parse(v1.replace('quantity', 'qty'));
    expect(compatibilityMessages('BACKWARD', renamed, [{ parsed: parse(v1), version: 1 }])).toEqual([]);
  });
  it('reusing a number with another scalar kind is FIELD_SCALAR_KIND_CHANGED, worded by protobuf/diff/Difference', () => {
    const retyped = parse(v1.replace('int64 quantity', 'string quantity'));
    expect(compatibilityMessages('BACKWARD', retyped, [{ parsed: parse(v1), version: 1 }])[0]).toBe(
      `{errorType:"FIELD_SCALAR_KIND_CHANGED", description:"The kind of a SCALAR field at path '#/Order/2' in the new schema does not match its kind in the old schema"}`,
    );
  });
  it('int32 → int64 is one scalar kind (GENERAL_NUMBER) and passes; sint32 → int32 does not', () => {
    expect(
      compatibilityMessages('BACKWARD', parse(v1.replace('int64', 'int32')), [
        { parsed: parse(v1), version: 1 },
      ]),
    ).toEqual([]);
    expect(
      compatibilityMessages('BACKWARD', parse(v1.replace('int64', 'sint64')), [
        { parsed: parse(v1), version: 1 },
      ]),
    ).not.toEqual([]);
  });
  it('adding a message type passes BACKWARD but not FORWARD (the old schema misses it: MESSAGE_REMOVED)', () => {
    const v2 = parse(`${v1}message Refund {\n  string id = 1;\n}\n`);
    expect(compatibilityMessages('BACKWARD', v2, [{ parsed: parse(v1), version: 1 }])).toEqual([]);
    expect(compatibilityMessages('FORWARD', v2, [{ parsed: parse(v1), version: 1 }])[0]).toBe(
      `{errorType:"MESSAGE_REMOVED", description:"The old schema is missing a MESSAGE type at path '#/Refund' in the new schema"}`,
    );
  });
  it('a package change is incompatible (PACKAGE_CHANGED at #/)', () => {
    expect(
      compareProtoFiles(parse(v1).file, parse(v1.replace('package acme', 'package other')).file),
    ).toEqual([{ type: 'PACKAGE_CHANGED', path: '#/' }]);
  });
  it('an unknown type is an invalid schema (protobufjs resolveAll)', () => {
    const r = parseProtobuf(formats, 'syntax = "proto3";\nmessage A { Missing m = 1; }');
    expect(r.ok).toBe(false);
  });
});

describe('message indexes (protobuf/MessageIndexes): position among messages at each nesting level', () => {
  const file = parse(
    'syntax = "proto3";\npackage p;\nmessage A { message B { int32 x = 1; } message C { int32 y = 1; } }\nenum E { Z = 0; }\nmessage D { int32 z = 1; }',
  ).file;
  it('counts messages only, nested paths included', () => {
    expect(messageIndexesOf(file, 'p.A')).toEqual([0]);
    expect(messageIndexesOf(file, 'p.D')).toEqual([1]);
    expect(messageIndexesOf(file, 'p.A.C')).toEqual([0, 1]);
    expect(messageNameAt(file, [0, 1])).toBe('p.A.C');
  });
});
