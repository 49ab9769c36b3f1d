import { expect, test } from '@playwright/test';
import { e2eAccounts } from './support/accounts';
import { axeViolations } from './support/axe';

test.describe('organizer sign-in', () => {
  test('sends an anonymous visitor of /admin to sign in, refuses a wrong password, then comes back after the right one', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organizer sign-in');

    await page.getByLabel('Email').fill(e2eAccounts.owner.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(e2eAccounts.owner.email);
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel('Password').fill(e2eAccounts.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    const sold = page.locator('dt', { hasText: /^Tickets sold$/ }).locator('xpath=following-sibling::dd');
    expect(Number(await sold.textContent())).toBeGreaterThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('never redirects off-site after sign-in', async ({ page }) => {
    await page.goto('/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal');
    await page.getByLabel('Email').fill(e2eAccounts.checkin.email);
    await page.getByLabel('Password').fill(e2eAccounts.checkin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/localhost:\d+\/admin/);
  });
});
