import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signIn } from './helpers';

// axe runs as a script inside the page, so it needs JavaScript; the server renders the
// same HTML for both projects, so checking it once in the hydrated project is enough.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'axe-core needs JavaScript in the page');

/** axe-core's WCAG 2.1 A/AA rules on the current page: no violation allowed. */
async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, label).toEqual([]);
}

test('public pages have no accessibility violations', async ({ page }) => {
  for (const path of ['/', '/masuk', '/aktivasi']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});

test('the trainee schedule has no accessibility violations', async ({ page }) => {
  await signIn(page, '0812-1111-2026', 'belajar-nihongo-rajin');
  await expect(page).toHaveURL(/\/jadwal$/);
  await expectNoViolations(page, '/jadwal');
});

test('staff pages have no accessibility violations', async ({ page }) => {
  await signIn(page, 'koordinator@siapjepang.id', 'bunga-sakura-mekar');
  await page.goto('/angkatan?q=KAIGO');
  await page.getByRole('link', { name: /^JP-KAIGO-B-\d{4}$/ }).click();
  const cohort = new URL(page.url()).pathname;
  const session = await page.locator('.session-cards a').first().getAttribute('href');
  for (const path of [
    '/angkatan',
    '/angkatan/baru',
    cohort,
    `${cohort}/ubah`,
    `${cohort}/jadwalkan`,
    `${cohort}/cetak`,
    session!,
    '/kalender',
    '/kalender?view=month',
    '/libur',
    '/program',
    '/pengguna',
    '/akun',
    '/audit',
  ]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});
