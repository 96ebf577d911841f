import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, expect, type Page, test } from '@playwright/test';

export const PASSWORD = 'Rondom-demo-2026';
export const demo = (role: string) => `${role.replace(/_/g, '-')}@demo.rondom.nl`;

/** WCAG 2.1 A/AA: no violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);
}

export async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto('/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('button', { name: /uitloggen/i })).toBeVisible();
}

/** The newest mail to `to` in the server's SMTP sink (saved as .eml files). */
export function lastMailTo(to: string): string {
  const dir = join(process.env.E2E_DATA_DIR!, 'outbox');
  const files = readdirSync(dir).sort().reverse();
  for (const f of files) {
    const raw = readFileSync(join(dir, f), 'utf8');
    if (raw.toLowerCase().includes(`to: ${to.toLowerCase()}`)) return raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  }
  throw new Error(`no mail to ${to}`);
}

/**
 * One signed-in page per person for a serial spec, kept across its steps (the journeys hand work
 * to each other). On a failure every person's page is saved, not only the one that failed.
 */
export function signedInPages(): (browser: Browser, email: string) => Promise<Page> {
  const pages = new Map<string, Page>();
  test.afterEach(async ({}, info) => {
    if (info.status === info.expectedStatus) return;
    for (const [email, p] of pages) await p.screenshot({ fullPage: true, path: info.outputPath(`${email.split('@')[0]}.png`) });
  });
  test.afterAll(async () => {
    for (const p of pages.values()) await p.context().close();
  });
  return async (browser, email) => {
    let page = pages.get(email);
    if (!page) {
      page = await (await browser.newContext({ acceptDownloads: true })).newPage();
      await signIn(page, email, PASSWORD);
      pages.set(email, page);
    }
    return page;
  };
}
