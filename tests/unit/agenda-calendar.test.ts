// The agenda feed's pure parts: the calendar text (neutral name, stable UIDs, UTC times, no link for
// attendee-only sessions, escaped text) and the signed address.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AGENDA_CALENDAR_NAME, agendaCalendar, agendaEntryUid, type AgendaFeedSession } from '@/lib/agenda/calendar';
import { feedSecret, feedSignature, feedUrls } from '@/lib/agenda/feed';
import { zonedTimeToUtc } from '@/lib/time';

const APP = 'https://conf.example.org/';
const NOW = new Date('2030-01-10T10:00:00Z');

function session(overrides: Partial<AgendaFeedSession> = {}): AgendaFeedSession {
  return {
    id: '0b6f5a3e-8a59-4c86-9c1d-3f0f2c1d9a11',
    slug: 'relapse-triggers',
    title: 'Relapse triggers, cues; and stress',
    visibility: 'public',
    contentNote: null,
    startsAt: new Date('2030-03-28T08:00:00Z'),
    endsAt: new Date('2030-03-28T09:00:00Z'),
    updatedAt: new Date('2030-01-05T12:00:00Z'),
    room: 'Room A',
    speakers: ['Dr Ana Silva', 'Sam Lee'],
    ...overrides,
  };
}

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('agenda calendar', () => {
  it('has a neutral name and one entry per session with a UID that only depends on the session', () => {
    const ics = agendaCalendar([session()], { appUrl: APP, venueName: 'Congress Centre', now: NOW });
    expect(AGENDA_CALENDAR_NAME).toBe('Conference agenda');
    expect(ics).toContain('X-WR-CALNAME:Conference agenda\r\n');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('UID:agenda-0b6f5a3e-8a59-4c86-9c1d-3f0f2c1d9a11@conf.example.org\r\n');
    expect(agendaEntryUid(session().id, 'https://conf.example.org/other/path')).toBe(agendaEntryUid(session().id, APP));
    const moved = agendaCalendar(
      [
        session({
          startsAt: new Date('2030-03-29T08:00:00Z'),
          endsAt: new Date('2030-03-29T09:00:00Z'),
          title: 'Renamed',
        }),
      ],
      { appUrl: APP, venueName: '', now: NOW },
    );
    expect(moved).toContain('UID:agenda-0b6f5a3e-8a59-4c86-9c1d-3f0f2c1d9a11@conf.example.org\r\n');
    expect(moved).toContain('DTSTART:20300329T080000Z\r\n');
  });

  it('escapes text, places the session in its room and venue, and links public sessions only', () => {
    const text = unfold(
      agendaCalendar(
        [
          session(),
          session({
            id: 'b2',
            slug: 'peer-circle',
            title: 'Peer circle',
            visibility: 'attendees',
            room: null,
            speakers: [],
          }),
        ],
        { appUrl: APP, venueName: 'Congress Centre', now: NOW, showTitles: true },
      ),
    );
    expect(text).toContain('SUMMARY:Relapse triggers\\, cues\\; and stress\r\n');
    expect(text).toContain('LOCATION:Room A\\, Congress Centre\r\n');
    expect(text).toContain(
      'DESCRIPTION:With Dr Ana Silva\\, Sam Lee\\n\\nhttps://conf.example.org/sessions/relapse-triggers\r\n',
    );
    expect(text).toContain('URL:https://conf.example.org/sessions/relapse-triggers\r\n');
    expect(text).toContain('SUMMARY:Peer circle\r\nLOCATION:Congress Centre\r\nEND:VEVENT');
    expect(text).not.toContain('peer-circle');
    expect(text).toContain('DTSTAMP:20300105T120000Z\r\n');
  });

  it('names attendee-only and content-noted sessions "Conference session", with no speakers or link, unless asked', () => {
    const list = [
      session(),
      session({ id: 'b2', slug: 'peer-circle', title: 'Peer circle', visibility: 'attendees', speakers: ['Jo Peer'] }),
      session({
        id: 'b3',
        slug: 'relapse-story',
        title: 'My relapse story',
        contentNote: 'Describes drug use',
        speakers: ['Kim Doe'],
      }),
      session({ id: 'b4', slug: 'blank-note', title: 'Plain talk', contentNote: '   ' }),
    ];
    const discreet = unfold(agendaCalendar(list, { appUrl: APP, venueName: 'Congress Centre', now: NOW }));
    expect(discreet.match(/SUMMARY:Conference session\r\n/g)).toHaveLength(2);
    for (const hidden of ['Peer circle', 'Jo Peer', 'peer-circle', 'My relapse story', 'Kim Doe', 'relapse-story'])
      expect(discreet).not.toContain(hidden);
    expect(discreet).toContain('SUMMARY:Relapse triggers\\, cues\\; and stress\r\n');
    expect(discreet).toContain('SUMMARY:Plain talk\r\n');
    expect(discreet.match(/UID:agenda-b[23]@conf.example.org/g)).toHaveLength(2);
    const open = unfold(
      agendaCalendar(list, { appUrl: APP, venueName: 'Congress Centre', now: NOW, showTitles: true }),
    );
    expect(open).toContain('SUMMARY:Peer circle\r\n');
    expect(open).toContain('SUMMARY:My relapse story\r\n');
    expect(open).toContain('URL:https://conf.example.org/sessions/relapse-story\r\n');
    expect(open).not.toContain('Conference session');
  });

  it('writes the UTC instants of wall-clock times on either side of a clock change', () => {
    const tz = 'Europe/Amsterdam';
    const before = session({
      id: 'x1',
      startsAt: zonedTimeToUtc('2030-03-30', '10:00', tz),
      endsAt: zonedTimeToUtc('2030-03-30', '11:00', tz),
    });
    const after = session({
      id: 'x2',
      startsAt: zonedTimeToUtc('2030-03-31', '10:00', tz),
      endsAt: zonedTimeToUtc('2030-03-31', '11:00', tz),
    });
    const ics = agendaCalendar([before, after], { appUrl: APP, venueName: '', now: NOW });
    expect(ics).toContain('DTSTART:20300330T090000Z\r\nDTEND:20300330T100000Z\r\n');
    expect(ics).toContain('DTSTART:20300331T080000Z\r\nDTEND:20300331T090000Z\r\n');
  });

  it('is an empty but valid calendar when nothing is starred', () => {
    const ics = agendaCalendar([], { appUrl: APP, venueName: 'X', now: NOW });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics).not.toContain('VEVENT');
  });
});

