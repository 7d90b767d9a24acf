// Offline after the first visit, for a static export. Hand-written on purpose: three rules, no build step.
//  - /_next/static/*: cache first. Next names these files by their content hash, so a cached copy is never
//    stale; a new deploy ships new names.
//  - everything else of this origin (pages, the pages' RSC payloads, the search index, icons): network first,
//    the cached copy only when the network fails. Online, a reader always gets the deployed version.
//  - the page that registered the worker sends the URLs it already loaded, so the first page works offline too.
// VERSION changes only when these rules change; activating a new version deletes the caches of older ones.
const VERSION = 'v1';
const PREFIX = 'kafka-roadmap-';
const STATIC_CACHE = `${PREFIX}static-${VERSION}`;
const PAGE_CACHE = `${PREFIX}pages-${VERSION}`;
// Hashed files of past deploys pile up in the static cache; the oldest go past this many.
const MAX_STATIC_ENTRIES = 400;

self.addEventListener('install', () => {
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith(PREFIX) && key !== STATIC_CACHE && key !== PAGE_CACHE)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

const isStatic = (url) => url.pathname.startsWith('/_next/static/');

// A static host serves the same file whatever the query string (share links, RSC's ?_rsc=…): one entry a path.
const keyOf = (url) => `${url.origin}${url.pathname}`;

async function trimStatic(cache) {
  const keys = await cache.keys();
  await Promise.all(
    keys.slice(0, Math.max(0, keys.length - MAX_STATIC_ENTRIES)).map((key) => cache.delete(key)),
  );
}

async function cacheFirst(request, url) {
  const cache = await caches.open(STATIC_CACHE);
  const cached = await cache.match(keyOf(url));
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    await cache.put(keyOf(url), response.clone());
    trimStatic(cache);
  }
  return response;
}

async function networkFirst(request, url) {
  const cache = await caches.open(PAGE_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic') await cache.put(keyOf(url), response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(keyOf(url));
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Next's link prefetches are left to the browser: offline, a navigation whose payload is missing falls back to
  // loading the page itself, which is cached once read. Caching every prefetch would only cost time and disk.
  if (request.headers.has('next-router-prefetch')) return;
  event.respondWith(isStatic(url) ? cacheFirst(request, url) : networkFirst(request, url));
});

// { type: 'cache-urls', urls } from the page: what it loaded before this worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (data?.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  event.waitUntil(
    Promise.all(
      data.urls.map(async (href) => {
        const url = new URL(href, self.location.origin);
        if (url.origin !== self.location.origin) return;
        const cache = await caches.open(isStatic(url) ? STATIC_CACHE : PAGE_CACHE);
        if (await cache.match(keyOf(url))) return;
        try {
          const response = await fetch(url.href);
          if (response.ok) await cache.put(keyOf(url), response);
        } catch {
          // Offline already: nothing to add.
        }
      }),
    ),
  );
});
