import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { mailboxText } from './support/mailbox';

// All browser tests share one client address, and the default config caps unpaid holds (3 per email, 10 per
// client) and order attempts (20 a minute per client): each test creates at most one order, with its own emails.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const FULL_PASS = 'Conference pass (3 days)';
// Created by tests/e2e/support/prepare.ts with capacity 0.
const SOLD_OUT_LABEL = 'Supporter pass';
const TEST_CLOCK_COOKIE = 'test-clock-offset-ms';
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

interface ApiTicketType {
  id: string;
  code: string;
  remaining: number | null;
  status: string;
  price: { amount: number } | null;
}
interface ApiWorkshop {
  id: string;
  title: string;
  remaining: number | null;
}
interface Catalogue {
  ticketTypes: ApiTicketType[];
  workshops: ApiWorkshop[];
}

async function catalogue(page: Page): Promise<Catalogue> {
  // page.request shares the browser context's cookies, so it sees the same (possibly shifted) clock. The plain
  // address is served from the cache (up to a second old); with a query string it is read per request, as these
  // before-and-after counts need.
  const response = await page.request.get('/api/v1/ticket-types?live=1');
  expect(response.status()).toBe(200);
  return (await response.json()) as Catalogue;
}

/** The amount beside a label in a review or totals list (<dt>Total</dt><dd>€0.00</dd>). */
function amount(region: Locator, label: string) {
  return region.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
}

function attendee(page: Page, n: number) {
  return page.getByRole('group', { name: new RegExp(`^Attendee ${n} `) });
}

async function fillAttendee(
  page: Page,
  n: number,
  person: { legalName: string; badgeName: string; email: string; profession?: string },
) {
  const group = attendee(page, n);
  await group.getByLabel('Full name').fill(person.legalName);
  await group.getByLabel('Badge name').fill(person.badgeName);
  await group.getByLabel(/^Email/).fill(person.email);
  await group.getByLabel('Which best describes you?').selectOption(person.profession ?? 'Researcher');
}

async function fillBuyer(page: Page, name: string, email: string) {
  await page.getByLabel('Billing name').fill(name);
  await page.getByLabel('Billing email').fill(email);
}

async function chooseTickets(page: Page, quantities: Record<string, string>) {
  for (const [code, qty] of Object.entries(quantities))
    await page.locator(`select[name="qty.${code}"]`).selectOption(qty);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/register\/details\?/);
  await expect(page.getByRole('heading', { name: 'Attendee details', level: 1 })).toBeVisible();
}

