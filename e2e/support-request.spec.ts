import { expect, type Page, test } from '@playwright/test';
import { demo, expectAccessible, signedInPages } from './helpers.js';

// From the school's question to the parents' letter, and an arrangement from grant to spend: the
// steps build on each other, so they run in order with one signed-in page per person.
test.describe.configure({ mode: 'serial' });

const SECOND_EXPERT = 'jeugdarts@demo.rondom.nl';
let sanneId = '';
let sanneName = '';
let requestUrl = '';

const as = signedInPages();

test.beforeAll(async ({ browser }) => {
  const parent = await as(browser, demo('parent'));
  const children = (await (await parent.request.get('/api/v1/pupils')).json()).items as { id: string; displayName: string }[];
  const sanne = children.find((c) => c.displayName.startsWith('Sanne'))!;
  sanneId = sanne.id;
  sanneName = sanne.displayName;
});

/** Confirms the dialog that an irreversible step opens. */
async function confirmStep(page: Page, button: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: button, exact: true }).click();
}

test('a TLV request: missing signature shown, completed, two impartial advices, a numbered decision, and the parents read the letter', async ({ browser }) => {
  // the IB'er files the request; it is saved as a draft and submitted while the signature is missing
  const ib = await as(browser, demo('school_care_coordinator'));
  await ib.goto(`/leerlingen/${sanneId}/aanvragen`);
  await expectAccessible(ib);
  await ib.getByRole('link', { name: 'Nieuwe aanvraag' }).click();
  await expect(ib.getByRole('heading', { level: 1 })).toHaveText(`Nieuwe aanvraag voor ${sanneName}`);
  await ib.getByLabel('Toelaatbaarheidsverklaring (TLV)').check();
  await ib.getByLabel('De vraag').fill('Sanne komt in onze groep van dertig niet tot leren. Past een kleine setting in het SO beter?');
  await ib.getByLabel('Wat de school al heeft gedaan').fill('Een prikkelarme werkplek, een time-out-kaart, een gedragsspecialist die de leerkracht coacht.');
  await ib.getByLabel('Soort school').selectOption('SO');
  await ib.getByLabel('Ouders ingelicht op').fill(new Date(Date.now() - 2 * 86400_000).toISOString().slice(0, 10));
  await expectAccessible(ib);
  await ib.getByRole('button', { name: 'Opslaan als concept' }).click();
  await ib.waitForURL(/\/aanvragen\/[0-9a-f-]{36}$/);
  await expect(ib.getByRole('heading', { level: 1 })).toContainText(sanneName);
  requestUrl = new URL(ib.url()).pathname;
  await confirmStep(ib, 'Aanvraag indienen');
  await expect(ib.getByRole('status').filter({ hasText: 'De aanvraag is ingediend.' }).first()).toBeVisible();
  // the school sees exactly what is missing
  const checklist = ib.getByRole('region', { name: 'Wat ontbreekt nog' });
  await expect(checklist.getByText('Er ontbreekt nog 1 onderdeel.')).toBeVisible();
  await expect(checklist.getByText('Voeg het formulier toe dat de ouders hebben ondertekend.')).toBeVisible();
  await expectAccessible(ib);
  await checklist.getByLabel('Bestand voor: Handtekening van de ouders').setInputFiles({
    name: 'handtekening-ouders.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% ondertekend door de ouders\n'),
  });
  await checklist.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(checklist.getByText('Alles is er. Het samenwerkingsverband kan de aanvraag compleet maken.')).toBeVisible();

  // the consultant finds it in the region's list, makes it complete and starts the assessment
  const consultant = await as(browser, demo('swv_consultant'));
  await consultant.goto('/aanvragen');
  await expect(consultant.getByRole('heading', { level: 1 })).toHaveText('Aanvragen');
  await expect(consultant.getByText('Van ontvangen tot compleet')).toBeVisible();
  await expectAccessible(consultant);
  await consultant.screenshot({ path: 'docs/screenshots/requests.png' });
  await consultant.goto(requestUrl);
  await confirmStep(consultant, 'Compleet maken');
  await expect(consultant.getByRole('status').filter({ hasText: 'De aanvraag is compleet.' }).first()).toBeVisible();
  await confirmStep(consultant, 'Beoordeling starten');
  await expect(consultant.getByRole('status').filter({ hasText: 'De beoordeling is gestart.' }).first()).toBeVisible();

  // two experts are asked: an orthopedagoog and a jeugdarts
  for (const [name, kind] of [
    ['Dr. Petra Orthopedagoog', 'orthopedagoog'],
    ['Dr. Jeroen Jeugdarts', 'jeugdarts'],
  ] as const) {
    await consultant.getByRole('button', { name: 'Deskundige vragen' }).first().click();
    await consultant.getByLabel('Deskundige', { exact: true }).selectOption({ label: name });
    await consultant.getByLabel('Soort deskundige').selectOption(kind);
    await consultant.getByRole('button', { name: 'Deskundige vragen' }).last().click();
    await expect(consultant.getByRole('status').filter({ hasText: `${name} is gevraagd om advies te geven.` }).first()).toBeVisible();
  }
  await expectAccessible(consultant);

  // each expert declares impartiality and gives an advice, which cannot be changed afterwards
  for (const email of [demo('swv_expert'), SECOND_EXPERT]) {
    const expert = await as(browser, email);
    await expert.goto('/aanvragen');
    await expect(expert.getByRole('heading', { level: 1 })).toHaveText('Aanvragen waarvoor u advies geeft');
    await expectAccessible(expert);
    await expert.goto(requestUrl);
    await expert.getByRole('button', { name: 'Advies geven' }).click();
    await expert.getByLabel('Advies', { exact: true }).fill('Sanne heeft een kleine, voorspelbare groep nodig met veel structuur. Dat kan het SO bieden.');
    await expert.getByLabel('Aanbeveling in het kort').fill('SO, categorie laag');
    await expert.getByLabel('Ik ben niet eerder bij deze leerling betrokken geweest.').check();
    await expectAccessible(expert);
    await expert.getByRole('button', { name: 'Advies versturen' }).click();
    await expert.getByRole('dialog').getByRole('button', { name: 'Ja, versturen' }).click();
    await expect(expert.getByRole('status').filter({ hasText: 'Uw advies is verstuurd.' }).first()).toBeVisible();
  }

  // the consultant decides: SO, category laag, two school years; the TLV gets its number
  await consultant.reload();
  await expect(consultant.getByText('De twee adviezen die nodig zijn voor een TLV zijn er.')).toBeVisible();
  await consultant.getByRole('button', { name: 'Besluit nemen' }).click();
  await consultant.getByLabel('Toegekend', { exact: true }).check();
  await consultant.getByLabel('Redenen').fill('Twee deskundigen adviseren het SO. Sanne heeft een kleine groep met veel structuur nodig.');
  await consultant.getByLabel('Soort school').selectOption('SO');
  await consultant.getByLabel('Categorie').selectOption('laag');
  await consultant.getByLabel('Aantal schooljaren').fill('2');
  await expect(consultant.getByText(/Geldig tot en met 31 juli/)).toBeVisible();
  await expectAccessible(consultant);
  await consultant.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await consultant.getByRole('dialog').getByRole('button', { name: 'Ja, vastleggen' }).click();
  await expect(consultant.getByRole('status').filter({ hasText: 'Het besluit is vastgelegd.' }).first()).toBeVisible();
  await expect(consultant.getByText(new RegExp(`${new Date().getFullYear()}-\\d{4}`)).first()).toBeVisible();
  await expectAccessible(consultant);

  // the parent reads both advices and the decision, and downloads the letter with the objection deadline
  const parent = await as(browser, demo('parent'));
  await parent.goto(`/leerlingen/${sanneId}/aanvragen`);
  await expectAccessible(parent);
  await parent.getByRole('link', { name: 'Toelaatbaarheidsverklaring (TLV)' }).click();
  await expect(parent.getByText('Sanne heeft een kleine, voorspelbare groep nodig met veel structuur.').first()).toBeVisible();
  await expect(parent.getByText('Twee deskundigen adviseren het SO.')).toBeVisible();
  await expect(parent.getByText(/Bezwaar maken kan tot en met/)).toBeVisible();
  await expectAccessible(parent);
  await parent.screenshot({ path: 'docs/screenshots/tlv-decision.png', fullPage: true });
  const download = parent.waitForEvent('download');
  await parent.getByRole('link', { name: 'Brief downloaden (pdf)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^besluit.*\.pdf$/);
  const body = await (await import('node:fs/promises')).readFile((await file.path())!);
  expect(body.subarray(0, 5).toString()).toBe('%PDF-');
});

test('an arrangement: the consultant grants it on the decided request, the school records spend, and the parent sees what was spent', async ({ browser }) => {
  const consultant = await as(browser, demo('swv_consultant'));
  const requests = (await (await consultant.request.get(`/api/v1/pupils/${sanneId}/support-requests`)).json()).items as { id: string; type: string; status: string }[];
  const granted = requests.find((r) => r.type === 'arrangement' && r.status === 'decided')!;
  await consultant.goto(`/aanvragen/${granted.id}`);
  await expect(consultant.getByText('Er is van deze aanvraag (nog) geen arrangement gemaakt.')).toBeVisible();
  await consultant.getByRole('button', { name: 'Arrangement toekennen' }).click();
  const form = consultant.getByRole('form', { name: 'Arrangement toekennen' }).or(consultant.locator('form').filter({ hasText: 'Uren per week' }));
  await form.getByLabel('Arrangement', { exact: true }).selectOption({ label: 'Gedragsbegeleiding' });
  await form.getByLabel('Doel', { exact: true }).fill('Sanne blijft bij onrust in de klas en gebruikt haar time-out-kaart');
  await form.getByLabel('Wanneer is het doel gehaald?').fill('4 van de 5 dagen zonder weglopen uit de klas');
  await form.getByLabel('Expertisepool van het samenwerkingsverband').check();
  await form.getByLabel('Uren per week').fill('3');
  await form.getByLabel('Budget').fill('5400');
  const day = (offset: number) => new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);
  await form.getByLabel('Startdatum').fill(day(-7));
  await form.getByLabel('Einddatum').fill(day(180));
  await expectAccessible(consultant);
  await form.getByRole('button', { name: 'Arrangement toekennen' }).click();
  await expect(consultant.getByText('Het arrangement is toegekend.')).toBeVisible();

  // the IB'er records the first month's spend on the arrangement
  const ib = await as(browser, demo('school_care_coordinator'));
  await ib.goto(`/leerlingen/${sanneId}/arrangementen`);
  await expectAccessible(ib);
  await ib.getByRole('link', { name: 'Gedragsbegeleiding' }).first().click();
  await ib.getByRole('button', { name: 'Uitgave vastleggen' }).click();
  await ib.getByLabel('Datum').fill(day(-1));
  await ib.getByLabel('Bedrag').fill('450');
  await ib.getByLabel('Waaraan').fill('Observatie in de klas en twee coachgesprekken met de leerkracht');
  await ib.getByRole('button', { name: 'Uitgave opslaan' }).click();
  await expect(ib.getByRole('cell', { name: 'Observatie in de klas en twee coachgesprekken met de leerkracht' })).toBeVisible();
  await expectAccessible(ib);

  // the parent sees the help, its goal and what was spent on their child, without staff names
  const parent = await as(browser, demo('parent'));
  await parent.goto(`/leerlingen/${sanneId}/arrangementen`);
  await expect(parent.getByRole('heading', { level: 1 })).toHaveText("Welke extra hulp krijgt Sanne?");
  await expectAccessible(parent);
  await parent.getByRole('link', { name: 'Gedragsbegeleiding' }).first().click();
  await expect(parent.getByText('Sanne blijft bij onrust in de klas en gebruikt haar time-out-kaart')).toBeVisible();
  await expect(parent.getByRole('cell', { name: 'Observatie in de klas en twee coachgesprekken met de leerkracht' })).toBeVisible();
  await expect(parent.getByText(/€\s?450,00/).first()).toBeVisible();
  await expect(parent.getByText('Ingrid Intern Begeleider')).toHaveCount(0);
  await expectAccessible(parent);
});

