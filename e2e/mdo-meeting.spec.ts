import { readFileSync } from 'node:fs';
import { expect, type Locator, test } from '@playwright/test';
import { demo, expectAccessible, lastMailTo, signedInPages } from './helpers.js';

// An MDO around Sanne from invitation to summary, and a signaleringsplan whose plan B comes due:
// the steps build on each other, so they run in order with one signed-in page per person.
// the meeting journey walks a whole MDO with three people: more than the default minute on a busy machine
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let sanneId = '';
let sanneName = '';
let meetingUrl = '';

const as = signedInPages();

test.beforeAll(async ({ browser }) => {
  const parent = await as(browser, demo('parent'));
  const children = (await (await parent.request.get('/api/v1/pupils')).json()).items as { id: string; displayName: string }[];
  const sanne = children.find((c) => c.displayName.startsWith('Sanne'))!;
  sanneId = sanne.id;
  sanneName = sanne.displayName;
});

/** Today on the Dutch calendar and a start time a few minutes ahead, as the form's inputs take them. */
function soonInTheNetherlands(): { date: string; time: string } {
  const at = new Date(Date.now() + 5 * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
/** Picks the option whose text contains `text` (option labels carry a role and organisation too). */
async function selectByText(select: Locator, text: string) {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  await select.selectOption(value!);
}
const dutchDayPlus = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + days * 86_400_000));

