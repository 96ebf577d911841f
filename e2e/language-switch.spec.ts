import { expect, test } from '@playwright/test';
import { demo, expectAccessible, signIn } from './helpers.js';

test('switch to English and back', async ({ page }) => {
  await page.goto('/inloggen');
  await expectAccessible(page);
  await expect(page.getByText('In SWV De Waarden is tweestapsverificatie uitgeschakeld.')).toBeVisible();
  await signIn(page, demo('school_care_coordinator'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('button', { name: /sign out/i })).toBeVisible();
  await page.getByRole('link', { name: 'Pupils' }).first().click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
});
