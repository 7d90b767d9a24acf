// The console's HTTP services (Kafka Connect's REST API, Schema Registry, metrics endpoints): `curl` parses the
// command line once and hands each service a plain request; the service answers as its real server would.
import type { ToolContext } from '../tool';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HttpRequest = {
  readonly method: HttpMethod;
  /** Path without the query string, e.g. `/connectors/orders-sink/status`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The request body as sent (`-d`/`--data*`), or null. */
  readonly body: string | null;
};

export type HttpResponse = {
  readonly status: number;
  /** Extra headers; `content-type` included. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};

export type HttpService = {
  /** Shown in `curl: (7)` failures and help, e.g. `Kafka Connect REST API`. */
  readonly name: string;
  /** Host names it answers to (`localhost`, `connect`, …) and its port (8083 Connect, 8081 Schema Registry). */
  readonly hosts: readonly string[];
  readonly port: number;
  /** Null when the service is not running in this simulation (curl then fails to connect, exit 7). */
  handle(req: HttpRequest, ctx: ToolContext): HttpResponse | null;
};
