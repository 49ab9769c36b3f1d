// Key rotation and the sealing of values stored in clear: rotateSealedValues re-encrypts every sealed value
// (answers, pronouns, access notes and messages, addresses of pending erasure requests) under the current key, reading old ones with the old keys, in
// batches and idempotently; values under a key nobody configured are counted, never lost. sealPlaintext seals
// sensitive answers and pronouns written before the vault.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessRequests, answers, erasureRequests, questions, tickets } from '@/db/schema';
import { updateAccessRequest } from '@/lib/access/queue';
import { requestErasure } from '@/lib/rights/erasure-requests';
import { openOptional, openPronouns } from '@/lib/privacy/sealed';
import { rotateSealedValues, sealPlaintext } from '@/lib/privacy/rotate';
import { createVault, parseVaultKey } from '@/lib/vault';
import { useTestDb } from '../../support/test-db';
import { storedText, TEST_DATA_ENCRYPTION_KEY, TEST_DATA_ENCRYPTION_KEY_2, testVault } from '../../support/vault';
import { buildPrivacyFixture, canaries, groupOrder, type GroupOrder, type PrivacyFixture } from './fixture';

const t = useTestDb();
let fx: PrivacyFixture;
const keyOne = parseVaultKey(TEST_DATA_ENCRYPTION_KEY);
const keyTwo = parseVaultKey(TEST_DATA_ENCRYPTION_KEY_2);
const rotated = createVault({ current: keyTwo, old: [keyOne] });
const orders: GroupOrder[] = [];
const c = canaries();

async function keyIds(): Promise<string[]> {
  const rows = (await t.db.execute<{ k: string }>(sql`select key_id as k from answers where key_id is not null
    union all select pronouns_key_id from tickets where pronouns_key_id is not null
    union all select notes_key_id from access_requests where notes_key_id is not null
    union all select message_key_id from access_requests where message_key_id is not null
    union all select email_key_id from erasure_requests where email_key_id is not null`)) as unknown as { k: string }[];
  return [...new Set(rows.map((r) => r.k))].sort();
}

beforeAll(async () => {
  fx = await buildPrivacyFixture(t.db);
  for (let i = 0; i < 4; i++) orders.push(await groupOrder(fx, c));
  const [request] = await t.db
    .select()
    .from(accessRequests)
    .where(eq(accessRequests.ticketId, orders[0]!.otherTicketId));
  await updateAccessRequest(fx.ctx, fx.staff.owner, {
    id: request!.id,
    status: 'in_progress',
    notes: 'Ramp at side door',
    message: 'We have a seat for you',
  });
  await requestErasure(fx.ctx, { token: orders[2]!.pageToken });
});

describe('rotating the data-encryption key', () => {
  it('re-encrypts every sealed value under the new key in batches, and a second run finds nothing to do', async () => {
    expect(await keyIds()).toEqual(['test-key-1']);
    const before = (
      await t.db
        .select()
        .from(answers)
        .where(
          inArray(
            answers.ticketId,
            orders.map((o) => o.otherTicketId),
          ),
        )
    )
      .map(storedText)
      .sort();

    const result = await rotateSealedValues({ db: t.db, vault: rotated }, { batchSize: 3 });
    expect(result.currentKeyId).toBe('test-key-2');
    // 4 orders × 2 attendees: dietary and access answers of attendee 2 only (the buyers gave none), pronouns of attendee 2.
    expect(result.reencrypted).toEqual({
      answers: 8,
      pronouns: 4,
      'access notes': 1,
      'access messages': 1,
      'erasure request addresses': 1,
    });
    expect(Object.values(result.unreadable).every((n) => n === 0)).toBe(true);
    expect(await keyIds()).toEqual(['test-key-2']);

    // Same texts, now readable with the new key alone; the old key alone no longer opens them.
    const newOnly = createVault({ current: keyTwo });
    const after = await t.db
      .select()
      .from(answers)
      .where(
        inArray(
          answers.ticketId,
          orders.map((o) => o.otherTicketId),
        ),
      );
    expect(
      after.map((a) => (a.valueCipher ? newOnly.open({ cipher: a.valueCipher, keyId: a.keyId! }) : a.value)).sort(),
    ).toEqual(before);
    expect(() =>
      testVault.open({ cipher: after.find((a) => a.valueCipher)!.valueCipher!, keyId: 'test-key-2' }),
    ).toThrow(/No key/);
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, orders[0]!.otherTicketId));
    expect(openPronouns(newOnly, ticket!)).toBe(c.pronouns);
    const [request] = await t.db
      .select()
      .from(accessRequests)
      .where(eq(accessRequests.ticketId, orders[0]!.otherTicketId));
    expect(openOptional(newOnly, request!.notesCipher, request!.notesKeyId)).toBe('Ramp at side door');
    const [erasure] = await t.db.select().from(erasureRequests);
    expect(openOptional(newOnly, erasure!.emailCipher, erasure!.emailKeyId)).toBe(orders[2]!.otherEmail);

    const again = await rotateSealedValues({ db: t.db, vault: rotated }, { batchSize: 3 });
    expect(again.reencrypted).toEqual({
      answers: 0,
      pronouns: 0,
      'access notes': 0,
      'access messages': 0,
      'erasure request addresses': 0,
    });
    expect(again.sealed).toEqual({ answers: 0, pronouns: 0 });
  });

  it('counts values sealed under a key that is not configured, and leaves them as they are', async () => {
    const stranger = createVault({ current: parseVaultKey(`lost-key:${Buffer.alloc(32, 3).toString('base64')}`) });
    const sealed = stranger.seal('sealed under a key nobody kept');
    await t.db
      .update(tickets)
      .set({ pronounsCipher: sealed.cipher, pronounsKeyId: sealed.keyId })
      .where(eq(tickets.id, orders[1]!.otherTicketId));
    const result = await rotateSealedValues({ db: t.db, vault: rotated });
    expect(result.unreadable.pronouns).toBe(1);
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, orders[1]!.otherTicketId));
    expect(ticket).toMatchObject({ pronounsCipher: sealed.cipher, pronounsKeyId: 'lost-key' });
  });
});

