// The admin attendee detail and edit: sensitive answers reach only the roles that may see them (and each view of
// them is audited), the page gathers check-ins, email history and a suppressed address, and an edit is
// validated, refused whole when any part is wrong, and audited without the values it changed.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answers,
  auditLog,
  checkIns,
  checkinLists,
  emailSuppressions,
  tickets,
  users,
  type UserRole,
} from '@/db/schema';
import { getAttendeeDetail } from '@/lib/attendees/detail';
import { updateAttendee, type UpdateAttendeeInput } from '@/lib/attendees/update';
import { enqueueEmail } from '@/lib/outbox/enqueue';
import { DomainError } from '@/lib/errors';
import { createOrder } from '@/lib/orders/create-order';
import { attendee, buildRegistrationFixture, FIXTURE_NOW, registration } from '../../support/registration-fixture';
import { useTestDb } from '../../support/test-db';
import { storedText } from '../../support/vault';

const t = useTestDb();

type Fixture = Awaited<ReturnType<typeof buildRegistrationFixture>>;
let fx: Fixture;
const staff = {} as Record<UserRole, { id: string; email: string; role: UserRole }>;
const SENSITIVE = 'Coeliac; needs a quiet room after 3pm';

beforeAll(async () => {
  fx = await buildRegistrationFixture(t.db, { slug: 'adm-att' });
  for (const role of ['owner', 'organizer', 'accessibility', 'checkin'] as const) {
    const [u] = await t.db
      .insert(users)
      .values({ email: `${role}-${randomUUID().slice(0, 8)}@staff.example`, role })
      .returning();
    staff[role] = { id: u!.id, email: u!.email, role };
  }
});

async function newTicket(extra: Record<string, unknown> = {}) {
  const a = attendee(fx.fullPass.id, {
    answers: { profession: 'Researcher', dietary: SENSITIVE },
    pronouns: 'she/her',
    ...extra,
  });
  const { order } = await createOrder(fx.ctx, fx.event.id, registration([a]), { clientKey: null });
  const [ticket] = await t.db.select().from(tickets).where(eq(tickets.orderId, order.id));
  return { order, ticket: ticket! };
}

const auditFor = (ticketId: string, action?: string) =>
  t.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, 'ticket'),
        eq(auditLog.targetId, ticketId),
        action ? eq(auditLog.action, action) : undefined,
      ),
    );

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

describe('attendee detail', () => {
  it('hides sensitive answers from roles without attendees.sensitive, reading none of them', async () => {
    const { ticket } = await newTicket();
    const detail = await getAttendeeDetail(fx.ctx, { ticketId: ticket.id, viewer: staff.organizer });
    expect(detail).not.toBeNull();
    expect(detail!.answers.map((a) => [a.key, a.value])).toEqual([['profession', 'Researcher']]);
    expect(detail!.sensitiveHidden).toBe(true);
    expect(JSON.stringify(detail)).not.toContain('Coeliac');
    // Nothing sensitive was shown, so nothing is logged as viewed.
    expect(await auditFor(ticket.id, 'attendee.view_sensitive')).toHaveLength(0);
  });

  it('shows sensitive answers to the owner and the accessibility team and audits each view without the answer', async () => {
    const { ticket, order } = await newTicket();
    for (const viewer of [staff.owner, staff.accessibility]) {
      const detail = await getAttendeeDetail(fx.ctx, { ticketId: ticket.id, viewer });
      expect(detail!.sensitiveHidden).toBe(false);
      expect(detail!.answers.find((a) => a.key === 'dietary')).toMatchObject({
        isSensitive: true,
        value: SENSITIVE,
        label: 'Dietary needs',
      });
      // The trail on the page already shows this very view.
      expect(
        detail!.audit.find((a) => a.action === 'attendee.view_sensitive' && a.actorUserId === viewer.id),
      ).toBeTruthy();
    }
    const views = await auditFor(ticket.id, 'attendee.view_sensitive');
    expect(views.map((v) => v.actorUserId).sort()).toEqual([staff.owner.id, staff.accessibility.id].sort());
    expect(views[0]).toMatchObject({ orderId: order.id, eventId: fx.event.id, details: { questions: ['dietary'] } });
    expect(JSON.stringify(views)).not.toContain('Coeliac');
  });

  it('gathers workshops, check-ins, email history (by ticket and by address) and a suppressed address', async () => {
    const { ticket, order } = await newTicket({ workshopIds: [fx.workshops[0]!.id] });
    const [list] = await t.db
      .insert(checkinLists)
      .values({ eventId: fx.event.id, name: `Entrance ${randomUUID().slice(0, 6)}` })
      .returning();
    await t.db
      .insert(checkIns)
      .values({ listId: list!.id, ticketId: ticket.id, checkedInAt: FIXTURE_NOW, byLabel: 'door@staff.example' });
    await enqueueEmail(t.db, {
      kind: 'ticket',
      to: ticket.email,
      idempotencyKey: `ticket:${ticket.id}`,
      orderId: order.id,
      ticketId: ticket.id,
      now: FIXTURE_NOW,
    });
    await enqueueEmail(t.db, {
      kind: 'order_access',
      to: ticket.email.toUpperCase(),
      idempotencyKey: `other:${ticket.id}`,
      now: FIXTURE_NOW,
    });
    await enqueueEmail(t.db, {
      kind: 'ticket',
      to: 'someone-else@example.org',
      idempotencyKey: `else:${ticket.id}`,
      now: FIXTURE_NOW,
    });

    let detail = await getAttendeeDetail(fx.ctx, { ticketId: ticket.id, viewer: staff.organizer });
    expect(detail!.workshops.map((w) => w.title)).toEqual(['Workshop 1']);
    expect(detail!.checkIns).toEqual([{ list: list!.name, checkedInAt: FIXTURE_NOW, by: 'door@staff.example' }]);
    expect(detail!.emails.map((e) => e.kind).sort()).toEqual(['order_access', 'ticket']);
    expect(detail!.emails.every((e) => e.status === 'queued')).toBe(true);
    expect(detail!.suppression).toBeNull();

    await t.db.insert(emailSuppressions).values({ email: ticket.email, reason: 'bounced', createdAt: FIXTURE_NOW });
    detail = await getAttendeeDetail(fx.ctx, { ticketId: ticket.id, viewer: staff.organizer });
    expect(detail!.suppression).toMatchObject({ email: ticket.email, reason: 'bounced' });
  });

  it('answers null for unknown and malformed ids', async () => {
    expect(await getAttendeeDetail(fx.ctx, { ticketId: randomUUID(), viewer: staff.owner })).toBeNull();
    expect(await getAttendeeDetail(fx.ctx, { ticketId: 'not-a-uuid', viewer: staff.owner })).toBeNull();
  });
});