describe('agenda feed address', () => {
  it('signs agenda:<ticket>:<version> with HMAC-SHA256 in base64url, so a new version is a new address', () => {
    const id = '0b6f5a3e-8a59-4c86-9c1d-3f0f2c1d9a11';
    const sig = feedSignature('s3cret-s3cret-s3cret', id, 1);
    expect(sig).toBe(createHmac('sha256', 's3cret-s3cret-s3cret').update(`agenda:${id}:1`).digest('base64url'));
    expect(sig).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(feedSignature('s3cret-s3cret-s3cret', id, 2)).not.toBe(sig);
    expect(feedSignature('another-secret-value', id, 1)).not.toBe(sig);
    expect(feedUrls('https://conf.example.org/', id, sig)).toEqual({
      https: `https://conf.example.org/feeds/agenda/${id}/${sig}.ics`,
      webcal: `webcal://conf.example.org/feeds/agenda/${id}/${sig}.ics`,
    });
    expect(feedUrls('http://localhost:3000', id, sig).webcal).toBe(
      `webcal://localhost:3000/feeds/agenda/${id}/${sig}.ics`,
    );
  });

  it('is keyed with AUTH_SECRET, and refuses to run without one in production', () => {
    expect(feedSecret({ AUTH_SECRET: 'configured-secret-123', APP_ENV: 'production' })).toBe('configured-secret-123');
    expect(() => feedSecret({ AUTH_SECRET: undefined, APP_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(feedSecret({ AUTH_SECRET: undefined, APP_ENV: 'development' })).toMatch(/development/);
  });
});
