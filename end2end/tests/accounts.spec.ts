import { test, expect } from '@playwright/test';
import { createAccount, openMenu, signIn, signOut, PASSWORD } from './helpers';

const roles = [
  { role: 'trainee', sites: ['BBPLK-SRG'], nav: ['Beranda', 'Akun saya'], hidden: ['Pengguna'] },
  { role: 'instructor', sites: ['BBPLK-SRG'], nav: ['Beranda', 'Akun saya'], hidden: ['Pengguna'] },
  { role: 'coordinator', sites: ['BBPLK-SRG'], nav: ['Pengguna', 'Log audit'], hidden: [] },
  { role: 'admin', sites: [], nav: ['Pengguna', 'Log audit'], hidden: [] },
] as const;

for (const { role, sites, nav, hidden } of roles) {
  test(`a ${role} signs in and out`, async ({ page }, testInfo) => {
    const login = createAccount(testInfo, role, [...sites]);
    await signIn(page, login);
    await openMenu(page);
    const navigation = page.getByRole('navigation', { name: 'Navigasi utama' });
    for (const item of nav) await expect(navigation.getByRole('link', { name: item })).toBeVisible();
    for (const item of hidden) await expect(navigation.getByRole('link', { name: item })).toHaveCount(0);
    await navigation.getByRole('link', { name: 'Akun saya' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible();
    await expect(page.getByText('Perangkat ini')).toBeVisible();
    await signOut(page);
    const response = await page.goto('/akun');
    await expect(page).toHaveURL(/\/masuk\?next=%2Fakun|\/masuk\?next=\/akun/);
    expect(response?.status()).toBe(200);
  });
}

test('a wrong password shows one clear message and keeps the login', async ({ page }, testInfo) => {
  const login = createAccount(testInfo, 'trainee', ['UPT-SRG']);
  await page.goto('/masuk');
  await page.getByLabel('E-mail, nomor HP, atau NIK').fill(login);
  await page.getByLabel('Kata sandi', { exact: true }).fill('bukan kata sandinya');
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('Login atau kata sandi salah.');
  await expect(page.getByLabel('E-mail, nomor HP, atau NIK')).toHaveValue(login);
  await expect(page.getByLabel('Kata sandi', { exact: true })).toHaveValue('');
});

test('a coordinator creates a trainee who activates the account with the code', async ({ page, browser }, testInfo) => {
  const coordinator = createAccount(testInfo, 'coordinator', ['BBPLK-SRG']);
  await signIn(page, coordinator);
  await page.getByRole('link', { name: 'Pengguna' }).first().click();
  await page.getByRole('link', { name: 'Buat akun baru' }).click();
  const phone = `0813${String(Date.now()).slice(-8)}`;
  await page.getByLabel('Nama lengkap').fill('Siti Nurjanah');
  await page.getByLabel('Nomor HP (WhatsApp)').fill(phone);
  await page.getByRole('button', { name: 'Buat akun' }).click();
  await expect(page.getByRole('heading', { name: /Akun dibuat/ })).toBeVisible();
  const code = (await page.getByTestId('issued-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(page.getByRole('link', { name: 'Kirim lewat WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/62813/);

  const trainee = await browser.newPage({ javaScriptEnabled: testInfo.project.name !== 'no-js' });
  await trainee.goto('/aktivasi');
  await trainee.getByLabel('Kode aktivasi').fill(code);
  await trainee.getByLabel('Kata sandi baru', { exact: true }).fill('pendek');
  await trainee.getByLabel('Ulangi kata sandi baru').fill('pendek');
  await trainee.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
  await expect(trainee.getByText('Kata sandi minimal 10 karakter.')).toBeVisible();
  await expect(trainee.getByLabel('Kode aktivasi')).toHaveValue(code);
  await trainee.getByLabel('Kata sandi baru', { exact: true }).fill('nasi uduk pagi hari');
  await trainee.getByLabel('Ulangi kata sandi baru').fill('nasi uduk pagi hari');
  await trainee.getByRole('button', { name: 'Aktifkan dan masuk' }).click();
  await expect(trainee.getByRole('status').filter({ hasText: 'Akun aktif. Selamat datang!' })).toBeVisible();
  await expect(trainee.getByRole('heading', { level: 1, name: 'Akun saya' })).toBeVisible();
  await trainee.close();
});

test('signing out another device from my account ends it', async ({ page, browser }, testInfo) => {
  const login = createAccount(testInfo, 'instructor', ['BBPLK-SRG']);
  const other = await browser.newPage();
  await signIn(other, login);
  await signIn(page, login);
  await page.goto('/akun');
  await page.getByRole('button', { name: 'Keluarkan semua perangkat lain' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 perangkat lain dikeluarkan.' })).toBeVisible();
  await other.goto('/akun');
  await expect(other).toHaveURL(/\/masuk/);
  await other.close();
});

test('changing the password keeps me signed in and the new password works', async ({ page }, testInfo) => {
  const login = createAccount(testInfo, 'trainee', ['UPT-SRG']);
  await signIn(page, login);
  await page.goto('/akun');
  await page.getByLabel('Kata sandi saat ini').fill(PASSWORD);
  await page.getByLabel('Kata sandi baru', { exact: true }).fill('sawah hijau di lebak');
  await page.getByLabel('Ulangi kata sandi baru').fill('sawah hijau di lebak');
  await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kata sandi diganti.' })).toBeVisible();
  await signOut(page);
  await signIn(page, login, 'sawah hijau di lebak');
});
