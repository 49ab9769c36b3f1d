// How sensitive values sit in their columns: every writer and reader of answers, pronouns and access-request notes
// goes through these helpers, so "sensitive" always means sealed in the database and opened only in memory.
// Answers to sensitive questions are sealed (answers.value null); other answers stay plain text. Pronouns are
// always sealed (tickets.pronouns keeps '' once sealed; a non-empty one is a row from before the vault).
import type { Sealed, Vault } from '../vault';

export interface AnswerColumns {
  value: string | null;
  valueCipher: string | null;
  keyId: string | null;
}

/** The columns of an answer as it is stored: sealed when its question is sensitive. */
export function answerColumns(
  vault: Pick<Vault, 'seal'>,
  question: { isSensitive: boolean },
  value: string,
): AnswerColumns {
  if (!question.isSensitive) return { value, valueCipher: null, keyId: null };
  const sealed = vault.seal(value);
  return { value: null, valueCipher: sealed.cipher, keyId: sealed.keyId };
}

/** An answer's text, whichever form it is stored in. */
export function openAnswer(vault: Pick<Vault, 'open'>, row: AnswerColumns): string {
  if (row.valueCipher !== null && row.keyId !== null) return vault.open({ cipher: row.valueCipher, keyId: row.keyId });
  return row.value ?? '';
}

export interface PronounColumns {
  pronouns: string;
  pronounsCipher: string | null;
  pronounsKeyId: string | null;
}

/** Pronouns as stored: sealed, or nothing at all when none were given. */
export function pronounColumns(vault: Pick<Vault, 'seal'>, pronouns: string | null | undefined): PronounColumns {
  if (!pronouns) return { pronouns: '', pronounsCipher: null, pronounsKeyId: null };
  const sealed = vault.seal(pronouns);
  return { pronouns: '', pronounsCipher: sealed.cipher, pronounsKeyId: sealed.keyId };
}

export function openPronouns(vault: Pick<Vault, 'open'>, row: PronounColumns): string {
  if (row.pronounsCipher !== null && row.pronounsKeyId !== null)
    return vault.open({ cipher: row.pronounsCipher, keyId: row.pronounsKeyId });
  return row.pronouns;
}

/** An optional sealed text (a note, a message): null stays null. */
export function sealOptional(vault: Pick<Vault, 'seal'>, text: string): Sealed | null {
  return text ? vault.seal(text) : null;
}

export function openOptional(vault: Pick<Vault, 'open'>, cipher: string | null, keyId: string | null): string {
  return cipher !== null && keyId !== null ? vault.open({ cipher, keyId }) : '';
}
