import { test, expect } from '@playwright/test';
import { createAccount, signIn } from './helpers';

test('an admin deactivates an account after confirming, and the audit log shows it', async ({ page }, testInfo) => {
  const admin = createAccount(testInfo, 'admin');
  const instructor = createAccount(testInfo, 'instructor', ['BBPLK-SRG']);
  await signIn(page, admin);
  await page.goto(`/pengguna?q=${encodeURIComponent(instructor)}`);
  const results = page.getByRole('list').filter({ has: page.getByRole('link', { name: /Uji instructor/ }) });
  await results.getByRole('link', { name: /Uji instructor/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: /Uji instructor/ })).toBeVisible();

  if (testInfo.project.name === 'hydrated') {
    // The island asks first; dismissing keeps the account active. A click before the island
    // has hydrated posts the form without asking (as without JavaScript), so wait for it:
    // under the suite's parallel load the WASM can arrive after the heading.
    await page.waitForLoadState('networkidle');
    page.once('dialog', (dialog) => dialog.dismiss());
    await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await expect(page.getByText('Menunggu aktivasi').or(page.getByText('Aktif', { exact: true })).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nonaktifkan akun' })).toBeVisible();
    page.once('dialog', (dialog) => dialog.accept());
  }
  await page.getByRole('button', { name: 'Nonaktifkan akun' }).click();
  await expect(page.getByRole('status').filter({ hasText: /dinonaktifkan/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aktifkan kembali' })).toBeVisible();

  await page.goto('/audit?action=user_deactivate');
  await expect(page.getByRole('cell', { name: 'Nonaktifkan akun' }).first()).toBeVisible();
});
