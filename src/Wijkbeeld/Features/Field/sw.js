// Wijkbeeld service worker: the app shell and the last viewed map data stay available offline.
// Served by /sw.js with VERSION stamped in (a hash of the build's static assets): a new build installs a new
// worker, which drops the shell cache of the old one. Sending offline input is not done here but by the pages
// (js/outbox.js), so it also works in browsers without service workers and is testable in the page.
const VERSION = '__VERSION__';
const SHELL = `wijkbeeld-shell-${VERSION}`;
// Pages and data cached here can hold items only the signed-in account may see: signing out answers with
// Clear-Site-Data: "cache", which empties these caches. The outbox (IndexedDB) is kept: it holds unsent work.
const PAGES = 'wijkbeeld-pages';
const DATA = 'wijkbeeld-data';
const MAX_PAGES = 40;
const MAX_DATA = 60;
const FETCHED_AT = 'x-wijkbeeld-fetched-at';
// Pages someone in the field needs without a connection; their scripts and styles are cached with them.
const PRECACHE_PAGES = ['/', '/items/new', '/wachtrij', '/offline'];
const PRECACHE_FILES = ['/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/api/areas/boundaries.geojson'];
const CLOSED = new Set(['gesloten', 'gerealiseerd', 'vervallen', 'aangepakt', 'afgerond', 'gestopt', 'niet-meer-actief', 'afgehandeld', 'geweest', 'afgelast']);

self.addEventListener('install', event => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL);
    const pages = await caches.open(PAGES);
    for (const path of PRECACHE_PAGES) {
      try {
        const response = await fetch(path, { credentials: 'same-origin' });
        if (!response.ok) continue;
        await pages.put(path, stamp(response.clone()));
        await cacheAssets(shell, await response.text());
      } catch { /* offline during install: the next visit fills the cache */ }
    }
    for (const path of PRECACHE_FILES) {
      try {
        const response = await fetch(path);
        if (response.ok) await (path.startsWith('/api/') ? caches.open(DATA) : Promise.resolve(shell)).then(c => c.put(path, stamp(response)));
      } catch { /* ignore, as above */ }
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', event => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('wijkbeeld-shell-') && name !== SHELL) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// A page tells us which scripts and styles it loaded, so they are there offline too.
self.addEventListener('message', event => {
  if (event.data?.type === 'cache-assets') {
    event.waitUntil(caches.open(SHELL).then(shell => Promise.all(event.data.urls.filter(isAsset).map(async url => {
      if (await shell.match(url)) return;
      try { const r = await fetch(url); if (r.ok) await shell.put(url, r); } catch { /* offline */ }
    }))));
  }
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/hubs/') || url.pathname === '/sw.js' || url.pathname.startsWith('/api/docs') || url.pathname === '/health') return;

  if (request.mode === 'navigate') {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith('/api/photos/')) {
    event.respondWith(cacheFirst(request, DATA)); // a photo never changes
  } else if (url.pathname === '/api/items/nearby') {
    event.respondWith(nearby(request, url, event.clientId));
  } else if (isAsset(url.href)) {
    event.respondWith(isFingerprinted(url.pathname) ? cacheFirst(request, SHELL) : networkFirst(request, SHELL, event.clientId, false));
  } else if (isData(url) || request.headers.get('HX-Request') === 'true') {
    event.respondWith(networkFirst(request, DATA, event.clientId, true));
  }
});

function isAsset(href) {
  const path = new URL(href, self.location.origin).pathname;
  return /^\/(lib|css|js|icons)\//.test(path) || path === '/manifest.webmanifest';
}

// Build assets carry a content hash in their name (site.abc123xyz9.css): such a URL never changes.
function isFingerprinted(path) {
  return path.startsWith('/lib/') || /\.[a-z0-9]{8,}\.(js|css|png|svg|woff2?)$/i.test(path);
}

function isData(url) {
  return url.pathname === '/api/items' || url.pathname === '/api/items.geojson' || url.pathname.startsWith('/api/areas')
    || /^\/api\/items\/\d+(\/photos)?$/.test(url.pathname);
}

function stamp(response) {
  const headers = new Headers(response.headers);
  headers.set(FETCHED_AT, new Date().toISOString());
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function cacheAssets(shell, html) {
  const urls = [...html.matchAll(/(?:src|href)="(\/(?:lib|css|js|icons)\/[^"]+)"/g)].map(m => m[1]);
  await Promise.all(urls.map(async url => {
    if (await shell.match(url)) return;
    try { const r = await fetch(url); if (r.ok) await shell.put(url, r); } catch { /* offline */ }
  }));
}

async function trim(cache, max) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function tellStale(clientId, response) {
  const fetchedAt = response.headers.get(FETCHED_AT);
  const client = clientId && await self.clients.get(clientId);
  if (client && fetchedAt) client.postMessage({ type: 'stale', fetchedAt });
}

// Pages: always the newest from the server; without a connection the copy seen last, else the offline page.
async function page(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get('content-type') || '').includes('text/html')) {
      const pages = await caches.open(PAGES);
      const url = new URL(request.url);
      await pages.put(url.pathname + url.search, stamp(response.clone()));
      await trim(pages, MAX_PAGES);
    }
    return response;
  } catch {
    const pages = await caches.open(PAGES);
    const url = new URL(request.url);
    return (await pages.match(url.pathname + url.search)) || (await pages.match(url.pathname, { ignoreSearch: true }))
      || (await pages.match('/offline')) || new Response('Offline', { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}

async function cacheFirst(request, name) {
  const cache = await caches.open(name);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// Data: the newest when there is a connection; otherwise the last copy, and the page hears from when it is.
async function networkFirst(request, name, clientId, notify) {
  const cache = await caches.open(name);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, stamp(response.clone()));
      if (name === DATA) await trim(cache, MAX_DATA);
    }
    return response;
  } catch (error) {
    const hit = await cache.match(request) || (request.url.includes('/api/areas') ? await cache.match(request, { ignoreSearch: true }) : undefined);
    if (!hit) throw error;
    if (notify) await tellStale(clientId, hit);
    return hit;
  }
}