test.describe('registration', () => {
  test('registers two people with a workshop and a 20% voucher, and holds their seats pending payment', async ({
    page,
  }) => {
    const id = unique();
    const buyer = { legalName: 'Ana Souza', badgeName: `Ana ${id}`, email: `ana.${id}@e2e.example` };
    const colleague = {
      legalName: 'Benedikt Maier',
      badgeName: `Ben ${id}`,
      email: `ben.${id}@e2e.example`,
      profession: 'Clinician or therapist',
    };
    const workshop = 'Mapping high-risk situations: a hands-on workshop';
    const full = (await catalogue(page)).ticketTypes.find((t) => t.code === 'full');
    expect(full?.price).toBeTruthy();
    const subtotal = 2 * full!.price!.amount;
    const discount = Math.round(subtotal * 0.2);

    await page.goto('/register');
    await page.getByLabel('Code (optional)').fill('PEERS20');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/voucher=PEERS20/);
    await expect(page.getByRole('status').filter({ hasText: 'Voucher PEERS20 applied' })).toContainText('20% off');
    await page.getByLabel(`Quantity of ${FULL_PASS}`, { exact: true }).selectOption('2');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(/\/register\/details\?.*qty\.full=2/);
    await expect(page.locator('main')).toContainText('2 people in this order');
    await expect(page.locator('main')).toContainText('Voucher PEERS20');

    await fillBuyer(page, buyer.legalName, buyer.email);
    await fillAttendee(page, 1, buyer);
    await attendee(page, 1).getByLabel(workshop).check();
    await fillAttendee(page, 2, colleague);
    await page.getByRole('button', { name: 'Review order' }).click();

    const review = page.getByRole('region', { name: 'Review your order' });
    await expect(review.getByRole('heading', { name: 'Review your order' })).toBeFocused();
    await expect(review).toContainText(`Attendee 1: ${buyer.badgeName} – ${FULL_PASS}`);
    await expect(review).toContainText(`Attendee 2: ${colleague.badgeName} – ${FULL_PASS}`);
    await expect(review).toContainText(`Workshop: ${workshop}`);
    await expect(amount(review, 'Subtotal')).toHaveText(eur(subtotal));
    await expect(amount(review, 'Discount')).toHaveText(`−${eur(discount)}`);
    await expect(amount(review, 'Total')).toHaveText(eur(subtotal - discount));
    await expect(review).toContainText('Confirming holds these seats for 15 minutes');

    await review.getByRole('button', { name: 'Confirm and hold seats' }).click();
    await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{20,}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your seats are held');
    await expect(page.locator('main header .badge')).toHaveText('Awaiting payment');
    await expect(page.locator('main')).toContainText('Your seats are held until');
    await expect(page.getByText('Seats held for:')).toBeVisible();
    await expect(page.getByText(/^1[45]:\d{2}$/)).toBeVisible();
    // Attendees keep the order they were entered in.
    const ticket = (n: number, badgeName: string) =>
      page
        .getByRole('region', { name: 'Tickets (2)' })
        .getByRole('listitem')
        .filter({ has: page.getByRole('heading', { name: `Attendee ${n}: ${badgeName}` }) });
    await expect(ticket(1, buyer.badgeName)).toContainText(buyer.legalName);
    await expect(ticket(1, buyer.badgeName)).toContainText(workshop);
    await expect(ticket(2, colleague.badgeName)).toContainText(colleague.legalName);
    await expect(ticket(2, colleague.badgeName)).not.toContainText(workshop);
    const totals = page.getByRole('region', { name: 'Total' });
    await expect(totals).toContainText(eur(subtotal - discount));
    await expect(totals).toContainText(`Billed to ${buyer.legalName}`);
  });

  test('registers a scholarship holder for free with SCHOLARSHIP-DEMO, which unlocks the hidden pass', async ({
    page,
  }) => {
    const id = unique();
    const person = {
      legalName: 'Chidi Okafor',
      badgeName: `Chidi ${id}`,
      email: `chidi.${id}@e2e.example`,
      profession: 'Peer-support worker',
    };

    await page.goto('/register');
    await expect(page.locator('select[name="qty.scholarship"]')).toHaveCount(0);
    await page.getByLabel('Code (optional)').fill('scholarship-demo');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Voucher SCHOLARSHIP-DEMO applied' })).toContainText(
      'free of charge',
    );
    const sponsored = page.getByRole('listitem').filter({ hasText: 'Your voucher applies' });
    await expect(sponsored).toHaveCount(1);
    await expect(sponsored).toContainText('A sponsored place');
    await chooseTickets(page, { scholarship: '1' });

    await fillBuyer(page, person.legalName, person.email);
    await fillAttendee(page, 1, person);
    await page.getByRole('button', { name: 'Review order' }).click();
    const review = page.getByRole('region', { name: 'Review your order' });
    await expect(amount(review, 'Total')).toHaveText(eur(0));
    await expect(review).toContainText('This order costs nothing');
    await review.getByRole('button', { name: 'Confirm registration' }).click();

    await expect(page).toHaveURL(/\/orders\/[A-Za-z0-9_-]{20,}$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered');
    await expect(page.locator('main header .badge')).toHaveText('Confirmed');
    await expect(page.locator('main')).toContainText('No payment is needed.');
    await expect(page.getByRole('heading', { name: `Attendee 1: ${person.badgeName}` })).toBeVisible();
    await expect(page.getByText('Seats held for:')).toHaveCount(0);
  });

  test('offers the waiting list for a sold-out ticket, and puts someone on it once they confirm by email', async ({
    page,
    browser,
    baseURL,
  }) => {
    const id = unique();
    const email = `dana.${id}@e2e.example`;

    await page.goto('/register');
    const card = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: SOLD_OUT_LABEL, exact: true }) });
    await expect(card).toContainText('Sold out');
    await expect(card.getByRole('combobox')).toHaveCount(0);
    await card.getByRole('link', { name: `Join the waiting list for ${SOLD_OUT_LABEL}` }).click();

    await expect(page).toHaveURL(/\/register\/waitlist\?ticketType=[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { name: 'Join the waiting list', level: 1 })).toBeVisible();
    await expect(page.locator('main')).toContainText(`For the ticket ${SOLD_OUT_LABEL}.`);
    const waitlistUrl = page.url();
    await page.getByLabel('Your name').fill('Dana Ilić');
    await page.getByLabel(/^Email/).fill(email);
    await page.getByRole('button', { name: 'Join the waiting list' }).click();
    const sent = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Check your email' }) });
    await expect(sent).toContainText(`We have sent a link to ${email} to confirm your place`);
    await expect(sent).toContainText('until you confirm, you are not on the waiting list');
    await expect(sent).toBeFocused();

    // The link comes by email; opening it changes nothing until the button is pressed.
    const text = await mailboxText(browser, baseURL!, email, 'Please confirm your waiting-list request');
    const link = /(https?:\/\/\S+\/register\/waitlist\/confirm\/[A-Za-z0-9_-]{20,})(?=\s|$)/m.exec(text)?.[1];
    expect(link, 'a confirmation link in the email').toBeTruthy();
    const confirmPath = new URL(link!).pathname;
    await page.goto(confirmPath);
    await expect(page.getByRole('heading', { name: 'Confirm your place on the waiting list', level: 1 })).toBeVisible();
    await expect(page.locator('main')).toContainText(`You asked to join the waiting list for ${SOLD_OUT_LABEL}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm my place' }).click();
    const confirmed = page
      .getByRole('status')
      .filter({ has: page.getByRole('heading', { name: 'Your place is confirmed' }) });
    await expect(confirmed).toContainText(`You are on the waiting list for ${SOLD_OUT_LABEL}`);
    await expect(confirmed).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);

    // The used link says so calmly; an unknown one too.
    await page.goto(confirmPath);
    await expect(page.getByRole('heading', { name: 'Your place is already confirmed', level: 1 })).toBeVisible();
    await page.goto(`/register/waitlist/confirm/${'x'.repeat(43)}`);
    await expect(page.getByRole('heading', { name: 'We could not find this link', level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Asking again answers exactly as before: the form never tells who is already on a list.
    await page.goto(waitlistUrl);
    await page.getByLabel('Your name').fill('Dana Ilić');
    await page.getByLabel(/^Email/).fill(email.toUpperCase());
    await page.getByRole('button', { name: 'Join the waiting list' }).click();
    await expect(
      page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Check your email' }) }),
    ).toBeVisible();
  });

  test('puts errors beside their fields and in a summary when the details form is sent empty', async ({ page }) => {
    await page.goto('/register');
    await chooseTickets(page, { virtual: '1' });
    await page.getByRole('button', { name: 'Review order' }).click();

    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Billing name');
    await expect(summary).toContainText('Attendee 1, Email');
    await expect(page.getByRole('region', { name: 'Review your order' })).toHaveCount(0);

    const email = attendee(page, 1).getByLabel(/^Email/);
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription(/Enter one valid email address/);
    const emailError = page.locator('#attendees-0-email-error');
    await expect(emailError).toBeVisible();
    await expect(emailError).toContainText('Enter one valid email address');
    await expect(attendee(page, 1).getByLabel('Full name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Billing email')).toHaveAttribute('aria-invalid', 'true');
    await expect(attendee(page, 1).getByLabel('Badge name')).not.toHaveAttribute('aria-invalid', 'true');

    await summary.getByRole('link', { name: /Attendee 1, Email/ }).click();
    await expect(email).toBeFocused();
    expect(await axeViolations(page)).toEqual([]);
  });

  test('lets an unpaid hold expire after 15 minutes and gives its seats back', async ({ page, context, baseURL }) => {
    const id = unique();
    const email = `eli.${id}@e2e.example`;
    const before = await catalogue(page);
    const full = before.ticketTypes.find((t) => t.code === 'full')!;
    const workshop = before.workshops.find((w) => w.title === 'Mindfulness practice for urges and cravings')!;
    expect(workshop.remaining).not.toBeNull();

    const created = await page.request.post('/api/v1/orders', {
      data: {
        buyer: { name: 'Eli Brandt', email },
        attendees: [
          {
            ticketTypeId: full.id,
            legalName: 'Eli Brandt',
            email,
            answers: { profession: 'Student' },
            workshopIds: [workshop.id],
          },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const order = (await created.json()) as { status: string; orderUrl: string; expiresAt: string };
    expect(order.status).toBe('pending_payment');
    const held = await catalogue(page);
    expect(held.workshops.find((w) => w.id === workshop.id)!.remaining).toBe(workshop.remaining! - 1);

    await page.goto(order.orderUrl);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your seats are held');

    await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: String(16 * 60_000), url: baseURL! }]);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This order has expired');
    await expect(page.locator('main header .badge')).toHaveText('Expired');
    await expect(page.locator('main')).toContainText('the seats were released for others');
    await expect(page.getByText('Seats held for:')).toHaveCount(0);

    // Every hold of this run has lapsed on the shifted clock, so at least this order's seats are free again.
    const after = await catalogue(page);
    expect(after.workshops.find((w) => w.id === workshop.id)!.remaining!).toBeGreaterThanOrEqual(workshop.remaining!);
    expect(after.ticketTypes.find((t) => t.id === full.id)!.remaining!).toBeGreaterThanOrEqual(full.remaining!);

    await page.getByRole('link', { name: 'Register again' }).click();
    await expect(page).toHaveURL(/\/register$/);
    await expect(page.getByLabel(`Quantity of ${FULL_PASS}`, { exact: true })).toBeEnabled();
  });

  test('axe finds no WCAG A/AA violations on the ticket, details, order and waiting-list pages', async ({ page }) => {
    const id = unique();
    const person = { legalName: 'Farah Haddad', badgeName: `Farah ${id}`, email: `farah.${id}@e2e.example` };

    await page.goto('/register');
    await expect(page.getByRole('heading', { name: 'Register', level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await chooseTickets(page, { virtual: '1' });
    await fillBuyer(page, person.legalName, person.email);
    await fillAttendee(page, 1, person);
    await page.getByRole('button', { name: 'Review order' }).click();
    const review = page.getByRole('region', { name: 'Review your order' });
    await expect(review).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await review.getByRole('button', { name: 'Confirm and hold seats' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your seats are held');
    await expect(page.getByText('Seats held for:')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    await page.goto('/register');
    await page.getByRole('link', { name: `Join the waiting list for ${SOLD_OUT_LABEL}` }).click();
    await expect(page.getByRole('heading', { name: 'Join the waiting list', level: 1 })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
});
