// What the console tools of this folder return (the lead mounts them next to the Kafka tools).
export type ToolOutput = { stdout: string; stderr: string; exitCode: number };

export type HttpResult = { status: number; contentType: string; body: string };

/** What lives behind host:port: an HTTP handler, or nothing listening / an unknown host. */
export type Endpoint =
  | { kind: 'http'; handle: (method: string, path: string, query: Record<string, string>) => HttpResult }
  | { kind: 'refused' }
  | { kind: 'unknown-host' };
