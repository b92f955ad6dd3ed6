import { test, expect } from '@playwright/test';

test('the landing page explains the programme and links to sign-in', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Siap bekerja di Jepang' })).toBeVisible();
  await expect(page.getByText('JFT-Basic A2')).toBeVisible();
  await page.getByRole('link', { name: 'Masuk ke akun Anda' }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
});

test('the interface switches to English and back', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Bahasa', { exact: true }).selectOption('en');
  await Promise.all([page.waitForURL('/'), page.getByRole('button', { name: 'Ganti bahasa' }).click()]);
  await expect(page.getByRole('heading', { level: 1, name: 'Ready to work in Japan' })).toBeVisible();
  await page.getByLabel('Language', { exact: true }).selectOption('id');
  await Promise.all([page.waitForURL('/'), page.getByRole('button', { name: 'Change language' }).click()]);
  await expect(page.getByRole('heading', { level: 1, name: 'Siap bekerja di Jepang' })).toBeVisible();
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/tidak-ada-di-sini');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeVisible();
});

test('nothing overflows a 360 px wide phone screen', async ({ page }) => {
  for (const path of ['/', '/masuk', '/aktivasi']) {
    await page.goto(path);
    // Measured once the page and its stylesheet have loaded (a long page is laid out while it streams).
    await page.waitForLoadState('load');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
