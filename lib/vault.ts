// The sensitive-data vault: AES-256-GCM (authenticated) with a fresh random 12-byte IV per value, so equal answers
// never encrypt alike and a changed byte fails to open instead of reading as other text.
//
// Storage: a sealed value is two columns beside each other, the ciphertext (`..._cipher`, text
// `v1.<base64url of iv | ciphertext | tag>`) and the id of the key that sealed it (`..._key_id`). The key id is also
// bound into the authenticated data, so a value cannot be passed off as sealed under another key. Keys come from
// DATA_ENCRYPTION_KEY (`<keyId>:<base64 of 32 bytes>`, or bare base64 with an id derived from the key) and, during
// a rotation, DATA_ENCRYPTION_OLD_KEYS (comma-separated, read only); see lib/env.ts and `npm run privacy:rotate-key`.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface VaultKey {
  id: string;
  secret: Buffer;
}

export interface Sealed {
  keyId: string;
  cipher: string;
}

export interface Vault {
  /** The id of the key new values are sealed under; '' when no key is configured. */
  readonly currentKeyId: string;
  seal(plaintext: string): Sealed;
  open(sealed: Sealed): string;
  /** Whether a value sealed under this key id can be opened (the current key or an old one). */
  canOpen(keyId: string): boolean;
}

export class VaultError extends Error {}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `<keyId>:<base64>` or bare base64 (standard or url-safe) of exactly 32 bytes. */
export function parseVaultKey(text: string): VaultKey {
  const trimmed = text.trim();
  const colon = trimmed.indexOf(':');
  const id = colon >= 0 ? trimmed.slice(0, colon) : null;
  const encoded = colon >= 0 ? trimmed.slice(colon + 1) : trimmed;
  if (id !== null && !KEY_ID.test(id)) {
    throw new VaultError('the key id (before the colon) must be 1-32 letters, digits, "-" or "_"');
  }
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) throw new VaultError('the key must be base64 of 32 random bytes');
  const secret = Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (secret.length !== 32) {
    throw new VaultError(
      `the key must be base64 of exactly 32 bytes (got ${secret.length}); generate one with \`openssl rand -base64 32\``,
    );
  }
  return { id: id ?? deriveKeyId(secret), secret };
}

/** A short, stable id for a key given without one; reveals nothing usable about the key. */
export function deriveKeyId(secret: Buffer): string {
  return 'k' + createHash('sha256').update('vault-key-id:').update(secret).digest('hex').slice(0, 10);
}

/** A new key in the `<keyId>:<base64>` form DATA_ENCRYPTION_KEY takes. */
export function generateVaultKeyText(): string {
  const secret = randomBytes(32);
  return `${deriveKeyId(secret)}:${secret.toString('base64')}`;
}

function aad(keyId: string): Buffer {
  return Buffer.from(`vault:${VERSION}:${keyId}`);
}

export function createVault(keys: { current: VaultKey; old?: readonly VaultKey[] }): Vault {
  const byId = new Map<string, Buffer>();
  for (const key of [...(keys.old ?? []), keys.current]) byId.set(key.id, key.secret);
  const current = keys.current;
  return {
    currentKeyId: current.id,
    canOpen: (keyId) => byId.has(keyId),
    seal(plaintext) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.secret, iv);
      cipher.setAAD(aad(current.id));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const packed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
      return { keyId: current.id, cipher: `${VERSION}.${packed}` };
    },
    open(sealed) {
      const secret = byId.get(sealed.keyId);
      if (!secret) {
        throw new VaultError(`No key "${sealed.keyId}" to open this value: add it to DATA_ENCRYPTION_OLD_KEYS`);
      }
      const [version, packed] = sealed.cipher.split('.', 2);
      if (version !== VERSION || !packed) throw new VaultError('Not a sealed value');
      const raw = Buffer.from(packed, 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new VaultError('Not a sealed value');
      const decipher = createDecipheriv('aes-256-gcm', secret, raw.subarray(0, IV_BYTES));
      decipher.setAAD(aad(sealed.keyId));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      try {
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new VaultError('A sealed value failed its integrity check (wrong key or altered data)');
      }
    },
  };
}

/**
 * The vault when no key is configured (development scripts run without `npm start`): anything that needs it fails
 * with a message naming the variable, and nothing else is affected.
 */
export function createMissingKeyVault(): Vault {
  const fail = (): never => {
    throw new VaultError('DATA_ENCRYPTION_KEY is not set: `npm start` creates one in .data/; see .env.example');
  };
  return { currentKeyId: '', canOpen: () => false, seal: fail, open: fail };
}
