import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';
import type { E2eRole } from './support/accounts';

// Organizers' order and attendee pages: find a paid order, refund part of it and see the refund on the order page;
// register someone free of charge by hand, then look at them as three roles (only the owner and the accessibility
// team see sensitive answers) and correct their badge name. Each test makes its own orders, with unique emails.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

async function expectNoAxeViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

/** A paid order over the public API and the local test checkout, as a buyer would make it. */
async function paidOrder(page: Page, id: string) {
  const types = await page.request.get('/api/v1/ticket-types');
  const { ticketTypes } = (await types.json()) as {
    ticketTypes: { id: string; code: string; price: { amount: number } | null }[];
  };
  const full = ticketTypes.find((t) => t.code === 'full')!;
  const buyer = { name: `Riverside Clinic ${id}`, email: `riverside.${id}@e2e.example` };
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer,
      attendees: [
        {
          ticketTypeId: full.id,
          legalName: `Mira Okafor ${id}`,
          email: `mira.${id}@e2e.example`,
          answers: { profession: 'Researcher' },
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { orderUrl: string; reference: string; total: number };
  await page.goto(order.orderUrl);
  await page.getByRole('button', { name: /^Pay now/ }).click();
  await page.getByRole('button', { name: 'Pay (test)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
  return { ...order, buyer };
}

async function signedInPage(browser: Browser, role: E2eRole, callbackUrl: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  await signInAs(page, role, callbackUrl);
  return page;
}

test.describe('admin orders and attendees', () => {
  test('an organizer finds a paid order, refunds part of it and sees the refund on the order page', async ({
    page,
  }) => {
    const id = unique();
    const order = await paidOrder(page, id);
    await signInAs(page, 'organizer', '/admin/orders');

    await page.goto(`/admin/orders?q=${encodeURIComponent(order.buyer.email)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Orders');
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 order match.');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: order.reference }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Order ${order.reference}`);
    const money = page.getByRole('region', { name: 'Money', exact: true });
    await expect(money).toContainText(`Paid${eur(order.total)}`);
    await expect(page.getByRole('region', { name: 'Refunds', exact: true })).toContainText('No refunds.');
    await expectNoAxeViolations(page);

    page.on('dialog', (dialog) => void dialog.accept());
    const refund = page.getByRole('region', { name: 'Actions', exact: true });
    // More than was paid is refused beside the field, in euros.
    await refund.getByLabel('Amount (EUR)').fill(String(order.total / 100 + 1));
    await refund.getByRole('button', { name: 'Refund', exact: true }).click();
    await expect(refund.getByText(`At most ${eur(order.total)} can be refunded.`).first()).toBeVisible();
    await expect(refund.getByLabel('Amount (EUR)')).toHaveAttribute('aria-invalid', 'true');

    await refund.getByLabel('Amount (EUR)').fill('50.25');
    await refund.getByLabel('Reason').first().fill('Could only attend one day');
    await refund.getByRole('button', { name: 'Refund', exact: true }).click();
    await expect(refund.getByRole('status').first()).toHaveText('Refunded €50.25.');

    // From the database, after a reload.
    await page.reload();
    const refunds = page.getByRole('table', { name: 'Refunds of this order, oldest first' });
    await expect(refunds.locator('tbody tr')).toHaveCount(1);
    await expect(refunds).toContainText('€50.25');
    await expect(refunds).toContainText('Refunded');
    await expect(refunds).toContainText('Could only attend one day');
    await expect(money).toContainText('Refunded€50.25');
    await expect(money).toContainText('Payment statePartly refunded');
    const history = page.getByRole('table', { name: 'What happened to this order, newest first' });
    await expect(history).toContainText('Refund of €50.25 requested');
    await expect(history).toContainText('organizer@e2e.example');
    await expect(page.getByLabel('Amount (EUR)')).toBeVisible();
    await expect(page.getByText(`At most ${eur(order.total - 5025)} can be refunded.`)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('a complimentary registration by hand; sensitive answers only for the roles that may see them; a badge corrected', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const id = unique();
    const name = `Tomasz Wielgus ${id}`;
    const email = `tomasz.${id}@e2e.example`;
    const dietary = `No gluten ${id}`;

    await signInAs(page, 'owner', '/admin/orders/new');
    await page.goto('/admin/orders/new');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('New registration');
    await expectNoAxeViolations(page);
    await page.getByLabel('Kind of registration').selectOption('complimentary');
    await page.getByLabel('Billing name').fill(`Speaker office ${id}`);
    await page.getByLabel('Buyer email').fill(`speakers.${id}@e2e.example`);
    const attendee = page.getByRole('group', { name: 'Attendee 1' });
    const type = attendee.getByLabel('Ticket type');
    const community = await type.locator('option', { hasText: 'Reduced community rate' }).getAttribute('value');
    await type.selectOption(community!);
    await attendee.getByLabel('Full (legal) name').fill(name);
    await attendee.getByLabel('Email', { exact: true }).fill('not an email');
    await attendee.getByLabel('Which best describes you?').selectOption('Peer-support worker');
    await attendee.getByLabel('Dietary needs (sensitive)').fill(dietary);
    await page.getByRole('button', { name: 'Register' }).click();
    // Refused beside the field, and nothing typed is lost.
    await expect(attendee.getByText('Enter one valid email address')).toBeVisible();
    await expect(attendee.getByLabel('Full (legal) name')).toHaveValue(name);
    await attendee.getByLabel('Email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Register' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Registered' })).toContainText(
      'is confirmed free of charge',
    );

    await page.goto(`/admin/attendees?q=${encodeURIComponent(email)}`);
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 attendee match.');
    await expect(page.getByRole('link', { name: /Export these attendees/ })).toHaveAttribute(
      'href',
      `/api/admin/export/attendees.csv?q=${encodeURIComponent(email)}`,
    );
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const answers = page.getByRole('region', { name: 'Answers', exact: true });
    await expect(answers).toContainText(dietary);
    await expect(page.getByRole('table', { name: /Changes to and views of this attendee/ })).toContainText(
      'Viewed answers to sensitive questions',
    );
    await expectNoAxeViolations(page);
    const attendeePath = new URL(page.url()).pathname;

    const organizer = await signedInPage(browser, 'organizer', attendeePath);
    await organizer.goto(attendeePath);
    await expect(organizer.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(organizer.getByRole('region', { name: 'Answers', exact: true })).toContainText('hidden for your role');
    await expect(organizer.locator('main')).not.toContainText(dietary);
    await expect(organizer.getByLabel('Dietary needs (sensitive)')).toHaveCount(0);
    await organizer.getByLabel('Badge name').fill(`Tom ${id}`);
    await organizer.getByRole('button', { name: 'Save changes' }).click();
    await expect(organizer.getByRole('status').filter({ hasText: 'Saved' })).toHaveText('Saved.');
    await organizer.reload();
    await expect(organizer.getByRole('region', { name: 'Details', exact: true })).toContainText(`Badge nameTom ${id}`);
    await expect(organizer.getByRole('table', { name: /Changes to and views of this attendee/ })).toContainText(
      'Updated badge name',
    );
    await expectNoAxeViolations(organizer);

    const access = await signedInPage(browser, 'accessibility', attendeePath);
    await access.goto(attendeePath);
    await expect(access.getByRole('region', { name: 'Answers', exact: true })).toContainText(dietary);
    await expect(access.getByRole('region', { name: 'Details', exact: true })).toContainText(`Tom ${id}`);
    // No money and no order page for the accessibility team.
    await expect(access.locator('main a[href^="/admin/orders"]')).toHaveCount(0);
    await expectNoAxeViolations(access);
    await organizer.context().close();
    await access.context().close();
  });
});
