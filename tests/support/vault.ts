// The fixed data-encryption keys every test tier uses (never a real deployment's): the current key, and an older
// one for rotation tests. Not secret by design.
import { openAnswer, type AnswerColumns } from '@/lib/privacy/sealed';
import { createVault, parseVaultKey } from '@/lib/vault';

export const TEST_DATA_ENCRYPTION_KEY = `test-key-1:${Buffer.alloc(32, 7).toString('base64')}`;
export const TEST_DATA_ENCRYPTION_KEY_2 = `test-key-2:${Buffer.alloc(32, 9).toString('base64')}`;

export const testVault = createVault({ current: parseVaultKey(TEST_DATA_ENCRYPTION_KEY) });

/** An answer row's text as the app reads it (sealed or plain). */
export function storedText(row: AnswerColumns): string {
  return openAnswer(testVault, row);
}