test('functioneel beheer asks for a named document on every TLV request, and goes back to the default list', async ({ browser }) => {
  const admin = await as(browser, demo('swv_admin'));
  await admin.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Checklists aanvragen' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Checklists voor aanvragen');
  await expectAccessible(admin);
  const tlv = admin.getByRole('region', { name: 'Toelaatbaarheidsverklaring (TLV)' });
  await tlv.getByRole('button', { name: 'Wijzigen: Toelaatbaarheidsverklaring (TLV)' }).click();
  await tlv.getByLabel('Naam van het document').fill('Verslag psychologisch onderzoek');
  await tlv.getByRole('button', { name: 'Document toevoegen' }).click();
  await expectAccessible(admin);
  await admin.screenshot({ path: test.info().outputPath('checklists.png'), fullPage: true });
  await tlv.getByRole('button', { name: 'Lijst opslaan' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'De checklist voor Toelaatbaarheidsverklaring (TLV) is opgeslagen.' }).first()).toBeVisible();
  await expect(tlv.getByText('Eigen lijst van de regio')).toBeVisible();
  await expect(tlv.getByRole('listitem').filter({ hasText: 'Verslag psychologisch onderzoek' })).toBeVisible();
  await tlv.getByRole('button', { name: 'Terug naar de standaardlijst' }).click();
  await expect(tlv.getByText('Standaardlijst')).toBeVisible();
  await expect(tlv.getByText('Verslag psychologisch onderzoek')).toHaveCount(0);
});
