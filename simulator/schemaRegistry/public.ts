// What the app and the console import of the Schema Registry (through simulator/index.ts): types, the argument
// parser of the console tools and the loader. Nothing here pulls in the registry's logic or the libraries; they
// arrive with `loadSchemaFormats()`, and `installedSchemaRuntime()` hands them out once loaded.
export type { SchemaRegistryAreaState, SchemaRegistrySerialized } from './area/index';
export type { SchemaConsoleTool, SchemaToolArgs, ToolParse } from './console/schemaToolArgs';
export { parseSchemaToolArgs, TOOL_SCHEMA_TYPE } from './console/schemaToolArgs';
export type { Formats } from './formats';
export {
  installedSchemaFormats,
  installedSchemaRuntime,
  installSchemaFormats,
  loadSchemaFormats,
} from './loader';
export type { SchemaRuntime } from './runtime';
export * from './types';