// The duplicate check offline: the same question answered from the map data on this device.
async function nearby(request, url, clientId) {
  try {
    return await fetch(request);
  } catch {
    const lat = Number(url.searchParams.get('latitude'));
    const lon = Number(url.searchParams.get('longitude'));
    const kind = url.searchParams.get('kind');
    const radius = Number(url.searchParams.get('radius') || 75);
    const found = new Map();
    let fetchedAt = null;
    const cache = await caches.open(DATA);
    for (const key of await cache.keys()) {
      if (!new URL(key.url).pathname.endsWith('/api/items.geojson')) continue;
      const response = await cache.match(key);
      fetchedAt = fetchedAt || response.headers.get(FETCHED_AT);
      const data = await response.json().catch(() => null);
      for (const f of data?.features || []) {
        const p = f.properties || {};
        if (!p.id || p.kind !== kind || CLOSED.has(p.status) || f.geometry?.type !== 'Point') continue;
        const [flon, flat] = f.geometry.coordinates;
        const d = distance(lat, lon, flat, flon);
        if (d <= radius) found.set(p.id, { id: p.id, kind: p.kind, title: p.title, status: p.status, latitude: flat, longitude: flon, distanceMetres: Math.round(d), supportCount: 0 });
      }
    }
    const items = [...found.values()].sort((a, b) => a.distanceMetres - b.distanceMetres).slice(0, 5);
    return new Response(JSON.stringify({ radiusMetres: radius, items, cached: true, fetchedAt }),
      { headers: { 'content-type': 'application/json', [FETCHED_AT]: fetchedAt || '' } });
  }
}

function distance(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * r / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 2 * 6371000 * Math.asin(Math.min(1, Math.sqrt(a)));
}
