import { expect, test, type Page } from '@playwright/test';
import postgres from 'postgres';
import { axeViolations } from './support/axe';
import { manageLinkFromMailbox } from './support/mailbox';

// The attendee's manage page behind the order link: QR codes, changing a badge name and a workshop, transferring
// a ticket (its old QR tokens revoked), cancelling with a full refund through the local gateway, and the
// read-only state after the cut-off. Each test pays its own order through the local test checkout.
// The demo event offers no self-service refunds; the spec opens a refund window on it (only this spec reads it).
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);
const TEST_CLOCK_COOKIE = 'test-clock-offset-ms';
const DAY = 86_400_000;

interface ApiTicketType {
  id: string;
  code: string;
  price: { amount: number } | null;
}
interface ApiWorkshop {
  id: string;
  title: string;
  remaining: number | null;
  startsAt: string;
}

function database() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is unset');
  return postgres(url, { max: 1, onnotice: () => {} });
}

test.beforeAll(async () => {
  const sql = database();
  try {
    await sql`update events set refund_until = now() + interval '30 days',
      refund_policy = 'Full refund until 30 days before the event. After that, places can be transferred but not refunded.'`;
  } finally {
    await sql.end();
  }
});

async function catalogue(page: Page) {
  const response = await page.request.get('/api/v1/ticket-types');
  expect(response.status()).toBe(200);
  return (await response.json()) as { ticketTypes: ApiTicketType[]; workshops: ApiWorkshop[] };
}

