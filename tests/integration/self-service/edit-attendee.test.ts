// Editing an attendee's own details through the order link: validated like the registration form, audited
// without the answers themselves, refused after the change cut-off, and never reaching another order's ticket.
// Here the ticket is in the buyer's own name, so the buyer manages all of it (tests/integration/privacy/ covers
// attendees with an email of their own).
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers } from '@/db/schema';
import { editAttendee } from '@/lib/self-service/edit-attendee';
import { getManageView } from '@/lib/self-service/manage';
import { attendee } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { auditFor, buildManageFixture, outcome, paidOrder, rejection, setEvent, ticketRow } from './manage-fixture';

const t = useTestDb();

/** A paid order whose one attendee is the buyer (same email). */
function ownOrder(fx: Awaited<ReturnType<typeof buildManageFixture>>, extra: Record<string, unknown> = {}) {
  const email = `self-${Math.random().toString(36).slice(2)}@example.org`;
  return paidOrder(fx, [attendee(fx.fullPass.id, { email, ...extra })], { buyerEmail: email });
}

const details = (extra: Record<string, unknown> = {}) => ({
  badgeName: 'Sam',
  pronouns: 'they/them',
  answers: { profession: 'Researcher', dietary: 'Vegan, no nuts' },
  directoryOptIn: true,
  photoPreference: 'ok',
  ...extra,
});

async function answersOf(ticketId: string) {
  return t.db
    .select({ questionId: answers.questionId, value: answers.value })
    .from(answers)
    .where(eq(answers.ticketId, ticketId));
}

