// `npm run db:migrate`: applies the committed migrations to DATABASE_URL.
import { loadEnvConfig } from '@next/env';
import path from 'node:path';
import { migrateDatabase } from '../db/migrate';

async function main() {
  loadEnvConfig(path.resolve(__dirname, '..'));
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      'DATABASE_URL is not set. `npm start` migrates the embedded database by itself; set DATABASE_URL to migrate another.',
    );
    process.exit(1);
  }
  await migrateDatabase(url);
  console.log('Migrations applied.');
}

main().catch((error) => {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
