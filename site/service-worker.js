// IJkpunt's service worker: after one visit the whole site works without network.
//
// The build (generator/ijkpunt/offline.py) publishes this file at the site's root with the manifest in front of it:
//   const MANIFEST = {version, files: [[path, sha256], ...]};
// so every published change changes this file, which is how the browser notices a new version.
//
// * One cache per version ("ijkpunt-<version>"), installed whole or not at all: every downloaded file is checked
//   against its sha256 (a half-published site is refused, the previous version keeps working). A file whose sha256
//   did not change is copied from the previous version's cache, not downloaded again (the 9.6 MB Pyodide runtime
//   is fetched once, not at every publication), unless the server's Content-Security-Policy header changed.
// * Every file of the site is served from that cache, pages included: a page and the scripts, data and runtime it
//   uses always come from the same version. The response keeps the server's Content-Type (a .wasm must stay
//   application/wasm, see assets/ijkpunt/worker.js) and Content-Security-Policy; HEAD requests (the worker's MIME
//   check) are answered too.
// * A new version waits: the page shows a notice (assets/ijkpunt/offline.js) and only when the evaluator clicks
//   "Herladen" does it ask this worker to take over. Nothing reloads under an evaluator's feet.
/* global MANIFEST */

const PREFIX = "ijkpunt-";
const CACHE = PREFIX + MANIFEST.version;
const SCOPE = new URL(self.registration.scope);
const COMPLETE = new URL("__ijkpunt-offline-manifest.json", SCOPE).href; // written last: the version is whole
const KEPT = new Map(MANIFEST.files);
const PARALLEL = 4;
const KEPT_HEADERS = ["Content-Type", "Content-Security-Policy"];

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "take-over") self.skipWaiting();
});
self.addEventListener("fetch", (event) => {
  const answer = respond(event.request);
  if (answer) event.respondWith(answer);
});

async function install() {
  const cache = await caches.open(CACHE);
  const earlier = await earlierVersions();
  const policy = await currentPolicy();
  const queue = MANIFEST.files.slice();
  const worker = async () => {
    while (queue.length) {
      const [path, sha256] = queue.shift();
      const url = new URL(path, SCOPE).href;
      if (await cache.match(url)) continue; // an interrupted install of this same version got this far
      const copy = await earlierCopy(earlier, path, sha256, url, policy);
      await cache.put(url, copy || (await download(url, path, sha256)));
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const listing = new Response(JSON.stringify(MANIFEST), { headers: { "Content-Type": "application/json" } });
  await cache.put(COMPLETE, listing);
}

/** The complete versions already on this device: [{cache, files: Map(path → sha256)}]. */
async function earlierVersions() {
  const found = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const cache = await caches.open(name);
    const listing = await cache.match(COMPLETE);
    if (listing) found.push({ cache, files: new Map((await listing.json()).files) });
  }
  return found;
}

async function earlierCopy(earlier, path, sha256, url, policy) {
  for (const { cache, files } of earlier) {
    if (files.get(path) !== sha256) continue;
    const response = await cache.match(url);
    // a copy kept under another policy (or before the server sent one) is downloaded again, with today's header
    if (response && response.headers.get("Content-Security-Policy") === policy) return response;
  }
  return null;
}

/** The Content-Security-Policy header the server sends now (null if none), as on this worker's own script. */
async function currentPolicy() {
  const response = await fetch(self.location.href, { method: "HEAD", cache: "no-cache", credentials: "same-origin" });
  return response.headers.get("Content-Security-Policy");
}

async function download(url, path, sha256) {
  // no-cache: revalidate with the server (a 304 reuses the HTTP cache), never trust a stale copy blindly
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const body = await response.arrayBuffer();
  const found = hex(await crypto.subtle.digest("SHA-256", body));
  if (found !== sha256) throw new Error(`${path}: sha256 ${found}, expected ${sha256} (site changed while installing)`);
  // Only the type and the policy are kept: the body is stored decoded, so a Content-Encoding or Content-Length would
  // be wrong. The Content-Security-Policy must survive: served from here, a worker's script (Pyodide's worker) takes
  // its policy from this response, not from the page's meta tag.
  const headers = new Headers();
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(body, { status: 200, headers });
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function activate() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
  await self.clients.claim(); // the first visit's page works offline at once, without a reload
}

/** A promise of the response for `request`, or null to leave it to the network (not a file of this site). */
function respond(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return null;
  let path;
  try {
    path = decodeURIComponent(url.pathname.slice(SCOPE.pathname.length));
  } catch {
    return null;
  }
  if (path === "" || path.endsWith("/")) path += "index.html";
  if (KEPT.has(path)) return fromCache(request, path);
  if (request.mode === "navigate" && KEPT.has(`${path}/index.html`)) {
    return Promise.resolve(Response.redirect(`${url.origin}${url.pathname}/${url.search}`, 301));
  }
  if (request.mode === "navigate") return notFound(request);
  return null;
}

async function fromCache(request, path) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(new URL(path, SCOPE).href);
  if (!cached) return fetch(request); // the browser evicted the cache: the network is all there is
  if (request.method === "HEAD") return new Response(null, { status: cached.status, headers: cached.headers });
  return cached;
}

async function notFound(request) {
  // a page the site does not have: the server's answer, or offline the site's own 404 page
  try {
    return await fetch(request);
  } catch (error) {
    const page = KEPT.has("404.html") && (await (await caches.open(CACHE)).match(new URL("404.html", SCOPE).href));
    if (!page) throw error;
    return new Response(page.body, { status: 404, headers: page.headers });
  }
}
