import { execFileSync } from 'node:child_process';
import { expect, type Page, type TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

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

/** Opens the header's menu where the navigation sits behind it (phone widths). */
export async function openMenu(page: Page) {
  // The button is drawn over the header bar; the closed details itself has no height.
  const menu = page.locator('details.nav-menu');
  const button = menu.locator('summary');
  if ((await button.isVisible()) && !(await menu.evaluate((details) => (details as HTMLDetailsElement).open))) {
    await button.click();
  }
}

export async function signOut(page: Page) {
  await openMenu(page);
  await Promise.all([page.waitForURL('/'), page.getByRole('button', { name: 'Keluar' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: 'Anda sudah keluar.' })).toBeVisible();
}

/** Words broken inside across lines in buttons, table headers, summaries and the roll
 * call's choices ("Terlam / bat"), as "tag: word". Visually hidden text is skipped. */
export async function brokenWords(page: Page): Promise<string[]> {
  await page.waitForLoadState('load');
  return page.evaluate(() => {
    const broken: string[] = [];
    for (const element of document.querySelectorAll('button, th, summary, .status-choice label, .button')) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.visually-hidden')) continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const lines = new Set(
            Array.from(range.getClientRects())
              .filter((rect) => rect.width > 0)
              .map((rect) => Math.round(rect.top)),
          );
          if (lines.size > 1) broken.push(`${element.tagName.toLowerCase()}: ${match[0]}`);
        }
      }
    }
    return broken;
  });
}

/** axe-core's WCAG 2.2 A/AA rules (target size 2.5.8 included) on the current page: no
 * violation allowed. axe runs inside the page, so it needs JavaScript. */
export async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, label).toEqual([]);
}
