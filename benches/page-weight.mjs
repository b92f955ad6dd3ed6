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
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    requests.set(requestId, { url: new URL(response.url).pathname, encoding: response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? 'identity', bytes: 0 });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const entry = requests.get(requestId);
    if (entry) entry.bytes = encodedDataLength;
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
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
