import { expect, test } from '@playwright/test';
import { demo, expectAccessible, lastMailTo, signIn } from './helpers.js';

test('admin creates a school and a user with a role; the new user sees only what the role allows', async ({ page, browser }) => {
  await signIn(page, demo('swv_admin'));
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Organisaties' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Soort organisatie').selectOption('school');
  await page.getByLabel('Naam', { exact: true }).fill('Basisschool De Nieuwe Akker');
  await page.getByLabel('BRIN-nummer').fill('99ZZ');
  await page.getByLabel('Vestigingsnummer').fill('00');
  await page.getByLabel('Soort onderwijs').selectOption('PO');
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Organisatie aanmaken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Organisatie aangemaakt.' })).toBeVisible();

  await page.getByRole('link', { name: 'Gebruikers' }).first().click();
  await expectAccessible(page);
  await page.getByLabel('Naam', { exact: true }).fill('Nina Nieuw');
  await page.getByLabel('E-mailadres', { exact: true }).fill('nina.nieuw@demo.rondom.nl');
  await page.getByLabel('Rol', { exact: true }).selectOption('teacher');
  await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: 'Basisschool De Nieuwe Akker' });
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Uitnodiging verstuurd' })).toBeVisible();

  // the invitation arrives over SMTP with a link to set a password
  await expect.poll(() => { try { return lastMailTo('nina.nieuw@demo.rondom.nl'); } catch { return ''; } }).toContain('reset-password');
  const link = lastMailTo('nina.nieuw@demo.rondom.nl').match(/https?:\/\/\S+reset-password\S+/)![0];
  const nina = await (await browser.newContext()).newPage();
  await nina.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(nina.getByLabel('Nieuw wachtwoord')).toBeVisible();
  await expectAccessible(nina);
  await nina.getByLabel('Nieuw wachtwoord').fill('Nina-wachtwoord-1');
  await nina.getByLabel('Herhaal het nieuwe wachtwoord').fill('Nina-wachtwoord-1');
  await nina.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
  await signIn(nina, 'nina.nieuw@demo.rondom.nl', 'Nina-wachtwoord-1');
  // a teacher without groups: no admin menu, and an empty pupil list that says why
  await expect(nina.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
  await nina.getByRole('link', { name: 'Leerlingen' }).first().click();
  await expect(nina.getByRole('table')).toHaveCount(0);
  await expectAccessible(nina);
  await nina.goto('/gebruikers');
  await expect(nina.getByText('Deze pagina bestaat niet, of u heeft er geen toegang toe.')).toBeVisible();
});
