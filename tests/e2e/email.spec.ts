import { expect, test } from '@playwright/test';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';

// After a paid order the confirmation is in the local mailbox (the e2e server runs without RESEND_API_KEY): an
// organizer finds it at /admin/mailbox; its QR image loads from the platform, its calendar link downloads an
// .ics with the event, and its manage link opens the order and changes it. Nothing in it names the conference's
// subject.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const SENSITIVE = /addiction|recovery|relapse|substance|drug|sober/i;

test('the confirmation of a paid order arrives in the local mailbox with its QR code, calendar and manage link', async ({
  page,
}) => {
  const id = unique();
  const buyer = { name: `Mailbox Buyer ${id}`, email: `mailbox.${id}@e2e.example` };
  const types = await page.request.get('/api/v1/ticket-types');
  const full = ((await types.json()) as { ticketTypes: { id: string; code: string }[] }).ticketTypes.find(
    (t) => t.code === 'full',
  )!;
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer,
      attendees: [
        {
          ticketTypeId: full.id,
          legalName: buyer.name,
          badgeName: `Buyer ${id}`,
          email: buyer.email,
          answers: { profession: 'Researcher' },
        },
      ],
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { orderUrl: string; reference: string };
  await page.goto(order.orderUrl);
  await page.getByRole('button', { name: /^Pay now/ }).click();
  await expect(page).toHaveURL(/\/dev\/checkout\//);
  await page.getByRole('button', { name: 'Pay (test)' }).click();
  await expect(page).toHaveURL(/\?paid=1$/);

  await signInAs(page, 'organizer', '/admin/mailbox');
  const row = page.locator('tr', { hasText: buyer.email }).filter({ hasText: 'Your registration is confirmed' });
  // The in-process worker sends within a few seconds; reload until it has.
  await expect(async () => {
    await page.goto('/admin/mailbox');
    await expect(row).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await row.getByRole('link', { name: 'Your registration is confirmed' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your registration is confirmed');

  const text = await page.locator('pre').innerText();
  expect(text).toContain(order.reference);
  expect(text).not.toMatch(SENSITIVE);

  // The QR image: served by the platform under the ticket's token, a real PNG.
  const frame = page.frameLocator('iframe[title^="Email:"]');
  const qr = frame.getByRole('img', { name: `QR code for the ticket of ${buyer.name}` });
  await expect(qr).toBeVisible();
  const qrSrc = await qr.getAttribute('src');
  expect(qrSrc).toMatch(/\/tickets\/[A-Za-z0-9_-]{20,}\/qr\.png$/);
  const png = await page.request.get(qrSrc!);
  expect(png.status()).toBe(200);
  expect(png.headers()['content-type']).toBe('image/png');
  expect((await png.body()).subarray(1, 4).toString()).toBe('PNG');
  expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await axeViolations(page, { disableFrames: ['iframe[sandbox]'] })).toEqual([]);

  // The calendar: an .ics with the conference days, neutral by default.
  const calendarUrl = /(https?:\/\/\S+\/orders\/[A-Za-z0-9_-]{20,}\/calendar\.ics)/.exec(text)?.[1];
  expect(calendarUrl, 'a calendar link in the text part').toBeTruthy();
  const ics = await page.request.get(calendarUrl!);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const calendar = await ics.text();
  expect(calendar).toContain('BEGIN:VCALENDAR');
  expect(calendar).toContain('SUMMARY:Conference');
  expect(calendar).not.toMatch(SENSITIVE);

  // The manage link opens this order.
  const manageUrl = /(https?:\/\/\S+\/orders\/[A-Za-z0-9_-]{20,})(?=\s|$)/m.exec(text)?.[1];
  expect(manageUrl, 'a manage link in the text part').toBeTruthy();
  expect(manageUrl).not.toBe(order.orderUrl);
  await page.goto(manageUrl!);
  await expect(page.locator('main')).toContainText(order.reference);
  await expect(page.locator('main header .badge')).toHaveText('Confirmed');
  // ... and works: the badge name changes from there.
  await page.getByRole('link', { name: `Edit details of Buyer ${id}` }).click();
  await page.getByLabel('Badge name').fill(`Renamed ${id}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(/\?done=details$/);
  await expect(page.locator('main')).toContainText(`Renamed ${id}`);
});
