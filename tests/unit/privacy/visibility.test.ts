import { describe, expect, it } from 'vitest';
import { statesAccessNeed } from '@/lib/access/requests';
import { answerColumns, openAnswer, openPronouns, pronounColumns } from '@/lib/privacy/sealed';
import { buyerManagesTicket, canSeeSensitive, publicReaderMaySee } from '@/lib/privacy/visibility';
import { testVault } from '../../support/vault';

describe('who may see sensitive data', () => {
  it('lets only the owner and the accessibility team among staff', () => {
    expect(['owner', 'organizer', 'checkin', 'accessibility'].filter((r) => canSeeSensitive(r as 'owner'))).toEqual([
      'owner',
      'accessibility',
    ]);
  });

  it('lets the buyer manage only tickets without an email of their own or in the buyer’s name', () => {
    const order = { buyerEmail: 'Buyer@Example.org' };
    expect(buyerManagesTicket({ email: ' buyer@example.ORG ' }, order)).toBe(true);
    expect(buyerManagesTicket({ email: '' }, order)).toBe(true);
    expect(buyerManagesTicket({ email: 'colleague@example.org' }, order)).toBe(false);
  });

  it('lets an attendee see their own ticket only', () => {
    const order = { buyerEmail: 'buyer@example.org' };
    const theirs = { id: 't1', email: 'a@example.org' };
    expect(publicReaderMaySee({ kind: 'attendee', ticketId: 't1' }, theirs, order)).toBe(true);
    expect(publicReaderMaySee({ kind: 'attendee', ticketId: 't2' }, theirs, order)).toBe(false);
    expect(publicReaderMaySee({ kind: 'buyer' }, theirs, order)).toBe(false);
  });
});

describe('sealed columns', () => {
  it('seals answers to sensitive questions only, and reads both forms back', () => {
    const sealed = answerColumns(testVault, { isSensitive: true }, 'Quiet room');
    expect(sealed).toMatchObject({ value: null, keyId: 'test-key-1' });
    expect(sealed.valueCipher).not.toContain('Quiet');
    expect(openAnswer(testVault, sealed)).toBe('Quiet room');
    expect(answerColumns(testVault, { isSensitive: false }, 'Researcher')).toEqual({
      value: 'Researcher',
      valueCipher: null,
      keyId: null,
    });
    expect(openAnswer(testVault, { value: 'legacy', valueCipher: null, keyId: null })).toBe('legacy');
  });

  it('stores no pronouns at all when none are given, and seals the others', () => {
    expect(pronounColumns(testVault, '')).toEqual({ pronouns: '', pronounsCipher: null, pronounsKeyId: null });
    const sealed = pronounColumns(testVault, 'they/them');
    expect(sealed.pronouns).toBe('');
    expect(openPronouns(testVault, sealed)).toBe('they/them');
    expect(openPronouns(testVault, { pronouns: 'she/her', pronounsCipher: null, pronounsKeyId: null })).toBe('she/her');
  });
});

describe('access needs', () => {
  it('counts a non-empty answer to an access-needs question, and neither "no" nor other questions', () => {
    expect(statesAccessNeed([{ isAccessNeed: true, value: 'Captions' }])).toBe(true);
    expect(
      statesAccessNeed([
        { isAccessNeed: true, value: '  ' },
        { isAccessNeed: true, value: 'no' },
      ]),
    ).toBe(false);
    expect(statesAccessNeed([{ isAccessNeed: false, value: 'Vegan' }])).toBe(false);
  });
});
