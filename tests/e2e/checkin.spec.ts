import { eq } from 'drizzle-orm';
import { expect, test, type Page } from '@playwright/test';
import { createDb, type DbHandle } from '@/db/client';
import { events, orders, ticketTokens, ticketTypes, tickets } from '@/db/schema';
import { systemClock } from '@/lib/adapters/clock';
import { issueTicketTokens } from '@/lib/links/secret-links';
import { parseEnv } from '@/lib/env';
import { createOrder } from '@/lib/orders/create-order';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';
import { vaultFromEnv } from '@/lib/context';

// Check-in at the door as check-in staff: the scanner field a keyboard-wedge scanner types into gives VALID,
// then ALREADY CHECKED IN, a transferred ticket's old code gives TRANSFERRED; the search checks someone in by
// name; undo; the desk without JavaScript; and nothing beyond check-in is open to the role. The registrations
// are made directly in the e2e database (paid, with QR tokens), with names unique to this run.
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let handle: DbHandle;

interface Person {
  badgeName: string;
  ticketId: string;
  token: string;
}

async function registerPaid(badgeNames: string[]): Promise<{ reference: string; people: Person[] }> {
  const config = parseEnv({ ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL });
  const ctx = { db: handle.db, clock: systemClock, config, vault: vaultFromEnv(config) };
  const [event] = await handle.db.select().from(events).where(eq(events.slug, config.EVENT_SLUG));
  const [full] = await handle.db.select().from(ticketTypes).where(eq(ticketTypes.code, 'full'));
  const { order } = await createOrder(
    ctx,
    event!.id,
    {
      buyer: { name: `Buyer ${run}`, email: `buyer-${run}-${badgeNames.length}-${badgeNames[0]!.length}@e2e.example` },
      attendees: badgeNames.map((badgeName, i) => ({
        ticketTypeId: full!.id,
        legalName: `Legal ${badgeName}`,
        badgeName,
        email: `door-${run}-${i}@e2e.example`,
        answers: { profession: 'Researcher' },
      })),
    },
    { clientKey: null },
  );
  // Paid, as the payment webhook would leave it.
  await handle.db
    .update(orders)
    .set({ status: 'paid', paymentState: 'paid', amountPaid: order.total, paidAt: new Date() })
    .where(eq(orders.id, order.id));
  const rows = await handle.db
    .select({ id: tickets.id, badgeName: tickets.badgeName })
    .from(tickets)
    .where(eq(tickets.orderId, order.id))
    .orderBy(tickets.position);
  const tokens = await issueTicketTokens(
    handle.db,
    rows.map((r) => r.id),
    new Date(),
  );
  return {
    reference: order.reference,
    people: rows.map((r) => ({ badgeName: r.badgeName, ticketId: r.id, token: tokens.get(r.id)! })),
  };
}

/** What a transfer leaves behind: the old QR code revoked as 'transferred'. */
async function transfer(person: Person) {
  await handle.db
    .update(ticketTokens)
    .set({ revokedAt: new Date(), revokedReason: 'transferred' })
    .where(eq(ticketTokens.ticketId, person.ticketId));
  await handle.db
    .update(tickets)
    .set({ transferredAt: new Date(), badgeName: `${person.badgeName} Successor` })
    .where(eq(tickets.id, person.ticketId));
}

test.beforeAll(() => {
  handle = createDb(process.env.E2E_DATABASE_URL!, { max: 2 });
});

test.afterAll(async () => {
  await handle.close();
});

