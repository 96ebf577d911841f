import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn } from './helpers.js';

test('a teacher cannot open a pupil of another school, nor can a user of another region', async ({ page, browser }) => {
  // the admin finds a pupil at a school that is not the teacher's
  await signIn(page, demo('swv_admin'));
  const list = await page.request.get('/api/v1/pupils?pageSize=100');
  const me = await (await browser.newContext()).newPage();
  await signIn(me, demo('teacher'));
  const teacherSchool = (await (await me.request.get('/api/v1/me')).json()).activeMembership.organisationId;
  const other = (await list.json()).items.find((p: { school: { id: string } }) => p.school.id !== teacherSchool);
  expect(other).toBeTruthy();

  await me.goto(`/leerlingen/${other.id}`);
  await expect(me.getByText('Deze pagina bestaat niet, of u heeft er geen toegang toe.')).toBeVisible();
  await expectAccessible(me);

  // the teacher's own pupils do open
  await me.getByRole('link', { name: 'Leerlingen' }).first().click();
  await me.getByRole('table').getByRole('link').first().click();
  await expect(me.getByRole('heading', { level: 1 })).not.toHaveText(/bestaat niet/);
  await expectAccessible(me);

  // the consultant switches to the other region: the same pupil is not there
  const consultant = await (await browser.newContext()).newPage();
  await signIn(consultant, demo('swv_consultant'));
  const vallei = await consultant.getByLabel('Regio en rol').locator('option', { hasText: 'Vallei' }).getAttribute('value');
  await consultant.getByLabel('Regio en rol').selectOption(vallei!);
  await expect(consultant.getByText('SWV Vallei VO').first()).toBeVisible();
  await consultant.goto(`/leerlingen/${other.id}`);
  await expect(consultant.getByText('Deze pagina bestaat niet, of u heeft er geen toegang toe.')).toBeVisible();
});