describe('editing an attendee', () => {
  const edit = (
    ticket: { id: string; legalName: string; badgeName: string; email: string },
    changes: Partial<UpdateAttendeeInput> = {},
  ): UpdateAttendeeInput => ({
    ticketId: ticket.id,
    legalName: ticket.legalName,
    badgeName: ticket.badgeName,
    email: ticket.email,
    directoryOptIn: false,
    photoPreference: 'no_photos',
    answers: {},
    ...changes,
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const { ticket } = await newTicket();
    const error = await errorOf(
      updateAttendee(
        fx.ctx,
        staff.organizer,
        edit(ticket, {
          legalName: '   ',
          email: 'not an email',
          badgeName: 'x'.repeat(61),
          photoPreference: 'maybe' as 'ok',
        }),
      ),
    );
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['badgeName', 'email', 'legalName', 'photoPreference']);
    expect(error.fieldErrors.email![0]).toMatch(/valid email/);

    const answerError = await errorOf(
      updateAttendee(
        fx.ctx,
        staff.organizer,
        edit(ticket, {
          legalName: 'A New Name',
          answers: { profession: 'Astronaut', unknown: 'x' },
        }),
      ),
    );
    expect(answerError.fieldErrors).toEqual({
      'answers.profession': ['Choose one of the options'],
      'answers.unknown': ['This question is not asked for this ticket type'],
    });
    // A required answer cannot be cleared.
    const required = await errorOf(
      updateAttendee(fx.ctx, staff.organizer, edit(ticket, { answers: { profession: '' } })),
    );
    expect(required.fieldErrors).toEqual({ 'answers.profession': ['Profession is required'] });

    const [after] = await t.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after).toMatchObject({ legalName: ticket.legalName, email: ticket.email, updatedAt: ticket.updatedAt });
    expect(await auditFor(ticket.id)).toHaveLength(0);
  });

  it('refuses a change to a sensitive answer from a role that cannot see it, with everything else in the request', async () => {
    const { ticket } = await newTicket();
    const error = await errorOf(
      updateAttendee(
        fx.ctx,
        staff.organizer,
        edit(ticket, { legalName: 'Changed Name', answers: { dietary: 'none' } }),
      ),
    );
    expect(error.fieldErrors).toEqual({
      'answers.dietary': ['Your role cannot change answers to sensitive questions'],
    });
    const [after] = await t.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after!.legalName).toBe(ticket.legalName);
    const stored = await t.db.select().from(answers).where(eq(answers.ticketId, ticket.id));
    expect(stored.map(storedText).sort()).toEqual([SENSITIVE, 'Researcher'].sort());
  });

  it('lets only roles that may see them change pronouns, which stay sealed', async () => {
    const { ticket } = await newTicket();
    const refused = await errorOf(updateAttendee(fx.ctx, staff.organizer, edit(ticket, { pronouns: 'he/him' })));
    expect(refused.fieldErrors).toEqual({ pronouns: ['Your role cannot change pronouns'] });
    // Without the field (an organizer's form has none), an organizer's edit keeps them.
    await updateAttendee(fx.ctx, staff.organizer, edit(ticket, { badgeName: 'Renamed' }));
    const owner = await getAttendeeDetail(fx.ctx, { ticketId: ticket.id, viewer: staff.owner });
    expect(owner!.ticket.pronouns).toBe('she/her');
    expect(
      (await getAttendeeDetail(fx.ctx, { ticketId: ticket.id, viewer: staff.organizer }))!.ticket.pronouns,
    ).toBeNull();
    expect(
      (await updateAttendee(fx.ctx, staff.owner, edit({ ...ticket, badgeName: 'Renamed' }, { pronouns: 'they/them' })))
        .changed,
    ).toEqual(['pronouns']);
    const [row] = await t.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(row).toMatchObject({ pronouns: '', pronounsKeyId: 'test-key-1' });
    expect(
      (await getAttendeeDetail(fx.ctx, { ticketId: ticket.id, viewer: staff.accessibility }))!.ticket.pronouns,
    ).toBe('they/them');
  });

  it('saves details and answers, and audits the fields changed without their values', async () => {
    const { ticket, order } = await newTicket();
    const result = await updateAttendee(
      fx.ctx,
      staff.accessibility,
      edit(ticket, {
        legalName: 'Dana Q. Example',
        email: 'DANA.NEW@Example.org',
        directoryOptIn: true,
        answers: { dietary: 'Vegan, step-free seat', profession: 'Clinician' },
      }),
    );
    expect(result.changed.sort()).toEqual([
      'answers.dietary',
      'answers.profession',
      'directoryOptIn',
      'email',
      'legalName',
    ]);
    const [after] = await t.db.select().from(tickets).where(eq(tickets.id, ticket.id));
    expect(after).toMatchObject({
      legalName: 'Dana Q. Example',
      email: 'dana.new@example.org',
      directoryOptIn: true,
      badgeName: ticket.badgeName,
    });
    const rows = await t.db.select().from(answers).where(eq(answers.ticketId, ticket.id));
    expect(Object.fromEntries(rows.map((a) => [storedText(a), true]))).toEqual({
      'Vegan, step-free seat': true,
      Clinician: true,
    });
    // The sensitive one is sealed at rest, the other plain.
    expect(rows.map((a) => a.value).filter(Boolean)).toEqual(['Clinician']);

    const [entry, ...more] = await auditFor(ticket.id, 'attendee.update');
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      orderId: order.id,
      eventId: fx.event.id,
      actorUserId: staff.accessibility.id,
      actorLabel: staff.accessibility.email,
      summary: 'Updated legal name, email, directory opt-in, 2 answers',
      details: {
        fields: ['legalName', 'email', 'directoryOptIn'],
        questions: expect.arrayContaining(['dietary', 'profession']),
      },
    });
    const logged = JSON.stringify(entry);
    for (const secret of ['Dana', 'dana.new', 'Vegan', 'Clinician']) expect(logged).not.toContain(secret);

    // Clearing an optional answer deletes it; the same values again change (and log) nothing.
    await updateAttendee(
      fx.ctx,
      staff.owner,
      edit(
        { ...ticket, legalName: 'Dana Q. Example', email: 'dana.new@example.org' },
        {
          directoryOptIn: true,
          answers: { dietary: '' },
        },
      ),
    );
    expect((await t.db.select().from(answers).where(eq(answers.ticketId, ticket.id))).map(storedText)).toEqual([
      'Clinician',
    ]);
    const again = await updateAttendee(
      fx.ctx,
      staff.owner,
      edit({ ...ticket, legalName: 'Dana Q. Example', email: 'dana.new@example.org' }, { directoryOptIn: true }),
    );
    expect(again.changed).toEqual([]);
    expect(await auditFor(ticket.id, 'attendee.update')).toHaveLength(2);
  });

  it('answers NOT_FOUND for a ticket that does not exist', async () => {
    const error = await errorOf(
      updateAttendee(fx.ctx, staff.owner, {
        ticketId: randomUUID(),
        legalName: 'A',
        badgeName: 'A',
        email: 'a@example.org',
        directoryOptIn: false,
        photoPreference: 'ok',
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});
