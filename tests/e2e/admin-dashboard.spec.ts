import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect, test, type Page } from '@playwright/test';
import { createDb, type DbHandle } from '@/db/client';
import { emailMessages, events, orders, ticketTypes } from '@/db/schema';
import { systemClock } from '@/lib/adapters/clock';
import { parseEnv } from '@/lib/env';
import { createOrder } from '@/lib/orders/create-order';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';
import { vaultFromEnv } from '@/lib/context';

// The dashboard (figures, the chart and its table, what needs attention), the roles that land elsewhere, and the
// owner's staff tools end to end: an invitation link redeemed in another browser, a password change that keeps
// this session and ends the other one, a role change and a removal that end the person's sessions, all of it in
// the audit log. Axe finds nothing on the dashboard, users, account and audit pages. Data is made for this run.
const run = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`;
let handle: DbHandle;

test.beforeAll(() => {
  handle = createDb(process.env.E2E_DATABASE_URL!, { max: 2 });
});

test.afterAll(async () => {
  await handle.close();
});

/** A paid registration flagged for attention, with a bounced email: what the dashboard must surface. */
async function troubledOrder(): Promise<{ id: string; reference: string }> {
  const config = parseEnv({ ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL });
  const ctx = { db: handle.db, clock: systemClock, config, vault: vaultFromEnv(config) };
  const [event] = await handle.db.select().from(events).where(eq(events.slug, config.EVENT_SLUG));
  const [full] = await handle.db.select().from(ticketTypes).where(eq(ticketTypes.code, 'full'));
  const email = `dash-${run}@e2e.example`;
  const { order } = await createOrder(
    ctx,
    event!.id,
    {
      buyer: { name: `Dash Buyer ${run}`, email },
      attendees: [
        { ticketTypeId: full!.id, legalName: `Dash Person ${run}`, email, answers: { profession: 'Researcher' } },
      ],
    },
    { clientKey: null },
  );
  const now = new Date();
  await handle.db
    .update(orders)
    .set({
      status: 'paid',
      paymentState: 'paid',
      amountPaid: order.total,
      paidAt: now,
      attentionReason: `Amount check ${run}`,
      updatedAt: new Date(now.getTime() + 3_600_000),
    })
    .where(eq(orders.id, order.id));
  await handle.db.insert(emailMessages).values({
    kind: 'order_confirmation',
    orderId: order.id,
    toEmail: email,
    idempotencyKey: `dash-${order.id}`,
    status: 'bounced',
    lastError: `Mailbox full ${run}`,
    createdAt: now,
    updatedAt: new Date(now.getTime() + 3_600_000),
  });
  return { id: order.id, reference: order.reference };
}

async function signInWith(page: Page, email: string, password: string, callbackUrl = '/admin') {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('the dashboard shows sales, capacity, registrations per day and what needs attention, accessibly', async ({
  page,
}) => {
  const order = await troubledOrder();
  await signInAs(page, 'organizer', '/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  for (const name of [
    'Sales',
    'Capacity',
    'Registrations per day',
    'Payments needing attention',
    'Email failures',
    'Check-in',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  const sold = page.locator('dt', { hasText: /^Tickets sold$/ }).locator('xpath=following-sibling::dd');
  expect(Number(await sold.textContent())).toBeGreaterThanOrEqual(1);
  await expect(
    page.getByRole('table', { name: /Sales, holds, capacity and waiting lists by ticket type/ }),
  ).toBeVisible();
  await expect(page.getByRole('table', { name: 'Capacity pools' })).toContainText('Whole event');

  const attention = page.getByRole('region', { name: 'Payments needing attention' });
  await expect(attention.getByRole('link', { name: order.reference })).toHaveAttribute(
    'href',
    `/admin/orders/${order.id}`,
  );
  await expect(attention).toContainText(`Amount check ${run}`);
  await expect(page.getByRole('region', { name: 'Email failures' })).toContainText(`Mailbox full ${run}`);

  const chart = page.getByRole('img', { name: /Tickets registered per day/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('rect').first()).toBeAttached();
  await page.getByText('Show the figures as a table').click();
  await expect(page.getByRole('table', { name: 'Tickets registered per day' })).toBeVisible();

  expect(await axeViolations(page)).toEqual([]);
});

test('roles without the dashboard land on their own first page', async ({ browser }) => {
  for (const [role, home] of [
    ['checkin', /\/admin\/checkin$/],
    ['accessibility', /\/admin\/attendees$/],
  ] as const) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, role, '/admin');
    await page.goto('/admin');
    await expect(page).toHaveURL(home);
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Dashboard' })).toHaveCount(
      0,
    );
    await context.close();
  }
});

test('an invited person sets a password, changes it (ending their other session), then changes role and is removed', async ({
  browser,
  page,
}) => {
  test.setTimeout(90_000);
  const email = `invitee-${run}@e2e.example`;
  const first = `first password ${run}`;
  const second = `second password ${run}`;

  await signInAs(page, 'owner', '/admin/users');
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1, name: 'Users and roles' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  const invite = page.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Email address').fill(email);
  await invite.getByLabel('Role').selectOption('organizer');
  await invite.getByRole('button', { name: 'Create invitation' }).click();
  await expect(invite.getByRole('status')).toContainText('created and emailed to them');
  const link = /https?:\/\/\S+\/setup\/[A-Za-z0-9_-]{43}/.exec(
    (await invite.getByRole('status').textContent()) ?? '',
  )?.[0];
  expect(link).toBeTruthy();
  await expect(invite).toContainText(`${email}, Organizer`);

  // The invitee, in their own browser, creates the account and signs in twice (two devices).
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  const pa = await laptop.newPage();
  const pb = await phone.newPage();
  await pa.goto(link!);
  await pa.getByLabel('Your name').fill(`Invited ${run}`);
  await pa.getByLabel('Password', { exact: true }).fill(first);
  await pa.getByLabel('Password again').fill(first);
  await pa.getByRole('button', { name: /create/i }).click();
  await expect(pa).toHaveURL(/\/sign-in/);
  await signInWith(pa, email, first, '/admin/account');
  await signInWith(pb, email, first, '/admin/account');

  await pa.goto('/admin/account');
  await expect(pa.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  expect(await axeViolations(pa)).toEqual([]);
  await pa.getByLabel('Current password').fill('not the password');
  await pa.getByLabel('New password', { exact: true }).fill(second);
  await pa.getByLabel('New password again').fill(second);
  await pa.getByRole('button', { name: 'Change password' }).click();
  await expect(pa.getByText('That is not your current password.')).toBeVisible();
  await expect(pa.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolations(pa)).toEqual([]);

  await pa.getByLabel('Current password').fill(first);
  await pa.getByLabel('New password', { exact: true }).fill(second);
  await pa.getByLabel('New password again').fill(second);
  await pa.getByRole('button', { name: 'Change password' }).click();
  await expect(pa).toHaveURL(/\/admin\/account\?notice=password-changed$/);
  await expect(
    pa.getByText('Your password was changed. Your other sessions were signed out; this one stays signed in.'),
  ).toBeVisible();
  // This browser is still signed in; the other one is not.
  await pa.goto('/admin/account');
  await expect(pa.getByRole('heading', { level: 1, name: 'Your account' })).toBeVisible();
  await pb.goto('/admin/account');
  await expect(pb).toHaveURL(/\/sign-in/);
  await signInWith(pb, email, second, '/admin/account');

  // The owner makes them check-in staff: their sessions end.
  await page.goto('/admin/users');
  const roles = page.getByRole('region', { name: 'Change a role' });
  await roles.getByLabel('Person').selectOption({ label: `Invited ${run} (${email}, Organizer)` });
  await roles.getByLabel('New role').selectOption('checkin');
  await roles.getByRole('button', { name: 'Change role' }).click();
  await expect(roles.getByRole('status')).toHaveText(`${email} is now check-in staff. Their sessions were signed out.`);
  await pa.goto('/admin/account');
  await expect(pa).toHaveURL(/\/sign-in/);

  // Then removes them.
  await page.goto('/admin/users');
  const remove = page.getByRole('region', { name: 'Remove someone' });
  page.once('dialog', (dialog) => void dialog.accept());
  await remove.getByLabel('Person to remove').selectOption({ label: `Invited ${run} (${email}, Check-in staff)` });
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(remove.getByRole('status')).toHaveText(`${email} was removed and signed out.`);
  await pb.goto('/admin/checkin');
  await expect(pb).toHaveURL(/\/sign-in/);
  await laptop.close();
  await phone.close();

  // Everything is in the audit log.
  await page.goto(`/admin/audit?action=user.&actor=${encodeURIComponent('e2e.example')}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const log = page.getByRole('table', { name: /Audit log entries/ });
  await expect(log).toContainText(`Invited ${email} as organizer.`);
  await expect(log).toContainText(`${email} changed their password`);
  await expect(log).toContainText(`Changed ${email} from organizer to check-in staff.`);
  await expect(log).toContainText(`Removed ${email} (check-in staff).`);
  expect(await axeViolations(page)).toEqual([]);
});

test('the audit log filters by order reference and explains filters that are not valid', async ({ page }) => {
  const order = await troubledOrder();
  await handle.db.update(orders).set({ updatedAt: new Date() }).where(eq(orders.id, order.id));
  await signInAs(page, 'owner', '/admin/audit');
  await page.goto('/admin/audit');
  await page.getByLabel('Order reference').fill(order.reference.toLowerCase());
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`order=${order.reference.toLowerCase()}`));
  await expect(page.getByRole('status')).toBeVisible();

  await page.goto('/admin/audit?from=2030-02-10&to=2030-02-01');
  await expect(page.getByText('The end date must not be before the start date.')).toBeVisible();
  await expect(page.getByLabel('To (day, included)')).toHaveAttribute('aria-invalid', 'true');
  expect(await axeViolations(page)).toEqual([]);
});