describe('editAttendee', () => {
  it('changes badge name, pronouns, answers, directory and photo choice, and audits what changed but not the answers', async () => {
    const fx = await buildManageFixture(t.db);
    const {
      order,
      token,
      ticketIds: [ticketId],
    } = await ownOrder(fx, { legalName: 'Samira Okafor', answers: { profession: 'Clinician' } });
    const result = await editAttendee(fx.ctx, { token, ticketId, details: details() });
    expect(result.changed).toEqual(['badge name', 'pronouns', 'answers', 'directory listing', 'photo preference']);
    const row = await ticketRow(t.db, ticketId!);
    expect(row).toMatchObject({
      legalName: 'Samira Okafor',
      badgeName: 'Sam',
      pronouns: '',
      directoryOptIn: true,
      photoPreference: 'ok',
    });
    // Pronouns are sealed at rest and read back through the vault.
    expect(row.pronounsCipher).not.toContain('they');
    const view = await getManageView(fx.ctx, token);
    expect(view!.tickets.get(ticketId!)!.pronouns).toBe('they/them');
    const questions = view!.tickets.get(ticketId!)!.questions;
    expect(Object.fromEntries(questions.map((q) => [q.key, q.value]))).toEqual({
      dietary: 'Vegan, no nuts',
      profession: 'Researcher',
    });
    const [entry, ...more] = await auditFor(t.db, order.id, 'ticket.update');
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actorType: 'attendee', targetId: ticketId, eventId: fx.event.id });
    expect(`${entry!.summary} ${JSON.stringify(entry!.details)}`).not.toMatch(/Vegan|nuts|Researcher/);

    // Saving the same again changes nothing and writes no entry.
    expect((await editAttendee(fx.ctx, { token, ticketId, details: details() })).changed).toEqual([]);
    expect(await auditFor(t.db, order.id, 'ticket.update')).toHaveLength(1);
    // An empty badge name falls back to the first name; an emptied answer is removed.
    await editAttendee(fx.ctx, {
      token,
      ticketId,
      details: details({ badgeName: '', answers: { profession: 'Researcher' } }),
    });
    expect((await ticketRow(t.db, ticketId!)).badgeName).toBe('Samira');
    expect(await answersOf(ticketId!)).toHaveLength(1);
  });

  it('validates like the registration form and changes nothing on a mistake', async () => {
    const fx = await buildManageFixture(t.db);
    const {
      token,
      ticketIds: [ticketId],
    } = await ownOrder(fx);
    const before = await ticketRow(t.db, ticketId!);
    const cases: [Record<string, unknown>, string][] = [
      [{ answers: { profession: '' } }, 'answers.profession'],
      [{ answers: { profession: 'Astronaut' } }, 'answers.profession'],
      [{ answers: { profession: 'Clinician', unknown_question: 'x' } }, 'answers.unknown_question'],
      [{ badgeName: 'x'.repeat(61) }, 'badgeName'],
      [{ badgeName: 'Evil\u202Eman' }, 'badgeName'],
      [{ photoPreference: 'always' }, 'photoPreference'],
      [{ legalName: 'Someone Else' }, '_form'],
      [{ email: 'other@example.org' }, '_form'],
    ];
    for (const [extra, field] of cases) {
      const error = await rejection(editAttendee(fx.ctx, { token, ticketId, details: details(extra) }));
      expect(error.code, JSON.stringify(extra)).toBe('VALIDATION');
      expect(Object.keys(error.fieldErrors), JSON.stringify(extra)).toContain(field);
    }
    expect(await ticketRow(t.db, ticketId!)).toEqual(before);
  });

  it('is open until changes_until (or the first day) and refused after it, with the date in the message', async () => {
    const fx = await buildManageFixture(t.db);
    const {
      order,
      token,
      ticketIds: [ticketId],
    } = await ownOrder(fx);
    const cutoff = new Date(fx.clock.now().getTime() + 60_000);
    await setEvent(t.db, fx, { changesUntil: cutoff });
    expect(await outcome(editAttendee(fx.ctx, { token, ticketId, details: details({ badgeName: 'Before' }) }))).toBe(
      'ok',
    );
    fx.clock.set(cutoff);
    const error = await rejection(editAttendee(fx.ctx, { token, ticketId, details: details({ badgeName: 'After' }) }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/^Changes to registrations closed on \d+ \w+ 2030, \d\d:\d\d/);
    expect((await ticketRow(t.db, ticketId!)).badgeName).toBe('Before');
    expect(await auditFor(t.db, order.id, 'ticket.update')).toHaveLength(1);
    const view = await getManageView(fx.ctx, token);
    expect(view!.changes.open).toBe(false);

    // Without changes_until the cut-off is midnight of the first day in the event's zone (28 March, Amsterdam).
    await setEvent(t.db, fx, { changesUntil: null });
    fx.clock.set(new Date('2030-03-27T22:59:00Z'));
    expect(await outcome(editAttendee(fx.ctx, { token, ticketId, details: details({ badgeName: 'Late' }) }))).toBe(
      'ok',
    );
    fx.clock.set(new Date('2030-03-27T23:00:00Z'));
    expect(await outcome(editAttendee(fx.ctx, { token, ticketId, details: details({ badgeName: 'Too late' }) }))).toBe(
      'CONFLICT',
    );
    expect((await ticketRow(t.db, ticketId!)).badgeName).toBe('Late');
  });

  it('cannot reach a ticket of another order, an unknown token, or an order that is not paid (IDOR)', async () => {
    const fx = await buildManageFixture(t.db);
    const a = await paidOrder(fx);
    const b = await paidOrder(fx);
    const before = await ticketRow(t.db, b.ticketIds[0]!);
    const error = await rejection(
      editAttendee(fx.ctx, { token: a.token, ticketId: b.ticketIds[0], details: details({ badgeName: 'Hijacked' }) }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', message: 'Ticket not found.' });
    expect(
      await outcome(editAttendee(fx.ctx, { token: 'A'.repeat(43), ticketId: b.ticketIds[0], details: details() })),
    ).toBe('NOT_FOUND');
    expect(
      await outcome(editAttendee(fx.ctx, { token: undefined, ticketId: b.ticketIds[0], details: details() })),
    ).toBe('NOT_FOUND');
    expect(await outcome(editAttendee(fx.ctx, { token: a.token, ticketId: 'not-a-uuid', details: details() }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await outcome(
        editAttendee(fx.ctx, { token: a.token, ticketId: b.ticketIds[0]!.toUpperCase(), details: details() }),
      ),
    ).toBe('NOT_FOUND');
    expect(await ticketRow(t.db, b.ticketIds[0]!)).toEqual(before);
    expect(await auditFor(t.db, b.order.id)).toEqual([]);
  });
});
