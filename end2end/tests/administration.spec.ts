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

test('an admin makes an integration key, sees it once, and revokes it', async ({ page }, testInfo) => {
  const admin = createAccount(testInfo, 'admin');
  await signIn(page, admin);
  await page.getByRole('link', { name: 'Integrasi' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kunci integrasi' })).toBeVisible();
  const name = `P3MI Uji ${testInfo.project.name} ${Date.now()}`;
  await page.getByLabel('Nama integrasi').fill(name);
  await page.getByLabel(/^readiness:read/).check();
  await page.getByLabel(/^cohorts:read/).check();
  await page.getByLabel(/BBPLK Serang/).check();
  await page.getByLabel(/^Berlaku \(hari\)/).fill('30');
  await page.getByRole('button', { name: 'Buat kunci' }).click();

  const shown = page.getByTestId('issued-key');
  await expect(shown).toHaveText(/^sjk_[0-9a-f]{10}_[A-Za-z0-9_-]{43}$/);
  const prefix = (await shown.textContent())!.slice(0, 14);
  const item = page.getByTestId('integration-key').filter({ hasText: name });
  await expect(item).toContainText(prefix);
  await expect(item).toContainText('cohorts:read readiness:read');
  await expect(item).toContainText('Belum pernah dipakai');

  // Shown once: gone on the next visit, the prefix stays.
  await page.reload();
  await expect(page.getByTestId('issued-key')).toHaveCount(0);
  await expect(item).toContainText('Aktif');

  if (testInfo.project.name === 'hydrated') {
    await page.waitForLoadState('networkidle');
    page.once('dialog', (dialog) => dialog.accept());
  }
  await item.getByRole('button', { name: `Cabut kunci ${prefix}` }).click();
  await expect(page.getByRole('status').filter({ hasText: /dicabut/ })).toBeVisible();
  await expect(item).toContainText('Dicabut');
  await expect(item.getByRole('button')).toHaveCount(0);

  await page.goto('/audit?action=integration_key_revoke');
  await expect(page.getByRole('cell', { name: 'Cabut kunci integrasi' }).first()).toBeVisible();
});
