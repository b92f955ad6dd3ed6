import { chromium, test, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokenWords, createAccount, openMenu, PASSWORD, signIn, signOut } from './helpers';
import { liveClass } from './live-class';

const TRAINEE = { login: '0812-1111-2026', password: 'belajar-nihongo-rajin', name: 'Dewi Lestari' };

/** The navigation's addresses for the signed-in person, from the header's menu. */
async function menuAddresses(page: Page): Promise<string[]> {
  const hrefs = await page.locator('nav.nav-in-menu a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  return [...new Set(hrefs)];
}

/** Waits until the service worker controls the page. */
async function controlledByWorker(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test.describe('the compact header', () => {
  // The same server-rendered header in both projects: measured once, without JavaScript.
  test.skip(({ javaScriptEnabled }) => javaScriptEnabled, 'layout measured in the no-js project');

  const roles = [
    { role: 'trainee', sites: ['BBPLK-SRG'] },
    { role: 'instructor', sites: ['BBPLK-SRG'] },
    { role: 'coordinator', sites: ['BBPLK-SRG'] },
    { role: 'admin', sites: [] },
  ] as const;
  for (const { role, sites } of roles) {
    test(`every page of a ${role} starts its heading within 160 px at 360 × 740`, async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      if (role === 'trainee') await signIn(page, TRAINEE.login, TRAINEE.password);
      else await signIn(page, createAccount(testInfo, role, [...sites]));
      const addresses = await menuAddresses(page);
      expect(addresses.length).toBeGreaterThan(2);
      for (const address of addresses) {
        await page.goto(address);
        const top = await page.locator('h1').first().evaluate((h1) => h1.getBoundingClientRect().top);
        expect(top, `${address}: the heading starts at ${top} px`).toBeLessThanOrEqual(160);
        expect(await brokenWords(page), address).toEqual([]);
      }
    });
  }

  test('the menu opens without JavaScript, marks the current page and holds the sign-out', async ({ page }) => {
    await signIn(page, TRAINEE.login, TRAINEE.password);
    await page.goto('/kehadiran');
    await expect(page.locator('.header-current')).toHaveText('Kehadiran');
    const navigation = page.getByRole('navigation', { name: 'Navigasi utama' });
    await expect(navigation).toBeHidden();
    await openMenu(page);
    await expect(navigation.getByRole('link', { name: 'Kehadiran' })).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('.nav-menu').getByText(`Masuk sebagai ${TRAINEE.name}`)).toBeVisible();
    await navigation.getByRole('link', { name: 'Jadwal' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jadwal saya' })).toBeVisible();
    await signOut(page);
  });
});

test.describe('the installable, offline schedule', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a service worker needs JavaScript');

  test('Chromium finds the app installable: manifest and worker', async ({ page }, testInfo) => {
    const manifest = await page.request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()['content-type']).toContain('manifest+json');
    const fields = await manifest.json();
    expect(fields).toMatchObject({ short_name: 'Siap Jepang', lang: 'id', start_url: '/jadwal', display: 'standalone' });
    const sizes = fields.icons.map((icon: { sizes: string }) => icon.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(fields.icons.some((icon: { purpose?: string }) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of fields.icons) expect((await page.request.get(icon.src)).status(), icon.src).toBe(200);
    const worker = await page.request.get('/sw.js');
    expect(worker.headers()['cache-control']).toBe('no-cache');

    // Chromium never offers to install from an incognito profile, which every Playwright
    // context is: the check runs in a persistent profile of the same browser.
    const profile = mkdtempSync(join(tmpdir(), 'sj-install-'));
    const installed = await chromium.launchPersistentContext(profile, {
      ...testInfo.project.use.launchOptions,
      baseURL: testInfo.project.use.baseURL,
      viewport: { width: 360, height: 740 },
    });
    try {
      const app = installed.pages()[0] ?? (await installed.newPage());
      await app.goto('/masuk');
      await controlledByWorker(app);
      const scope = await app.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
      expect(scope).toMatch(/\/$/);
      const cdp = await installed.newCDPSession(app);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
    } finally {
      await installed.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  test('the schedule opens offline with the banner, and is gone after sign-out', async ({ page, context }) => {
    test.setTimeout(60_000);
    await signIn(page, TRAINEE.login, TRAINEE.password);
    await page.goto('/jadwal');
    await controlledByWorker(page);
    // Fetched again under the worker, which keeps this copy.
    await page.reload();
    await expect.poll(() => page.evaluate(async () => (await caches.match('/jadwal')) !== undefined)).toBe(true);
    const banner = page.getByRole('status').filter({ hasText: /^Offline — terakhir diperbarui / });
    await expect(banner).toBeHidden();

    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Jadwal saya' })).toBeVisible();
    await expect(banner).toBeVisible();
    await expect(banner).toHaveText(/^Offline — terakhir diperbarui (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu) \d{2}\.\d{2}, \d{2}\.\d{2}$/);
    await expect(page.getByRole('heading', { name: /^Hari ini/ })).toBeVisible();
    // A page never opened online: the offline page, not a browser error.
    await page.goto('/profil');
    await expect(page.getByRole('heading', { level: 1, name: 'Offline' })).toBeVisible();

    await context.setOffline(false);
    await page.goto('/jadwal');
    await signOut(page);
    await controlledByWorker(page);
    await context.setOffline(true);
    await page.goto('/jadwal');
    await expect(page.getByRole('heading', { level: 1, name: 'Offline' })).toBeVisible();
    await expect(page.getByText(TRAINEE.name)).toHaveCount(0);
    await expect(page.getByRole('heading', { name: /^Hari ini/ })).toHaveCount(0);
    await context.setOffline(false);
  });

  test('someone else signing in on the same phone never sees the first person’s kept schedule', async ({ page, context }, testInfo) => {
    test.setTimeout(60_000);
    await signIn(page, TRAINEE.login, TRAINEE.password);
    await page.goto('/jadwal');
    await controlledByWorker(page);
    await page.reload();
    await expect.poll(() => page.evaluate(async () => (await caches.match('/jadwal')) !== undefined)).toBe(true);
    // The session ends without signing out (cookies cleared), and another trainee signs in.
    await context.clearCookies();
    const other = createAccount(testInfo, 'trainee', ['UPT-SRG']);
    await signIn(page, other);
    await page.goto('/akun');
    // What is kept now is the second person's own schedule, if anything: never the first's.
    const kept = () => page.evaluate(async () => (await (await caches.match('/jadwal'))?.text()) ?? '');
    await expect.poll(kept).not.toContain('Dewi Lestari');
    await context.setOffline(true);
    await page.goto('/jadwal');
    await expect(page.getByText(TRAINEE.name)).toHaveCount(0);
    await context.setOffline(false);
  });
});

/** Whether the focused element (or the label drawn for a hidden radio) shows a focus ring. */
async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return false;
    const ring = (style: CSSStyleDeclaration) =>
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
    return ring(getComputedStyle(element)) || (label !== null && ring(getComputedStyle(label)));
  });
}

/** Tabs forward until `target` has focus, each stop with a visible focus ring. */
async function tabTo(page: Page, target: import('@playwright/test').Locator, limit = 60) {
  // A field that has focus on arrival (autofocus) is already there.
  if (await target.evaluate((element) => element === document.activeElement)) return;
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? 'nothing');
    expect(await focusIsVisible(page), `focus ring on ${where}`).toBe(true);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} not reached in ${limit} tabs: a trap or a wrong order`);
}

test.describe('keyboard only', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'walked once, with the islands active');

  test('sign-in, roll call and self check-in work from the keyboard', async ({ page, browser }, testInfo) => {
    test.setTimeout(90_000);
    const live = await liveClass(page, testInfo);
    await page.context().clearCookies();

    // Sign-in: the login field has focus on arrival; Tab, type, Enter.
    await page.goto('/masuk');
    await expect(page.getByLabel('E-mail, nomor HP, atau NIK')).toBeFocused();
    await page.keyboard.type(live.instructor);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Kata sandi', { exact: true })).toBeFocused();
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Anda berhasil masuk.' })).toBeVisible();

    // The first stop is the skip link, which takes focus past the header.
    await page.goto(`/sesi/${live.sessionId}/absen`);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Langsung ke isi' })).toBeFocused();
    expect(await focusIsVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();

    // Self check-in: the instructor shows the code; the second trainee types it in.
    await tabTo(page, page.getByRole('button', { name: 'Tampilkan kode presensi' }));
    await page.keyboard.press('Enter');
    const code = (await page.getByTestId('check-in-code').innerText()).replace(/\s/g, '');
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const trainee = await phone.newPage();
    await signIn(trainee, live.trainees[1].login, PASSWORD);
    await trainee.goto('/hadir');
    await tabTo(trainee, trainee.getByLabel('Kode presensi'));
    await trainee.keyboard.type(code);
    await trainee.keyboard.press('Enter');
    await expect(trainee.getByRole('status').filter({ hasText: `Presensi tercatat: Hadir di ${live.code}.` })).toBeVisible();

    // Roll call: into the first trainee's choices, an arrow to "Terlambat", on to save.
    await page.goto(`/sesi/${live.sessionId}/absen`);
    const [first] = live.trainees;
    await tabTo(page, page.getByRole('radio', { name: `Hadir · ${first.name}` }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: `Terlambat · ${first.name}` })).toBeChecked();
    const save = page.getByRole('button', { name: 'Simpan absen (2 peserta)' });
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Absen ${live.code} disimpan (2 peserta).` })).toBeVisible();
    await expect(page.getByRole('radio', { name: `Terlambat · ${first.name}` })).toBeChecked();
    await phone.close();
  });
});
