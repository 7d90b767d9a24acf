// Public API of the simulated Confluent Schema Registry (pure core). No module here imports avsc, protobufjs or
// ajv at run time: load them with `loadSchemaFormats()` and pass the result in.

export type { SchemaRegistryAreaState, SchemaRegistrySerialized } from './area/index';
export type { AvroIncompatibility, AvroIncompatibilityType } from './avro/avroCompatibility';
export { avroBackwardMessages, avroIncompatibilities, avscCanRead } from './avro/avroCompatibility';
export type { AvroNode, ParsedAvro } from './avro/avroSchema';
export { canonicalString as avroCanonicalString } from './avro/avroSchema';
export type { Direction, LevelVerdict, PreviousSchema } from './compatibility';
export { compatibilityMatrix, compatibilityMessages, levelRule } from './compatibility';
export type {
  ConsumedRecord,
  ProduceLineResult,
  SchemaConsoleTool,
  SchemaToolArgs,
  ToolParse,
} from './console/schemaConsoleTools';
export {
  formatConsumedRecord,
  parseSchemaToolArgs,
  produceLine,
  TOOL_SCHEMA_TYPE,
} from './console/schemaConsoleTools';
export type { RestError } from './errors';
export { errorBody, restErrors } from './errors';
export type { Formats } from './formats';
export { avroBuffer } from './formats';
export { compareJsonSchemas, JSON_COMPATIBLE_CHANGES } from './jsonSchema/jsonSchemaDiff';
export type { ParsedJsonSchema } from './jsonSchema/jsonSchemaModel';
export {
  installedSchemaFormats,
  installedSchemaRuntime,
  installSchemaFormats,
  loadSchemaFormats,
} from './loader';
export type { ParsedSchema } from './parsedSchema';
export { backwardMessages, parseSchema } from './parsedSchema';
export { compareProtoFiles, PROTO_COMPATIBLE_CHANGES } from './protobuf/protoDiff';
export type { ParsedProtobuf } from './protobuf/protoSchema';
export { messageIndexesOf, messageNameAt } from './protobuf/protoSchema';
export {
  effectiveCompatibility,
  effectiveMode,
  latestVersion,
  listSubjects,
  parsedHistory,
  schemaById,
  subjectVersions,
} from './registry';
export type { RegistryHttpResponse } from './rest';
export { handle } from './rest';
export { type SchemaRuntime, schemaRuntime } from './runtime';
export {
  applySchemasRecord,
  applySchemasRecords,
  compactSchemasTopic,
  emptyRegistryState,
  noopRecord,
  rebuildRegistryState,
  SCHEMAS_TOPIC,
} from './schemasTopic';
export type {
  DeserializeInput,
  DeserializeResult,
  ResolutionStep,
  SerdeConfig,
  SerdeFailure,
  SerializeInput,
  SerializeResult,
} from './serde';
export { deserialize, encodePayload, resolutionSteps, serialize } from './serde';
export type { SubjectNameStrategy } from './subjectNameStrategy';
export { parseStrategy, STRATEGY_CLASSES, subjectName } from './subjectNameStrategy';
export * from './types';
export type { BytePart, ByteSpan } from './wireBreakdown';
export { describeRecordBytes } from './wireBreakdown';
export { decodeMessageIndexes, encodeMessageIndexes, frame, MAGIC_BYTE, toHex, unframe } from './wireFormat';
