// Development secrets kept under .data/ (AUTH_SECRET, DATA_ENCRYPTION_KEY), so sign-ins and sealed answers survive
// restarts without any configuration. Production must set both itself.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateVaultKeyText } from '../../lib/vault';

export function ensureDevAuthSecret(root: string): string {
  const file = path.join(root, '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * A development DATA_ENCRYPTION_KEY kept under .data/ beside the embedded database it protects. Losing it makes
 * the sealed answers in that database unreadable, which for a development copy is acceptable.
 */
export function ensureDevDataKey(root: string): string {
  const file = path.join(root, '.data', 'data-encryption-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = generateVaultKeyText();
  writeFileSync(file, key + '\n', { mode: 0o600 });
  return key;
}
