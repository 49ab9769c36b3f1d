import { describe, expect, it } from 'vitest';
import { parseEnv } from '@/lib/env';
import { vaultFromEnv } from '@/lib/context';
import { createVault, deriveKeyId, generateVaultKeyText, parseVaultKey, VaultError } from '@/lib/vault';

const keyA = parseVaultKey(`a1:${Buffer.alloc(32, 1).toString('base64')}`);
const keyB = parseVaultKey(`b2:${Buffer.alloc(32, 2).toString('base64')}`);

describe('the vault', () => {
  it('seals under the current key with a fresh IV each time and opens what it sealed', () => {
    const vault = createVault({ current: keyA });
    const one = vault.seal('Wheelchair user, quiet room please');
    const two = vault.seal('Wheelchair user, quiet room please');
    expect(one.keyId).toBe('a1');
    expect(one.cipher).not.toBe(two.cipher);
    expect(one.cipher).not.toContain('Wheelchair');
    expect(one.cipher).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(vault.open(one)).toBe('Wheelchair user, quiet room please');
    expect(vault.open(vault.seal(''))).toBe('');
    expect(vault.open(vault.seal('ünïcødé ✓'))).toBe('ünïcødé ✓');
  });

  it('refuses a value whose ciphertext, tag or key id was altered', () => {
    const vault = createVault({ current: keyA, old: [keyB] });
    const sealed = vault.seal('alcohol-free meal');
    const raw = Buffer.from(sealed.cipher.slice(3), 'base64url');
    raw[14] = (raw[14] ?? 0) ^ 1;
    expect(() => vault.open({ ...sealed, cipher: `v1.${raw.toString('base64url')}` })).toThrow(VaultError);
    expect(() => vault.open({ ...sealed, keyId: 'b2' })).toThrow(/integrity/);
    expect(() => vault.open({ ...sealed, cipher: 'plain text' })).toThrow(/Not a sealed value/);
  });

  it('opens values sealed under an old key, and names the missing key otherwise', () => {
    const before = createVault({ current: keyB });
    const sealed = before.seal('captions');
    const rotated = createVault({ current: keyA, old: [keyB] });
    expect(rotated.currentKeyId).toBe('a1');
    expect(rotated.canOpen('b2')).toBe(true);
    expect(rotated.open(sealed)).toBe('captions');
    expect(() => createVault({ current: keyA }).open(sealed)).toThrow(/No key "b2".*DATA_ENCRYPTION_OLD_KEYS/);
  });

  it('parses keys with or without an id, and refuses keys that are not 32 bytes', () => {
    const bare = Buffer.alloc(32, 5);
    expect(parseVaultKey(bare.toString('base64')).id).toBe(deriveKeyId(bare));
    expect(parseVaultKey(bare.toString('base64url')).secret.equals(bare)).toBe(true);
    expect(() => parseVaultKey(Buffer.alloc(16).toString('base64'))).toThrow(/exactly 32 bytes/);
    expect(() => parseVaultKey('bad id!:' + bare.toString('base64'))).toThrow(/key id/);
    expect(() => parseVaultKey('not base64 at all')).toThrow(/base64/);
    const generated = parseVaultKey(generateVaultKeyText());
    expect(generated.secret).toHaveLength(32);
    expect(createVault({ current: generated }).open(createVault({ current: generated }).seal('x'))).toBe('x');
  });
});

describe('the vault configuration', () => {
  const base = { DATABASE_URL: 'postgres://u@localhost/db' };

  it('reads the current and old keys from the environment', () => {
    const env = parseEnv({
      ...base,
      DATA_ENCRYPTION_KEY: `a1:${keyA.secret.toString('base64')}`,
      DATA_ENCRYPTION_OLD_KEYS: ` b2:${keyB.secret.toString('base64')} ,`,
    });
    const vault = vaultFromEnv(env);
    expect(vault.currentKeyId).toBe('a1');
    expect(vault.open(createVault({ current: keyB }).seal('quiet room'))).toBe('quiet room');
  });

  it('refuses a malformed key with a message naming the variable but not the value', () => {
    const bad = 'k:' + Buffer.alloc(8).toString('base64');
    expect(() => parseEnv({ ...base, DATA_ENCRYPTION_KEY: bad })).toThrow(/DATA_ENCRYPTION_KEY: .*32 bytes/);
    try {
      parseEnv({ ...base, DATA_ENCRYPTION_KEY: bad });
    } catch (error) {
      expect(String(error)).not.toContain(bad);
    }
    expect(() => parseEnv({ ...base, DATA_ENCRYPTION_OLD_KEYS: 'oops' })).toThrow(/DATA_ENCRYPTION_OLD_KEYS: key 1/);
  });

  it('requires a key in production, and without one elsewhere fails only when the vault is used', () => {
    const production = { ...base, APP_ENV: 'production', ALLOW_DEMO_PAYMENTS: 'true' };
    expect(() => parseEnv(production)).toThrow(/DATA_ENCRYPTION_KEY: required when APP_ENV=production/);
    expect(
      parseEnv({ ...production, DATA_ENCRYPTION_KEY: keyA.secret.toString('base64') }).DATA_ENCRYPTION_KEY?.id,
    ).toBe(deriveKeyId(keyA.secret));
    const vault = vaultFromEnv(parseEnv(base));
    expect(vault.currentKeyId).toBe('');
    expect(() => vault.seal('x')).toThrow(/DATA_ENCRYPTION_KEY is not set/);
  });
});
