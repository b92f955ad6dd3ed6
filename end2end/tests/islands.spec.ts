import { test, expect } from '@playwright/test';

test('the show-password button appears only with JavaScript and reveals the password', async ({ page }, testInfo) => {
  await page.goto('/masuk');
  const password = page.getByLabel('Kata sandi', { exact: true });
  await password.fill('rahasia sekali');
  const reveal = page.getByRole('button', { name: 'Tampilkan' });
  if (testInfo.project.name === 'no-js') {
    await expect(reveal).toBeHidden();
    return;
  }
  await expect(reveal).toBeVisible();
  await reveal.click();
  await expect(password).toHaveAttribute('type', 'text');
  await page.getByRole('button', { name: 'Sembunyikan' }).click();
  await expect(password).toHaveAttribute('type', 'password');
});

test('pages load their islands without script errors or CSP violations', async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === 'no-js', 'needs JavaScript');
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  for (const path of ['/', '/masuk', '/aktivasi']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await expect(page.getByRole('button', { name: 'Tampilkan' }).first()).toBeVisible();
  expect(problems).toEqual([]);
});
