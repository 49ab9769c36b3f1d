import { expect, test } from '@playwright/test';

test.describe('public programme', () => {
  test('browses the programme by day, track and search, and opens a session', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Integrative Addiction Conference');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programme' }).click();
    await expect(page.getByRole('heading', { name: 'Programme', level: 1 })).toBeVisible();

    const days = page.getByRole('navigation', { name: 'Programme days' }).getByRole('link');
    await expect(days.first()).toHaveAttribute('aria-current', 'page');
    await days.nth(1).click();
    await expect(page).toHaveURL(/day=\d{4}-\d{2}-\d{2}/);
    await expect(days.nth(1)).toHaveAttribute('aria-current', 'page');
    const dayTwoCount = await page.getByRole('article').count();
    expect(dayTwoCount).toBeGreaterThan(5);

    await page.getByLabel('Track').selectOption({ label: 'Neuroscience' });
    await page.getByRole('button', { name: 'Show sessions' }).click();
    await expect(page).toHaveURL(/track=neuroscience/);
    const cards = page.getByRole('article');
    const n = await cards.count();
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(dayTwoCount);
    for (let i = 0; i < n; i++) await expect(cards.nth(i)).toContainText('Neuroscience');

    await page.goto('/programme?day=all');
    await page.getByRole('searchbox', { name: 'Search' }).fill('glutamate');
    await page.getByRole('button', { name: 'Show sessions' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'matching' })).toContainText('glutamate');
    await expect(
      page.getByRole('link', { name: 'The glutamate homeostasis hypothesis: an introduction' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: /Families in the room/ })).toHaveCount(0);

    await page.getByRole('link', { name: 'The glutamate homeostasis hypothesis: an introduction' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'The glutamate homeostasis hypothesis: an introduction',
    );
    await expect(page.locator('main')).toContainText('Neuroscience');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /Add to calendar/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.ics$/);
    const body = await (await file.createReadStream()).toArray();
    const text = Buffer.concat(body).toString('utf8');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('SUMMARY:The glutamate homeostasis hypothesis: an introduction');
    expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
  });

  test('shows the viewer local time beside event times when the zones differ', async ({ browser }) => {
    const context = await browser.newContext({ timezoneId: 'America/New_York' });
    const page = await context.newPage();
    await page.goto('/sessions/glutamate-homeostasis-hypothesis-introduction');
    await expect(page.locator('main')).toContainText('your time');
    await context.close();
  });

  test('keeps attendee-only sessions out of public pages, the calendar and the JSON feed', async ({
    page,
    request,
  }) => {
    const response = await request.get('/api/v1/sessions');
    expect(response.status()).toBe(200);
    const json = (await response.json()) as { sessions: { slug: string; format: string }[] };
    expect(json.sessions.length).toBeGreaterThanOrEqual(40);
    expect(json.sessions.some((s) => s.format === 'support_meeting')).toBe(false);

    expect((await request.get('/sessions/peer-support-meeting-thursday')).status()).toBe(404);
    expect((await request.get('/sessions/peer-support-meeting-thursday/calendar.ics')).status()).toBe(404);
    await page.goto('/programme?day=all&q=peer-support+meeting');
    await expect(page.getByRole('link', { name: 'Peer-support meeting (Thursday)' })).toHaveCount(0);
  });

  test('answers the health check only when the database does', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