test('an MDO: planned with a CJG-coach and the parent, the parent adds a point, held with actions, owners see them, summary downloaded', async ({ browser }) => {
  // the consultant plans Sanne's first MDO and, since she has none, names themself regievoerder
  const consultant = await as(browser, demo('swv_consultant'));
  await consultant.goto(`/leerlingen/${sanneId}/overleg`);
  await expect(consultant.getByRole('heading', { level: 1 })).toHaveText(`Overleg over ${sanneName}`);
  await expectAccessible(consultant);
  await consultant.getByRole('link', { name: 'Overleg plannen' }).click();
  await expect(consultant.getByRole('heading', { level: 1 })).toHaveText(`Overleg plannen over ${sanneName}`);
  const when = soonInTheNetherlands();
  await consultant.getByLabel('MDO', { exact: false }).first().check();
  await consultant.getByLabel('Datum', { exact: true }).fill(when.date);
  await consultant.getByLabel('Begintijd').fill(when.time);
  await consultant.getByLabel('Plaats').fill('De Regenboog, kamer van de intern begeleider');
  await consultant.getByLabel(/Carla CJG-coach/).check();
  await consultant.getByLabel(/Paula Ouder/).check();
  await selectByText(consultant.getByLabel('Regievoerder'), 'Karim Consulent');
  await consultant.getByLabel('Agendapunt 1').fill('Hoe gaat het in de groep sinds de prikkelarme werkplek?');
  await expectAccessible(consultant);
  await consultant.getByRole('button', { name: 'Overleg plannen en uitnodigen' }).click();
  await consultant.waitForURL(/\/overleg\/[0-9a-f-]{36}$/);
  meetingUrl = new URL(consultant.url()).pathname;
  await expect(consultant.getByText('Het overleg is gepland. De uitnodigingen zijn verstuurd.').first()).toBeVisible();
  await expectAccessible(consultant);

  // the invitation: a calendar item, and no child's name in the mail
  const invitation = lastMailTo(demo('care_partner'));
  expect(invitation).toContain('text/calendar');
  expect(invitation).not.toContain('Sanne');

  // before the parents agree, the CJG-coach sees only the appointment
  const partner = await as(browser, demo('care_partner'));
  await partner.goto(meetingUrl);
  await expect(partner.getByRole('status').getByText('U ziet nu alleen de afspraak')).toBeVisible();
  await expect(partner.getByText('Hoe gaat het in de groep sinds de prikkelarme werkplek?')).toHaveCount(0);
  await expectAccessible(partner);

  // the parent agrees in the portal and adds a point of their own
  const parent = await as(browser, demo('parent'));
  await parent.goto(`/leerlingen/${sanneId}/overleg`);
  await expectAccessible(parent);
  await parent.goto(meetingUrl);
  await expect(parent.getByText('Geeft u toestemming om dit overleg te houden met deze deelnemers?')).toBeVisible();
  await expectAccessible(parent);
  await parent.getByRole('button', { name: 'Ja, ik geef toestemming' }).click();
  await expect(parent.getByText('Dank u wel. U heeft toestemming gegeven.').first()).toBeVisible();
  await parent.getByRole('button', { name: 'Punt toevoegen' }).first().click();
  await parent.getByLabel('Wat wilt u bespreken?').fill('Ze slaapt slecht na drukke schooldagen');
  await parent.getByRole('button', { name: 'Punt toevoegen' }).last().click();
  await expect(parent.getByText('Het punt staat op de agenda.').first()).toBeVisible();
  await expectAccessible(parent);

  // now the CJG-coach sees the agenda, the parent's point included
  await partner.reload();
  await expect(partner.getByText('Ze slaapt slecht na drukke schooldagen')).toBeVisible();

  // the meeting is held: attendance, notes, a decision, actions for the CJG-coach and the parent
  await consultant.reload();
  await consultant.getByRole('button', { name: 'Vastleggen wie er waren' }).click();
  await consultant.getByRole('button', { name: 'Opslaan: overleg is gehouden' }).click();
  await expect(consultant.getByText('Vastgelegd: het overleg is gehouden. U kunt nu het verslag schrijven.').first()).toBeVisible();
  await consultant.getByLabel('Verslag van het overleg').fill('Sanne is rustiger met de eigen werkplek. Thuis is het na school nog onrustig.');
  await consultant.getByRole('button', { name: 'Verslag opslaan' }).click();
  await expect(consultant.getByText('Het verslag is opgeslagen.').first()).toBeVisible();
  await consultant.getByRole('button', { name: 'Besluit toevoegen' }).first().click();
  await consultant.getByLabel('Wat is er besloten?').fill('De CJG-coach begeleidt het gezin bij de overgang van school naar huis.');
  await consultant.getByRole('button', { name: 'Besluit toevoegen' }).last().click();
  await expect(consultant.getByText('Het besluit is toegevoegd.').first()).toBeVisible();
  for (const [title, owner] of [
    ['Gezinsgesprek plannen over de middagen na school', 'Carla CJG-coach'],
    ['Een week bijhouden hoe Sanne slaapt', 'Paula Ouder'],
  ] as const) {
    await consultant.getByRole('button', { name: 'Actie toevoegen' }).first().click();
    await consultant.getByLabel('Wat moet er gebeuren?').fill(title);
    await selectByText(consultant.getByLabel('Wie doet het?'), owner);
    await consultant.getByLabel('Klaar op').fill(dutchDayPlus(7));
    await consultant.getByRole('button', { name: 'Actie toevoegen' }).last().click();
    await expect(consultant.getByText(/De actie is toegevoegd voor/).first()).toBeVisible();
  }
  await expectAccessible(consultant);

  // the owners find their action in their own task list
  for (const [who, title] of [
    [partner, 'Gezinsgesprek plannen over de middagen na school'],
    [parent, 'Een week bijhouden hoe Sanne slaapt'],
  ] as const) {
    await who.goto('/taken');
    await expect(who.getByText(title)).toBeVisible();
    await expectAccessible(who);
  }

  // closing needs the next date; then the one-page summary downloads
  await consultant.getByLabel('Datum volgende overleg').fill(dutchDayPlus(42));
  await consultant.getByRole('button', { name: 'Overleg afronden' }).click();
  await expect(consultant.getByText('Het overleg is afgerond. U kunt de samenvatting nu delen.').first()).toBeVisible();
  // the closing form is gone: focus lands on the meeting's new state, not at the top of the page
  await expect(consultant.locator('#mtg-state')).toBeFocused();
  await consultant.screenshot({ path: 'docs/screenshots/mdo.png', fullPage: true });
  const [download] = await Promise.all([consultant.waitForEvent('download'), consultant.getByRole('link', { name: 'Samenvatting (PDF)' }).click()]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await expectAccessible(consultant);
});

test('a signaleringsplan: plan B with a date that has passed becomes a task for the regievoerder', async ({ browser }) => {
  const consultant = await as(browser, demo('swv_consultant'));
  await consultant.goto(`/leerlingen/${sanneId}/regie`);
  await expect(consultant.getByRole('heading', { level: 1 })).toHaveText(`Regie en signaleringsplan van ${sanneName}`);
  await expect(consultant.getByText('(dat bent u)')).toBeVisible();
  await expectAccessible(consultant);
  await consultant.getByRole('button', { name: 'Plan B maken' }).click();
  await consultant.getByLabel('Signaal: wanneer gaat dit plan in?').fill('De wachtlijst voor de jeugdhulp is langer dan 6 weken');
  await consultant.getByLabel('Datum om te kijken (niet verplicht)').fill(dutchDayPlus(-1));
  await consultant.getByLabel('Wat gebeurt er dan?').fill('Overbruggingszorg via het wijkteam');
  await consultant.getByLabel('Wie komt in actie?').fill('CJG-coach');
  await expectAccessible(consultant);
  await consultant.getByRole('button', { name: 'Plan B opslaan' }).click();
  await expect(consultant.getByText('Plan B is opgeslagen.').first()).toBeVisible();
  await expect(consultant.getByText('de datum is voorbij — bespreek of plan B nu ingaat.')).toBeVisible();
  await expectAccessible(consultant);

  // the regievoerder's task list has it, and it leads back to the plan
  // the overview says how much waits, and the card leads there
  await consultant.goto('/');
  await expect(consultant.getByText(/^U heeft [\d.]+ open taken, waarvan [\d.]+ te laat\.$/)).toBeVisible();
  await expectAccessible(consultant);
  // a consultant's list is long: the kind filter brings the signal up
  await consultant.getByRole('link', { name: 'Taken', exact: true }).first().click();
  await expect(consultant.getByRole('heading', { level: 1 })).toHaveText('Mijn taken');
  await consultant.getByLabel('Soort taak').selectOption({ label: 'Signaleringsplan: tijd om te kijken' });
  const task = consultant.getByRole('link', { name: new RegExp(sanneName) }).first();
  await expect(task).toBeVisible();
  await expectAccessible(consultant);
  await consultant.screenshot({ path: 'docs/screenshots/tasks.png', fullPage: true });
  await task.click();
  await expect(consultant).toHaveURL(new RegExp(`/leerlingen/${sanneId}/regie$`));
});
