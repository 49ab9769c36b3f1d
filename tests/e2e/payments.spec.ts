import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';

// Paying through the local demo checkout (the e2e server runs without Stripe keys): pay a two-attendee order,
// decline then pay, abandon and watch the hold end. The order page's state always comes from the database (the
// webhook the test checkout sends), so every outcome is checked again after a reload.
// All browser tests share one client address, and the default config caps unpaid holds (3 per email, 10 per
// client) and order attempts (20 a minute per client): each test creates one order, with its own emails.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);
const TEST_MODE_BANNER = 'Test mode — no real payment is taken';
const FULL_PASS = 'Conference pass (3 days)';
const ONLINE_PASS = 'Online pass';

interface ApiTicketType {
  id: string;
  code: string;
  price: { amount: number } | null;
}

async function ticketTypes(page: Page): Promise<Record<'full' | 'virtual', { id: string; amount: number }>> {
  const response = await page.request.get('/api/v1/ticket-types');
  expect(response.status()).toBe(200);
  const { ticketTypes: all } = (await response.json()) as { ticketTypes: ApiTicketType[] };
  const pick = (code: string) => {
    const t = all.find((x) => x.code === code);
    expect(t?.price, `ticket type ${code} has a price on sale`).toBeTruthy();
    return { id: t!.id, amount: t!.price!.amount };
  };
  return { full: pick('full'), virtual: pick('virtual') };
}

interface Person {
  legalName: string;
  badgeName: string;
  email: string;
}

/** Creates a pending order over the public API (as the registration page would) and opens its private page. */
async function openNewOrder(
  page: Page,
  buyer: { name: string; email: string },
  attendees: (Person & { ticketTypeId: string })[],
) {
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer,
      attendees: attendees.map((a) => ({
        ticketTypeId: a.ticketTypeId,
        legalName: a.legalName,
        badgeName: a.badgeName,
        email: a.email,
        answers: { profession: 'Researcher' },
      })),
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { status: string; orderUrl: string; total: number; reference: string };
  expect(order.status).toBe('pending_payment');
  await page.goto(order.orderUrl);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your seats are held');
  await expect(page.locator('main header .badge')).toHaveText('Awaiting payment');
  return { ...order, path: new URL(order.orderUrl).pathname };
}

/** "Pay now" on the order page leads to the local test checkout, marked as test mode. */
async function payNow(page: Page, amount: number) {
  await page.getByRole('button', { name: `Pay now (${eur(amount)})` }).click();
  await expect(page).toHaveURL(/\/dev\/checkout\/cs_local_[a-f0-9]{24}$/);
  await expect(page.getByText(TEST_MODE_BANNER)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Test checkout', level: 1 })).toBeVisible();
}

async function expectPaid(page: Page, amount: number) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
  await expect(page.locator('main header .badge')).toHaveText('Confirmed');
  await expect(page.locator('main')).toContainText('Payment received.');
  await expect(page.getByRole('region', { name: 'Payment' })).toContainText(`${eur(amount)} received`);
  await expect(page.getByRole('button', { name: /^Pay now/ })).toHaveCount(0);
  await expect(page.getByText('Seats held for:')).toHaveCount(0);
}

