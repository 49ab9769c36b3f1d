import { expect, test } from '@playwright/test';

// The privacy notice (/privacy), generated from the event's settings and its registration questions, linked from
// the footer of every page and from each form that collects personal data.
test('the privacy notice names the organizer, the sensitive questions, who sees them and for how long', async ({
  page,
}) => {
  await page.goto('/programme');
  await page.getByRole('navigation', { name: 'Footer' }).getByRole('link', { name: 'Privacy' }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
  const main = page.locator('main');
  await expect(main).toContainText('Integrative Addiction Conference Foundation decides how registration data is used');
  await expect(main.getByRole('link', { name: 'privacy@conference.example.org' }).first()).toHaveAttribute(
    'href',
    'mailto:privacy@conference.example.org',
  );
  const sensitive = page.getByRole('region', { name: 'What we collect' }).getByRole('listitem');
  await expect(sensitive.filter({ hasText: /^Dietary needs$/ })).toHaveCount(1);
  await expect(sensitive.filter({ hasText: 'Access needs (opens a request to the accessibility team)' })).toHaveCount(
    1,
  );
  await expect(page.getByRole('region', { name: 'Who sees it' })).toContainText(
    'only the owner and accessibility team can open them',
  );
  await expect(page.getByRole('region', { name: 'How long we keep it' })).toContainText(
    'deleted 30 days after the event ends',
  );
  await expect(page.getByRole('region', { name: 'How long we keep it' })).toContainText(
    'made anonymous 730 days after the event ends',
  );
});

test('forms that collect personal data link to the privacy notice', async ({ page }) => {
  for (const path of ['/find-registration']) {
    await page.goto(path);
    await expect(page.locator('main').getByRole('link', { name: 'privacy notice' })).toHaveAttribute(
      'href',
      '/privacy',
    );
  }
  await page.goto('/register');
  await page.locator('select[name="qty.full"]').selectOption('1');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/register\/details\?/);
  await page.locator('main').getByRole('link', { name: 'privacy notice' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
});
