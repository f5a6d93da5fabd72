// The served site's service worker: after the first visit the debugger opens and works with no
// network. It caches only this site's own files (same origin, GET), and only answers for them:
// it never fetches anything the page did not ask for, and a request to another origin (which
// the CSP forbids anyway) is left alone. The build fills in the cache name (a hash of the site's
// files, so a new build replaces the old cache) and the files of a first visit to precache; the
// full engine is cached the first time the page loads it.

/* global __JWT_LENS_CACHE__, __JWT_LENS_PRECACHE__ */
const CACHE = __JWT_LENS_CACHE__;
const PRECACHE = __JWT_LENS_PRECACHE__;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("jwt-lens-") && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromCacheOrNetwork(request));
});

/** The cached copy (the page is the same build as its cache), else the network, kept for later. */
async function fromCacheOrNetwork(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached !== undefined) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}
