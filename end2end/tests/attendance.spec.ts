import { test, expect, type Page } from '@playwright/test';
import { brokenWords, expectNoViolations, PASSWORD, signIn } from './helpers';
import { COORDINATOR, liveClass } from './live-class';

async function noHorizontalScroll(page: Page) {
  // Measured once the page and its stylesheet have loaded (a long page is laid out while it streams).
  await page.waitForLoadState('load');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('an instructor takes the roll call on a phone: everyone present but the exceptions, saved once', async ({ page }, testInfo) => {
  const live = await liveClass(page, testInfo);
  await signIn(page, live.instructor, PASSWORD);
  await page.goto('/kehadiran');
  await expect(page.getByRole('heading', { name: 'Kelas hari ini' })).toBeVisible();
  const card = page.locator('.session-card', { hasText: live.code });
  await card.getByRole('link', { name: 'Absen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Absen ${live.code}` })).toBeVisible();
  await noHorizontalScroll(page);
  expect(await brokenWords(page)).toEqual([]);

  const [first, second] = live.trainees;
  const line = (name: string) => page.locator('li.roll-line', { hasText: name });
  await expect(line(first.name).getByLabel('Hadir')).toBeChecked();
  // Each choice is named with the trainee's name, for a screen reader going down the list.
  await expect(page.getByRole('radio', { name: `Hadir · ${first.name}` })).toBeChecked();
  await line(second.name).locator('label', { hasText: /^Alpa/ }).click();
  await line(first.name).locator('summary', { hasText: 'Catatan' }).click();
  await line(first.name).getByLabel(`Catatan untuk ${first.name}`).fill('Duduk di depan');
  if (testInfo.project.name === 'hydrated') await expectNoViolations(page, 'roll call');
  await page.getByRole('button', { name: 'Simpan absen (2 peserta)' }).click();

  await expect(page.getByRole('status').filter({ hasText: `Absen ${live.code} disimpan (2 peserta).` })).toBeVisible();
  await expect(line(second.name).getByLabel('Alpa')).toBeChecked();
  await expect(line(first.name).getByLabel('Hadir')).toBeChecked();
  await expect(page.getByText(/Diabsen oleh Uji instructor/)).toBeVisible();

  // Bayu turns up late after all: saving again changes his line, and its history says so.
  await line(second.name).locator('label', { hasText: /^Terlambat/ }).click();
  await page.getByRole('button', { name: 'Simpan absen (2 peserta)' }).click();
  await expect(line(second.name).getByLabel('Terlambat')).toBeChecked();
  await line(second.name).locator('summary', { hasText: 'Riwayat' }).click();
  await expect(line(second.name).getByText('Alpa →')).toBeVisible();
});

test('trainees check themselves in with the code on the instructor screen, from their own phone', async ({ page, browser }, testInfo) => {
  const live = await liveClass(page, testInfo);
  await signIn(page, live.instructor, PASSWORD);
  await page.goto(`/sesi/${live.sessionId}/absen`);
  await page.getByRole('button', { name: 'Tampilkan kode presensi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Kode presensi ${live.code}` })).toBeVisible();
  const code = (await page.getByTestId('check-in-code').innerText()).replace(/\s/g, '');
  expect(code).toMatch(/^\d{6}$/);
  await expect(page.getByText('0 dari 2 peserta sudah presensi')).toBeVisible();
  if (testInfo.project.name === 'hydrated') await expectNoViolations(page, 'check-in code');

  // A second browser: the trainee's phone.
  const phone = await browser.newContext({ javaScriptEnabled: testInfo.project.name !== 'no-js', viewport: { width: 360, height: 740 } });
  const trainee = await phone.newPage();
  await signIn(trainee, live.trainees[0].login, PASSWORD);
  await trainee.goto('/hadir');
  await trainee.getByLabel('Kode presensi').fill('000000' === code ? '111111' : '000000');
  await trainee.getByRole('button', { name: 'Kirim presensi' }).click();
  await expect(trainee.getByText(/Kode salah atau sudah berganti/)).toBeVisible();
  // The code may have turned over meanwhile: the current or the previous one both work.
  await trainee.getByLabel('Kode presensi').fill(code);
  await trainee.getByRole('button', { name: 'Kirim presensi' }).click();
  await expect(trainee.getByRole('status').filter({ hasText: `Presensi tercatat: Hadir di ${live.code}.` })).toBeVisible();
  await expect(trainee.getByRole('heading', { level: 1, name: 'Kehadiran saya' })).toBeVisible();
  await noHorizontalScroll(trainee);
  await phone.close();

  await page.reload();
  await expect(page.getByText('1 dari 2 peserta sudah presensi')).toBeVisible();
  await page.goto(`/sesi/${live.sessionId}/absen`);
  await expect(page.locator('li.roll-line', { hasText: live.trainees[0].name }).locator('p.hint', { hasText: 'presensi mandiri' })).toBeVisible();
});

test('a coordinator sees the cohort grid, the trainees at risk and the pending excuses', async ({ page }) => {
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await page.goto('/kehadiran');
  await expect(page.getByRole('heading', { name: /^Perlu perhatian \(\d+\)$/ })).toBeVisible();
  await expect(page.getByText(/pengajuan izin menunggu keputusan/)).toBeVisible();
  await page.getByRole('link', { name: /^JP-KAIGO-B-\d{4}$/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Kehadiran JP-KAIGO-B-\d{4}$/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Kehadiran JP-KAIGO-B/ })).toBeVisible();
  await noHorizontalScroll(page);
  await page.goto('/izin/tinjau');
  await expect(page.getByText('Mengurus paspor di Kantor Imigrasi Serang').first()).toBeVisible();
});
