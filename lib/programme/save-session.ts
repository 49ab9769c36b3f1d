// Adds or edits a session. Times are wall-clock times in the event's zone and must fall within its dates; the
// room row is locked and checked for overlaps in the same transaction that writes the session; an edit holds the
// session's capacity pool lock (the one orders take) while it measures seats taken, so capacity never drops
// below them and a workshop with seats stays a workshop. The audit entry commits with the change.
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { sessionSpeakers, sessions, speakers, tracks, type Session } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { measureTaken, poolKey } from '../capacity/availability';
import { lockSeats, poolsFor, STAFF_LOCK_TIMEOUT_MS } from '../capacity/seats';
import { DomainError } from '../errors';
import { getEventOrThrow } from './build';
import { assertRoomFree, assertWithinEventDates } from './create-session';
import { sessionSchema } from './schemas';
import { zonedTimeToUtc } from '../time';
import { parseInput } from '../validation';
import {
  assertId,
  editedSummary,
  lockEventRow,
  plural,
  slugFor,
  transactUnique,
  type ProgrammeCommand,
  type ProgrammeCtx,
} from './staff-common';
import { sessionFormSchema, type SessionForm, type SessionFormInput } from './staff-schemas';

const SLUG_TAKEN = 'Another session already uses this address';

export interface SaveSessionResult {
  session: Session;
  created: boolean;
  changed: string[];
}

/** Runs a parse; messages about speakers (by row or by id) all go to the form's one "speakers" field. */
function speakerErrorsTogether<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof DomainError) {
      const fields: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(error.fieldErrors)) {
        const field = key.startsWith('speaker') ? 'speakers' : key;
        fields[field] = [...new Set([...(fields[field] ?? []), ...messages])];
      }
      throw new DomainError(error.code, error.message, fields);
    }
    throw error;
  }
}

const local = (value: string, tz: string) => zonedTimeToUtc(value.slice(0, 10), value.slice(11, 16), tz);

