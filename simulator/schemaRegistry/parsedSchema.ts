// One door for the three formats: parse a schema text of a given `schemaType`, and ask whether one parsed schema
// can read data written with another (`ParsedSchema.isBackwardCompatible`).
import { avroBackwardMessages } from './avro/avroCompatibility';
import { type ParsedAvro, type ParseResult, parseAvro } from './avro/avroSchema';
import type { Formats } from './formats';
import { jsonBackwardMessages } from './jsonSchema/jsonSchemaDiff';
import { type ParsedJsonSchema, parseJsonSchema } from './jsonSchema/jsonSchemaModel';
import { protobufBackwardMessages } from './protobuf/protoDiff';
import { type ParsedProtobuf, parseProtobuf } from './protobuf/protoSchema';
import type { SchemaType } from './types';

export type ParsedSchema = ParsedAvro | ParsedProtobuf | ParsedJsonSchema;

export function parseSchema(
  formats: Formats,
  schemaType: SchemaType,
  text: string,
): ParseResult<ParsedSchema> {
  switch (schemaType) {
    case 'AVRO':
      return parseAvro(formats, text);
    case 'PROTOBUF':
      return parseProtobuf(formats, text);
    case 'JSON':
      return parseJsonSchema(formats, text);
  }
}

/**
 * `reader.isBackwardCompatible(writer)`: the registry's message templates (`%s` = reader prefix, then writer
 * prefix) explaining why `reader` cannot read data written with `writer`; empty = it can.
 */
export function backwardMessages(reader: ParsedSchema, writer: ParsedSchema): string[] {
  if (reader.schemaType !== writer.schemaType) return ['Incompatible because of different schema type'];
  switch (reader.schemaType) {
    case 'AVRO':
      return avroBackwardMessages(reader, writer as ParsedAvro);
    case 'PROTOBUF':
      return protobufBackwardMessages(reader.file, (writer as ParsedProtobuf).file);
    case 'JSON':
      return jsonBackwardMessages(reader.node, (writer as ParsedJsonSchema).node);
  }
}
