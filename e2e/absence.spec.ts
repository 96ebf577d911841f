import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { demo, expectAccessible, lastMailTo, signedInPages } from './helpers.js';

// A child out of school from the school's report to "back at school": the school registers, the
// SWV sees the case without owner, gives it an owner, a plan and a date, the date passes, the
// owner is told and closes the case. The steps build on each other, so they run in order.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const as = signedInPages();
const dutchDayPlus = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));
const period = () => `from=${dutchDayPlus(-365)}&to=${dutchDayPlus(0)}`;

type TOverview = { open: { total: number | '<5'; noOwner: number | '<5' }; closed: { byReason: { key: string; count: number | '<5' }[] } };
async function figures(page: Page): Promise<TOverview> {
  return (await page.request.get(`/api/v1/absence/overview?${period()}`)).json();
}

let pupilId = '';
let pupilName = '';
let caseUrl = '';
let openBefore = 0;

test.beforeAll(async ({ browser }) => {
  // a pupil of the IB'er's school with no absence at all (the demo child and Sanne have other journeys)
  const ib = await as(browser, demo('school_care_coordinator'));
  const pupils = (await (await ib.request.get('/api/v1/pupils?pageSize=50')).json()).items as { id: string; displayName: string }[];
  for (const p of pupils.filter((x) => !x.displayName.startsWith('Sanne'))) {
    const absence = await (await ib.request.get(`/api/v1/pupils/${p.id}/absence`)).json();
    if (!absence.openCase && absence.closedCases.length === 0) {
      pupilId = p.id;
      pupilName = p.displayName;
      break;
    }
  }
  expect(pupilId, 'a pupil without absence').not.toBe('');
  const consultant = await as(browser, demo('swv_consultant'));
  openBefore = (await figures(consultant)).open.total as number;
});

