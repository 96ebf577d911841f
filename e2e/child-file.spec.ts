import { expect, type Page, test } from '@playwright/test';
import { demo, expectAccessible, signedInPages } from './helpers.js';

// One child's file, followed through: the journeys build on each other, so they run in order.
test.describe.configure({ mode: 'serial' });

let childId = '';
let childName = '';

/** One signed-in page per role for the whole file: the journeys hand the child's file to each other. */
const as = signedInPages();
const asRole = (browser: import('@playwright/test').Browser, role: string) => as(browser, demo(role));

test.beforeAll(async ({ browser }) => {
  const parent = await asRole(browser, 'parent');
  const child = (await (await parent.request.get('/api/v1/pupils')).json()).items[0];
  childId = child.id;
  childName = child.displayName;
});

test('the IB’er writes the groeidocument with a SMART goal; the parent disagrees with the OPP; the IB’er sees why and a task', async ({ browser }) => {
  const ib = await asRole(browser, 'school_care_coordinator');
  await ib.goto(`/leerlingen/${childId}/groeidocument`);
  await expect(ib.getByRole('heading', { level: 1 })).toHaveText(`Groeidocument van ${childName}`);
  await expectAccessible(ib);
  await ib.getByRole('button', { name: 'Wijzigen: Onderwijsbehoeften' }).click();
  await ib.getByRole('textbox', { name: 'Onderwijsbehoeften' }).fill('Heeft korte, stapsgewijze instructie nodig\nHeeft een koptelefoon nodig bij zelfstandig werken');
  await ib.getByRole('button', { name: 'Opslaan' }).click();
  await expect(ib.getByRole('status').filter({ hasText: 'Opgeslagen: Onderwijsbehoeften.' })).toBeVisible();
  await expect(ib.getByText('Heeft een koptelefoon nodig bij zelfstandig werken')).toBeVisible();

  // a vague goal is refused with help; a measurable one is saved
  await ib.getByRole('button', { name: 'Nieuw doel' }).click();
  await ib.getByRole('textbox', { name: 'Wat gaat het kind leren of kunnen?' }).fill('Werkt zelfstandig aan een rekentaak');
  await ib.getByRole('textbox', { name: 'Wanneer is het doel behaald?' }).fill('beter werken');
  await ib.getByLabel('Streefdatum').fill('2099-06-30');
  await ib.getByRole('button', { name: 'Doel toevoegen' }).click();
  await expect(ib.getByText(/Maak het meetbaar/).first()).toBeVisible();
  await ib.getByRole('textbox', { name: 'Wanneer is het doel behaald?' }).fill('15 minuten zonder hulp, 4 van de 5 dagen');
  await ib.getByRole('button', { name: 'Doel toevoegen' }).click();
  await expect(ib.getByRole('status').filter({ hasText: 'Het doel is toegevoegd.' })).toBeVisible();
  await expectAccessible(ib);

  // the parent reads the plan that waits for them and says no, with a reason
  const parent = await asRole(browser, 'parent');
  await parent.goto(`/leerlingen/${childId}/opp`);
  await expectAccessible(parent);
  await parent.getByRole('link', { name: 'Bekijk het plan en beslis' }).click();
  await expect(parent.getByRole('heading', { name: 'Uw instemming' })).toBeVisible();
  await expectAccessible(parent);
  await parent.getByRole('button', { name: 'Ik ga niet akkoord' }).click();
  await parent.getByLabel('Waarom gaat u niet akkoord?').fill('Wij willen dat de begeleiding bij faalangst op school plaatsvindt, niet thuis.');
  await parent.getByRole('button', { name: 'Versturen' }).click();
  await expect(parent.getByText('Uw antwoord is verstuurd. De school neemt contact met u op voor een gesprek.')).toBeVisible();

  // the IB'er has a task, and reads the reason on the plan
  await ib.getByRole('link', { name: 'OPP-overzicht' }).first().click();
  const task = ib.getByRole('row').filter({ hasText: childName }).filter({ hasText: 'Ouders niet akkoord: gesprek voeren' });
  await expect(task).toBeVisible();
  await expectAccessible(ib);
  await ib.goto(`/leerlingen/${childId}/opp`);
  await ib.getByRole('link', { name: /versie 1/i }).first().click();
  await expect(ib.getByText('Wij willen dat de begeleiding bij faalangst op school plaatsvindt, niet thuis.').first()).toBeVisible();
  await ib.getByRole('button', { name: 'Gesprek gevoerd' }).click();
  await ib.getByLabel('Wat is er besproken en afgesproken?').fill('Begeleiding faalangst komt op school, door de CJG-coach op dinsdag.');
  await ib.getByRole('button', { name: 'Gesprek vastleggen' }).click();
  await expect(ib.getByRole('status').filter({ hasText: 'Het gesprek is vastgelegd.' })).toBeVisible();
  await expectAccessible(ib);
});

