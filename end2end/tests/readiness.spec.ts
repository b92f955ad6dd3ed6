import { test, expect, type Page } from '@playwright/test';
import { createAccount, expectNoViolations, PASSWORD, signIn } from './helpers';
import { api, apiGet, COORDINATOR, liveClass } from './live-class';

async function noHorizontalScroll(page: Page) {
  // Measured once the page and its stylesheet have loaded (a long page is laid out while it streams).
  await page.waitForLoadState('load');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a coordinator verifies a document and sees the trainee move to Siap', async ({ page }, testInfo) => {
  // An admin sets up a track of its own whose only requirement is a verified e-KTP, so the
  // test owns every fact the verdict reads.
  const admin = createAccount(testInfo, 'admin');
  const unique = admin.split('.')[2].split('@')[0].slice(-6);
  await signIn(page, admin, PASSWORD);
  const code = `UJI-${unique}`;
  await api(page, '/api/cohorts/add-programme', { code, name: `Jalur uji ${unique}`, track: 'titp', language_target: 'n4' });
  const form = await apiGet(page, '/api/cohorts/form');
  const programme = form.programmes.find((p: any) => p.label.includes(`Jalur uji ${unique}`)).id;
  await api(page, '/api/readiness/save-rules', { programme_id: String(programme), 'doc[ktp]': 'on' });
  await page.context().clearCookies();

  const live = await liveClass(page, testInfo, programme);
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await page.goto(`/kesiapan?cohort_id=${live.cohortId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Kesiapan penempatan' })).toBeVisible();
  const [first] = live.trainees;
  const row = page.getByRole('row', { name: new RegExp(first.name) });
  await expect(row.getByText('Dalam proses')).toBeVisible();
  await expect(row.getByText('e-KTP belum ada')).toBeVisible();
  await noHorizontalScroll(page);
  if (testInfo.project.name === 'hydrated') await expectNoViolations(page, 'dashboard');

  await row.getByRole('link', { name: first.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kesiapan ${first.name}` })).toBeVisible();
  const ktp = page.locator('details.document', { hasText: 'e-KTP' });
  if ((await ktp.getAttribute('open')) === null) await ktp.locator('summary').click();
  await ktp.getByLabel('Nomor').fill('3673050101900001');
  await ktp.getByLabel('Verifikasi').check();
  await noHorizontalScroll(page);
  if (testInfo.project.name === 'hydrated') await expectNoViolations(page, 'trainee readiness');
  await ktp.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'e-KTP disimpan.' })).toBeVisible();
  await expect(page.locator('.readiness-head').getByText('Siap', { exact: true })).toBeVisible();

  // The dashboard agrees, and so does the trainee on their phone.
  await page.goto(`/kesiapan?cohort_id=${live.cohortId}&verdict=siap`);
  await expect(page.getByRole('row', { name: new RegExp(first.name) })).toBeVisible();
  await page.context().clearCookies();
  await signIn(page, first.login, PASSWORD);
  await page.goto('/kesiapan-saya');
  await expect(page.getByRole('heading', { level: 1, name: 'Kesiapan saya' })).toBeVisible();
  await expect(page.locator('.checklist').getByText('e-KTP terverifikasi')).toBeVisible();
  await noHorizontalScroll(page);
  if (testInfo.project.name === 'hydrated') await expectNoViolations(page, 'my readiness');
});

test('a wrong date is refused with its reason and the typed values come back', async ({ page }, testInfo) => {
  const live = await liveClass(page, testInfo);
  await signIn(page, live.trainees[0].login, PASSWORD);
  await page.goto('/kesiapan-saya');
  // A required document still missing is already open for the trainee.
  const passport = page.locator('details.document', { hasText: 'Paspor' });
  if ((await passport.getAttribute('open')) === null) await passport.locator('summary').click();
  await passport.getByLabel('Nomor').fill('C1234567');
  await passport.getByLabel('Tanggal terbit').fill('2026-05-01');
  await passport.getByLabel('Berlaku sampai').fill('2026-04-30');
  await passport.getByRole('button', { name: 'Serahkan' }).click();
  const again = page.locator('details.document', { hasText: 'Paspor' });
  await expect(again.getByText('Tanggal berlaku harus setelah tanggal terbit.')).toBeVisible();
  await expect(again.getByLabel('Nomor')).toHaveValue('C1234567');
  await expect(again.locator('.doc-status')).toHaveText('Belum ada');
});

test('readiness pages for staff have no accessibility violations', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'hydrated', 'axe runs once, in the hydrated project');
  test.setTimeout(90_000);
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await page.goto('/angkatan?q=KAIGO');
  await page.getByRole('link', { name: /^JP-KAIGO-B-\d{4}$/ }).click();
  const cohort = new URL(page.url()).pathname;
  for (const path of ['/kesiapan', '/kesiapan?verdict=belum', '/kesiapan?expiring=skck&within_days=30', '/kesiapan/aturan', `${cohort}/nilai`]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  // The demo's scores: one assessment opened for entry.
  await page.goto(`${cohort}/nilai`);
  const entry = await page.getByRole('link', { name: 'Simulasi JFT-Basic 1' }).getAttribute('href');
  await page.goto(entry!);
  await expect(page.getByRole('heading', { name: 'Nilai Simulasi JFT-Basic 1' })).toBeVisible();
  await expectNoViolations(page, 'score entry');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/kesiapan');
  await noHorizontalScroll(page);
});
