import { type Page, test } from '@playwright/test';
import { demo, PASSWORD, signIn } from './helpers.js';

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);
const shot = async (p: Page, name: string) => {
  await p.waitForLoadState('networkidle');
  await p.screenshot({ path: `/tmp/shots/${name}.png`, fullPage: true });
};
test('screens', async ({ browser }) => {
  const page = async (email: string) => {
    const p = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(p, email, PASSWORD);
    return p;
  };
  const c = await page(demo('swv_consultant'));
  await c.goto('/aanvragen');
  await shot(c, 'consultant-requests');
  const list = (await (await c.request.get('/api/v1/support-requests?type=tlv&status=decided')).json()).items;
  const tlvId = list[0]?.id;
  if (tlvId) {
    await c.goto(`/aanvragen/${tlvId}`);
    await shot(c, 'consultant-tlv-decided');
  }
  const inAss = (await (await c.request.get('/api/v1/support-requests?status=in_assessment')).json()).items;
  if (inAss[0]) {
    await c.goto(`/aanvragen/${inAss[0].id}`);
    await shot(c, 'consultant-in-assessment');
  }
  await c.goto('/tlv-overzicht');
  await shot(c, 'consultant-tlv-clocks');
  await c.goto('/kosten');
  await shot(c, 'consultant-costs');
  await c.goto('/arrangementen');
  await shot(c, 'consultant-catalogue');
  const ib = await page(demo('school_care_coordinator'));
  await ib.goto('/aanvragen');
  await shot(ib, 'ib-requests');
  const sub = (await (await ib.request.get('/api/v1/support-requests?status=submitted')).json()).items;
  if (sub[0]) {
    await ib.goto(`/aanvragen/${sub[0].id}`);
    await shot(ib, 'ib-submitted');
  }
  const parent = await page(demo('parent'));
  const kids = (await (await parent.request.get('/api/v1/pupils')).json()).items;
  const sanne = kids.find((k: { displayName: string }) => k.displayName.startsWith('Sanne'));
  const gijs = kids.find((k: { displayName: string }) => k.displayName.startsWith('Gijs'));
  await parent.goto(`/leerlingen/${sanne.id}/aanvragen`);
  await shot(parent, 'parent-requests');
  const preq = (await (await parent.request.get(`/api/v1/pupils/${sanne.id}/support-requests`)).json()).items;
  const tlv = preq.find((r: { type: string }) => r.type === 'tlv');
  if (tlv) {
    await parent.goto(`/aanvragen/${tlv.id}`);
    await shot(parent, 'parent-tlv');
  }
  await parent.goto(`/leerlingen/${gijs.id}/arrangementen`);
  await shot(parent, 'parent-arrangements');
  const arr = (await (await parent.request.get(`/api/v1/pupils/${gijs.id}/arrangements`)).json()).items;
  if (arr[0]) {
    await parent.goto(`/arrangementen/${arr[0].id}`);
    await shot(parent, 'parent-arrangement');
  }
  const ex = await page(demo('swv_expert'));
  await ex.goto('/aanvragen');
  await shot(ex, 'expert-requests');
});
