// CLI: seeds the demo conference into the database at DATABASE_URL; a second run changes nothing.
import { createDb } from '@/db/client';
import { seedConference } from '@/scripts/seed/seed';
import { systemClock } from '@/lib/adapters/clock';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set. Point it at a migrated Postgres database, e.g. DATABASE_URL=postgres://user:pass@localhost:5432/conference',
    );
    process.exit(1);
  }
  const handle = createDb(url, { max: 2 });
  try {
    const result = await seedConference({ db: handle.db }, { now: systemClock.now() });
    console.log(
      result.created
        ? `Seeded the demo conference (event ${result.eventId}).`
        : `The demo conference is already there (event ${result.eventId}); nothing changed.`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error('Seeding failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
