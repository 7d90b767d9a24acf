// The registry's logic that the simulator area and the console call once the schema libraries are loaded: the REST
// resources, the console tools' serializer and formatter, the compatibility matrix. Loaded with `loadSchemaFormats()`
// (a dynamic import, like the libraries), so pages without the Schema Registry ship none of it.
import { compatibilityMatrix } from './compatibility';
import { formatConsumedRecord, produceLine } from './console/schemaConsoleTools';
import { parseSchema } from './parsedSchema';
import { handle } from './rest';
import { deserialize } from './serde';
import { describeRecordBytes } from './wireBreakdown';

export const schemaRuntime = {
  handle,
  produceLine,
  formatConsumedRecord,
  compatibilityMatrix,
  parseSchema,
  describeRecordBytes,
  deserialize,
};

export type SchemaRuntime = typeof schemaRuntime;
