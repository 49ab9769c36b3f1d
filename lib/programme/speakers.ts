// Speakers: add, edit and remove, each with its audit entry in the same transaction. A speaker still listed
// on a session is never removed (the session would silently lose them): take them off those sessions first.
import { and, count, eq } from 'drizzle-orm';
import { sessionSpeakers, speakers, type Speaker } from '@/db/schema';
import { recordAudit } from '../audit/record';
import { DomainError } from '../errors';
import { slugify } from '../slug';
import { parseInput } from '../validation';
import {
  assertId,
  freeSlug,
  mapUnique,
  notFound,
  plural,
  slugTaken,
  type ProgrammeCommand,
  type ProgrammeCtx,
} from './staff-common';
import { speakerFormSchema, type SpeakerFormInput } from './staff-schemas';

const SLUG_TAKEN = 'Another speaker already uses this address';
const unique = { speakers_event_slug: { field: 'slug', message: SLUG_TAKEN } };

export async function addSpeaker(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { values: SpeakerFormInput },
): Promise<Speaker> {
  const data = parseInput(speakerFormSchema, cmd.values);
  return mapUnique(
    () =>
      ctx.db.transaction(async (tx) => {
        if (data.slug && (await slugTaken(tx, speakers, cmd.eventId, data.slug))) {
          throw new DomainError('CONFLICT', SLUG_TAKEN, { slug: [SLUG_TAKEN] });
        }
        // Two people may share a name; the derived address then gets a number.
        const slug = data.slug ?? (await freeSlug(tx, speakers, cmd.eventId, slugify(data.name)));
        const [row] = await tx
          .insert(speakers)
          .values({ eventId: cmd.eventId, ...data, slug })
          .returning();
        await recordAudit(tx, {
          actor: cmd.actor,
          action: 'speaker.create',
          eventId: cmd.eventId,
          targetType: 'speaker',
          targetId: row!.id,
          summary: `Added speaker "${row!.name}"`,
          at: ctx.clock.now(),
        });
        return row!;
      }),
    unique,
  );
}

export async function updateSpeaker(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { speakerId: string; values: SpeakerFormInput },
): Promise<Speaker> {
  const id = assertId(cmd.speakerId, 'Speaker');
  const data = parseInput(speakerFormSchema, cmd.values);
  return mapUnique(
    () =>
      ctx.db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(speakers)
          .where(and(eq(speakers.id, id), eq(speakers.eventId, cmd.eventId)))
          .for('update');
        if (!before) throw notFound('Speaker');
        const slug = data.slug ?? before.slug;
        if (slug !== before.slug && (await slugTaken(tx, speakers, cmd.eventId, slug, id))) {
          throw new DomainError('CONFLICT', SLUG_TAKEN, { slug: [SLUG_TAKEN] });
        }
        const [row] = await tx
          .update(speakers)
          .set({ ...data, slug })
          .where(eq(speakers.id, id))
          .returning();
        const changed = (['name', 'slug', 'affiliation', 'bio'] as const).filter((k) => before[k] !== row![k]);
        await recordAudit(tx, {
          actor: cmd.actor,
          action: 'speaker.update',
          eventId: cmd.eventId,
          targetType: 'speaker',
          targetId: id,
          summary: `Edited speaker "${row!.name}"${changed.length ? ` (${changed.join(', ')})` : ' (no changes)'}`,
          details: { changed },
          at: ctx.clock.now(),
        });
        return row!;
      }),
    unique,
  );
}

export async function deleteSpeaker(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { speakerId: string },
): Promise<{ name: string }> {
  const id = assertId(cmd.speakerId, 'Speaker');
  return ctx.db.transaction(async (tx) => {
    // A session being saved with this speaker holds a key-share lock on the row until it commits: it is counted.
    const [speaker] = await tx
      .select()
      .from(speakers)
      .where(and(eq(speakers.id, id), eq(speakers.eventId, cmd.eventId)))
      .for('update');
    if (!speaker) throw notFound('Speaker');
    const [used] = await tx.select({ n: count() }).from(sessionSpeakers).where(eq(sessionSpeakers.speakerId, id));
    if (used && used.n > 0) {
      throw new DomainError(
        'CONFLICT',
        `${speaker.name} is listed on ${plural(used.n, 'session')}. Take them off ${used.n === 1 ? 'that session' : 'those sessions'} first; nothing was deleted.`,
      );
    }
    await tx.delete(speakers).where(eq(speakers.id, id));
    await recordAudit(tx, {
      actor: cmd.actor,
      action: 'speaker.delete',
      eventId: cmd.eventId,
      targetType: 'speaker',
      targetId: id,
      summary: `Deleted speaker "${speaker.name}"`,
      at: ctx.clock.now(),
    });
    return { name: speaker.name };
  });
}
