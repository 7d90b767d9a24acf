// A tiny static file server for the e2e suite and the Lighthouse bench: serves the exported site like any static
// host would, gzipped when the browser accepts it (what a real host does, and what the page-weight figures assume).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.argv[3] ?? 4173);
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  // WebAssembly.instantiateStreaming (sql.js) accepts only this type; anything else makes it fetch the file twice
  '.wasm': 'application/wasm',
};
// Already-compressed formats are sent as they are.
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.wasm']);

function resolveFile(urlPath) {
  const clean = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  const candidate = path.join(root, clean);
  if (!candidate.startsWith(root)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  if (existsSync(path.join(candidate, 'index.html'))) return path.join(candidate, 'index.html');
  if (existsSync(`${candidate}.html`)) return `${candidate}.html`;
  return null;
}

// The export does not change while it is served: each file is read and compressed once.
const cache = new Map();
function body(file, gzip) {
  const key = `${gzip ? 'gz:' : ''}${file}`;
  if (!cache.has(key)) {
    const raw = readFileSync(file);
    cache.set(key, gzip ? gzipSync(raw) : raw);
  }
  return cache.get(key);
}

function send(request, response, status, file) {
  const ext = path.extname(file);
  const gzip = compressible.has(ext) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  const headers = { 'content-type': types[ext] ?? 'application/octet-stream', vary: 'Accept-Encoding' };
  if (gzip) headers['content-encoding'] = 'gzip';
  response.writeHead(status, headers);
  response.end(request.method === 'HEAD' ? undefined : body(file, gzip));
}

createServer((request, response) => {
  const file = resolveFile(request.url ?? '/');
  if (file) return send(request, response, 200, file);
  const notFound = path.join(root, '404.html');
  if (existsSync(notFound)) return send(request, response, 404, notFound);
  response.writeHead(404, { 'content-type': types['.txt'] });
  response.end('Not found');
}).listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}`);
});
