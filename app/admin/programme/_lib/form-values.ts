// Reads the programme admin forms into the plain values lib/programme validates (with zod, beside each
// field). Speaker rows arrive as parallel lists; empty rows are dropped, the rest keep their order.
import 'server-only';
import type { RoomFormInput, SessionFormInput, SpeakerFormInput, TrackFormInput } from '@/lib/programme/staff-schemas';
import { getEventBySlug } from '@/lib/programme/queries';
import { DomainError } from '@/lib/errors';
import type { AppContext } from '@/lib/context';

const str = (v: FormDataEntryValue | null | undefined): string => (typeof v === 'string' ? v : '');

/** The value of a field as sent (trimming is the schema's job, so lengths are checked on what was typed). */
const field = (formData: FormData, name: string) => str(formData.get(name));

export function sessionValues(formData: FormData): SessionFormInput {
  const roles = formData.getAll('speakerRole');
  const speakers = formData
    .getAll('speakerId')
    .map((id, i) => ({ speakerId: str(id).trim(), role: (str(roles[i]).trim() || 'speaker') as 'speaker' }))
    .filter((s) => s.speakerId !== '');
  return {
    title: field(formData, 'title'),
    slug: field(formData, 'slug'),
    abstract: field(formData, 'abstract'),
    format: field(formData, 'format') as SessionFormInput['format'],
    trackId: field(formData, 'trackId'),
    roomId: field(formData, 'roomId'),
    startsAt: field(formData, 'startsAt'),
    endsAt: field(formData, 'endsAt'),
    capacity: field(formData, 'capacity'),
    contentNote: field(formData, 'contentNote'),
    visibility: (field(formData, 'visibility') || 'public') as SessionFormInput['visibility'],
    speakers,
  };
}

export function trackValues(formData: FormData): TrackFormInput {
  return { name: field(formData, 'name'), slug: field(formData, 'slug'), description: field(formData, 'description') };
}

export function roomValues(formData: FormData): RoomFormInput {
  return {
    name: field(formData, 'name'),
    location: field(formData, 'location'),
    capacity: field(formData, 'capacity'),
  };
}

export function speakerValues(formData: FormData): SpeakerFormInput {
  return {
    name: field(formData, 'name'),
    slug: field(formData, 'slug'),
    affiliation: field(formData, 'affiliation'),
    bio: field(formData, 'bio'),
  };
}

/** The id a form carries in its hidden "id" field. */
export function idOf(formData: FormData): string {
  return field(formData, 'id').trim();
}

/** The configured event's id, for actions (pages use getCurrentEvent). */
export async function programmeEventId(ctx: Pick<AppContext, 'db' | 'config'>): Promise<string> {
  const event = await getEventBySlug(ctx, ctx.config.EVENT_SLUG);
  if (!event) throw new DomainError('NOT_FOUND', `There is no event with the slug "${ctx.config.EVENT_SLUG}" yet.`);
  return event.id;
}
