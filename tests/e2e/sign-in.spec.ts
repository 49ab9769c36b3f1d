import { eq } from 'drizzle-orm';
import { expect, test } from '@playwright/test';
import { createDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { createUser } from '@/lib/auth/users';
import { e2eAccounts } from './support/accounts';
import { axeViolations } from './support/axe';
import { signInAs } from './support/sign-in';

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe('organizer sign-in', () => {
  test('sends an anonymous visitor of /admin to sign in, refuses a wrong password, then comes back after the right one', async ({
    page,
  }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organizer sign-in');

    await page.getByLabel('Email').fill(e2eAccounts.owner.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Wrong email or password.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue(e2eAccounts.owner.email);
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel('Password').fill(e2eAccounts.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    const sold = page.locator('dt', { hasText: /^Tickets sold$/ }).locator('xpath=following-sibling::dd');
    expect(Number(await sold.textContent())).toBeGreaterThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('never redirects off-site after sign-in', async ({ page }) => {
    await page.goto('/sign-in?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal');
    await page.getByLabel('Email').fill(e2eAccounts.checkin.email);
    await page.getByLabel('Password').fill(e2eAccounts.checkin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/localhost:\d+\/admin/);
  });

  test('signing out kills a copy of the session cookie taken before', async ({ page, browser }) => {
    // An account of its own: signing out ends every session of the account, and other specs sign in as the
    // shared ones in parallel.
    const handle = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
    const email = `leaver-${run}@e2e.example`;
    const password = 'a long enough password for leaving';
    try {
      await createUser({ db: handle.db }, { email, name: 'E2E leaver', password, role: 'organizer' });
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

      const copied = await page.context().cookies();
      expect(copied.some((c) => c.name.includes('session-token'))).toBe(true);
      const thief = await browser.newContext();
      try {
        await thief.addCookies(copied);
        const stolen = await thief.newPage();
        await stolen.goto('/admin');
        // The copy works while the session lives...
        await expect(stolen.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

        await page.getByRole('button', { name: 'Sign out' }).click();
        await expect(page).toHaveURL(/\/sign-in\?notice=signed-out/);
        await expect(page.getByText('You have signed out')).toBeVisible();

        // ...and no longer once its owner signed out.
        await stolen.goto('/admin');
        await expect(stolen).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin/);
        await expect(stolen.getByRole('heading', { level: 1 })).toHaveText('Organizer sign-in');
        const [row] = await handle.db
          .select({ sessionVersion: users.sessionVersion })
          .from(users)
          .where(eq(users.email, email));
        expect(row?.sessionVersion).toBe(2);
      } finally {
        await thief.close();
      }
    } finally {
      await handle.close();
    }
  });

  test('five wrong passwords lock this client out of the account until an owner unlocks it in /admin/users', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const handle = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
    const email = `locked-${run}@e2e.example`;
    const password = 'the right password at last';
    const attempt = async (secret: string, answer: string) => {
      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(secret);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText(answer)).toBeVisible();
    };
    try {
      const user = await createUser({ db: handle.db }, { email, name: `Locked ${run}`, password, role: 'organizer' });
      for (let i = 0; i < 5; i++) await attempt(`wrong guess ${i}`, 'Wrong email or password.');
      await attempt(password, 'Too many failed attempts. Try again in 15 minutes.');

      const ownerContext = await browser.newContext();
      try {
        const owner = await ownerContext.newPage();
        await signInAs(owner, 'owner', '/admin/users');
        await owner.goto('/admin/users');
        await expect(owner.getByRole('row', { name: new RegExp(email) })).toContainText('Locked for 1 client');
        expect(await axeViolations(owner)).toEqual([]);
        const unlock = owner.getByRole('region', { name: 'Unlock sign-in' });
        await unlock.getByLabel('Account to unlock').selectOption(user.id);
        await unlock.getByRole('button', { name: 'Unlock sign-in' }).click();
        await expect(unlock.getByRole('status')).toContainText(`Sign-in to ${email} is unlocked`);
        expect(await axeViolations(owner)).toEqual([]);
      } finally {
        await ownerContext.close();
      }
      const audited = await handle.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.targetId, user.id));
      expect(audited.map((a) => a.action).sort()).toEqual(['auth.pair_locked', 'user.unlock']);

      await page.goto('/sign-in');
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
    } finally {
      await handle.close();
    }
  });
});