test('the school registers a long absence; the SWV sees it without owner and gives it an owner, a plan and a date', async ({ browser }) => {
  const ib = await as(browser, demo('school_care_coordinator'));
  await ib.goto(`/leerlingen/${pupilId}/verzuim`);
  await expect(ib.getByRole('heading', { level: 1 })).toHaveText(`Verzuim van ${pupilName}`);
  await expect(ib.getByText('Er is geen verzuim gemeld voor deze leerling.')).toBeVisible();
  await expectAccessible(ib);
  await ib.getByLabel('Langdurig relatief verzuim', { exact: false }).first().check();
  await ib.getByLabel('Eerste dag van het verzuim').fill(dutchDayPlus(-35));
  await ib.getByLabel('Psychische klachten').check();
  await ib.getByLabel('Toelichting').fill('Komt sinds de herfstvakantie niet meer naar school.');
  await ib.getByRole('button', { name: 'Verzuim melden' }).click();
  await expect(ib.getByText('Het verzuim is gemeld.').first()).toBeVisible();
  await expect(ib.getByText('35 dagen zonder onderwijs').first()).toBeVisible();
  await expectAccessible(ib);

  // on the SWV's list, among what needs attention, red and in words: no owner
  const consultant = await as(browser, demo('swv_consultant'));
  await consultant.goto('/verzuim');
  await consultant.getByLabel('Alleen wat aandacht nodig heeft').check();
  const row = consultant.getByRole('row', { name: new RegExp(pupilName) });
  await expect(row).toContainText('Geen eigenaar');
  await expectAccessible(consultant);
  expect((await figures(consultant)).open.total).toBe(openBefore + 1);
  await consultant.goto('/verzuim/cijfers');
  await expect(consultant.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(consultant);
  await consultant.screenshot({ path: 'docs/screenshots/absence-figures.png', fullPage: true });

  await consultant.goto('/verzuim');
  await consultant.getByRole('link', { name: pupilName }).click();
  await consultant.waitForURL(/\/verzuim\/[0-9a-f-]{36}$/);
  caseUrl = new URL(consultant.url()).pathname;
  await expect(consultant.getByText('Deze zaak heeft geen eigenaar.', { exact: false })).toBeVisible();
  await expectAccessible(consultant);

  // the owner is the school's IB'er; the journey cannot wait for the agreed date, so it takes one just gone by
  const owner = consultant.getByLabel('Eigenaar', { exact: true });
  const value = await owner.locator('option', { hasText: 'Ingrid Intern Begeleider' }).first().getAttribute('value');
  await owner.selectOption(value!);
  await consultant.getByLabel('Plan', { exact: true }).fill('Gesprek met ouders en kind; twee ochtenden per week op school, daarna opbouwen.');
  await consultant.getByLabel('Wie voert het plan uit').fill("De IB'er met de CJG-coach");
  await consultant.getByRole('textbox', { name: 'Volgende datum' }).fill(dutchDayPlus(-1));
  await consultant.getByRole('button', { name: 'Opslaan' }).click();
  await expect(consultant.getByText('De zaak is opgeslagen.').first()).toBeVisible();
  await expect(consultant.getByText('De volgende datum is verstreken.', { exact: false })).toBeVisible();
  await expectAccessible(consultant);
  await consultant.screenshot({ path: 'docs/screenshots/absence-case.png', fullPage: true });
});

test('the date passes: the owner gets a mail and a task, and closes the case as back at school', async ({ browser }) => {
  // what the morning job does: `npm run jobs:digest` signals the server to run today's jobs now
  const pid = Number(readFileSync(join(process.env.E2E_DATA_DIR!, 'server.pid'), 'utf8'));
  process.kill(pid, 'SIGUSR2');
  await expect.poll(() => {
    try {
      return lastMailTo(demo('school_care_coordinator')).includes('volgende datum van een verzuimzaak');
    } catch {
      return false;
    }
  }, { timeout: 30_000 }).toBe(true);
  const mail = lastMailTo(demo('school_care_coordinator'));
  expect(mail).toContain(caseUrl);
  expect(mail).not.toContain(pupilName.split(' ').at(-1)!);

  const ib = await as(browser, demo('school_care_coordinator'));
  await ib.goto('/taken');
  const task = ib.getByRole('listitem').filter({ hasText: pupilName }).filter({ hasText: 'volgende datum is voorbij' });
  await expect(task).toBeVisible();
  await expectAccessible(ib);
  await task.getByRole('link', { name: /Naar de verzuimzaak/ }).click();
  await ib.waitForURL((u) => u.pathname === caseUrl);
  await expect(ib.getByRole('heading', { level: 1 })).toHaveText(`Verzuim van ${pupilName}`);

  await ib.getByRole('button', { name: 'Zaak afsluiten' }).click();
  await ib.getByLabel('Terug op school').check();
  await ib.getByLabel('Datum van afsluiten').fill(dutchDayPlus(0));
  await ib.getByRole('button', { name: 'Afsluiten', exact: true }).click();
  await expect(ib.getByRole('dialog')).toBeVisible();
  await expectAccessible(ib);
  await ib.getByRole('button', { name: 'Ja, afsluiten' }).click();
  await expect(ib.getByText('De zaak is afgesloten.').first()).toBeVisible();
  await expect(ib.getByText('Terug op school', { exact: false }).first()).toBeVisible();
  await expectAccessible(ib);

  // gone from the task list and from the open count; counted as back at school
  await ib.goto('/taken');
  await expect(ib.getByRole('listitem').filter({ hasText: pupilName }).filter({ hasText: 'volgende datum is voorbij' })).toHaveCount(0);
  const consultant = await as(browser, demo('swv_consultant'));
  const after = await figures(consultant);
  expect(after.open.total).toBe(openBefore);
  expect(after.closed.byReason.find((r) => r.key === 'back_at_school')?.count).toBeGreaterThanOrEqual(1);
});

test('the gemeente analyst sees the figures anonymised, small counts as "< 5"', async ({ browser }) => {
  const analyst = await as(browser, demo('municipality_analyst'));
  await analyst.goto('/verzuim/cijfers');
  await expect(analyst.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(analyst.getByText('< 5').first()).toBeVisible();
  await expectAccessible(analyst);
  const res = await analyst.request.get(`/api/v1/pupils/${pupilId}/absence`);
  expect(res.status()).toBe(404);
});
