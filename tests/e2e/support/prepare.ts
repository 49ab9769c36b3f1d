// Prepares the end-to-end database: a fresh database, migrated, seeded, with the staff accounts the specs use,
// plus a sold-out ticket type so the waiting-list flow can be driven from the ticket page.
import postgres from 'postgres';
import { createDb } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedConference } from '@/scripts/seed/seed';
import { systemClock } from '@/lib/adapters/clock';
import { createUser } from '@/lib/auth/users';
import { createTicketType } from '@/lib/catalogue/ticket-types';
import { parseEnv } from '@/lib/env';
import { withDatabase } from '../../support/postgres-server';
import { e2eAccounts } from './accounts';

export async function prepareE2eDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `conf_e2e_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  await migrateDatabase(url);
  const handle = createDb(url, { max: 2 });
  try {
    const config = parseEnv({ ...process.env, DATABASE_URL: url });
    const ctx = { db: handle.db, clock: systemClock, config };
    const { eventId } = await seedConference(ctx, { now: systemClock.now() });
    // registration.spec.ts finds it by this label on /register.
    await createTicketType(ctx, eventId, {
      code: 'sold-out-e2e',
      publicLabel: 'Supporter pass',
      internalLabel: 'Sold out (e2e only)',
      capacity: 0,
      sortOrder: 50,
      prices: [{ label: 'Supporter', amount: 25000 }],
    });
    for (const account of Object.values(e2eAccounts)) {
      await createUser(ctx, {
        email: account.email,
        name: `E2E ${account.role}`,
        password: account.password,
        role: account.role,
      });
    }
  } finally {
    await handle.close();
  }
  return {
    url,
    drop: async () => {
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}
