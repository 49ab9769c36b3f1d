// The privacy notice is built from what the platform really does for the event: its questions (sensitive ones
// named as such), the roles that may open sensitive answers, the retention settings and the event's contact.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { events } from '@/db/schema';
import { getPrivacyNotice } from '@/lib/privacy/notice';
import { createQuestion } from '@/lib/catalogue/setup';
import { buildRegistrationFixture } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';

const t = useTestDb();
let slugs = 0;

describe('privacy notice', () => {
  it('lists the event’s questions, marks sensitive and access-need ones, and states roles and retention', async () => {
    const fx = await buildRegistrationFixture(t.db, { slug: `notice${++slugs}` });
    await createQuestion(fx.ctx, fx.event.id, {
      key: 'access',
      label: 'Access needs',
      kind: 'textarea',
      isAccessNeed: true,
      isSensitive: true,
    });
    const notice = await getPrivacyNotice(fx.ctx, fx.event, { sensitiveDays: 30, personalDays: 730 });
    expect(notice.organizerName).toBe(`The organizers of ${fx.event.name}`);
    expect(notice.privacyContact).toBe('');
    expect(notice.questions).toEqual(
      expect.arrayContaining([
        { label: 'Dietary needs', sensitive: true, accessNeed: false },
        { label: 'Profession', sensitive: false, accessNeed: false },
        { label: 'Access needs', sensitive: true, accessNeed: true },
      ]),
    );
    expect(notice.sensitiveRoles).toEqual(['Owner', 'Accessibility team']);
    expect(notice.attendeeRoles).not.toContain('Check-in staff');
    expect(notice).toMatchObject({ sensitiveDays: 30, personalDays: 730, endsOn: fx.event.endsOn });

    await t.db
      .update(events)
      .set({ organizerName: 'IAC Foundation', privacyContact: 'privacy@iac.example' })
      .where(eq(events.id, fx.event.id));
    const [event] = await t.db.select().from(events).where(eq(events.id, fx.event.id));
    const after = await getPrivacyNotice(fx.ctx, event!, { sensitiveDays: 7, personalDays: 365 });
    expect(after).toMatchObject({
      organizerName: 'IAC Foundation',
      privacyContact: 'privacy@iac.example',
      sensitiveDays: 7,
      personalDays: 365,
    });
    // Only this event's questions.
    const other = await buildRegistrationFixture(t.db, { slug: `notice${++slugs}` });
    expect(
      (await getPrivacyNotice(other.ctx, other.event, { sensitiveDays: 30, personalDays: 730 })).questions.map(
        (q) => q.label,
      ),
    ).not.toContain('Access needs');
  });
});
