import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';

// An organizer builds part of the programme from /admin/programme: a room (moved up the order), a speaker and a
// session in that room, which appears on the public programme at once; an edit shows on the public session page
// at the very next request; deleting it takes it off again. Every admin page passes axe. Names are unique per
// run so the spec shares the seeded database safely with the others.

async function expectNoAxeViolations(page: Page) {
  await expect(page.locator('main h1')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
}

test('an organizer adds a room, a speaker and a session, and the public programme shows it at once', async ({
  page,
  request,
}) => {
  const run = Date.now().toString(36);
  const roomName = `Harbour room ${run}`;
  const speakerName = `Noor Haddad ${run}`;
  const title = `Cue exposure in practice ${run}`;

  await signInAs(page, 'organizer', '/admin/programme');
  await expect(page.getByRole('heading', { name: 'Programme', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  // A room, added last, then moved one place up without leaving the keyboard.
  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Rooms' }).click();
  await expect(page.getByRole('heading', { name: 'Rooms', level: 1 })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(roomName);
  await page.getByLabel('Capacity (optional)').fill('many');
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByText('Capacity must be a whole number, or blank for no limit')).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(roomName);
  await page.getByLabel('Capacity (optional)').fill('40');
  await page.getByRole('button', { name: 'Add room' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added the room "${roomName}".` })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: roomName }) });
  const before = Number(await row.getByRole('cell').first().textContent());
  await expect(row.getByRole('button', { name: `Down: move ${roomName} down` })).toBeDisabled();
  await row.getByRole('button', { name: `Up: move ${roomName} up` }).focus();
  await page.keyboard.press('Enter');
  await expect(row.getByRole('cell').first()).toHaveText(String(before - 1));
  await expect(row.getByRole('button', { name: `Up: move ${roomName} up` })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Speakers' }).click();
  await expect(page.getByRole('heading', { name: 'Speakers', level: 1 })).toBeVisible();
  await page.getByLabel('Name', { exact: true }).fill(speakerName);
  await page.getByLabel('Affiliation (optional)').fill('Peer support network');
  await page.getByRole('button', { name: 'Add speaker' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added ${speakerName}.` })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: speakerName })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('navigation', { name: 'Programme sections' }).getByRole('link', { name: 'Tracks' }).click();
  await expect(page.getByRole('heading', { name: 'Tracks', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);

  // The session: first with its end before its start, which is refused beside the field, keeping what was typed.
  await page.goto('/admin/programme');
  await page.getByRole('link', { name: 'Add a session' }).click();
  await expect(page.getByRole('heading', { name: 'Add a session', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  const firstDay = (await page.getByLabel('Starts', { exact: true }).getAttribute('min'))!.slice(0, 10);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Format', { exact: true }).selectOption({ label: 'Workshop' });
  await page.getByLabel('Starts', { exact: true }).fill(`${firstDay}T07:00`);
  await page.getByLabel('Ends', { exact: true }).fill(`${firstDay}T06:30`);
  await page.getByLabel('Room (optional)').selectOption({ label: `${roomName} (40 seats)` });
  await page.getByLabel('Capacity (optional)').fill('12');
  await page.getByLabel('Abstract (optional)').fill('A hands-on look at cue-exposure exercises and their limits.');
  await page.getByLabel('Speaker 1', { exact: true }).selectOption({ label: `${speakerName}, Peer support network` });
  await page.getByLabel('Role of speaker 1').selectOption('facilitator');
  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page.getByText('The session must end after it starts')).toBeVisible();
  await expect(page.getByLabel('Ends', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expectNoAxeViolations(page);

  await page.getByLabel('Ends', { exact: true }).fill(`${firstDay}T07:45`);
  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page).toHaveURL(/\/admin\/programme\/sessions\/[0-9a-f-]{36}\?notice=created$/);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'The session was added.' })).toBeVisible();
  await expectNoAxeViolations(page);
  const editUrl = page.url().replace(/\?.*$/, '');

  // The public programme, read by an anonymous visitor: the session is there, with its speaker and room.
  const programme = await request.get(`/programme?day=${firstDay}`);
  expect(await programme.text()).toContain(title);
  await page.getByRole('link', { name: 'View on the public programme' }).click();
  await expect(page).toHaveURL(/\/sessions\/cue-exposure-in-practice-[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { name: title, level: 1 })).toBeVisible();
  await expect(page.locator('main')).toContainText(speakerName);
  await expect(page.locator('main')).toContainText(roomName);
  await expect(page.locator('main')).toContainText('facilitator');
  const publicUrl = new URL(page.url()).pathname;

  // An edit is on the public page at the very next request.
  await page.goto(editUrl);
  await page.getByLabel('Title', { exact: true }).fill(`${title} (renamed)`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved (title). The public programme shows it now.' }),
  ).toBeVisible();
  const started = Date.now();
  const renamed = await request.get(publicUrl);
  expect(await renamed.text()).toContain(`${title} (renamed)`);
  expect(Date.now() - started).toBeLessThan(1000);

  // Another session in the same room at an overlapping time is refused beside the room.
  await page.goto('/admin/programme/sessions/new');
  await page.getByLabel('Title', { exact: true }).fill(`Overlap ${run}`);
  await page.getByLabel('Starts', { exact: true }).fill(`${firstDay}T07:30`);
  await page.getByLabel('Ends', { exact: true }).fill(`${firstDay}T08:00`);
  await page.getByLabel('Room (optional)').selectOption({ label: `${roomName} (40 seats)` });
  await page.getByRole('button', { name: 'Add session' }).click();
  await expect(page.getByLabel('Room (optional)')).toHaveAccessibleDescription(
    new RegExp(`Already booked for "${title} \\(renamed\\)" at that time`),
  );

  // The room cannot be deleted while it holds the session.
  await page.goto('/admin/programme/rooms');
  await page.getByRole('link', { name: roomName }).click();
  await expect(page.getByRole('heading', { name: roomName, level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  const roomUrl = page.url();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete room' }).click();
  await expect(page.getByRole('status').filter({ hasText: `"${roomName}" holds 1 session.` })).toBeVisible();

  // Deleting the session takes it off the public programme; then the room can go.
  await page.goto(editUrl);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete session' }).click();
  await expect(page).toHaveURL(/\/admin\/programme\?notice=session-deleted$/);
  await expect(page.getByRole('status').filter({ hasText: 'The session was deleted.' })).toBeVisible();
  expect((await request.get(publicUrl)).status()).toBe(404);
  await page.goto(roomUrl);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Delete room' }).click();
  await expect(page).toHaveURL(/\/admin\/programme\/rooms\?notice=deleted$/);
  await expect(page.getByRole('rowheader', { name: roomName })).toHaveCount(0);
});

test('the track and speaker edit pages pass axe', async ({ page }) => {
  await signInAs(page, 'organizer', '/admin/programme/tracks');
  await page.getByRole('rowheader').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Delete this track', level: 2 })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/programme/speakers');
  await page.getByRole('rowheader').first().getByRole('link').click();
  await expect(page.getByRole('heading', { name: 'Delete this speaker', level: 2 })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('tracks can be reordered without JavaScript', async ({ browser, page }) => {
  await signInAs(page, 'organizer', '/admin/programme/tracks');
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  const noJs = await context.newPage();
  await noJs.goto('/admin/programme/tracks');
  const names = async () => noJs.getByRole('rowheader').allTextContents();
  const [first, second] = await names();
  await noJs.getByRole('button', { name: `Down: move ${first} down` }).click();
  await expect(noJs.getByRole('rowheader').nth(0)).toHaveText(second!);
  await expect(noJs.getByRole('rowheader').nth(1)).toHaveText(first!);
  // And back, leaving the seeded order as it was.
  await noJs.getByRole('button', { name: `Up: move ${first} up` }).click();
  await expect(noJs.getByRole('rowheader').nth(0)).toHaveText(first!);
  await context.close();
});

test('check-in staff cannot open the programme admin', async ({ page }) => {
  await signInAs(page, 'checkin', '/admin/checkin');
  const response = await page.goto('/admin/programme/sessions/new');
  expect(response?.status()).toBe(403);
  await expect(page.getByLabel('Title', { exact: true })).toHaveCount(0);
});
