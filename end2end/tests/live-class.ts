import { expect, type Page, type TestInfo } from '@playwright/test';
import { createAccount, signIn } from './helpers';

export const COORDINATOR = { login: 'koordinator@siapjepang.id', password: 'bunga-sakura-mekar' };

/** Calls a server function as the page's signed-in user (JSON, same origin). */
export async function api(page: Page, path: string, form: Record<string, string>): Promise<any> {
  const response = await page.request.post(path, {
    form,
    headers: { origin: process.env.BASE_URL!, accept: 'application/json' },
  });
  const body = await response.text();
  expect(response.status(), `${path}: ${body}`).toBe(200);
  return body ? JSON.parse(body) : null;
}

export async function apiGet(page: Page, path: string): Promise<any> {
  const response = await page.request.get(path, { headers: { accept: 'application/json' } });
  expect(response.status(), path).toBe(200);
  return response.json();
}

/** Now in WIB: the date (YYYY-MM-DD), ISO weekday (1 = Monday) and minutes since midnight. */
function wibNow(offsetDays = 0) {
  const now = new Date(Date.now() + offsetDays * 86_400_000);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jakarta',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { date, weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * A valid NIK (and its birth date) of a man from Kota Serang born in 1990, spread by
 * `seed` (the digits of a unique phone number) and `index` so tests never collide.
 */
function nik(seed: number, index: number): { nik: string; birthDate: string } {
  const serial = (seed % 9000) + 1;
  const day = (Math.floor(seed / 9000) % 28) + 1;
  const month = index + 1;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  return { nik: `367305${dd}${mm}90${String(serial).padStart(4, '0')}`, birthDate: `1990-${mm}-${dd}` };
}

export interface LiveClass {
  code: string;
  cohortId: number;
  sessionId: number;
  instructor: string;
  trainees: { login: string; name: string }[];
}

/**
 * A fresh running cohort at BBPLK Serang with its own instructor and two active trainees,
 * and one session happening now (started a few minutes ago), made through the server
 * functions as the demo coordinator. Every test gets its own, so tests never meet.
 */
export async function liveClass(page: Page, testInfo: TestInfo, programmeId?: number): Promise<LiveClass> {
  const instructor = createAccount(testInfo, 'instructor', ['BBPLK-SRG']);
  const unique = instructor.split('.')[2].split('@')[0];
  const trainees = [0, 1].map(() => createAccount(testInfo, 'trainee', ['BBPLK-SRG']));
  await signIn(page, COORDINATOR.login, COORDINATOR.password);
  const form = await apiGet(page, '/api/cohorts/form');
  const site = form.sites.find((s: any) => s.label === 'BBPLK Serang').id;
  const teacher = form.instructors.find((i: any) => i.name.endsWith(unique)).id;
  const now = wibNow();
  const code = `UJI-${unique.slice(-6)}`;
  const cohortId = await api(page, '/api/cohorts/create', {
    code,
    course_id: String(form.courses[0].id),
    programme_id: String(programmeId ?? form.programmes[0].id),
    site_id: String(site),
    capacity: '10',
    starts_on: now.date,
    ends_on: wibNow(30).date,
    status: 'running',
    'instructor_ids[0]': String(teacher),
  });
  // One session from a few minutes ago (never before midnight) to an hour from now.
  const start = Math.max(0, now.minutes - 5 - (now.minutes % 5));
  const end = Math.min(23 * 60 + 59, now.minutes + 60);
  await api(page, '/api/schedule/generate', {
    cohort_id: String(cohortId),
    'weekdays[0]': String(now.weekday),
    start_time: hhmm(start),
    end_time: hhmm(end),
    from: now.date,
    until: 'date',
    until_date: now.date,
    instructor_id: String(teacher),
  });
  const names: { login: string; name: string }[] = [];
  for (const [index, login] of trainees.entries()) {
    const name = `Peserta ${unique.slice(-4)} ${String.fromCharCode(65 + index)}`;
    const identity = nik(Number(login.slice(-8)), index);
    const id = await api(page, '/api/trainees/save', {
      nik: identity.nik,
      full_name: name,
      birth_date: identity.birthDate,
      sex: 'L',
      phone: login,
      education: 'sma',
      source: 'other',
      site_id: String(site),
    });
    await api(page, '/api/trainees/enroll', { cohort_id: String(cohortId), trainee_id: String(id) });
    names.push({ login, name });
  }
  const roster = await apiGet(page, `/api/trainees/roster?cohort_id=${cohortId}`);
  for (const entry of roster.entries) {
    for (const status of ['accepted', 'active']) {
      await api(page, '/api/trainees/change-status', { enrollment_id: String(entry.enrollment_id), status });
    }
  }
  const schedule = await apiGet(page, `/api/schedule/cohort?cohort_id=${cohortId}`);
  const sessionId = schedule.sessions[0].id;
  await page.context().clearCookies();
  return { code, cohortId, sessionId, instructor, trainees: names };
}