describe('sealing values stored in clear', () => {
  it('seals sensitive answers and pronouns written before the vault, and leaves other answers plain', async () => {
    const g = orders[2]!;
    const [dietary] = await t.db.select().from(questions).where(eq(questions.key, 'dietary'));
    // As rows looked before the vault: sensitive answer and pronouns in clear.
    await t.db
      .update(answers)
      .set({ value: 'Legacy plain diet', valueCipher: null, keyId: null })
      .where(sql`${answers.ticketId} = ${g.otherTicketId} and ${answers.questionId} = ${dietary!.id}`);
    await t.db
      .update(tickets)
      .set({ pronouns: 'legacy/them', pronounsCipher: null, pronounsKeyId: null })
      .where(eq(tickets.id, g.otherTicketId));

    const result = await sealPlaintext({ db: t.db, vault: rotated }, { batchSize: 1 });
    expect(result).toEqual({ answers: 1, pronouns: 1 });
    const rows = await t.db.select().from(answers).where(eq(answers.ticketId, g.otherTicketId));
    const diet = rows.find((r) => r.questionId === dietary!.id)!;
    expect(diet).toMatchObject({ value: null, keyId: 'test-key-2' });
    expect(rotated.open({ cipher: diet.valueCipher!, keyId: diet.keyId! })).toBe('Legacy plain diet');
    expect(rows.filter((r) => r.value !== null).map((r) => r.value)).toEqual(['Peer worker']);
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, g.otherTicketId));
    expect(ticket!.pronouns).toBe('');
    expect(openPronouns(rotated, ticket!)).toBe('legacy/them');
    expect(await sealPlaintext({ db: t.db, vault: rotated })).toEqual({ answers: 0, pronouns: 0 });
  });
});

describe('npm run privacy:rotate-key', () => {
  it('rotates the database it is pointed at and prints counts, never values', async () => {
    const keyThree = `test-key-3:${Buffer.alloc(32, 11).toString('base64')}`;
    const run = spawnSync(
      process.execPath,
      [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/privacy-rotate-key.ts', '--batch=2'],
      {
        encoding: 'utf8',
        timeout: 60_000,
        env: {
          ...process.env,
          DATABASE_URL: t.url,
          APP_ENV: 'test',
          DATA_ENCRYPTION_KEY: keyThree,
          DATA_ENCRYPTION_OLD_KEYS: `${TEST_DATA_ENCRYPTION_KEY},${TEST_DATA_ENCRYPTION_KEY_2}`,
        },
      },
    );
    const output = `${run.stdout}${run.stderr}`;
    // The value sealed under a key nobody has stays unreadable: exit code 2 says so.
    expect(run.status, JSON.stringify(output)).toBe(2);
    expect(output).toContain('current key: test-key-3');
    expect(output).toMatch(/re-encrypted answers: 8/);
    expect(output).toMatch(/1 values are sealed under a key that is not configured/);
    expect(output).not.toContain(c.diet);
    expect(output).not.toContain('Ramp at side door');
    expect((await keyIds()).filter((k) => k !== 'lost-key')).toEqual(['test-key-3']);
  }, 90_000);
});
