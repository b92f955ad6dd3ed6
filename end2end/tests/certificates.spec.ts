import { test, expect } from '@playwright/test';
import { PASSWORD, expectNoViolations, signIn } from './helpers';
import { COORDINATOR, api, apiGet, liveClass } from './live-class';

test('a coordinator issues a letter and the cohort certificates, anyone verifies one, a revoked one says so', async ({ page, browser }, testInfo) => {
  // axe-core runs in the page, so accessibility is checked where JavaScript is on.
  const hydrated = testInfo.project.name === 'hydrated';
  const live = await liveClass(page, testInfo);
  const [done, active] = live.trainees;

  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  // The first trainee completed the course.
  const roster = await apiGet(page, `/api/trainees/roster?cohort_id=${live.cohortId}`);
  const entry = roster.entries.find((e: any) => e.name === done.name) ?? roster.entries[0];
  await api(page, '/api/trainees/change-status', { enrollment_id: String(entry.enrollment_id), status: 'completed', reason: '', date: '', target_cohort: '' });

  // From the cohort page to its certificates and letters.
  await page.goto(`/angkatan/${live.cohortId}`);
  await page.getByRole('link', { name: 'Sertifikat dan surat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sertifikat dan surat · ${live.code}` })).toBeVisible();
  if (hydrated) await expectNoViolations(page, 'certificates of a cohort');

  // A letter for the trainee still in class.
  const activeItem = page.locator('li.member-paper', { hasText: active.name });
  await activeItem.getByRole('button', { name: 'Terbitkan surat keterangan' }).click();
  const letterNotice = page.getByRole('status').filter({ hasText: `untuk ${active.name} sudah terbit` });
  await expect(letterNotice).toBeVisible();
  await expect(letterNotice).toContainText(/Surat keterangan \d{3}\/SK-SJ\/BBPLK-SRG\/[IVX]+\/\d{4}/);

  // Every certificate of the cohort in one go.
  await page.getByRole('button', { name: 'Terbitkan sertifikat untuk 1 peserta yang selesai' }).click();
  await expect(page.getByRole('status').filter({ hasText: /1 sertifikat sudah terbit: \d{3}\/SJ\/BBPLK-SRG/ })).toBeVisible();
  await expect(page.getByText('Semua peserta yang selesai sudah punya sertifikat.')).toBeVisible();

  // The print file and each PDF download.
  const print = page.getByRole('link', { name: 'Unduh 1 sertifikat untuk dicetak (PDF)' });
  const printed = await page.request.get((await print.getAttribute('href'))!);
  expect(printed.status()).toBe(200);
  expect(printed.headers()['content-type']).toBe('application/pdf');
  expect((await printed.body()).subarray(0, 5).toString()).toBe('%PDF-');

  const doneItem = page.locator('li.member-paper', { hasText: done.name });
  const verifyHref = await doneItem.getByRole('link', { name: 'Halaman verifikasi' }).getAttribute('href');
  expect(verifyHref).toMatch(/^\/verifikasi\/[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

  // Anyone, signed out, checks it.
  const stranger = await browser.newContext({
    baseURL: testInfo.project.use.baseURL,
    javaScriptEnabled: hydrated,
    viewport: { width: 360, height: 740 },
    locale: 'id-ID',
  });
  const public_ = await stranger.newPage();
  await public_.goto(verifyHref!);
  await expect(public_.getByText('Dokumen ini sah.')).toBeVisible();
  await expect(public_.locator('dl')).toContainText(done.name);
  await expect(public_.locator('dl')).toContainText(live.code);
  if (hydrated) await expectNoViolations(public_, 'verification page');

  // Revoked, with the reason: the page says so.
  await doneItem.locator('summary', { hasText: 'Cabut atau terbitkan ulang' }).click();
  await doneItem.getByLabel('Alasan').fill('Diterbitkan keliru');
  await doneItem.getByRole('button', { name: 'Cabut', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dokumen sudah dicabut.' })).toBeVisible();
  await expect(page.locator('li.member-paper', { hasText: done.name })).toContainText('Dicabut');
  await public_.goto(verifyHref!);
  await expect(public_.getByText('Dokumen ini sudah dicabut.')).toBeVisible();
  await public_.goto('/verifikasi/0000-0000-0000-0000-0000');
  await expect(public_.getByRole('heading', { name: 'Dokumen tidak ditemukan' })).toBeVisible();
  await stranger.close();

  // The trainee still in class downloads their letter from their own page.
  await page.context().clearCookies();
  await signIn(page, active.login, PASSWORD);
  await page.goto('/sertifikat-saya');
  await expect(page.getByRole('heading', { level: 1, name: 'Sertifikat dan surat saya' })).toBeVisible();
  await expect(page.locator('.paper')).toHaveCount(1);
  const pdf = await page.request.get((await page.getByRole('link', { name: /Unduh PDF/ }).getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-disposition']).toContain('surat-keterangan-');
  if (hydrated) await expectNoViolations(page, 'my certificates');
});

test('an admin sets a site signatory and numbering pattern; a bad pattern is named', async ({ page }, testInfo) => {
  await signIn(page, 'admin@siapjepang.id', 'gunung-fuji-pagi');
  await page.goto('/pengaturan-dokumen');
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaturan dokumen' })).toBeVisible();
  const site = page.locator('section', { has: page.getByRole('heading', { name: /POS-CGK/ }) });
  await site.getByLabel('Nama penanda tangan').fill('Rahmat Hidayat, S.H.');
  await site.getByLabel('Jabatan penanda tangan').fill('Koordinator Pos Kepulangan');
  await site.getByLabel('Pola nomor sertifikat').fill('{seq}/{bulan}/{site}/{year}');
  await site.getByRole('button', { name: /Simpan pengaturan/ }).click();
  const again = page.locator('section', { has: page.getByRole('heading', { name: /POS-CGK/ }) });
  await expect(again.locator('.field-error')).toContainText('Bagian {bulan} tidak dikenal');
  await again.getByLabel('Pola nomor sertifikat').fill('{seq}/SJ/{site}/{month_roman}/{year}');
  await again.getByRole('button', { name: /Simpan pengaturan/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /Pengaturan dokumen .* tersimpan\./ })).toBeVisible();
  await expect(page.locator('section', { has: page.getByRole('heading', { name: /POS-CGK/ }) })).toContainText(/Nomor pertama tahun ini: 001\/SJ\/POS-CGK\/[IVX]+\/\d{4}/);
  if (testInfo.project.name === 'hydrated') await expectNoViolations(page, 'document settings');
});
