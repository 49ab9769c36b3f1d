import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';

// Sales set-up as an organizer: a ticket type created and its price window changed shows its new price on the
// public /register page; bad input is answered beside the field; vouchers one at a time and in bulk; and axe
// finds nothing on any sales page. Every spec makes its own ticket types and vouchers (unique codes) and never
// saves event settings, so the specs running beside it see the event as seeded.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

async function expectNoAxeViolations(page: Page) {
  await expect(page.locator('main')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
}

async function createTicketType(page: Page, id: string) {
  await page.goto('/admin/tickets');
  const form = page.getByRole('region', { name: 'Add a ticket type' });
  await form.getByLabel('Public label').fill(`Sales test pass ${id}`);
  await form.getByLabel('Internal label').fill(`E2E sales ${id}`);
  await form.getByLabel('Code', { exact: true }).fill(`e2e-sales-${id}`);
  await form.getByLabel('Sort order').fill('900');
  await form.getByLabel('Price label').fill('Regular');
  await form.getByLabel('Amount (EUR)').fill('120.00');
  await form.getByRole('button', { name: 'Add ticket type' }).click();
  await expect(page).toHaveURL(/\/admin\/tickets\/[0-9a-f-]{36}\?notice=created/);
  await expect(page.getByRole('heading', { level: 1, name: `E2E sales ${id}` })).toBeVisible();
}

test.describe('sales set-up', () => {
  test('an organizer changes a price window and the registration page shows the new price', async ({ page }) => {
    const id = unique();
    const label = `Sales test pass ${id}`;
    await signInAs(page, 'organizer', '/admin/tickets');
    await createTicketType(page, id);

    await page.goto('/register');
    await expect(page.getByRole('listitem', { name: label })).toContainText(eur(12000));

    await page.goBack();
    const regular = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Regular: / }) });
    await expect(regular.getByRole('heading')).toHaveText(/Regular: €120\.00\s*In force now/);
    await regular.getByLabel('Amount (EUR)').fill('135.50');
    await regular.getByRole('button', { name: 'Save price' }).click();
    await expect(regular.getByRole('status').filter({ hasText: 'Saved the price “Regular”.' })).toBeVisible();
    await expect(regular.getByRole('heading')).toHaveText(/Regular: €135\.50/);
    await expectNoAxeViolations(page);

    // A second window may not overlap the first (open at both ends): the message sits beside its dates.
    const add = page.getByRole('group', { name: 'Add a price' });
    await add.getByLabel('Label').fill('Flash sale');
    await add.getByLabel('Amount (EUR)').fill('99');
    await add.getByLabel(/^From/).fill('2030-01-01T10:00');
    await page.getByRole('button', { name: 'Add price' }).click();
    await expect(add.getByLabel(/^From/)).toHaveAttribute('aria-invalid', 'true');
    await expect(add.getByText('This overlaps the price "Regular"').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Flash sale/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    await page.goto('/register');
    const card = page.getByRole('listitem', { name: label });
    await expect(card).toContainText(eur(13550));
    await expect(card).not.toContainText(eur(12000));
    // And the public API agrees.
    const api = (await (await page.request.get('/api/v1/ticket-types')).json()) as {
      ticketTypes: { code: string; price: { amount: number } | null }[];
    };
    expect(api.ticketTypes.find((t) => t.code === `e2e-sales-${id}`)?.price?.amount).toBe(13550);
  });

  test('vouchers: one with a chosen code, many with random codes, and their uses', async ({ page }) => {
    const id = unique().toUpperCase();
    await signInAs(page, 'organizer', '/admin/vouchers');
    await page.goto('/admin/vouchers');
    await expectNoAxeViolations(page);

    const one = page.getByRole('region', { name: 'Create a voucher' });
    await one.getByLabel('Code', { exact: true }).fill(`e2e-${id}`);
    await one.getByLabel('Kind').selectOption('percent');
    await one.getByLabel('Value').fill('150');
    await one.getByRole('button', { name: 'Create voucher', exact: true }).click();
    // The message is tied to the field (read with it by screen readers) and announced in the form's status.
    await expect(one.getByLabel('Value')).toHaveAccessibleDescription(/Enter a whole percentage between 1 and 100/);
    await expect(one.getByLabel('Value')).toHaveAttribute('aria-invalid', 'true');
    await expect(one.getByRole('status')).toHaveText('Enter a whole percentage between 1 and 100');
    await expectNoAxeViolations(page);
    await one.getByLabel('Value').fill('15');
    await one.getByRole('button', { name: 'Create voucher', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/vouchers\/[0-9a-f-]{36}\?notice=created/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`E2E-${id}`);
    await expect(page.locator('main')).toContainText('15% off');
    await expect(page.getByText('No order has used this voucher.')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/admin/vouchers');
    const many = page.getByRole('region', { name: 'Create many vouchers' });
    await many.getByLabel('Prefix').fill(`B${id}`);
    await many.getByLabel('How many').fill('25');
    await many.getByRole('button', { name: 'Create vouchers' }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/vouchers\\?q=B${id}-&created=25`));
    await expect(page.getByText('Created 25 vouchers.')).toBeVisible();
    const codes = page.getByRole('table').getByRole('rowheader').getByRole('link');
    await expect(codes).toHaveCount(25);
    const texts = await codes.allTextContents();
    expect(new Set(texts).size).toBe(25);
    for (const code of texts) expect(code).toMatch(new RegExp(`^B${id}-[0-9A-Z]{12}$`));

    // The seeded PEERS20 voucher: its page lists its uses and the orders that used it.
    await page.getByLabel('Code contains').fill('peers20');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'PEERS20' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('PEERS20');
    await expect(page.getByRole('heading', { name: 'Orders that used it' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('settings, questions and pools pages answer bad input beside the field, and pass axe', async ({ page }) => {
    await signInAs(page, 'organizer', '/admin/settings');
    await page.goto('/admin/settings');
    await expectNoAxeViolations(page);
    const hold = page.getByLabel('Hold length (minutes)');
    const saved = await hold.inputValue();
    await hold.fill('0');
    await page.getByLabel('Currency').fill('EURO');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByText('Hold length must be at least 1')).toBeVisible();
    await expect(page.getByText(/Enter an ISO 4217 currency code/)).toBeVisible();
    await expect(hold).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('status').filter({ hasText: 'Please correct the highlighted fields.' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.reload();
    await expect(page.getByLabel('Hold length (minutes)')).toHaveValue(saved);

    await page.goto('/admin/questions');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Dietary needs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dietary needs' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('/admin/tickets');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Venue seats (in person)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Pool: Venue seats (in person)' })).toBeVisible();
    // Only refused input here: a saved change would reach the specs running beside this one.
    await page.getByLabel('Seats in the pool').fill('-1');
    await page.getByRole('button', { name: 'Save pool' }).click();
    await expect(page.getByText('Capacity must be at least 0')).toBeVisible();
    await expect(page.getByLabel('Seats in the pool')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
  });

  test('check-in staff cannot open the sales pages', async ({ page }) => {
    await signInAs(page, 'checkin', '/admin/checkin');
    for (const path of ['/admin/tickets', '/admin/vouchers', '/admin/questions', '/admin/settings']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
    }
  });
});