test.describe('payments (local test checkout)', () => {
  test('pays a two-attendee order through the local checkout and prints a receipt without attendee names', async ({
    page,
  }) => {
    const id = unique();
    const types = await ticketTypes(page);
    const billing = { name: `Northside Clinic Accounts ${id}`, email: `accounts.${id}@e2e.example` };
    const first: Person = { legalName: 'Grete Lindqvist', badgeName: `Grete ${id}`, email: `grete.${id}@e2e.example` };
    const second: Person = { legalName: 'Hamid Rahimi', badgeName: `Hamid ${id}`, email: `hamid.${id}@e2e.example` };
    const total = types.full.amount + types.virtual.amount;

    const order = await openNewOrder(page, billing, [
      { ...first, ticketTypeId: types.full.id },
      { ...second, ticketTypeId: types.virtual.id },
    ]);
    expect(order.total).toBe(total);
    await expect(page.getByRole('region', { name: 'Tickets (2)' })).toContainText(first.legalName);

    await payNow(page, total);
    const checkout = page.getByRole('region', { name: 'Order' });
    await expect(checkout).toContainText(order.reference);
    await expect(checkout).toContainText(eur(total));
    await expect(checkout).toContainText(`1 × ${FULL_PASS}`);
    await expect(checkout).toContainText(`1 × ${ONLINE_PASS}`);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?paid=1$`));
    await expectPaid(page, total);
    // From the database, not from the redirect's hint.
    await page.goto(order.path);
    await expectPaid(page, total);
    const paymentText = await page.getByRole('region', { name: 'Payment' }).innerText();
    const paymentReference = /payment reference (pi_local_[a-f0-9]{24})/.exec(paymentText)?.[1];
    expect(paymentReference, `a payment reference in "${paymentText}"`).toBeTruthy();

    await page.getByRole('link', { name: 'View and print your receipt' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}/receipt$`));
    const receipt = page.getByRole('article', { name: 'Conference registration receipt' });
    await expect(receipt).toBeVisible();
    const field = (term: string) =>
      receipt.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');
    await expect(field('Receipt for order')).toHaveText(order.reference);
    await expect(field('Billed to')).toHaveText(billing.name);
    await expect(field('Payment reference')).toHaveText(paymentReference!);
    const items = receipt.getByRole('table', { name: 'Items' }).locator('tbody tr');
    await expect(items).toHaveCount(2);
    await expect(items.filter({ hasText: FULL_PASS })).toContainText(eur(types.full.amount));
    await expect(items.filter({ hasText: ONLINE_PASS })).toContainText(eur(types.virtual.amount));
    await expect(field('Total')).toHaveText(eur(total));
    await expect(field('Amount paid')).toHaveText(eur(total));
    // A claim form needs none of this: no attendee names, badges or emails, no internal labels.
    const text = await page.locator('main').innerText();
    for (const secret of [
      first.legalName,
      first.badgeName,
      first.email,
      second.legalName,
      second.badgeName,
      second.email,
      'Full pass, in person',
      'Virtual pass',
    ]) {
      expect(text, `the receipt shows "${secret}"`).not.toContain(secret);
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  test('declines a card, offers Pay now again, and then takes the payment', async ({ page }) => {
    const id = unique();
    const types = await ticketTypes(page);
    const person: Person = { legalName: 'Ines Duarte', badgeName: `Ines ${id}`, email: `ines.${id}@e2e.example` };
    const order = await openNewOrder(page, { name: person.legalName, email: person.email }, [
      { ...person, ticketTypeId: types.virtual.id },
    ]);

    await payNow(page, order.total);
    const checkoutUrl = page.url();
    await page.getByRole('button', { name: 'Decline (test)' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}$`));
    const failedNotice = async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your seats are held');
      await expect(page.getByRole('region', { name: 'Payment' })).toContainText(
        'Your payment did not go through. You can try again until',
      );
      await expect(page.getByRole('button', { name: `Pay now (${eur(order.total)})` })).toBeEnabled();
    };
    await failedNotice();
    await page.reload();
    await failedNotice();

    // The declined session stays open (as at Stripe), so Pay now goes back to the same checkout.
    await payNow(page, order.total);
    expect(page.url()).toBe(checkoutUrl);
    await page.getByRole('button', { name: 'Pay (test)' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?paid=1$`));
    await expectPaid(page, order.total);
    await page.goto(order.path);
    await expectPaid(page, order.total);
    await expect(page.getByRole('region', { name: 'Payment' })).not.toContainText('did not go through');
  });

  test('abandons the checkout, which ends the hold and releases the seats', async ({ page }) => {
    const id = unique();
    const types = await ticketTypes(page);
    const person: Person = {
      legalName: 'Jonas Petrauskas',
      badgeName: `Jonas ${id}`,
      email: `jonas.${id}@e2e.example`,
    };
    const order = await openNewOrder(page, { name: person.legalName, email: person.email }, [
      { ...person, ticketTypeId: types.full.id },
    ]);

    await payNow(page, order.total);
    const checkoutUrl = page.url();
    await page.getByRole('button', { name: 'Abandon checkout' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}$`));
    const expired = async () => {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('This order has expired');
      await expect(page.locator('main header .badge')).toHaveText('Expired');
      await expect(page.locator('main')).toContainText('the seats were released for others');
      await expect(page.getByRole('button', { name: /^Pay now/ })).toHaveCount(0);
      await expect(page.getByText('Seats held for:')).toHaveCount(0);
    };
    await expired();
    await page.reload();
    await expired();

    // The abandoned checkout cannot be paid any more.
    await page.goto(checkoutUrl);
    await expect(page.getByText(TEST_MODE_BANNER)).toBeVisible();
    await expect(page.locator('main')).toContainText('This test checkout has ended.');
    await expect(page.getByRole('button', { name: 'Pay (test)' })).toHaveCount(0);
    await page.getByRole('link', { name: 'Back to your order' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}$`));
    await expired();
  });
});
