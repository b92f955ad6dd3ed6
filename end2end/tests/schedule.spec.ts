import { test, expect, type Page } from '@playwright/test';
import { createAccount, signIn, signOut } from './helpers';

const COORDINATOR = { login: 'koordinator@siapjepang.id', password: 'bunga-sakura-mekar' };
const TRAINEE = { login: '0812-1111-2026', password: 'belajar-nihongo-rajin' };

/** Today in WIB as YYYY-MM-DD, plus `days`. */
function wibDate(days = 0): string {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

async function openDemoCohort(page: Page) {
  await page.goto('/angkatan?q=KAIGO');
  await page.getByRole('link', { name: /^JP-KAIGO-B-\d{4}$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^JP-KAIGO-B-\d{4}$/ })).toBeVisible();
}

test('a coordinator previews and saves Saturday sessions, and the demo trainee sees them', async ({ page }, testInfo) => {
  // Each project takes its own Saturday slot, so the two runs do not clash with each other.
  const [start, end, shown] =
    testInfo.project.name === 'no-js' ? ['08:00', '09:00', '08.00–09.00'] : ['13:00', '14:00', '13.00–14.00'];
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await openDemoCohort(page);
  await page.getByRole('link', { name: 'Buat jadwal sesi' }).click();
  await page.getByLabel('Sabtu').check();
  await page.getByLabel('Jam mulai (WIB)').fill(start);
  await page.getByLabel('Jam selesai (WIB)').fill(end);
  await page.getByLabel('Mulai tanggal').fill(wibDate());
  await page.getByLabel('Tanggal terakhir', { exact: true }).fill(wibDate(13));
  await page.getByRole('button', { name: 'Lihat pratinjau' }).click();
  const preview = page.getByRole('heading', { name: /^Pratinjau: \d+ sesi/ });
  await expect(preview).toBeVisible();
  await expect(page.getByText('Belum ada yang disimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Simpan sesi' }).click();
  await expect(page.getByRole('status').filter({ hasText: /sesi disimpan untuk JP-KAIGO-B/ })).toBeVisible();
  await expect(page.getByText(shown).first()).toBeVisible();
  await signOut(page);

  await signIn(page, TRAINEE.login, TRAINEE.password);
  await expect(page).toHaveURL(/\/jadwal$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Jadwal saya' })).toBeVisible();
  await expect(page.getByText(shown).first()).toBeVisible();
  await expect(page.getByText(/JP-KAIGO-B-\d{4}/).first()).toBeVisible();
  // Measured once the page and its stylesheet have loaded (a long page is laid out while it streams).
  await page.waitForLoadState('load');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a move onto a holiday is refused with the reason next to the date', async ({ page }) => {
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await openDemoCohort(page);
  await page.locator('.session-cards a').first().click();
  await expect(page.getByRole('heading', { name: 'Pindahkan sesi' })).toBeVisible();
  // 25 December is a national holiday in every seeded year.
  const year = new Date().getFullYear();
  await page.getByLabel('Tanggal', { exact: true }).fill(`${year}-12-25`);
  await page.getByLabel('Alasan').first().fill('Uji pindah');
  await page.getByRole('button', { name: 'Pindahkan sesi' }).click();
  const refused = page.getByText(/hari libur|Di luar masa angkatan/);
  await expect(refused.first()).toBeVisible();
});

test('staff pages fit a 360 px phone', async ({ page }) => {
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await openDemoCohort(page);
  const cohortPath = new URL(page.url()).pathname;
  for (const path of ['/angkatan', cohortPath, `${cohortPath}/jadwalkan`, `${cohortPath}/cetak`, '/kalender', '/kalender?view=month', '/libur', '/program', '/jadwal']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    // Measured once the page and its stylesheet have loaded (a long page is laid out while it streams).
    await page.waitForLoadState('load');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("a coordinator keeps their site's own days off on the holiday page", async ({ page }, testInfo) => {
  const coordinator = createAccount(testInfo, 'coordinator', ['POS-CGK']);
  await signIn(page, coordinator);
  const year = new Date().getFullYear() + 1;
  const day = testInfo.project.name === 'no-js' ? 14 : 15;
  const date = `${year}-07-${day}`;
  await page.goto(`/libur?tahun=${year}`);
  // National holidays are the admins': no form for them here.
  await expect(page.getByRole('heading', { name: 'Tambah hari libur', exact: true })).toHaveCount(0);
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Simpan' }) });
  await form.getByLabel('Tanggal').fill(date);
  await form.getByLabel('Nama').fill(`Hari jadi pos ${day}`);
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: /disimpan sebagai hari libur lokasi/ })).toBeVisible();
  const listed = page.locator('#lokasi li').filter({ hasText: `Hari jadi pos ${day}` });
  await expect(listed).toBeVisible();
  await expect(listed).toContainText('Pos Kepulangan');

  // The same day twice is refused with the reason next to the date.
  await form.getByLabel('Tanggal').fill(date);
  await form.getByLabel('Nama').fill('Lagi');
  await form.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Tanggal ini sudah hari libur.').first()).toBeVisible();

  if (testInfo.project.name === 'hydrated') page.once('dialog', (dialog) => dialog.accept());
  await listed.getByRole('button', { name: 'Hapus' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hari libur lokasi dihapus.' })).toBeVisible();
  await expect(page.locator('#lokasi li').filter({ hasText: `Hari jadi pos ${day}` })).toHaveCount(0);
});
