// `npm run privacy:rotate-key`: re-encrypts every sealed value under the current DATA_ENCRYPTION_KEY, reading
// values sealed under older keys with DATA_ENCRYPTION_OLD_KEYS; seals any sensitive value still in clear first.
// In batches, idempotent (run it again at any time), safe while the app serves. Prints counts, never values.
//
// Rotating: set DATA_ENCRYPTION_KEY to a new key and move the old one into DATA_ENCRYPTION_OLD_KEYS (on every
// instance), run this, and once it reports 0 unreadable, remove the old key from DATA_ENCRYPTION_OLD_KEYS.
import path from 'node:path';
import { loadEnvConfig } from '@next/env';
import { createDb } from '../db/client';
import { vaultFromEnv } from '../lib/context';
import { parseEnv } from '../lib/env';
import { rotateSealedValues } from '../lib/privacy/rotate';
import { DEFAULT_EMBEDDED_PORT } from './lib/database';
import { ensureDevDataKey } from './lib/secrets';

const root = path.resolve(__dirname, '..');

async function main(): Promise<number> {
  loadEnvConfig(root, false, { info: () => {}, error: console.error });
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_DB_PORT || DEFAULT_EMBEDDED_PORT);
    process.env.DATABASE_URL = `postgres://postgres:postgres@127.0.0.1:${port}/conference`;
    console.log(
      `[rotate-key] DATABASE_URL is not set: using the embedded database that \`npm start\` runs (port ${port}).`,
    );
  }
  const production = process.env.APP_ENV === 'production';
  if (!process.env.DATA_ENCRYPTION_KEY && !production) process.env.DATA_ENCRYPTION_KEY = ensureDevDataKey(root);
  const env = parseEnv(process.env);
  const vault = vaultFromEnv(env);
  const batchArg = process.argv.find((a) => a.startsWith('--batch='));
  const batchSize = batchArg ? Math.max(1, Number(batchArg.slice('--batch='.length)) || 500) : 500;
  const handle = createDb(env.DATABASE_URL, { max: 2 });
  let code = 0;
  try {
    const result = await rotateSealedValues({ db: handle.db, vault }, { batchSize });
    console.log(`[rotate-key] current key: ${result.currentKeyId}`);
    console.log(
      `[rotate-key] sealed values that were in clear: ${result.sealed.answers} answers, ${result.sealed.pronouns} pronouns`,
    );
    for (const [name, n] of Object.entries(result.reencrypted)) console.log(`[rotate-key] re-encrypted ${name}: ${n}`);
    const unreadable = Object.values(result.unreadable).reduce((a, b) => a + b, 0);
    if (unreadable) {
      console.error(
        `[rotate-key] ${unreadable} values are sealed under a key that is not configured: add it to DATA_ENCRYPTION_OLD_KEYS and run again.`,
      );
      code = 2;
    } else {
      console.log(
        '[rotate-key] every sealed value is under the current key; old keys may now be removed from DATA_ENCRYPTION_OLD_KEYS.',
      );
    }
  } finally {
    await handle.close();
  }
  return code;
}

// An explicit exit: the embedded database module's exit hooks would otherwise end the process with 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[rotate-key] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
