import { test, expect, type Page } from '@playwright/test';
import { createAccount, expectNoViolations, openMenu, signIn } from './helpers';

// axe runs as a script inside the page, so it needs JavaScript; the server renders the
// same HTML for both projects, so checking it once in the hydrated project is enough.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'axe-core needs JavaScript in the page');

test('public pages have no accessibility violations', async ({ page }) => {
  for (const path of ['/', '/masuk', '/aktivasi']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});

test('the trainee schedule and record have no accessibility violations', async ({ page }) => {
  // Several pages, each analysed by axe: more than the default 30 s on two busy cores.
  test.setTimeout(90_000);
  await signIn(page, '0812-1111-2026', 'belajar-nihongo-rajin');
  await expect(page).toHaveURL(/\/jadwal$/);
  await expectNoViolations(page, '/jadwal');
  // The header's menu open, as a phone shows it.
  await openMenu(page);
  await expectNoViolations(page, '/jadwal with the menu open');
  for (const path of ['/profil', '/kehadiran', '/izin', '/hadir']) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
});

test('attendance pages for staff have no accessibility violations', async ({ page }) => {
  // Several pages, each analysed by axe: more than the default 30 s on two busy cores.
  test.setTimeout(90_000);
  await signIn(page, 'koordinator@siapjepang.id', 'bunga-sakura-mekar');
  await page.goto('/angkatan?q=KAIGO');
  await page.getByRole('link', { name: /^JP-KAIGO-B-\d{4}$/ }).click();
  const cohort = new URL(page.url()).pathname;
  const session = await page.locator('.session-cards a').first().getAttribute('href');
  for (const path of ['/kehadiran', '/izin/tinjau', `${cohort}/kehadiran`, `${session}/absen`, `${session}/daftar-hadir`]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  await page.goto(`${cohort}/kehadiran`);
  const month = await page.locator('#grid-month option').nth(1).getAttribute('value');
  await page.goto(`${cohort}/kehadiran/cetak?bulan=${month}`);
  await expectNoViolations(page, 'month register');
});

test('trainee registry pages have no accessibility violations', async ({ page }) => {
  // Several pages, each analysed by axe: more than the default 30 s on two busy cores.
  test.setTimeout(90_000);
  await signIn(page, 'koordinator@siapjepang.id', 'bunga-sakura-mekar');
  await page.goto('/peserta');
  const record = await page.locator('.record-title').first().getAttribute('href');
  await page.goto('/angkatan?q=KAIGO');
  await page.getByRole('link', { name: /^JP-KAIGO-B-\d{4}$/ }).click();
  const cohort = new URL(page.url()).pathname;
  for (const path of ['/peserta', '/peserta/baru', '/peserta/impor', record!, `${record}/ubah`, `${cohort}/peserta`]) {
    await page.goto(path);
    await expectNoViolations(page, path);
  }
  // A review with a refused row, and a form showing its errors.
  await page.goto('/peserta/impor');
  await page.getByLabel('Lokasi').selectOption({ label: 'BBPLK Serang' });
  await page.getByLabel('Berkas CSV').setInputFiles({
    name: 'a11y.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('NIK;Nama\n123;Salah Ketik\n'),
  });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hasil pemeriksaan a11y.csv' })).toBeVisible();
  await expectNoViolations(page, 'import review');
  await page.goto('/peserta/baru');
  await page.getByLabel('NIK', { exact: true }).fill('1234');
  await page.getByLabel('Nama lengkap sesuai KTP').fill('Uji Aksesibilitas');
  await page.getByLabel('Tanggal lahir').fill('1990-01-01');
  await page.getByLabel('Jenis kelamin').selectOption({ label: 'Laki-laki' });
  await page.getByLabel('Lokasi').selectOption({ label: 'BBPLK Serang' });
  await page.getByRole('button', { name: 'Simpan data peserta' }).click();
  await expect(page.locator('.field-error').first()).toBeVisible();
  await expectNoViolations(page, '/peserta/baru with errors');
});

test('staff pages have no accessibility violations', async ({ page }) => {
  // Fourteen pages, each analysed by axe: more than the default 30 s on two busy cores.
  test.setTimeout(120_000);
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

test('the integrations page, with a key just made, has no accessibility violations', async ({ page }, testInfo) => {
  const admin = createAccount(testInfo, 'admin');
  await signIn(page, admin);
  await page.goto('/integrasi');
  await expectNoViolations(page, '/integrasi');
  await page.getByLabel('Nama integrasi').fill(`Aksesibilitas ${Date.now()}`);
  await page.getByLabel(/^cohorts:read/).check();
  await page.getByRole('button', { name: 'Buat kunci' }).click();
  await expect(page.getByTestId('issued-key')).toBeVisible();
  await expectNoViolations(page, '/integrasi with the key card');
});
