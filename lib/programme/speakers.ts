// Speakers: add, edit and remove, each with its audit entry in the same transaction. A speaker still listed
// on a session is never removed (the session would silently lose them): take them off those sessions first.
import { eq } from 'drizzle-orm';
import { sessionSpeakers, speakers, type Speaker } from '@/db/schema';
import { parseInput } from '../validation';
import {
  assertId,
  auditProgramme,
  changedKeys,
  deleteUnused,
  lockEventRow,
  plural,
  slugFor,
  transactUnique,
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
  return transactUnique(ctx, unique, async (tx) => {
    // Two people may share a name; the derived address then gets a number.
    const slug = await slugFor(tx, speakers, cmd.eventId, { typed: data.slug, name: data.name }, SLUG_TAKEN);
    const [row] = await tx
      .insert(speakers)
      .values({ eventId: cmd.eventId, ...data, slug })
      .returning();
    await auditProgramme(tx, ctx, cmd, { verb: 'create', target: 'speaker', id: row!.id, name: row!.name });
    return row!;
  });
}

export async function updateSpeaker(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { speakerId: string; values: SpeakerFormInput },
): Promise<Speaker> {
  const id = assertId(cmd.speakerId, 'Speaker');
  const data = parseInput(speakerFormSchema, cmd.values);
  return transactUnique(ctx, unique, async (tx) => {
    const before = await lockEventRow(tx, speakers, { id, eventId: cmd.eventId }, 'Speaker');
    const slug = await slugFor(
      tx,
      speakers,
      cmd.eventId,
      { typed: data.slug, current: before.slug, name: data.name, id },
      SLUG_TAKEN,
    );
    const [row] = await tx
      .update(speakers)
      .set({ ...data, slug })
      .where(eq(speakers.id, id))
      .returning();
    const changed = changedKeys(before, row!, ['name', 'slug', 'affiliation', 'bio']);
    await auditProgramme(tx, ctx, cmd, { verb: 'update', target: 'speaker', id, name: row!.name, changed });
    return row!;
  });
}

export async function deleteSpeaker(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { speakerId: string },
): Promise<{ name: string }> {
  return deleteUnused(ctx, cmd, {
    table: speakers,
    target: 'speaker',
    id: assertId(cmd.speakerId, 'Speaker'),
    usedBy: sessionSpeakers.speakerId,
    refusal: (speaker, n) =>
      `${speaker.name} is listed on ${plural(n, 'session')}. Take them off ${n === 1 ? 'that session' : 'those sessions'} first; nothing was deleted.`,
  });
}
