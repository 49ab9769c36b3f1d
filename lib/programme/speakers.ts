// Speakers: add, edit and remove, each with its audit entry in the same transaction. A speaker still listed
// on a session is never removed (the session would silently lose them): take them off those sessions first.
import { eq } from 'drizzle-orm';
import { sessionSpeakers, speakers, type Speaker } from '@/db/schema';
import { DomainError } from '../errors';
import { slugify } from '../slug';
import { parseInput } from '../validation';
import {
  assertId,
  assertUnused,
  auditProgramme,
  changedKeys,
  freeSlug,
  lockEventRow,
  mapUnique,
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
        await auditProgramme(tx, ctx, cmd, { verb: 'create', target: 'speaker', id: row!.id, name: row!.name });
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
        const before = await lockEventRow(tx, speakers, { id, eventId: cmd.eventId }, 'Speaker');
        const slug = data.slug ?? before.slug;
        if (slug !== before.slug && (await slugTaken(tx, speakers, cmd.eventId, slug, id))) {
          throw new DomainError('CONFLICT', SLUG_TAKEN, { slug: [SLUG_TAKEN] });
        }
        const [row] = await tx
          .update(speakers)
          .set({ ...data, slug })
          .where(eq(speakers.id, id))
          .returning();
        const changed = changedKeys(before, row!, ['name', 'slug', 'affiliation', 'bio']);
        await auditProgramme(tx, ctx, cmd, { verb: 'update', target: 'speaker', id, name: row!.name, changed });
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
    const speaker = await lockEventRow(tx, speakers, { id, eventId: cmd.eventId }, 'Speaker');
    await assertUnused(
      tx,
      sessionSpeakers.speakerId,
      id,
      (n) =>
        `${speaker.name} is listed on ${plural(n, 'session')}. Take them off ${n === 1 ? 'that session' : 'those sessions'} first; nothing was deleted.`,
    );
    await tx.delete(speakers).where(eq(speakers.id, id));
    await auditProgramme(tx, ctx, cmd, { verb: 'delete', target: 'speaker', id, name: speaker.name });
    return { name: speaker.name };
  });
}
