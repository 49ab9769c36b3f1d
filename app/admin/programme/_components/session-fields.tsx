// The fields of the session form, shared by "add" and "edit". Times are typed as wall-clock times in the
// event's zone; the hint says which zone, and the page shows the viewer's own time beside saved times.
import { SelectField, TextAreaField, TextField } from '@/app/admin/_components/fields';
import { formatDateRange } from '@/app/_components/dates';
import type { Event } from '@/db/schema';
import { listRoomsForAdmin, listSpeakersForAdmin, listTracksForAdmin } from '@/lib/programme/staff-queries';
import { speakerRoles } from '@/lib/programme/staff-schemas';
import type { AppContext } from '@/lib/context';
import { formatLabels } from '@/lib/programme/filter';
import { sessionFormats } from '@/lib/programme/schemas';
import { SpeakerRows } from './speaker-rows';

export interface SessionFieldOptions {
  tracks: { value: string; label: string }[];
  rooms: { value: string; label: string }[];
  speakers: { value: string; label: string }[];
}

export async function loadSessionFieldOptions(
  ctx: Pick<AppContext, 'db'>,
  eventId: string,
): Promise<SessionFieldOptions> {
  const [tracks, rooms, speakers] = await Promise.all([
    listTracksForAdmin(ctx, eventId),
    listRoomsForAdmin(ctx, eventId),
    listSpeakersForAdmin(ctx, eventId),
  ]);
  return {
    tracks: tracks.map((t) => ({ value: t.id, label: t.name })),
    rooms: rooms.map((r) => ({ value: r.id, label: r.capacity ? `${r.name} (${r.capacity} seats)` : r.name })),
    speakers: speakers.map((s) => ({ value: s.id, label: s.affiliation ? `${s.name}, ${s.affiliation}` : s.name })),
  };
}

export interface SessionFieldValues {
  title: string;
  slug: string;
  abstract: string;
  format: string;
  trackId: string;
  roomId: string;
  startsAt: string;
  endsAt: string;
  capacity: string;
  contentNote: string;
  visibility: string;
  speakers: { speakerId: string; role: string }[];
}

export const emptySessionValues: SessionFieldValues = {
  title: '',
  slug: '',
  abstract: '',
  format: 'talk',
  trackId: '',
  roomId: '',
  startsAt: '',
  endsAt: '',
  capacity: '',
  contentNote: '',
  visibility: 'public',
  speakers: [],
};

export function SessionFields({
  event,
  options,
  values,
  taken,
  isNew,
}: {
  event: Pick<Event, 'timezone' | 'startsOn' | 'endsOn'>;
  options: SessionFieldOptions;
  values: SessionFieldValues;
  taken?: number;
  isNew: boolean;
}) {
  const zone = event.timezone.replace(/_/g, ' ');
  const when = `Date and time in the event's time zone (${zone}), between ${formatDateRange(event.startsOn, event.endsOn)}.`;
  const rows = [
    ...values.speakers,
    ...Array.from({ length: Math.max(2, 4 - values.speakers.length) }, () => ({ speakerId: '', role: 'speaker' })),
  ];
  return (
    <div className="flex flex-col gap-5">
      <TextField name="title" label="Title" defaultValue={values.title} />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          name="format"
          label="Format"
          defaultValue={values.format}
          options={sessionFormats.map((f) => ({ value: f, label: formatLabels[f] }))}
        />
        <SelectField
          name="visibility"
          label="Who can see it"
          defaultValue={values.visibility}
          hint="Attendee-only sessions never appear on the public pages or feeds."
          options={[
            { value: 'public', label: 'Everyone (public programme)' },
            { value: 'attendees', label: 'Registered attendees only' },
          ]}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          name="startsAt"
          label="Starts"
          type="datetime-local"
          hint={when}
          defaultValue={values.startsAt}
          min={`${event.startsOn}T00:00`}
          max={`${event.endsOn}T23:59`}
        />
        <TextField
          name="endsAt"
          label="Ends"
          type="datetime-local"
          hint={`Also in ${zone} time; after the start.`}
          defaultValue={values.endsAt}
          min={`${event.startsOn}T00:00`}
          max={`${event.endsOn}T23:59`}
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          name="trackId"
          label="Track"
          required={false}
          defaultValue={values.trackId}
          options={[{ value: '', label: 'No track' }, ...options.tracks]}
        />
        <SelectField
          name="roomId"
          label="Room"
          required={false}
          defaultValue={values.roomId}
          hint="A room holds one session at a time."
          options={[{ value: '', label: 'No room (online or to be announced)' }, ...options.rooms]}
        />
      </div>
      <TextField
        name="capacity"
        label="Capacity"
        required={false}
        inputMode="numeric"
        defaultValue={values.capacity}
        hint={`Seats attendees can book for a workshop; leave blank for no limit.${taken ? ` ${taken} ${taken === 1 ? 'seat is' : 'seats are'} taken now.` : ''}`}
      />
      <TextAreaField
        name="abstract"
        label="Abstract"
        defaultValue={values.abstract}
        rows={6}
        hint="What the session discusses. Describe what is studied, not cures."
      />
      <TextField
        name="contentNote"
        label="Content note"
        required={false}
        defaultValue={values.contentNote}
        hint="Shown prominently before the session, for example: Includes first-person accounts of relapse."
      />
      <SpeakerRows options={options.speakers} roles={speakerRoles} rows={rows} />
      <TextField
        name="slug"
        label="Web address"
        required={false}
        defaultValue={values.slug}
        hint={
          isNew
            ? 'The last part of the session page address (/sessions/...). Leave blank to make one from the title.'
            : 'The last part of the session page address (/sessions/...). Changing it breaks links already shared; leave blank to keep it.'
        }
      />
    </div>
  );
}