test('the IB’er puts the changed plan to the parent again; the parent agrees; the adopted OPP downloads as PDF', async ({ browser }) => {
  const ib = await asRole(browser, 'school_care_coordinator');
  await ib.goto(`/leerlingen/${childId}/opp`);
  await ib.getByRole('link', { name: /versie 1/i }).first().click();
  // what was agreed in the conversation goes into the plan; the version is being written again
  await ib.getByRole('button', { name: 'Wijzigen: Handelingsdeel' }).click();
  await ib.getByRole('textbox', { name: /Afwijkingen/ }).fill('Rekenen op een eigen leerlijn. Begeleiding bij faalangst op school, op dinsdag.');
  await ib.getByRole('button', { name: 'Opslaan' }).click();
  await expect(ib.getByText('Begeleiding bij faalangst op school, op dinsdag.').first()).toBeVisible();
  await expectAccessible(ib);
  await ib.getByRole('button', { name: 'Voorleggen aan ouders' }).click();
  await ib.getByRole('dialog').getByRole('button', { name: 'Voorleggen aan ouders' }).click();
  await expect(ib.getByText(/Het plan is voorgelegd aan de ouders/)).toBeVisible();

  const parent = await asRole(browser, 'parent');
  await parent.goto(`/leerlingen/${childId}/opp`);
  await parent.getByRole('link', { name: 'Bekijk het plan en beslis' }).click();
  await parent.getByRole('button', { name: 'Ik ga akkoord' }).click();
  await parent.getByRole('dialog').getByRole('button', { name: 'Ja, ik ga akkoord' }).click();
  await expect(parent.getByText('U bent akkoord gegaan. Het plan gaat nu in.')).toBeVisible();
  await expect(parent.getByText(/Vastgesteld op/).first()).toBeVisible();
  await expectAccessible(parent);

  const download = parent.waitForEvent('download');
  await parent.getByRole('link', { name: /PDF downloaden/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^opp-\d+\.pdf$/);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
});

test('the parent withdraws consent: the CJG-coach cannot open the file any more; the school takes them out of the kernteam', async ({ browser }) => {
  const partner = await asRole(browser, 'care_partner');
  await partner.goto(`/leerlingen/${childId}/groeidocument`);
  await expect(partner.getByRole('heading', { level: 1 })).toHaveText(`Groeidocument van ${childName}`);

  const parent = await asRole(browser, 'parent');
  await parent.goto(`/leerlingen/${childId}/delen`);
  await expectAccessible(parent);
  await parent.getByRole('button', { name: /intrekken/i }).first().click();
  await parent.getByRole('dialog').getByRole('button', { name: 'Ja, intrekken' }).click();
  await expect(parent.getByText(/De toestemming is ingetrokken/)).toBeVisible();
  await expectAccessible(parent);

  await partner.reload();
  await expect(partner.getByText('Deze pagina bestaat niet, of u heeft er geen toegang toe.')).toBeVisible();
  const api = await partner.request.get(`/api/v1/pupils/${childId}/dossier`);
  expect(api.status()).toBe(404);

  // the school takes the CJG-coach out of the kernteam as well
  const ib = await asRole(browser, 'school_care_coordinator');
  await ib.goto(`/leerlingen/${childId}/delen`);
  await ib.getByRole('button', { name: 'Carla CJG-coach uit het kernteam halen' }).click();
  await ib.getByRole('dialog').getByRole('button', { name: 'Ja, uit het kernteam halen' }).click();
  await expect(ib.getByText('Carla CJG-coach staat niet meer in het kernteam.')).toBeVisible();
  await expect(ib.getByRole('heading', { name: 'Kernteam' })).toBeFocused();
  await expectAccessible(ib);
});

test('the parent sees who looked at the file, by organisation and role', async ({ browser }) => {
  const parent = await asRole(browser, 'parent');
  await parent.goto(`/leerlingen/${childId}/inzage`);
  await expect(parent.getByRole('heading', { level: 1 })).toHaveText(`Wie keek er in het dossier van ${childName}?`);
  const log = parent.getByRole('table').first();
  await expect(log.getByRole('row').filter({ hasText: 'bekeek het groeidocument' }).first()).toBeVisible();
  await expect(log.getByRole('row').filter({ hasText: 'CJG' }).first()).toBeVisible();
  // staff names never show; organisations and roles do
  await expect(log).not.toContainText('Ingrid Intern Begeleider');
  await expectAccessible(parent);
  await parent.screenshot({ path: 'docs/screenshots/access-log.png', fullPage: true });
});
