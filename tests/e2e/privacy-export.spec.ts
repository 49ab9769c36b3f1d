import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { mailboxText } from './support/mailbox';
import { signInAs } from './support/sign-in';

// Issue 12, export: attendee 2 of a group order downloads their data from their own page (their private answers
// included); the buyer's order export never holds them; an owner exports attendee 2 by email address in admin,
// which attendee 2 then sees on their page. Dead links answer a plain 404.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const eur = (minor: number) =>
  new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }).format(minor / 100);

async function downloadJson(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { download, text: await readFile((await download.path())!, 'utf8') };
}

test('attendees, buyers and owners export personal data, and the buyer never gets another attendee’s answers', async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const id = unique();
  const canary = { access: `CANARY-SENSITIVE-${id} ramp`, pronouns: `ze/canary${id.slice(0, 4)}` };
  const buyer = { legalName: 'Jordan Buyer', badgeName: `Jordan ${id}`, email: `jordan.${id}@e2e.example` };
  const other = { legalName: 'Casey Colleague', badgeName: `Casey ${id}`, email: `casey.${id}@e2e.example` };
  const buyerOwn = `Buyer own quiet room ${id}`;

  const types = (await (await page.request.get('/api/v1/ticket-types')).json()) as {
    ticketTypes: { id: string; code: string }[];
  };
  const full = types.ticketTypes.find((t) => t.code === 'full')!;
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer: { name: buyer.legalName, email: buyer.email },
      attendees: [
        { ticketTypeId: full.id, ...buyer, answers: { profession: 'Researcher', access_needs: buyerOwn } },
        {
          ticketTypeId: full.id,
          ...other,
          pronouns: canary.pronouns,
          answers: { profession: 'Peer-support worker', access_needs: canary.access },
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const order = (await created.json()) as { orderUrl: string; total: number };
  const orderPath = new URL(order.orderUrl).pathname;
  await page.goto(orderPath);
  await page.getByRole('button', { name: `Pay now (${eur(order.total)})` }).click();
  await page.getByRole('button', { name: 'Pay (test)' }).click();
  await expect(async () => {
    await page.goto(orderPath);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('You’re registered', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });

  // The buyer's export: the order and the buyer's own answer, never attendee 2's.
  const fromOrder = await downloadJson(page, () => page.getByRole('link', { name: 'Download my data (JSON)' }).click());
  expect(fromOrder.download.suggestedFilename()).toBe('order-data.json');
  const orderData = JSON.parse(fromOrder.text) as {
    kind: string;
    attendees: { legalName: string; sensitiveWithheld: boolean }[];
  };
  expect(orderData.kind).toBe('order');
  expect(orderData.attendees.map((a) => [a.legalName, a.sensitiveWithheld])).toEqual([
    [buyer.legalName, false],
    [other.legalName, true],
  ]);
  expect(fromOrder.text).toContain(buyerOwn);
  expect(fromOrder.text).not.toContain('CANARY-SENSITIVE');
  expect(fromOrder.text).not.toContain(canary.pronouns);
  const orderHeaders = (await page.request.get(`${orderPath}/export`)).headers();
  expect(orderHeaders['content-type']).toContain('application/json');
  expect(orderHeaders['cache-control']).toContain('no-store');
  expect(orderHeaders['x-robots-tag']).toContain('noindex');

  // Attendee 2 downloads their own data from the page their ticket email links to.
  const ticketMail = await mailboxText(browser, baseURL!, other.email, 'Your ticket');
  const pageUrl = /(https?:\/\/\S+\/tickets\/[A-Za-z0-9_-]{20,})(?=\s|$)/m.exec(ticketMail)?.[1];
  expect(pageUrl, 'a link to their own page in the ticket email').toBeTruthy();
  const attendeePath = new URL(pageUrl!).pathname;
  const attendee = await (await browser.newContext({ baseURL })).newPage();
  await attendee.goto(attendeePath);
  await expect(attendee.getByRole('heading', { level: 1 })).toHaveText(`Your ticket, ${other.badgeName}`);
  expect(await axeViolations(attendee)).toEqual([]);
  const own = await downloadJson(attendee, () =>
    attendee.getByRole('link', { name: 'Download my data (JSON)' }).click(),
  );
  expect(own.download.suggestedFilename()).toBe('my-registration-data.json');
  const ownData = JSON.parse(own.text) as {
    kind: string;
    person: { email: string; pronouns: string };
    answers: { question: string; value: string }[];
    sensitiveDataViews: unknown[];
  };
  expect(ownData.kind).toBe('attendee');
  expect(ownData.person).toMatchObject({ email: other.email, pronouns: canary.pronouns });
  expect(ownData.answers).toEqual(
    expect.arrayContaining([expect.objectContaining({ question: 'access_needs', value: canary.access })]),
  );
  expect(ownData.sensitiveDataViews).toEqual([]);
  expect(own.text).not.toContain(buyerOwn);

  // An owner exports attendee 2 by email address.
  const owner = await (await browser.newContext({ baseURL, acceptDownloads: true })).newPage();
  await signInAs(owner, 'owner', '/admin/privacy/export');
  await owner.goto('/admin/privacy/export');
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText("Export a person's data");
  expect(await axeViolations(owner)).toEqual([]);
  await owner.getByLabel('Email address').fill('nobody-at-all@e2e.example');
  await owner.getByRole('button', { name: 'Download the data (JSON)' }).click();
  await expect(owner.getByRole('alert').filter({ hasText: 'Nothing is held' })).toContainText(
    'Nothing is held for this email address',
  );
  await owner.getByLabel('Email address').fill(other.email.toUpperCase());
  const byOwner = await downloadJson(owner, () =>
    owner.getByRole('button', { name: 'Download the data (JSON)' }).click(),
  );
  expect(byOwner.download.suggestedFilename()).toBe('personal-data-export.json');
  expect(byOwner.text).toContain(canary.access);
  expect(byOwner.text).toContain(canary.pronouns);

  // Attendee 2 sees that an owner exported their private answers.
  await attendee.goto(attendeePath);
  await expect(attendee.getByRole('cell', { name: /Owner/ }).first()).toBeVisible();

  // Dead links: a plain 404, nothing personal.
  for (const path of [
    `/tickets/${'A'.repeat(43)}/export`,
    `/orders/${'A'.repeat(43)}/export`,
    `${orderPath.replace('/orders/', '/tickets/')}/export`,
  ]) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()['content-type']).toContain('text/plain');
  }
  await Promise.all([attendee.context().close(), owner.context().close()]);
});
