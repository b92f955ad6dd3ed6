// Siap Jepang's service worker. A trainee's own pages stay readable without a connection
// (network first, the last copy when offline, with its "offline — last updated" banner
// revealed); the static files are cached per release; anything else offline gets the
// offline page instead of a browser error. Staff pages, exports, scans and other people's
// data are never stored, nor any answer but a 200 the server marked as keepable; when the
// person changes (sign-out, someone else signs in: phones are shared) every kept page is
// forgotten. The server fills the blanks for each release (src/server/worker.rs).
'use strict';

const RELEASE = '__RELEASE__';
const STATIC_CACHE = 'sj-static-' + RELEASE;
const PAGES_CACHE = 'sj-pages';
const OWN_PAGES = __OWN_PAGES__;
const PRECACHE = __PRECACHE__;
const KEEP_HEADER = '__KEEP_HEADER__';
const PERSON_HEADER = '__PERSON_HEADER__';
const RELEASE_HEADER = '__RELEASE_HEADER__';
const BANNER_ID = '__BANNER_ID__';
// Whose pages the pages cache holds, kept in the cache itself.
const PERSON_KEY = '/sj-offline-person';

// Set when a page came from a newer release: the static files keep their addresses
// across releases, so from then on they come from the network until the new worker takes
// over (it is fetched at once).
let outdated = false;

// Cache work runs one step at a time, so a sign-out cannot interleave with storing a page.
let queue = Promise.resolve();
function serial(step) {
  queue = queue.then(step, step).catch(() => undefined);
  return queue;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(STATIC_CACHE)
      .then((cache) =>
        Promise.all(
          PRECACHE.map((url) =>
            // The browser's own cache revalidates (the server says no-cache): what the
            // page just loaded costs a 304, a new release's file comes whole.
            fetch(url)
              .then((response) => (response.status === 200 ? cache.put(url, response) : undefined))
              .catch(() => undefined),
          ),
        ),
      )
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('sj-static-') && name !== STATIC_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .catch(() => undefined)
      .then(() => self.clients.claim()),
  );
});

async function keptPerson(cache) {
  const kept = await cache.match(PERSON_KEY);
  return kept ? kept.text() : null;
}

// The answers now come for `person` ('anon' when nobody is signed in): if that is not
// whom the kept pages belong to, forget them all.
async function notePerson(person) {
  if (!person) return;
  const cache = await caches.open(PAGES_CACHE);
  if ((await keptPerson(cache)) === person) return;
  await caches.delete(PAGES_CACHE);
  if (person !== 'anon') {
    const fresh = await caches.open(PAGES_CACHE);
    await fresh.put(PERSON_KEY, new Response(person));
  }
}

async function keep(path, person, response) {
  const cache = await caches.open(PAGES_CACHE);
  if ((await keptPerson(cache)) === person) await cache.put(path, response);
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'person' && typeof data.person === 'string') {
    event.waitUntil(serial(() => notePerson(data.person)));
  } else if (data.type === 'signed-out') {
    event.waitUntil(serial(() => notePerson('anon')));
  }
});

// The kept copy of an own page, its banner revealed; null when there is none or it is
// not a page we kept (a damaged cache falls through to the offline page).
async function keptCopy(path) {
  try {
    const cache = await caches.open(PAGES_CACHE);
    const kept = await cache.match(path);
    if (!kept) return null;
    const html = await kept.text();
    const banner = new RegExp('<p id="' + BANNER_ID + '"[^>]*>');
    if (!banner.test(html)) return null;
    const shown = html.replace(banner, (tag) => tag.replace(/\shidden(="")?/, ''));
    const headers = new Headers(kept.headers);
    headers.delete('content-length');
    headers.delete('content-encoding');
    return new Response(shown, { status: 200, headers });
  } catch (error) {
    return null;
  }
}

async function offlinePage() {
  try {
    const cache = await caches.open(STATIC_CACHE);
    const page = await cache.match('/offline.html');
    if (page) return page;
  } catch (error) {
    // A damaged cache: the fallback below.
  }
  return new Response(
    '<!DOCTYPE html><html lang="id"><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>Offline · Siap Jepang</title><h1>Offline</h1>' +
      '<p>Tidak ada koneksi internet. Coba lagi setelah tersambung.</p>' +
      '<p lang="en">No internet connection. Try again once you are connected.</p></html>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );
}

async function navigate(event, url) {
  const own = OWN_PAGES.includes(url.pathname) && url.search === '';
  let response;
  try {
    response = await fetch(event.request);
  } catch (error) {
    const kept = own ? await keptCopy(url.pathname) : null;
    return kept || offlinePage();
  }
  const release = response.headers.get(RELEASE_HEADER);
  if (release && release !== RELEASE && !outdated) {
    outdated = true;
    event.waitUntil(self.registration.update().catch(() => undefined));
  }
  const person = response.headers.get(PERSON_HEADER);
  const keepable =
    own && response.status === 200 && !response.redirected && response.headers.get(KEEP_HEADER) === '1';
  const copy = keepable ? response.clone() : null;
  event.waitUntil(
    serial(async () => {
      await notePerson(person);
      if (copy && person) await keep(url.pathname, person, copy);
    }),
  );
  return response;
}

// Static files: from this release's cache first, kept the first time they are fetched
// (the put outlives the answer); from the network while a newer release is out, with the
// cache only when offline.
async function staticFile(event, request) {
  let cache = null;
  try {
    cache = await caches.open(STATIC_CACHE);
    const hit = outdated ? undefined : await cache.match(request);
    if (hit) return hit;
  } catch (error) {
    cache = null;
  }
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = cache ? await cache.match(request).catch(() => undefined) : undefined;
    if (kept) return kept;
    throw error;
  }
  if (cache && !outdated && response.status === 200 && response.type === 'basic') {
    event.waitUntil(cache.put(request, response.clone()).catch(() => undefined));
  }
  return response;
}

function isStatic(url) {
  return (
    url.search === '' &&
    (url.pathname.startsWith('/pkg/') ||
      url.pathname.startsWith('/icons/') ||
      url.pathname === '/favicon.svg' ||
      url.pathname === '/manifest.webmanifest' ||
      PRECACHE.includes(url.pathname))
  );
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(event, url));
  } else if (isStatic(url)) {
    event.respondWith(staticFile(event, request));
  }
});
