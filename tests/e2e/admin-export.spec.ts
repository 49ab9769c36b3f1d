import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { signInAs } from './support/sign-in';

// The attendee CSV export as organizers use it: filter the list, press Export, open the file. What it holds
// depends on the role: an organizer gets no answers to sensitive questions, the accessibility team gets them and
// nothing financial.
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

async function exportFor(page: Page, search: string): Promise<string> {
  await page.goto(`/admin/attendees?q=${encodeURIComponent(search)}`);
  await expect(page.getByRole('heading', { name: 'Attendees', level: 1 })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /^Export these attendees \(CSV\)$/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^attendees-\d{4}-\d{2}-\d{2}\.csv$/);
  return readFile((await download.path())!, 'utf8');
}

test('organizers export the filtered attendees as CSV, with sensitive answers only for the accessibility team', async ({
  page,
  browser,
  request,
}) => {
  const id = unique();
  const person = { name: `Export Person ${id}`, email: `export.${id}@e2e.example` };
  const accessNeed = `Step-free route ${id}`;
  const types = (await (await request.get('/api/v1/ticket-types?voucher=SCHOLARSHIP-DEMO')).json()) as {
    ticketTypes: { id: string; code: string }[];
  };
  const scholarship = types.ticketTypes.find((t) => t.code === 'scholarship')!;
  const created = await request.post('/api/v1/orders', {
    data: {
      buyer: person,
      voucherCode: 'SCHOLARSHIP-DEMO',
      attendees: [
        {
          ticketTypeId: scholarship.id,
          legalName: person.name,
          badgeName: `Badge ${id}`,
          email: person.email,
          answers: { profession: 'Researcher', access_needs: accessNeed },
        },
      ],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { reference } = (await created.json()) as { reference: string };

  await signInAs(page, 'organizer', '/admin/attendees');
  const organizerCsv = await exportFor(page, id);
  const lines = organizerCsv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(2);
  expect(lines[0]).toContain('Legal name');
  expect(lines[1]).toContain(person.name);
  expect(lines[1]).toContain(reference);
  expect(organizerCsv).not.toContain(accessNeed);

  const context = await browser.newContext();
  const access = await context.newPage();
  await signInAs(access, 'accessibility', '/admin/attendees');
  const accessCsv = await exportFor(access, id);
  expect(accessCsv).toContain(accessNeed);
  expect(accessCsv.split(/\r?\n/)[0]).not.toMatch(/paid|amount|price/i);
  await context.close();
});
