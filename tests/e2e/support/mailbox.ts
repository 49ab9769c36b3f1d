// Reads the local mailbox as an organizer (the e2e server runs without RESEND_API_KEY): waits for an email to an
// address and returns its plain-text part, which holds the links attendees follow.
import { expect, type Browser } from '@playwright/test';
import { signInAs } from './sign-in';

export async function mailboxText(browser: Browser, baseURL: string, to: string, subject: string): Promise<string> {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signInAs(page, 'organizer', '/admin/mailbox');
    const row = page.locator('tr', { hasText: to }).filter({ hasText: subject });
    await expect(async () => {
      await page.goto('/admin/mailbox');
      await expect(row.first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await row.first().getByRole('link', { name: subject }).click();
    return await page.locator('pre').innerText();
  } finally {
    await context.close();
  }
}

/** The private manage link in a confirmation email to `to`, as a path. */
export async function manageLinkFromMailbox(browser: Browser, baseURL: string, to: string): Promise<string> {
  const text = await mailboxText(browser, baseURL, to, 'Your registration is confirmed');
  const url = /(https?:\/\/\S+\/orders\/[A-Za-z0-9_-]{20,})(?=\s|$)/m.exec(text)?.[1];
  expect(url, 'a manage link in the confirmation').toBeTruthy();
  return new URL(url!).pathname;
}