/** Creates an order over the public API, pays it through the local test checkout and returns its page's path. */
async function paidOrder(page: Page, people: { legalName: string; badgeName: string; email: string }[]) {
  const { ticketTypes } = await catalogue(page);
  const full = ticketTypes.find((t) => t.code === 'full')!;
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer: { name: people[0]!.legalName, email: people[0]!.email },
      attendees: people.map((p) => ({ ticketTypeId: full.id, ...p, answers: { profession: 'Researcher' } })),
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { orderUrl: string; total: number; reference: string };
  const path = new URL(order.orderUrl).pathname;
  await page.goto(path);
  await page.getByRole('button', { name: `Pay now (${eur(order.total)})` }).click();
  await page.getByRole('button', { name: 'Pay (test)' }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?paid=1$`));
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
  return { ...order, path };
}

/** The list of problems at the top of a form (Next's route announcer is an alert too). */
const problems = (page: Page) =>
  page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });

const ticket = (page: Page, n: number) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(`^Attendee ${n}: `) }) });

test.describe('manage page (order link)', () => {
  test('from the confirmation in the mailbox: shows QR codes, changes a badge name and a workshop, transfers a ticket and cancels with a full refund', async ({
    page,
    browser,
    baseURL,
  }) => {
    const id = unique();
    const first = { legalName: 'Amara Nwosu', badgeName: `Amara ${id}`, email: `amara.${id}@e2e.example` };
    const second = { legalName: 'Teodor Lind', badgeName: `Teo ${id}`, email: `teo.${id}@e2e.example` };
    const paid = await paidOrder(page, [first, second]);
    // From here on, as the buyer would: through the manage link in the confirmation email.
    const order = { ...paid, path: await manageLinkFromMailbox(browser, baseURL!, first.email) };
    expect(order.path).not.toBe(paid.path);
    await page.goto(order.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');

    // Two in-person tickets, each with its QR code as an image with a text alternative.
    await expect(page.getByRole('img', { name: /^QR code of the ticket for / })).toHaveCount(2);
    await expect(page.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute(
      'href',
      `${order.path}/calendar.ics`,
    );
    await expect(page.getByRole('link', { name: 'View and print your receipt' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Badge name: a mistake first (the required question emptied), then the change.
    await page.getByRole('link', { name: `Edit details of ${first.badgeName}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Attendee details: ${first.badgeName}`);
    expect(await axeViolations(page)).toEqual([]);
    const newBadge = `Mara ${id}`;
    await page.getByLabel('Badge name').fill(newBadge);
    await page.getByLabel('Which best describes you?').selectOption('');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(problems(page)).toContainText('Which best describes you? is required');
    await expect(problems(page)).toBeFocused();
    await expect(page.getByLabel('Badge name')).toHaveValue(newBadge);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Which best describes you?').selectOption('Clinician or therapist');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?done=details$`));
    await expect(page.getByRole('status').filter({ hasText: 'Your changes are saved.' })).toBeFocused();
    await expect(ticket(page, 1).getByRole('heading', { level: 3 })).toHaveText(`Attendee 1: ${newBadge}`);

    // A workshop with room.
    const workshop = (await catalogue(page)).workshops.find((w) => w.remaining === null || w.remaining >= 3)!;
    await page.getByRole('link', { name: `Change workshops of ${newBadge}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Workshops: ${newBadge}`);
    await page.getByLabel(workshop.title, { exact: true }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save workshop choices' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?done=workshops$`));
    await expect(page.getByRole('status').filter({ hasText: 'Your workshop choices are saved.' })).toBeVisible();
    await expect(ticket(page, 1)).toContainText(workshop.title);

    // Transfer the second ticket: the old holder's QR tokens stop working.
    const next = { legalName: 'Lucía Romero', badgeName: `Lucía ${id}`, email: `lucia.${id}@e2e.example` };
    await page.getByRole('link', { name: `Transfer the ticket of ${second.badgeName} to someone else` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Transfer a ticket to someone else');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Full name of the new attendee').fill(next.legalName);
    await page.getByLabel('Badge name (optional)').fill(next.badgeName);
    await page.getByLabel('Email of the new attendee').fill(next.email);
    await page.getByRole('button', { name: 'Transfer the ticket' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?done=transferred$`));
    await expect(page.getByRole('status')).toContainText('earlier QR codes for it no longer work');
    await expect(ticket(page, 2)).toContainText(next.legalName);
    await expect(ticket(page, 2)).toContainText(next.email);
    await expect(ticket(page, 2)).not.toContainText(second.legalName);
    const sql = database();
    try {
      const [row] = await sql<{ before: number; revoked: number; after: number; live: number }[]>`select
          count(*) filter (where k.created_at <= t.transferred_at)::int as before,
          count(*) filter (where k.created_at <= t.transferred_at and k.revoked_reason = 'transferred' and k.revoked_at is not null)::int as revoked,
          count(*) filter (where k.created_at > t.transferred_at)::int as after,
          count(*) filter (where k.created_at > t.transferred_at and k.revoked_at is null)::int as live
        from ticket_tokens k join tickets t on t.id = k.ticket_id where t.email = ${next.email}`;
      // Every token from before the transfer (the pages shown so far) is revoked; the page after it issued a working one.
      expect(row!.before).toBeGreaterThanOrEqual(3);
      expect(row!.revoked).toBe(row!.before);
      expect(row!.after).toBeGreaterThanOrEqual(1);
      expect(row!.live).toBe(row!.after);
      // The ticket to the new holder and a note to the old one (the ticket email at payment went to the old holder).
      const mails = await sql<
        { kind: string; to_email: string }[]
      >`select m.kind, m.to_email from email_messages m join tickets t on t.id = m.ticket_id
        where t.email = ${next.email} and (m.idempotency_key like 'ticket:%:transfer:%' or m.kind = 'ticket_transferred') order by m.kind`;
      expect(mails).toEqual([
        { kind: 'ticket', to_email: next.email },
        { kind: 'ticket_transferred', to_email: second.email },
      ]);
    } finally {
      await sql.end();
    }

    // Cancel: the confirmation is required, then the whole payment comes back.
    await page.getByRole('link', { name: 'Cancel registration…' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancel your registration');
    expect(await axeViolations(page)).toEqual([]);
    const cancelButton = page.getByRole('button', { name: `Cancel and refund ${eur(order.total)}` });
    await cancelButton.click();
    await expect(problems(page)).toContainText('Tick the box to confirm that you want to cancel this registration.');
    await page.getByLabel('Yes, cancel this registration').check();
    await cancelButton.click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?done=cancelled$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This order was cancelled');
    await expect(page.getByRole('region', { name: 'Payment' })).toContainText(
      `${eur(order.total)} has been refunded in full`,
    );
    await expect(page.getByRole('img', { name: /^QR code/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Edit details/ })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('after the cut-off shows the details read-only with the reason, and the refund policy instead of cancelling', async ({
    page,
    context,
    baseURL,
  }) => {
    const id = unique();
    const person = { legalName: 'Priya Raman', badgeName: `Priya ${id}`, email: `priya.${id}@e2e.example` };
    const order = await paidOrder(page, [person]);
    await expect(page.getByRole('link', { name: `Edit details of ${person.badgeName}` })).toBeVisible();

    // 80 days on: past the event's first day (the change cut-off, 60-66 days ahead in the seed) and the refund
    // window, and before the order's link expires (30 days after the event's last day, 92 days or more ahead).
    await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: String(80 * DAY), url: baseURL! }]);
    await page.goto(order.path);
    const changes = page.getByRole('region', { name: 'Changes' });
    await expect(changes).toContainText('Changes to registrations closed on');
    await expect(page.getByRole('link', { name: /^Change workshops|^Transfer/ })).toHaveCount(0);
    const cancel = page.getByRole('region', { name: 'Cancel your registration' });
    await expect(cancel).toContainText('Online cancellation with a refund closed on');
    await expect(cancel).toContainText('places can be transferred but not refunded');
    await expect(cancel).toContainText(order.reference);
    await expect(page.getByRole('link', { name: 'Cancel registration…' })).toHaveCount(0);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: `View details of ${person.badgeName}` }).click();
    await expect(page).toHaveURL(/\/tickets\/[0-9a-f-]{36}\/edit$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Attendee details: ${person.badgeName}`);
    await expect(page.getByText('Changes to registrations closed on')).toBeVisible();
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
    await expect(page.locator('main dl')).toContainText(person.badgeName);
    expect(await axeViolations(page)).toEqual([]);
    // The forms' addresses answer the same way when opened directly.
    await page.goto(`${order.path}/cancel`);
    await expect(page.getByRole('button', { name: /^Cancel/ })).toHaveCount(0);
  });

  test('a ticket of another order or a made-up link is a plain 404', async ({ page }) => {
    const id = unique();
    const a = await paidOrder(page, [
      { legalName: 'Ada Byrne', badgeName: `Ada ${id}`, email: `ada.${id}@e2e.example` },
    ]);
    const ticketLink = await page.getByRole('link', { name: /^Edit details of / }).getAttribute('href');
    const ticketId = /tickets\/([0-9a-f-]{36})\/edit$/.exec(ticketLink ?? '')?.[1];
    expect(ticketId).toBeTruthy();
    const b = await paidOrder(page, [
      { legalName: 'Bo Lindgren', badgeName: `Bo ${id}`, email: `bo.${id}@e2e.example` },
    ]);
    for (const path of [
      `${b.path}/tickets/${ticketId}/edit`,
      `${b.path}/tickets/${ticketId}/transfer`,
      `/orders/${'x'.repeat(43)}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
    expect(a.path).not.toBe(b.path);
  });
});

test.describe('manage page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('edits a badge name and cancels with the confirmation box, as plain form posts', async ({ page }) => {
    const id = unique();
    const person = { legalName: 'Noor Haddad', badgeName: `Noor ${id}`, email: `noor.${id}@e2e.example` };
    const order = await paidOrder(page, [person]);

    await page.getByRole('link', { name: `Edit details of ${person.badgeName}` }).click();
    await page.getByLabel('Badge name').fill(`N. ${id}`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?done=details$`));
    await expect(page.getByRole('heading', { level: 3, name: `Attendee 1: N. ${id}` })).toBeVisible();

    await page.getByRole('link', { name: 'Cancel registration…' }).click();
    const cancelButton = page.getByRole('button', { name: `Cancel and refund ${eur(order.total)}` });
    await cancelButton.click();
    await expect(problems(page)).toContainText('Tick the box to confirm that you want to cancel this registration.');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cancel your registration');
    await page.getByLabel('Yes, cancel this registration').check();
    await cancelButton.click();
    await expect(page).toHaveURL(new RegExp(`${order.path}\\?done=cancelled$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This order was cancelled');
  });
});
