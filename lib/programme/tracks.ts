// Tracks: add, edit and remove, each with its audit entry in the same transaction. A track still used by a
// session is never removed (the sessions would silently lose it): the organizer moves those sessions first.
import { eq, max } from 'drizzle-orm';
import { sessions, tracks, type Track } from '@/db/schema';
import { parseInput } from '../validation';
import {
  assertId,
  assertNameFree,
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
import { trackFormSchema, type TrackFormInput } from './staff-schemas';

const SLUG_TAKEN = 'Another track already uses this address';
const NAME_TAKEN = 'A track with this name already exists';
const unique = { tracks_event_slug: { field: 'slug', message: SLUG_TAKEN } };

export async function addTrack(ctx: ProgrammeCtx, cmd: ProgrammeCommand & { values: TrackFormInput }): Promise<Track> {
  const data = parseInput(trackFormSchema, cmd.values);
  return transactUnique(ctx, unique, async (tx) => {
    await assertNameFree(tx, tracks, cmd.eventId, data.name, NAME_TAKEN);
    const slug = await slugFor(tx, tracks, cmd.eventId, { typed: data.slug, name: data.name }, SLUG_TAKEN);
    const [last] = await tx
      .select({ n: max(tracks.sortOrder) })
      .from(tracks)
      .where(eq(tracks.eventId, cmd.eventId));
    const [row] = await tx
      .insert(tracks)
      .values({
        eventId: cmd.eventId,
        name: data.name,
        slug,
        description: data.description,
        sortOrder: (last?.n ?? -1) + 1,
      })
      .returning();
    await auditProgramme(tx, ctx, cmd, { verb: 'create', target: 'track', id: row!.id, name: row!.name });
    return row!;
  });
}

export async function updateTrack(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { trackId: string; values: TrackFormInput },
): Promise<Track> {
  const id = assertId(cmd.trackId, 'Track');
  const data = parseInput(trackFormSchema, cmd.values);
  return transactUnique(ctx, unique, async (tx) => {
    const before = await lockEventRow(tx, tracks, { id, eventId: cmd.eventId }, 'Track');
    await assertNameFree(tx, tracks, cmd.eventId, data.name, NAME_TAKEN, id);
    const slug = await slugFor(
      tx,
      tracks,
      cmd.eventId,
      { typed: data.slug, current: before.slug, name: data.name, id },
      SLUG_TAKEN,
    );
    const [row] = await tx
      .update(tracks)
      .set({ name: data.name, slug, description: data.description })
      .where(eq(tracks.id, id))
      .returning();
    const changed = changedKeys(before, row!, ['name', 'slug', 'description']);
    await auditProgramme(tx, ctx, cmd, { verb: 'update', target: 'track', id, name: row!.name, changed });
    return row!;
  });
}

export async function deleteTrack(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { trackId: string },
): Promise<{ name: string }> {
  return deleteUnused(ctx, cmd, {
    table: tracks,
    target: 'track',
    id: assertId(cmd.trackId, 'Track'),
    usedBy: sessions.trackId,
    refusal: (track, n) =>
      `"${track.name}" is used by ${plural(n, 'session')}. Move ${n === 1 ? 'it' : 'them'} to another track (or to no track) first; nothing was deleted.`,
    details: (track) => ({ slug: track.slug }),
  });
}
