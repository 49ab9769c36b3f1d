// The demo shows the privacy features: the seed's access-needs question is flagged (and sensitive), and the demo
// registrations add two access requests whose needs are sealed, once however often start-up runs.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { accessRequests, answers, erasureRequests, questions } from '@/db/schema';
import { seedConference } from '@/scripts/seed/seed';
import { seedDemoRegistrations } from '@/scripts/seed/demo-registrations';
import { listAccessRequests } from '@/lib/access/queue';
import { systemClock } from '@/lib/adapters/clock';
import { testConfig } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { testVault } from '../../support/vault';

const t = useTestDb();

describe('the demo seed', () => {
  it('flags the access question and adds two demo access requests with sealed needs and a pending erasure request, once', async () => {
    const { eventId } = await seedConference({ db: t.db }, { now: systemClock.now() });
    const ctx = { db: t.db, clock: systemClock, config: testConfig(), vault: testVault };
    const flagged = await t.db
      .select({ key: questions.key, isSensitive: questions.isSensitive, isAccessNeed: questions.isAccessNeed })
      .from(questions)
      .where(eq(questions.eventId, eventId));
    expect(flagged.filter((q) => q.isAccessNeed)).toEqual([
      { key: 'access_needs', isSensitive: true, isAccessNeed: true },
    ]);
    expect(
      flagged
        .filter((q) => q.isSensitive)
        .map((q) => q.key)
        .sort(),
    ).toEqual(['access_needs', 'dietary']);

    expect(await seedDemoRegistrations(ctx, eventId)).toBe(2);
    expect(await seedDemoRegistrations(ctx, eventId)).toBe(0);
    const queue = await listAccessRequests(ctx, { eventId });
    expect(queue.rows.map((r) => r.badgeName).sort()).toEqual(['Kim', 'Sam']);
    expect(await t.db.select().from(accessRequests)).toHaveLength(2);
    // Kim asked for erasure from their own page: one pending request, the address sealed.
    const requests = await t.db.select().from(erasureRequests);
    expect(requests).toMatchObject([{ status: 'requested', emailKeyId: 'test-key-1' }]);
    expect(testVault.open({ cipher: requests[0]!.emailCipher!, keyId: 'test-key-1' })).toBe('kim.lee@example.org');
    const sealed = await t.db.select().from(answers).where(eq(answers.keyId, 'test-key-1'));
    expect(sealed.map((a) => testVault.open({ cipher: a.valueCipher!, keyId: a.keyId! })).sort()).toEqual([
      'Alcohol-free meals, please',
      'Live captions in the main hall',
      'Step-free seating and a quiet room between sessions',
    ]);
  });
});
