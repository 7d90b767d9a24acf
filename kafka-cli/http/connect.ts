// Kafka Connect's REST API on port 8083 (rest.advertised.listener / listeners default http://:8083), answered
// by the simulated worker group: every call is a `connectRest` command, so it is replayed with the rest of the
// simulation. While no worker runs nothing listens and curl fails to connect (exit 7).
import type { HttpResponse, HttpService } from './types';

export const connectRestService: HttpService = {
  name: 'Kafka Connect REST API',
  hosts: ['localhost', 'connect', 'connect-1', 'connect-2', 'connect-3'],
  port: 8083,
  handle(req, ctx): HttpResponse | null {
    if (!ctx.read.connect().workers.some((w) => w.state === 'running')) return null;
    // Jersey answers HEAD for every GET resource, without a body
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const headers: Record<string, string> = { Host: 'localhost:8083' };
    for (const [k, v] of Object.entries(req.headers)) headers[k === 'content-type' ? 'Content-Type' : k] = v;
    const r = ctx.port.connect({
      type: 'connectRest',
      request: {
        method,
        path: req.path,
        query: { ...req.query },
        headers,
        ...(req.body === null ? {} : { body: req.body }),
      },
    });
    if (!r.ok) return null;
    // Jackson writes compact JSON without a trailing newline; 204 and pause/resume's 202 have no body
    return {
      status: r.data.status,
      headers: r.data.headers,
      body: r.data.body === undefined ? '' : JSON.stringify(r.data.body),
    };
  },
};
