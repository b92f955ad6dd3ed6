// First-visit weight of a page: every byte Chromium receives (headers + compressed
// bodies, as reported by the DevTools protocol) with an empty cache and JavaScript on,
// so the WASM of the islands is included.
// Usage: BASE_URL=http://127.0.0.1:3000 node benches/page-weight.mjs / /masuk
// With LOGIN=login:password the pages are loaded signed in (the sign-in itself is not counted).
import { chromium } from 'playwright-core';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:3000';
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/'];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

for (const path of paths) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  if (process.env.LOGIN) {
    const [login, ...rest] = process.env.LOGIN.split(':');
    const response = await context.request.post(`${base}/api/accounts/sign-in`, {
      form: { login, password: rest.join(':') },
      headers: { Origin: base, Accept: 'application/json' },
    });
    if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
  }
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // A fresh context has an empty cache; it stays enabled, so the service worker's
  // precache revalidates what the page just loaded instead of downloading it again.
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    requests.set(requestId, { url: new URL(response.url).pathname, encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? 'identity', bytes: 0 });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = requests.get(requestId);
    if (entry) entry.bytes = encodedDataLength;
  });
  // What the service worker fetches while it installs (Chromium reports it to the context).
  const worker = [];
  context.on('requestfinished', async (request) => {
    if (!request.serviceWorker()) return;
    const sizes = await request.sizes().catch(() => null);
    if (sizes) worker.push({ url: `(worker) ${new URL(request.url()).pathname}`, encoding: (await request.response())?.headers()['content-encoding'] ?? 'identity', bytes: sizes.responseHeadersSize + sizes.responseBodySize });
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  // The worker installed and its precache done, then the manifest as Chromium fetches it
  // to decide whether the app is installable (counted once if the page did not fetch it).
  await page.evaluate(() => navigator.serviceWorker?.ready);
  await page.waitForLoadState('networkidle');
  const seen = new Set([...requests.values()].map((entry) => entry.url));
  for (const extra of ['/manifest.webmanifest']) {
    if (seen.has(extra)) continue;
    const response = await context.request.get(base + extra, { headers: { 'Accept-Encoding': 'br, gzip' } });
    const body = (await response.body()).length;
    const headers = Object.entries(response.headers()).reduce((sum, [k, v]) => sum + k.length + v.length + 4, 0);
    requests.set(extra, { url: extra, encoding: response.headers()['content-encoding'] ?? 'identity', bytes: body + headers });
  }
  for (const [index, entry] of worker.entries()) requests.set(`worker-${index}`, entry);
  let total = 0;
  console.log(`\n${path}`);
  for (const { url, encoding, bytes } of requests.values()) {
    total += bytes;
    console.log(`  ${url.padEnd(32)} ${encoding.padEnd(9)} ${String(bytes).padStart(8)} B`);
  }
  console.log(`  ${'total'.padEnd(32)} ${''.padEnd(9)} ${String(total).padStart(8)} B (${(total / 1024).toFixed(1)} KiB)`);
  await context.close();
}
await browser.close();
