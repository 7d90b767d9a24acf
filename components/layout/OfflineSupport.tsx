'use client';

// Registers the service worker (public/sw.js) once the page has loaded, in the built site only, and hands it the
// URLs this page loaded before the worker could see them, so the first page read works offline too.
import { useEffect } from 'react';

export function OfflineSupport() {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return;
    const register = () => {
      navigator.serviceWorker
        .register('/sw.js', { scope: '/' })
        .then(() => navigator.serviceWorker.ready)
        // Until the worker controls the page (clients.claim), what the page fetches bypasses it: list the page's
        // resources once it does, so nothing loaded in between is missed.
        .then(
          (registration) =>
            new Promise<ServiceWorkerRegistration>((resolve) => {
              if (navigator.serviceWorker.controller) resolve(registration);
              else
                navigator.serviceWorker.addEventListener('controllerchange', () => resolve(registration), {
                  once: true,
                });
            }),
        )
        .then((registration) => {
          const send = () => {
            const loaded = performance
              .getEntriesByType('resource')
              .map((entry) => entry.name)
              .filter((name) => name.startsWith(location.origin));
            registration.active?.postMessage({ type: 'cache-urls', urls: [location.pathname, ...loaded] });
          };
          send();
          // A file requested just before the worker took control finishes outside it: list once more later (the
          // worker skips what it already has).
          window.setTimeout(send, 5000);
        })
        .catch(() => {
          // No worker (private mode, an old browser): the site works online as before.
        });
    };
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
  }, []);
  return null;
}
