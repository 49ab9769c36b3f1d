import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe';

const pages = [
  { name: 'home', path: '/' },
  { name: 'programme', path: '/programme' },
  { name: 'session', path: '/sessions/glutamate-homeostasis-hypothesis-introduction' },
  { name: 'speakers', path: '/speakers' },
  { name: 'privacy notice', path: '/privacy' },
  { name: 'sign-in', path: '/sign-in' },
];

for (const { name, path } of pages) {
  test(`axe finds no WCAG A/AA violations on the ${name} page`, async ({ page }) => {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('the first Tab reaches the skip link, which moves focus to the main content', async ({ page }) => {
  await page.goto('/programme');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});
