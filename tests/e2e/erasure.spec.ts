import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';

// Issue 12, erasure: an attendee asks from their own page (with a confirmation step; asking again says it is
// pending), the owner confirms in /admin/privacy, and the attendee's page stops opening. Both pages: 0 axe violations.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

test('an attendee asks for erasure and the owner confirms it', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const id = unique();
  const person = { legalName: 'Dana Erasable', badgeName: `Dana ${id}`, email: `dana.${id}@e2e.example` };
  const types = (await (await page.request.get('/api/v1/ticket-types')).json()) as {
    ticketTypes: { id: string; code: string }[];
  };
  const full = types.ticketTypes.find((t) => t.code === 'full')!;
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer: { name: person.legalName, email: person.email },
      attendees: [{ ticketTypeId: full.id, ...person, answers: { profession: 'Researcher' } }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const order = (await created.json()) as { orderUrl: string; total: number };
  const orderPath = new URL(order.orderUrl).pathname;
  await page.goto(orderPath);
  await page.getByRole('button', { name: `Pay now (${eur(order.total)})` }).click();
  await page.getByRole('button', { name: 'Pay (test)' }).click();
  await expect(page).toHaveURL(new RegExp(`${orderPath}\\?paid=1$`));
  await expect(async () => {
    await page.goto(orderPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The buyer's own page link from the order page (their ticket is in their own name).
  await page.getByRole('link', { name: /^Your own page/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Your ticket, ${person.badgeName}`);
  const attendeePath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: 'Request erasure of my data' }).click();
  // The confirmation box must be ticked first (the browser says so; the action checks again).
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByText('Your request is recorded.')).toHaveCount(0);
  await page.getByLabel(/I want my data erased/).check();
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByText('Your request is recorded.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('The request is pending with the organizers.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // The owner confirms.
  const owner = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(owner, 'owner', '/admin/privacy');
  await owner.goto('/admin/privacy');
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('Privacy');
  expect(await axeViolations(owner)).toEqual([]);
  const row = owner.getByRole('row').filter({ hasText: person.email });
  await expect(row).toHaveCount(1);
  owner.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Confirm and erase' }).click();
  await expect(
    owner.getByRole('status').filter({ hasText: 'Request confirmed: the person’s data is erased.' }),
  ).toBeVisible();
  await expect(owner.getByText('No pending requests.')).toBeVisible();
  await expect(owner.getByRole('row').filter({ hasText: person.email })).toHaveCount(0);

  // The attendee's page and the order link no longer open.
  expect((await page.request.get(attendeePath)).status()).toBe(404);
  expect((await page.request.get(orderPath)).status()).toBe(404);
});
