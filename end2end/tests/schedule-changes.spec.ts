import { test, expect, type Page } from '@playwright/test';
import { PASSWORD, signIn } from './helpers';
import { COORDINATOR, liveClass } from './live-class';

/** A date in WIB as YYYY-MM-DD, `days` from today. */
function wibDate(days = 0): string {
  const now = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

/**
 * Moves the session shown on its page to the first of the next days that takes it (a
 * holiday or a site's day off is refused with the reason next to the date), at the same
 * time, for `reason`.
 */
async function moveToAComingDay(page: Page, reason: string) {
  for (let days = 1; days <= 7; days++) {
    await page.getByLabel('Tanggal', { exact: true }).fill(wibDate(days));
    await page.getByLabel('Alasan').first().fill(reason);
    await page.getByRole('button', { name: 'Pindahkan sesi' }).click();
    const moved = page.getByRole('status').filter({ hasText: /Sesi dipindah ke/ });
    const refused = page.locator('.field-error').filter({ hasText: /libur/ }).first();
    await expect(moved.or(refused)).toBeVisible();
    if (await moved.isVisible()) return;
  }
  throw new Error('no day in the coming week took the session');
}

test('a coordinator moves a session and tells its trainees; the trainee reads the change and dismisses it', async ({ page }, testInfo) => {
  const live = await liveClass(page, testInfo);
  const reason = `Pengajar ada pelatihan ${testInfo.project.name}`;

  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  await page.goto(`/sesi/${live.sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: `Sesi ${live.code}` })).toBeVisible();
  // As planned: nobody to tell yet.
  await expect(page.getByRole('heading', { name: 'Kabari peserta' })).toHaveCount(0);
  await moveToAComingDay(page, reason);

  // Back on the session page: each trainee with a one-tap WhatsApp link, the message filled in.
  const tell = page.locator('#kabari');
  await expect(tell.getByRole('heading', { name: 'Kabari peserta' })).toBeVisible();
  for (const trainee of live.trainees) {
    const line = tell.locator('li', { hasText: trainee.name });
    const link = line.getByRole('link', { name: `WhatsApp · ${trainee.name}` });
    await expect(link).toHaveAttribute('href', new RegExp(`^https://wa\\.me/62${trainee.login.slice(1)}\\?text=`));
    const message = decodeURIComponent((await link.getAttribute('href'))!.split('?text=')[1]);
    expect(message).toContain(`Halo ${trainee.name}. Perubahan jadwal kelas ${live.code}: sesi `);
    expect(message).toContain(`Alasan: ${reason}.`);
  }
  // The group's message, ready to paste: in a read-only box (and a copy button with JavaScript).
  const box = page.getByLabel('Pesan untuk grup WhatsApp angkatan');
  await expect(box).toHaveAttribute('readonly', '');
  await expect(box).toHaveValue(new RegExp(`^Perubahan jadwal kelas ${live.code}: sesi .+ dipindah ke .+\\. Alasan: ${reason}\\.$`));
  if (testInfo.project.name === 'hydrated') {
    await expect(page.getByRole('button', { name: 'Salin pesan' })).toBeVisible();
  }
  await page.context().clearCookies();

  // The trainee sees it at the top of their schedule until they dismiss it.
  await signIn(page, live.trainees[0].login, PASSWORD);
  await page.goto('/jadwal');
  const notice = page.locator('#perubahan');
  await expect(notice.getByRole('heading', { name: 'Perubahan jadwal', exact: true })).toBeVisible();
  await expect(notice).toContainText(`${live.code}: dipindah dari`);
  await expect(notice).toContainText(reason);
  // The phone calendar carries the change already: one sentence, linking to the feed.
  await expect(notice.getByRole('link', { name: 'jadwal Anda' })).toHaveAttribute('href', '/jadwal#kalender');
  await notice.getByRole('button', { name: 'Sudah saya baca' }).click();
  await expect(page).toHaveURL(/\/jadwal$/);
  await expect(page.getByRole('status').filter({ hasText: 'Pemberitahuan perubahan jadwal ditutup.' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Perubahan jadwal', exact: true })).toHaveCount(0);
  await page.goto('/jadwal');
  await expect(page.getByRole('heading', { name: 'Perubahan jadwal', exact: true })).toHaveCount(0);
});
