// Signs a page's browser context in as one of the e2e staff accounts through the real sign-in form.
import { expect, type Page } from '@playwright/test';
import { e2eAccounts, type E2eRole } from './accounts';

export async function signInAs(page: Page, role: E2eRole, callbackUrl = '/admin'): Promise<void> {
  const account = e2eAccounts[role];
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}