export async function saveSession(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { sessionId?: string; values: SessionFormInput },
): Promise<SaveSessionResult> {
  const id = cmd.sessionId === undefined ? undefined : assertId(cmd.sessionId, 'Session');
  const form: SessionForm = speakerErrorsTogether(() => parseInput(sessionFormSchema, cmd.values));
  const event = await getEventOrThrow(ctx, cmd.eventId);
  const data = speakerErrorsTogether(() =>
    parseInput(sessionSchema, {
      ...form,
      startsAt: local(form.startsAt, event.timezone),
      endsAt: local(form.endsAt, event.timezone),
      speakerIds: form.speakers.map((s) => s.speakerId),
    }),
  );
  assertWithinEventDates(event, data.startsAt, data.endsAt);

  return transactUnique(ctx, { sessions_event_slug: { field: 'slug', message: SLUG_TAKEN } }, async (tx) => {
    let before: Session | undefined;
    if (id) {
      // The pool lock first, as orders take it before their seats' key-share lock on this row: the same
      // order everywhere, so an edit and a purchase of this workshop queue up and never deadlock.
      await lockSeats(tx, poolsFor({ eventId: event.id, sessionIds: [id] }), { timeoutMs: STAFF_LOCK_TIMEOUT_MS });
      before = await lockEventRow(tx, sessions, { id, eventId: event.id }, 'Session', 'no key update');
    }
    if (data.trackId) {
      // Key-share: a track being deleted right now is waited for, then seen as gone.
      const [track] = await tx
        .select({ id: tracks.id })
        .from(tracks)
        .where(and(eq(tracks.id, data.trackId), eq(tracks.eventId, event.id)))
        .for('key share');
      if (!track) throw new DomainError('VALIDATION', 'Unknown track', { trackId: ['Choose a track of this event'] });
    }
    if (data.roomId)
      await assertRoomFree(tx, {
        eventId: event.id,
        roomId: data.roomId,
        startsAt: data.startsAt,
        endsAt: data.endsAt,
        exceptSessionId: id,
      });
    if (form.speakers.length) {
      const found = await tx
        .select({ id: speakers.id })
        .from(speakers)
        .where(and(inArray(speakers.id, data.speakerIds), eq(speakers.eventId, event.id)))
        .for('key share');
      if (found.length !== form.speakers.length) {
        throw new DomainError('VALIDATION', 'Unknown speaker', {
          speakers: ['Choose speakers of this event; one of them may have just been deleted'],
        });
      }
    }
    if (before) await assertSeatsFit(ctx, tx, event.id, before, data.format, data.capacity);

    const slug = await slugFor(
      tx,
      sessions,
      event.id,
      { typed: data.slug, current: before?.slug, name: data.title, id },
      SLUG_TAKEN,
    );
    const { speakerIds: _ids, slug: _slug, ...values } = data;
    const now = ctx.clock.now();
    const [row] = before
      ? await tx
          .update(sessions)
          .set({ ...values, slug, updatedAt: now })
          .where(eq(sessions.id, before.id))
          .returning()
      : await tx
          .insert(sessions)
          .values({ ...values, slug, eventId: event.id, createdAt: now, updatedAt: now })
          .returning();
    const session = row!;

    const previousSpeakers = before
      ? await tx
          .select({ speakerId: sessionSpeakers.speakerId, role: sessionSpeakers.role })
          .from(sessionSpeakers)
          .where(eq(sessionSpeakers.sessionId, session.id))
          .orderBy(sessionSpeakers.sortOrder)
      : [];
    const speakersChanged =
      JSON.stringify(previousSpeakers) !==
      JSON.stringify(form.speakers.map(({ speakerId, role }) => ({ speakerId, role })));
    if (speakersChanged) {
      if (before) await tx.delete(sessionSpeakers).where(eq(sessionSpeakers.sessionId, session.id));
      if (form.speakers.length) {
        await tx.insert(sessionSpeakers).values(
          form.speakers.map((s, i) => ({
            sessionId: session.id,
            speakerId: s.speakerId,
            role: s.role,
            sortOrder: i,
          })),
        );
      }
    }

    const changed = before ? changedFields(before, session, speakersChanged) : [];
    const when = `${form.startsAt.replace('T', ' ')} to ${form.endsAt.replace('T', ' ')} ${event.timezone}`;
    await recordAudit(tx, {
      actor: cmd.actor,
      action: before ? 'session.update' : 'session.create',
      eventId: event.id,
      targetType: 'session',
      targetId: session.id,
      summary: before ? editedSummary('session', session.title, changed) : `Added session "${session.title}" (${when})`,
      details: before ? { changed } : { slug: session.slug, visibility: session.visibility },
      at: now,
    });
    return { session, created: !before, changed };
  });
}

/**
 * Seats already taken in the session (paid orders, live holds, live waiting-list offers), measured while the
 * transaction holds the pool's lock, so no order commits a seat between the count and the commit.
 */
async function assertSeatsFit(
  ctx: ProgrammeCtx,
  tx: Tx,
  eventId: string,
  before: Session,
  format: Session['format'],
  capacity: number | null,
): Promise<void> {
  const key = poolKey.session(before.id);
  const taken = (await measureTaken(tx, ctx.clock.now(), { eventId, sessionIds: [before.id] })).get(key) ?? 0;
  if (!taken) return;
  if (format !== 'workshop' && before.format === 'workshop') {
    const message = `${plural(taken, 'seat is', 'seats are')} taken in this workshop, so it must stay a workshop.`;
    throw new DomainError('CONFLICT', message, { format: [message] });
  }
  if (capacity !== null && capacity < taken) {
    const message = `${plural(taken, 'seat is', 'seats are')} already taken (paid or being paid for); the capacity cannot be lower than ${taken}.`;
    throw new DomainError('CONFLICT', message, { capacity: [message] });
  }
}

function changedFields(before: Session, after: Session, speakersChanged: boolean): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) =>
    a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
  for (const [field, label] of [
    ['title', 'title'],
    ['slug', 'address'],
    ['abstract', 'abstract'],
    ['format', 'format'],
    ['trackId', 'track'],
    ['roomId', 'room'],
    ['capacity', 'capacity'],
    ['contentNote', 'content note'],
    ['visibility', 'visibility'],
  ] as const) {
    if (!same(before[field], after[field])) out.push(label);
  }
  if (!same(before.startsAt, after.startsAt) || !same(before.endsAt, after.endsAt)) out.push('time');
  if (speakersChanged) out.push('speakers');
  return out;
}
