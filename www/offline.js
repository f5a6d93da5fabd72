// Registers the service worker (sw.js) that lets the served site work offline after its first
// visit. Only on http(s): the single file (file://) has nothing to register and its build
// replaces this module with a no-op, and its CSP (default-src 'none') would refuse a worker anyway.

/** Registers sw.js once the page is up; failures are reported, never fatal. */
export function registerOffline() {
  const { protocol } = window.location;
  if (!("serviceWorker" in navigator) || (protocol !== "https:" && protocol !== "http:")) return;
  navigator.serviceWorker.register("sw.js").catch((error) => {
    // The page works without it; it just will not open offline.
    console.warn("jwt-lens: offline support unavailable", error);
  });
}
