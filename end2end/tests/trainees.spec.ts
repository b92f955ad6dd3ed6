import { test, expect, type Page, type TestInfo } from '@playwright/test';
import { openMenu, signIn } from './helpers';

const COORDINATOR = { login: 'koordinator@siapjepang.id', password: 'bunga-sakura-mekar' };
const TRAINEE = { login: '0812-1111-2026', password: 'belajar-nihongo-rajin' };

/**
 * A valid NIK of a man from Kota Serang born on `day` January 1990. The two projects use
 * different days (and a random serial) so their records never collide.
 */
function nik(testInfo: TestInfo, offset: number): { nik: string; day: string; serial: string } {
  const day = String((testInfo.project.name === 'no-js' ? 1 : 11) + offset).padStart(2, '0');
  const serial = String(1000 + Math.floor(Math.random() * 8000));
  return { nik: `367305${day}0190${serial}`, day, serial };
}

async function noHorizontalScroll(page: Page) {
  // Measured once the page and its stylesheet have loaded (a long page is laid out while it streams).
  await page.waitForLoadState('load');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('a coordinator registers a trainee, applies them to a cohort and accepts them on the roster', async ({ page }, testInfo) => {
  const { nik: number, day, serial } = nik(testInfo, 0);
  const name = `Uji Peserta ${serial}`;
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await page.goto('/peserta');
  await page.getByRole('link', { name: 'Daftarkan peserta' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Daftarkan peserta' })).toBeVisible();
  await noHorizontalScroll(page);

  // First with a birth date the NIK contradicts: refused, the reason at the field, values kept.
  await page.getByLabel('NIK', { exact: true }).fill(number);
  await page.getByLabel('Nama lengkap sesuai KTP').fill(name.toUpperCase());
  await page.getByLabel('Tanggal lahir').fill(`1990-02-${day}`);
  await page.getByLabel('Jenis kelamin').selectOption({ label: 'Laki-laki' });
  await page.getByLabel('Lokasi').selectOption({ label: 'BBPLK Serang' });
  await page.getByRole('button', { name: 'Simpan data peserta' }).click();
  await expect(page.getByText(`Tanggal lahir tidak cocok dengan NIK (menurut NIK: ${day}/01/1990).`)).toBeVisible();
  await expect(page.getByLabel('NIK', { exact: true })).toHaveValue(number);

  await page.getByLabel('Tanggal lahir').fill(`1990-01-${day}`);
  await page.getByRole('button', { name: 'Simpan data peserta' }).click();
  // The account is made with the record (the box is ticked by default): its code, once.
  await expect(page.getByRole('status').filter({ hasText: `Kode aktivasi untuk ${name}` })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(number)).toBeVisible();
  await noHorizontalScroll(page);

  const cohort = await page.locator('#trainees-enroll-cohort option', { hasText: 'JP-KAIGO-B' }).first().getAttribute('value');
  await page.getByLabel('Daftarkan ke angkatan').selectOption(cohort!);
  await page.getByRole('button', { name: 'Daftarkan', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /Pendaftaran ke JP-KAIGO-B-\d{4} dicatat\./ })).toBeVisible();
  await expect(page.locator('.badge', { hasText: 'Mendaftar' })).toBeVisible();

  await page.goto(`/angkatan/${cohort}/peserta`);
  await expect(page.getByRole('heading', { level: 1, name: /^Peserta JP-KAIGO-B-\d{4}$/ })).toBeVisible();
  const row = page.locator('li.record', { hasText: name });
  await row.locator('summary', { hasText: 'Ubah status' }).click();
  await row.getByLabel('Ubah status').selectOption({ label: 'Terima' });
  await row.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${name}: Diterima.` })).toBeVisible();
  const accepted = page.locator('section', { has: page.getByRole('heading', { name: /^Diterima \(\d+\)$/ }) });
  await expect(accepted.getByRole('link', { name })).toBeVisible();
  await noHorizontalScroll(page);
});

test('a roster from Excel is checked row by row, then imported with one confirmation', async ({ page }, testInfo) => {
  const a = nik(testInfo, 2);
  const b = nik(testInfo, 3);
  const csv =
    '\ufeffNo;NIK;Nama Lengkap;Tgl Lahir;L/P;No HP\r\n' +
    `1;${a.nik};RUDI HARTONO ${a.serial};${a.day}/01/1990;L;\r\n` +
    `2;${b.nik};Agus Salim ${b.serial};${b.day}-01-1990;L;\r\n` +
    `3;${a.nik};Rudi Lagi;${a.day}/01/1990;L;\r\n`;
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await page.goto('/peserta');
  await page.getByRole('link', { name: 'Impor dari Excel/CSV' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Impor peserta dari Excel / CSV' })).toBeVisible();
  await page.getByLabel('Lokasi').selectOption({ label: 'BBPLK Serang' });
  await page.getByLabel('Berkas CSV').setInputFiles({ name: 'peserta.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Hasil pemeriksaan peserta.csv' })).toBeVisible();
  await expect(page.getByText('3 baris: 2 siap diimpor, 1 ditolak.')).toBeVisible();
  await expect(page.getByText('NIK sama dengan baris 2 di berkas ini.')).toBeVisible();
  await noHorizontalScroll(page);
  await page.getByRole('button', { name: 'Impor 2 peserta' }).click();
  await expect(page.getByText('2 peserta diimpor.')).toBeVisible();

  await page.goto('/peserta');
  await page.getByLabel('Nama, NIK, atau nomor HP').fill(b.nik);
  await page.getByRole('button', { name: 'Cari' }).click();
  await expect(page).not.toHaveURL(new RegExp(b.nik));
  await expect(page.getByRole('link', { name: `Agus Salim ${b.serial}` })).toBeVisible();
  await expect(page.getByText(`Rudi Hartono ${a.serial}`)).toHaveCount(0);
});

test('a file that is not a roster is refused with the reason on the form', async ({ page }) => {
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await page.goto('/peserta/impor');
  await page.getByLabel('Lokasi').selectOption({ label: 'BBPLK Serang' });
  await page.getByLabel('Berkas CSV').setInputFiles({
    name: 'peserta.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from('PK\x03\x04binary'),
  });
  await page.getByRole('button', { name: 'Periksa berkas' }).click();
  await expect(page).toHaveURL(/\/peserta\/impor$/);
  await expect(page.getByText('Berkas ini bukan CSV. Di Excel pilih Simpan Sebagai → CSV UTF-8.')).toBeVisible();
});

test('a trainee sees their record and corrects their emergency contact', async ({ page }) => {
  await signIn(page, TRAINEE.login, TRAINEE.password);
  await openMenu(page);
  await page.getByRole('link', { name: 'Data saya' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Data saya' })).toBeVisible();
  await expect(page.getByText(/^\d{4}\*{8}\d{4}$/).first()).toBeVisible();
  await page.getByLabel('Nama wali / kontak darurat').fill('Siti Aminah');
  await page.getByLabel('Hubungan').fill('Ibu');
  await page.getByLabel('Nomor HP wali').fill('0812 9999 0000');
  await page.getByRole('button', { name: 'Simpan kontak' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kontak Anda disimpan.' })).toBeVisible();
  await expect(page.getByLabel('Nama wali / kontak darurat')).toHaveValue('Siti Aminah');
  await noHorizontalScroll(page);
});
