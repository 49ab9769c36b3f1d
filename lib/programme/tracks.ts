// Tracks: add, edit and remove, each with its audit entry in the same transaction. A track still used by a
// session is never removed (the sessions would silently lose it): the organizer moves those sessions first.
import { and, eq, max, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { sessions, tracks, type Track } from '@/db/schema';
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
import { trackFormSchema, type TrackFormInput } from './staff-schemas';

const SLUG_TAKEN = 'Another track already uses this address';
const unique = { tracks_event_slug: { field: 'slug', message: SLUG_TAKEN } };

async function assertNameFree(tx: Tx, eventId: string, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: tracks.id })
    .from(tracks)
    .where(
      and(
        eq(tracks.eventId, eventId),
        sql`lower(${tracks.name}) = lower(${name})`,
        exceptId ? sql`${tracks.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (row)
    throw new DomainError('CONFLICT', 'A track with this name already exists', {
      name: ['A track with this name already exists'],
    });
}

export async function addTrack(ctx: ProgrammeCtx, cmd: ProgrammeCommand & { values: TrackFormInput }): Promise<Track> {
  const data = parseInput(trackFormSchema, cmd.values);
  return mapUnique(
    () =>
      ctx.db.transaction(async (tx) => {
        await assertNameFree(tx, cmd.eventId, data.name);
        if (data.slug && (await slugTaken(tx, tracks, cmd.eventId, data.slug))) {
          throw new DomainError('CONFLICT', SLUG_TAKEN, { slug: [SLUG_TAKEN] });
        }
        const slug = data.slug ?? (await freeSlug(tx, tracks, cmd.eventId, slugify(data.name)));
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
      }),
    unique,
  );
}

export async function updateTrack(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { trackId: string; values: TrackFormInput },
): Promise<Track> {
  const id = assertId(cmd.trackId, 'Track');
  const data = parseInput(trackFormSchema, cmd.values);
  return mapUnique(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await lockEventRow(tx, tracks, { id, eventId: cmd.eventId }, 'Track');
        await assertNameFree(tx, cmd.eventId, data.name, id);
        const slug = data.slug ?? before.slug;
        if (slug !== before.slug && (await slugTaken(tx, tracks, cmd.eventId, slug, id))) {
          throw new DomainError('CONFLICT', SLUG_TAKEN, { slug: [SLUG_TAKEN] });
        }
        const [row] = await tx
          .update(tracks)
          .set({ name: data.name, slug, description: data.description })
          .where(eq(tracks.id, id))
          .returning();
        const changed = changedKeys(before, row!, ['name', 'slug', 'description']);
        await auditProgramme(tx, ctx, cmd, { verb: 'update', target: 'track', id, name: row!.name, changed });
        return row!;
      }),
    unique,
  );
}

export async function deleteTrack(
  ctx: ProgrammeCtx,
  cmd: ProgrammeCommand & { trackId: string },
): Promise<{ name: string }> {
  const id = assertId(cmd.trackId, 'Track');
  return ctx.db.transaction(async (tx) => {
    const track = await lockEventRow(tx, tracks, { id, eventId: cmd.eventId }, 'Track');
    // A session being saved with this track holds a key-share lock on it until it commits, so this count
    // sees it; one saved after waits for this delete, then finds the track gone.
    await assertUnused(
      tx,
      sessions.trackId,
      id,
      (n) =>
        `"${track.name}" is used by ${plural(n, 'session')}. Move ${n === 1 ? 'it' : 'them'} to another track (or to no track) first; nothing was deleted.`,
    );
    await tx.delete(tracks).where(eq(tracks.id, id));
    await auditProgramme(tx, ctx, cmd, {
      verb: 'delete',
      target: 'track',
      id,
      name: track.name,
      details: { slug: track.slug },
    });
    return { name: track.name };
  });
}
