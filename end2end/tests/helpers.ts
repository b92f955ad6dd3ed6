import { execFileSync } from 'node:child_process';
import { expect, type Page, type TestInfo } from '@playwright/test';

export const PASSWORD = 'kereta pagi ke osaka';

/** A fresh account for this test (so tests run in parallel), created with the CLI. */
export function createAccount(
  testInfo: TestInfo,
  role: 'trainee' | 'instructor' | 'coordinator' | 'admin',
  sites: string[] = [],
): string {
  const unique = `${Date.now() % 100000000}${testInfo.workerIndex}${testInfo.repeatEachIndex}${Math.floor(Math.random() * 10)}`;
  const login =
    role === 'trainee'
      ? `0812${unique.padStart(8, '0').slice(-8)}`
      : `${role}.${testInfo.project.name}.${unique}@uji.id`;
  const args = ['user', 'create', '--role', role, '--login', login, '--name', `Uji ${role} ${unique}`];
  for (const site of sites) args.push('--site', site);
  execFileSync(process.env.SIAP_BIN!, args, { input: `${PASSWORD}\n`, env: process.env, stdio: ['pipe', 'pipe', 'inherit'] });
  return login;
}

export async function signIn(page: Page, login: string, password = PASSWORD) {
  await page.goto('/masuk');
  await page.getByLabel('E-mail, nomor HP, atau NIK').fill(login);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/masuk'), page.getByRole('button', { name: 'Masuk', exact: true }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Anda berhasil masuk.' })).toBeVisible();
}

export async function signOut(page: Page) {
  await Promise.all([page.waitForURL('/'), page.getByRole('button', { name: 'Keluar' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Anda sudah keluar.' })).toBeVisible();
}
