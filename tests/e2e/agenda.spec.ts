import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';

// The personal agenda behind an order link: star sessions (attendee-only ones included), see them as "My agenda",
// fetch the private calendar feed and find them in it, reset the feed; the same with JavaScript off; "find my
// registration" answering the same for every address; an expired emailed link offering a fresh one.
// Each test makes its own order (unique emails), so the specs can run side by side.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
const TEST_CLOCK_COOKIE = 'test-clock-offset-ms';
const DAY = 86_400_000;
const KEYNOTE = 'Opening keynote: Relapse between the brain and everyday life';
const PEER_MEETING = 'Peer-support meeting (Thursday)';
const NEUTRAL = 'If there is a registration for this address, we have emailed a link to it.';

interface Person {
  legalName: string;
  badgeName: string;
  email: string;
}

/** Creates an order over the public API and pays it through the local test checkout; returns its private path. */
async function paidOrder(
  page: Page,
  people: Person[],
): Promise<{ path: string; reference: string; buyerEmail: string }> {
  const types = await page.request.get('/api/v1/ticket-types');
  const full = ((await types.json()) as { ticketTypes: { id: string; code: string }[] }).ticketTypes.find(
    (t) => t.code === 'full',
  )!;
  const buyer = { name: people[0]!.legalName, email: people[0]!.email };
  const created = await page.request.post('/api/v1/orders', {
    data: {
      buyer,
      attendees: people.map((p) => ({ ticketTypeId: full.id, ...p, answers: { profession: 'Researcher' } })),
    },
  });
  expect(created.status()).toBe(201);
  const order = (await created.json()) as { orderUrl: string; reference: string };
  await page.goto(order.orderUrl);
  await page.getByRole('button', { name: /^Pay now/ }).click();
  await expect(page).toHaveURL(/\/dev\/checkout\//);
  await page.getByRole('button', { name: 'Pay (test)' }).click();
  await expect(page).toHaveURL(/\?paid=1$/);
  return { path: new URL(order.orderUrl).pathname, reference: order.reference, buyerEmail: buyer.email };
}

// The visible "Star" / "Starred" plus the session's title for screen readers.
const starButton = (page: Page, title: string) =>
  page.getByRole('button', { name: new RegExp(`^(Star|Starred) ?: ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

test.describe('personal agenda', () => {
  test('stars two sessions, shows them as My agenda and serves them in the private calendar feed', async ({ page }) => {
    const id = unique();
    const first: Person = { legalName: 'Lena Varga', badgeName: `Lena ${id}`, email: `lena.${id}@e2e.example` };
    const second: Person = { legalName: 'Omar Haddad', badgeName: `Omar ${id}`, email: `omar.${id}@e2e.example` };
    const order = await paidOrder(page, [first, second]);

    await page.goto(`${order.path}/agenda`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Agenda of ${first.badgeName}`);
    // The second attendee's agenda, through the chooser.
    await page
      .getByLabel('Attendee')
      .selectOption({ label: `Attendee 2: ${second.badgeName} (Conference pass (3 days))` });
    await page.getByRole('button', { name: 'Show agenda' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Agenda of ${second.badgeName}`);
    const secondAgenda = page.url();
    expect(secondAgenda).toMatch(/\/agenda\?ticket=[0-9a-f-]{36}$/);
    const mine = page.getByRole('region', { name: 'My agenda' });
    await expect(mine).toContainText('No sessions starred yet.');
    // The programme includes sessions only registered attendees see.
    await expect(page.getByText('Registered attendees only').first()).toBeVisible();

    for (const title of [KEYNOTE, PEER_MEETING]) {
      const button = starButton(page, title);
      await expect(button).toHaveAttribute('aria-pressed', 'false');
      await button.click();
      await expect(button).toHaveAttribute('aria-pressed', 'true');
      await expect(button).toContainText('Starred');
      await expect(page.getByRole('status').filter({ hasText: `Added “${title}” to your agenda.` })).toHaveCount(1);
    }
    await expect(mine.getByRole('listitem')).toHaveCount(2);
    await expect(mine.getByRole('listitem').first()).toContainText(KEYNOTE);
    await expect(mine.getByRole('listitem').nth(1)).toContainText(PEER_MEETING);
    expect(await axeViolations(page)).toEqual([]);

    // The first attendee's agenda is their own: still empty.
    await page.goto(`${order.path}/agenda`);
    await expect(page.getByRole('region', { name: 'My agenda' })).toContainText('No sessions starred yet.');
    await page.goto(secondAgenda);

    const feedField = page.getByLabel('Or copy the feed address into your calendar');
    const feedUrl = await feedField.inputValue();
    expect(feedUrl).toMatch(/\/feeds\/agenda\/[0-9a-f-]{36}\/[A-Za-z0-9_-]{43}\.ics$/);
    await expect(page.getByRole('link', { name: 'Subscribe in your calendar app' })).toHaveAttribute(
      'href',
      feedUrl.replace(/^https?:/, 'webcal:'),
    );
    const feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toContain('text/calendar');
    expect(feed.headers()['cache-control']).toContain('no-store');
    expect(feed.headers()['cache-control']).toContain('private');
    const ics = unfold(await feed.text());
    expect(ics).toContain('X-WR-CALNAME:Conference agenda\r\n');
    expect(ics).toContain(`SUMMARY:${KEYNOTE}\r\n`);
    // Discreet by default: the attendee-only meeting is "Conference session" until the attendee chooses otherwise.
    expect(ics).toContain('SUMMARY:Conference session\r\n');
    expect(ics).not.toContain('Peer-support');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const titles = page.getByRole('checkbox', { name: 'Show the real titles of every starred session in my calendar' });
    await expect(titles).not.toBeChecked();
    await titles.check();
    await page.getByRole('button', { name: 'Save calendar choice' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'your calendar shows the real titles' })).toBeVisible();
    expect(unfold(await (await page.request.get(feedUrl)).text())).toContain(`SUMMARY:${PEER_MEETING}\r\n`);

    // Unstarring takes a session out of the feed.
    await starButton(page, KEYNOTE).click();
    await expect(starButton(page, KEYNOTE)).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('region', { name: 'My agenda' }).getByRole('listitem')).toHaveCount(1);
    expect(unfold(await (await page.request.get(feedUrl)).text())).not.toContain(KEYNOTE);

    // A tampered address, or this signature on another ticket, is a plain 404.
    const [, ticketId, sig] = /\/feeds\/agenda\/([0-9a-f-]{36})\/([A-Za-z0-9_-]{43})\.ics$/.exec(feedUrl)!;
    const flipped = `${sig!.slice(0, -1)}${sig!.endsWith('A') ? 'B' : 'A'}`;
    expect((await page.request.get(feedUrl.replace(sig!, flipped))).status()).toBe(404);
    expect((await page.request.get(feedUrl.replace(ticketId!, '00000000-0000-4000-8000-000000000000'))).status()).toBe(
      404,
    );

    // Resetting retires the old address at once; the new one works.
    await page.getByRole('button', { name: 'Reset the feed link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'the old feed address no longer works' })).toBeVisible();
    await expect(feedField).not.toHaveValue(feedUrl);
    const newUrl = await feedField.inputValue();
    expect((await page.request.get(feedUrl)).status()).toBe(404);
    const fresh = await page.request.get(newUrl);
    expect(fresh.status()).toBe(200);
    expect(unfold(await fresh.text())).toContain(`SUMMARY:${PEER_MEETING}\r\n`);
  });

  test('stars a session with JavaScript turned off, as a plain form post', async ({ page, browser, baseURL }) => {
    const id = unique();
    const order = await paidOrder(page, [
      { legalName: 'Ruth Mbeki', badgeName: `Ruth ${id}`, email: `ruth.${id}@e2e.example` },
    ]);
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    try {
      const noJs = await context.newPage();
      await noJs.goto(`${order.path}/agenda`);
      await expect(noJs.getByRole('heading', { level: 1 })).toHaveText('Your agenda');
      await starButton(noJs, PEER_MEETING).click();
      await expect(starButton(noJs, PEER_MEETING)).toHaveAttribute('aria-pressed', 'true');
      await expect(noJs.getByRole('region', { name: 'My agenda' })).toContainText(PEER_MEETING);
      await noJs.goto(`${order.path}/agenda`);
      await expect(starButton(noJs, PEER_MEETING)).toHaveAttribute('aria-pressed', 'true');
    } finally {
      await context.close();
    }
  });

  test('an expired emailed link offers a fresh one, answering neutrally', async ({ page, context, baseURL }) => {
    const id = unique();
    const order = await paidOrder(page, [
      { legalName: 'Ines Moreau', badgeName: `Ines ${id}`, email: `ines.${id}@e2e.example` },
    ]);
    // The confirmation email carries an extra link to the order, which expires some time after the event.
    await signInAs(page, 'organizer', '/admin/mailbox');
    const row = page.locator('tr', { hasText: order.buyerEmail }).filter({ hasText: 'Your registration is confirmed' });
    await expect(async () => {
      await page.goto('/admin/mailbox');
      await expect(row).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await row.getByRole('link', { name: 'Your registration is confirmed' }).click();
    const text = await page.locator('pre').innerText();
    const manageUrl = /(https?:\/\/\S+\/orders\/[A-Za-z0-9_-]{20,})(?=\s|$)/m.exec(text)?.[1];
    expect(manageUrl, 'a manage link in the text part').toBeTruthy();

    await context.addCookies([{ name: TEST_CLOCK_COOKIE, value: String(300 * DAY), url: baseURL! }]);
    await page.goto(`${manageUrl}/agenda`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link has expired');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Email me a fresh link' }).click();
    await expect(
      page.getByRole('status').filter({
        hasText:
          'If this link belonged to a registration, we have emailed a fresh link to the address it was booked with.',
      }),
    ).toBeVisible();
  });
});

test.describe('find my registration', () => {
  test('answers the same for a registered address, an unknown one and a differently written one', async ({ page }) => {
    const id = unique();
    const order = await paidOrder(page, [
      { legalName: 'Kofi Asante', badgeName: `Kofi ${id}`, email: `kofi.${id}@e2e.example` },
    ]);
    await page.goto('/find-registration');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find my registration');
    expect(await axeViolations(page)).toEqual([]);

    const answers: string[] = [];
    for (const address of [order.buyerEmail, `nobody.${id}@e2e.example`, order.buyerEmail.toUpperCase()]) {
      await page.getByLabel('Email address').fill(address);
      await page.getByRole('button', { name: 'Email me a link' }).click();
      const status = page.getByRole('status').filter({ hasText: NEUTRAL });
      await expect(status).toBeVisible();
      answers.push(await status.innerText());
      await expect(page.getByLabel('Email address')).toHaveValue('');
    }
    expect(new Set(answers).size).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // Only a malformed address gets an answer of its own, beside the field.
    await page.getByLabel('Email address').fill('not an address');
    await page.getByRole('button', { name: 'Email me a link' }).click();
    await expect(page.getByRole('alert', { name: 'There is a problem' })).toContainText(
      'Enter one valid email address',
    );
    await expect(page.getByLabel('Email address')).toHaveAttribute('aria-invalid', 'true');
    expect(await axeViolations(page)).toEqual([]);

    // Behind the same words: the registered address got an email each time it asked, the unknown one nothing,
    // and the link in it opens the order.
    await signInAs(page, 'organizer', '/admin/mailbox');
    const subject = 'The link to your registration';
    const rows = page.locator('tr', { hasText: order.buyerEmail }).filter({ hasText: subject });
    await expect(async () => {
      await page.goto('/admin/mailbox');
      await expect(rows).toHaveCount(2, { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.locator('tr', { hasText: `nobody.${id}@e2e.example` })).toHaveCount(0);
    await rows.first().getByRole('link', { name: subject }).click();
    const link = /(https?:\/\/\S+\/orders\/[A-Za-z0-9_-]{20,})(?=\s|$)/m.exec(
      await page.locator('pre').innerText(),
    )?.[1];
    expect(link, 'an order link in the text part').toBeTruthy();
    await page.goto(link!);
    await expect(page.locator('main')).toContainText(order.reference);
  });
});
