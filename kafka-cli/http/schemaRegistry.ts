// Confluent Schema Registry's REST API on port 8081 (`listeners=http://0.0.0.0:8081`), for the console's `curl`.
// Each request is one command of the simulation (`schemaRegistryRequest`), so replay and time travel repeat it.
import { schemaRegistry } from '../../simulator';
import type { HttpRequest, HttpResponse, HttpService } from './types';

/** Every response of the registry, errors included, is this media type (`Versions.SCHEMA_REGISTRY_V1_JSON`). */
const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

export const schemaRegistryService: HttpService = {
  name: 'Schema Registry',
  hosts: ['localhost', '127.0.0.1', 'schema-registry'],
  port: 8081,
  handle(req: HttpRequest, ctx): HttpResponse | null {
    // The registry parses schemas with avsc, protobufjs and ajv, which a page loads on first use. Until they are
    // loaded nothing answers on 8081 (a registry that is still starting): curl fails to connect, and a moment
    // later the same command works. Lesson pages load them before the first line runs.
    if (!schemaRegistry.installedSchemaFormats()) {
      void schemaRegistry.loadSchemaFormats();
      return null;
    }
    const r = ctx.port.schemaRegistryRequest({
      method: req.method,
      path: req.path,
      query: { ...req.query },
      headers: { ...req.headers },
      body: req.body,
    });
    // It could not start (no broker to create `_schemas` on): nothing listens.
    if (!r.ok) return null;
    return { status: r.data.status, headers: { 'content-type': CONTENT_TYPE }, body: r.data.body };
  },
};
