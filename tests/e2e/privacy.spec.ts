import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { mailboxText } from './support/mailbox';
import { signInAs } from './support/sign-in';

// Issue 12 end to end: a group order where the buyer typed attendee 2's access needs. The buyer's pages never show
// them; attendee 2 opens their own page from the ticket email, sees and edits their answers; the accessibility
// team reads the request and marks it arranged with a message; attendee 2 sees that (and who looked), and got an
// email that says nothing of it. Every new page has 0 axe violations.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

async function expectClean(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

test('access needs stay between the attendee and the accessibility team', async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const id = unique();
  const canary = {
    access: `Wheelchair ramp ${id}`,
    diet: `No alcohol in sauces ${id}`,
    pronouns: `ze/zir${id.slice(0, 4)}`,
  };
  const buyer = { legalName: 'Morgan Buyer', badgeName: `Morgan ${id}`, email: `morgan.${id}@e2e.example` };
  const other = { legalName: 'Riley Colleague', badgeName: `Riley ${id}`, email: `riley.${id}@e2e.example` };

  // The buyer registers both, typing attendee 2's private answers, and pays through the test checkout.
  const types = (await (await page.request.get('/api/v1/ticket-types')).json()) as {
    ticketTypes: { id: string; code: string }[];
  };
  const full = types.ticketTypes.find((t) => t.code === 'full')!;
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer: { name: buyer.legalName, email: buyer.email },
      attendees: [
        { ticketTypeId: full.id, ...buyer, answers: { profession: 'Researcher' } },
        {
          ticketTypeId: full.id,
          ...other,
          pronouns: canary.pronouns,
          answers: { profession: 'Peer-support worker', access_needs: canary.access, dietary: canary.diet },
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const order = (await created.json()) as { orderUrl: string; total: number };
  const orderPath = new URL(order.orderUrl).pathname;
  for (const s of Object.values(canary)) expect(JSON.stringify(order)).not.toContain(s);
  await page.goto(orderPath);
  await page.getByRole('button', { name: `Pay now (${eur(order.total)})` }).click();
  await page.getByRole('button', { name: 'Pay (test)' }).click();
  await expect(page).toHaveURL(new RegExp(`${orderPath}\\?paid=1$`));
  await expect(async () => {
    await page.goto(orderPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The buyer's order page and every subpage: attendee 2's private answers and pronouns are nowhere.
  await expect(page.getByText(`${other.badgeName}’s pronouns and private answers`)).toBeVisible();
  const secrets = [canary.access, canary.diet, canary.pronouns];
  const expectHidden = async (what: string) => {
    const html = await page.content();
    for (const s of secrets) expect(html, `${what} shows ${s}`).not.toContain(s);
  };
  await expectHidden('order page');
  // Only the buyer's own ticket links to an own page (the buyer's), with the buyer's answers only.
  await expect(page.getByRole('link', { name: /^Your own page/ })).toHaveCount(1);
  await page.getByRole('link', { name: /^Your own page/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Your ticket, ${buyer.badgeName}`);
  await expectHidden("the buyer's own page");
  await page.goto(orderPath);
  const otherCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: `Attendee 2: ${other.badgeName}` }) });
  await otherCard.getByRole('link', { name: `Edit details of ${other.badgeName}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Attendee details: ${other.badgeName}`);
  await expect(page.getByLabel('Pronouns (optional)')).toHaveCount(0);
  await expect(page.getByLabel(/Access needs/)).toHaveCount(0);
  await expectHidden('edit page of attendee 2');
  await expectClean(page);
  for (const sub of ['/receipt', '/agenda', '/calendar.ics', '/cancel']) {
    const response = await page.request.get(`${orderPath}${sub}`);
    const body = await response.text();
    for (const s of secrets) expect(body, `${sub} shows ${s}`).not.toContain(s);
  }

  // Attendee 2 follows the link in their own ticket email.
  const ticketMail = await mailboxText(browser, baseURL!, other.email, 'Your ticket');
  const pageUrl = /(https?:\/\/\S+\/tickets\/[A-Za-z0-9_-]{20,})(?=\s|$)/m.exec(ticketMail)?.[1];
  expect(pageUrl, 'a link to their own page in the ticket email').toBeTruthy();
  for (const s of secrets) expect(ticketMail).not.toContain(s);
  const attendeePath = new URL(pageUrl!).pathname;
  const attendee = await (await browser.newContext({ baseURL })).newPage();
  await attendee.goto(attendeePath);
  await expect(attendee.getByRole('heading', { level: 1 })).toHaveText(`Your ticket, ${other.badgeName}`);
  await expect(attendee.getByText(canary.access)).toBeVisible();
  await expect(attendee.getByText(canary.pronouns)).toBeVisible();
  await expect(attendee.getByRole('heading', { name: 'Your access request' })).toBeVisible();
  await expect(attendee.getByText('Status: Received')).toBeVisible();
  await expect(attendee.getByText('Nobody at the organization has opened your private answers.')).toBeVisible();
  const headers = (await attendee.request.get(attendeePath)).headers();
  expect(headers['cache-control']).toContain('no-store');
  await expect(attendee.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await expectClean(attendee);

  // They change their own private answer.
  await attendee.getByRole('link', { name: 'Change your details' }).click();
  await expect(attendee.getByRole('heading', { level: 1 })).toHaveText('Your details');
  await expectClean(attendee);
  const newDiet = `${canary.diet}, and no nuts`;
  await attendee.getByLabel(/Dietary needs/).fill(newDiet);
  await attendee.getByRole('button', { name: 'Save changes' }).click();
  await expect(attendee.getByRole('status').filter({ hasText: 'Your changes are saved.' })).toBeVisible();
  await expect(attendee.getByText(newDiet)).toBeVisible();

  // The buyer still sees none of it.
  await page.goto(orderPath);
  await expectHidden('order page after the attendee edited');
  expect(await page.content()).not.toContain('no nuts');

  // The accessibility team works the request.
  const team = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(team, 'accessibility', '/admin/access');
  await team.goto('/admin/access');
  await expect(team.getByRole('heading', { level: 1 })).toHaveText('Access requests');
  await expectClean(team);
  await team.getByRole('link', { name: other.badgeName }).click();
  await expect(team.getByRole('heading', { level: 1 })).toHaveText(`Access request: ${other.badgeName}`);
  await expect(team.getByText(canary.access)).toBeVisible();
  await expectClean(team);
  await team.getByLabel('Status').selectOption('arranged');
  await team.getByLabel('Message to the attendee').fill('A step-free seat in row A is kept for you.');
  await team.getByLabel('Internal notes').fill('Venue confirmed the side-door ramp.');
  await team.getByRole('button', { name: 'Save' }).click();
  await expect(team.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  // Attendee 2 sees the status, the message and who looked; their email said nothing of it.
  await attendee.goto(attendeePath);
  await expect(attendee.getByText('Status: Arranged')).toBeVisible();
  await expect(attendee.getByText('A step-free seat in row A is kept for you.')).toBeVisible();
  await expect(attendee.getByText('Venue confirmed')).toHaveCount(0);
  await expect(attendee.getByRole('cell', { name: /Accessibility team/ }).first()).toBeVisible();
  const update = await mailboxText(browser, baseURL!, other.email, 'An update about your registration');
  expect(update).toMatch(/\/tickets\/[A-Za-z0-9_-]{20,}/);
  for (const s of [...secrets, 'row A', 'Arranged', 'ramp']) expect(update).not.toContain(s);

  // At the door and in the organizer's list: only that an arrangement exists.
  const organizer = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(organizer, 'organizer', '/admin/attendees');
  await organizer.goto(`/admin/attendees?q=${encodeURIComponent(other.legalName)}`);
  await expect(organizer.getByText('Access arrangement')).toBeVisible();
  await organizer.getByRole('link', { name: other.legalName }).first().click();
  await expect(organizer.getByText('Has an access arrangement')).toBeVisible();
  const seen = await organizer.content();
  for (const s of [...secrets, 'row A']) expect(seen).not.toContain(s);

  await page.goto(orderPath);
  expect(await page.content()).not.toContain('row A');
  await Promise.all([attendee.context().close(), team.context().close(), organizer.context().close()]);
});

test('a wrong, an order or a QR link opens no attendee page', async ({ page }) => {
  for (const path of [`/tickets/${'A'.repeat(43)}`, `/tickets/${'A'.repeat(43)}/edit`, '/tickets/not-a-token']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
