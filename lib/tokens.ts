// Secrets in links: 32 random bytes, base64url in the link, only their SHA-256 in the database.
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';

export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Crockford's alphabet: no I, L, O or U, so a reference survives being read out on the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newReference(prefix: string, length = 8): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${prefix}-${out}`;
}

/** A keyed hash, so a stored client address cannot be recovered by hashing every possible address. */
export function pseudonymousKey(value: string, secret: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url').slice(0, 22);
}
