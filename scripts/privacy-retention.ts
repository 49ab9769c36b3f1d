// `npm run privacy:retention [-- --dry-run]`: the retention pass housekeeping runs daily, on demand. Sensitive data
// of events that ended SENSITIVE_DATA_RETENTION_DAYS ago is purged, other personal data of events that ended
// PERSONAL_DATA_RETENTION_DAYS ago is anonymized (accounting records stay). --dry-run lists what would go per
// event and kind and changes nothing. Prints counts, never names or addresses; each real pass is audited.
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { createDb } from '../db/client';
import { systemClock } from '../lib/adapters/clock';
import { parseEnv } from '../lib/env';
import { runRetention } from '../lib/rights/retention';
import { DEFAULT_EMBEDDED_PORT } from './lib/database';

const root = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  loadEnvConfig(root, false, { info: () => {}, error: console.error });
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
    process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/conference`;
    console.log(
      `[retention] DATABASE_URL is not set: using the embedded database that \`npm start\` runs (port ${port}).`,
    );
  }
  const dryRun = process.argv.includes('--dry-run');
  const unknown = process.argv.slice(2).filter((a) => a !== '--dry-run');
  if (unknown.length) {
    console.error(`[retention] unknown argument ${unknown[0]}; the only option is --dry-run`);
    return 2;
  }
  const env = parseEnv(process.env);
  const handle = createDb(env.DATABASE_URL, { max: 2 });
  try {
    const result = await runRetention({ db: handle.db, clock: systemClock, config: env }, { dryRun });
    console.log(
      `[retention] ${dryRun ? 'dry run (nothing changed)' : 'pass'}: sensitive data after ${env.SENSITIVE_DATA_RETENTION_DAYS} days, personal data after ${env.PERSONAL_DATA_RETENTION_DAYS} days from each event's end`,
    );
    if (!result.lines.length) console.log(`[retention] nothing ${dryRun ? 'would go' : 'was due'}.`);
    for (const line of result.lines)
      console.log(`[retention] ${line.eventSlug}: ${line.count} ${line.kind}${dryRun ? ' would go' : ''}`);
    for (const [kind, n] of Object.entries(result.totals)) if (n) console.log(`[retention] total ${kind}: ${n}`);
  } finally {
    await handle.close();
  }
  return 0;
}

// An explicit exit: the embedded database module's exit hooks would otherwise end the process with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[retention] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
