import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn } from './helpers.js';

test('admin imports a CSV with some bad rows and reads the report', async ({ page }) => {
  await signIn(page, demo('swv_admin'));
  const schools = (await (await page.request.get('/api/v1/organisations?kind=school&pageSize=1')).json()).items;
  const brin = schools[0].brin;
  const csv = [
    'Leerlingnummer;Roepnaam;Tussenvoegsel;Achternaam;Geboortedatum;BRIN;Vestiging;Groep;Datum inschrijving',
    `E2E001;Anna;van;Import;12-03-2017;${brin};00;;01-08-2023`,
    `E2E002;Bart;;Import;2018-05-01;${brin};00;;2023-08-01`,
    `E2E003;Carla;;Fout;31-02-2017;${brin};00;;01-08-2023`,
    'E2E004;Dirk;;Onbekend;01-01-2016;00XX;00;;01-08-2023',
  ].join('\n');
  await page.getByRole('link', { name: 'Importeren' }).first().click();
  await expectAccessible(page);
  await page.getByLabel('CSV-bestand').setInputFiles({ name: 'leerlingen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Bestand bekijken' }).click();
  await expect(page.getByLabel('Voornaam')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: /rijen importeren/ }).click();
  await expect(page.getByRole('heading', { name: 'Resultaat' })).toBeVisible({ timeout: 30_000 });
  const rejected = page.getByRole('table', { name: 'Afgewezen rijen' });
  await expect(rejected.getByRole('row')).toHaveCount(3);
  await expect(rejected).toContainText('4');
  await expect(rejected).toContainText('5');
  await expectAccessible(page);

  // the good rows are there
  await page.getByRole('link', { name: 'Leerlingen' }).first().click();
  await page.getByLabel('Zoek op naam').fill('Import');
  await expect(page.getByRole('link', { name: 'Anna van Import' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Bart Import' })).toBeVisible();
});
