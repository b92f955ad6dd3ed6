import { test, expect, type Page } from '@playwright/test';
import { brokenWords, createAccount, openMenu, signIn, signOut } from './helpers';

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
    await expect(page.getByText(`Masuk sebagai ${TRAINEE.name}`)).toBeVisible();
    await navigation.getByRole('link', { name: 'Jadwal' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Jadwal saya' })).toBeVisible();
    await signOut(page);
  });
});

test.describe('the installable, offline schedule', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'a service worker needs JavaScript');

  test('Chromium finds the app installable: manifest and worker', async ({ page }) => {
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

    await page.goto('/masuk');
    await controlledByWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toMatch(/\/$/);
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
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
    await expect.poll(() => page.evaluate(async () => (await caches.match('/jadwal')) === undefined)).toBe(true);
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
    const { liveClass } = await import('./live-class');
    const { PASSWORD } = await import('./helpers');
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

    // Roll call: into the first trainee's choices, an arrow to "Terlambat", on to save.
    const [first] = live.trainees;
    await tabTo(page, page.getByRole('radio', { name: `Hadir · ${first.name}` }));
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: `Terlambat · ${first.name}` })).toBeChecked();
    const save = page.getByRole('button', { name: 'Simpan absen (2 peserta)' });
    await tabTo(page, save);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: `Absen ${live.code} disimpan (2 peserta).` })).toBeVisible();
    await expect(page.getByRole('radio', { name: `Terlambat · ${first.name}` })).toBeChecked();

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
    await phone.close();
  });
});