async function openEntrance(page: Page) {
  await signInAs(page, 'checkin', '/admin/checkin');
  await expect(page).toHaveURL(/\/admin\/checkin$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check-in');
  await page.getByRole('link', { name: /^Entrance/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Entrance');
}

const result = (page: Page) => page.locator('[role=status] [data-outcome]');
const count = async (page: Page) =>
  Number(
    /^(\d+) of/.exec(
      await page
        .locator('main header')
        .getByText(/checked in$/)
        .innerText(),
    )?.[1],
  );

/** A keyboard-wedge scanner: types the token into the focused field and presses Enter. */
async function wedgeScan(page: Page, token: string) {
  const field = page.getByLabel('Ticket code');
  await expect(field).toBeFocused();
  await page.keyboard.type(token, { delay: 2 });
  await page.keyboard.press('Enter');
}

test("check-in staff scan a valid ticket, the same again, and a transferred ticket's old code", async ({ page }) => {
  const {
    people: [valid, moved],
  } = await registerPaid([`Valentina ${run}`, `Moved ${run}`]);
  await transfer(moved!);
  await openEntrance(page);
  expect(await axeViolations(page)).toEqual([]);
  const before = await count(page);

  await wedgeScan(page, valid!.token);
  await expect(result(page)).toHaveAttribute('data-outcome', 'valid');
  await expect(result(page)).toContainText('Valid');
  await expect(result(page)).toContainText(valid!.badgeName);
  await expect(result(page)).toContainText('Conference pass (3 days)');
  await expect(result(page)).toContainText('checked in now at Entrance');
  await expect(result(page)).not.toContainText('@');
  await expect(page.getByLabel('Ticket code')).toHaveValue('');
  await expect.poll(() => count(page)).toBeGreaterThan(before);
  expect(await axeViolations(page)).toEqual([]);

  await wedgeScan(page, valid!.token);
  await expect(result(page)).toHaveAttribute('data-outcome', 'already_checked_in');
  await expect(result(page)).toContainText('Already checked in');
  await expect(result(page)).toContainText(/Checked in at \d\d:\d\d .+ by E2E checkin/);

  await wedgeScan(page, moved!.token);
  await expect(result(page)).toHaveAttribute('data-outcome', 'transferred');
  await expect(result(page)).toContainText('Transferred');
  await expect(result(page)).toContainText('This QR code was replaced: the ticket was transferred.');
  await expect(result(page)).not.toContainText('Successor');
  await expect(page.getByLabel('Ticket code')).toBeFocused();
  expect(await axeViolations(page)).toEqual([]);

  await wedgeScan(page, `not-a-ticket-${run}`);
  await expect(result(page)).toHaveAttribute('data-outcome', 'unknown');
});

test('the desk search checks someone in by name, and a mistaken check-in can be undone', async ({ page }) => {
  const {
    reference,
    people: [person],
  } = await registerPaid([`Searchable ${run}`]);
  await openEntrance(page);
  await page.getByRole('searchbox', { name: 'Name or order reference' }).fill(`searchable ${run}`);
  await page.getByRole('button', { name: 'Search' }).click();
  const match = page.getByRole('listitem').filter({ hasText: person!.badgeName });
  await expect(match).toContainText(reference);
  await expect(match).toContainText('Conference pass (3 days)');
  expect(await axeViolations(page)).toEqual([]);
  await match.getByRole('button', { name: `Check in ${person!.badgeName}` }).click();
  await expect(result(page)).toHaveAttribute('data-outcome', 'valid');
  await expect(match).toContainText('Checked in');

  await page.getByRole('button', { name: `Undo this check-in of ${person!.badgeName}` }).click();
  await expect(page.getByRole('status')).toContainText(`Check-in undone for ${person!.badgeName}`);
  await wedgeScan(page, person!.token);
  await expect(result(page)).toHaveAttribute('data-outcome', 'valid');
});

test('the scanner field works without JavaScript', async ({ browser, page }) => {
  const {
    people: [person],
  } = await registerPaid([`Nojs ${run}`]);
  await openEntrance(page);
  const deskUrl = page.url();
  const noJs = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const plain = await noJs.newPage();
  await plain.goto(deskUrl);
  await plain.getByLabel('Ticket code').fill(person!.token);
  await plain.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(plain.locator('[data-outcome]')).toHaveAttribute('data-outcome', 'valid');
  await expect(plain.locator('[data-outcome]')).toContainText(person!.badgeName);
  await noJs.close();
});

test('check-in staff are refused orders and tickets with a 403, and may read the live counts', async ({ page }) => {
  await signInAs(page, 'checkin', '/admin/checkin');
  for (const path of ['/admin/orders', '/admin/tickets']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have access to that page');
  }
  const counts = await page.request.get('/api/admin/checkin/counts');
  expect(counts.status()).toBe(200);
  const body = (await counts.json()) as { lists: { name: string; checkedIn: number; expected: number }[] };
  expect(body.lists.map((l) => l.name)).toContain('Entrance');
});
