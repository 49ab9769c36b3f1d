import { describe, expect, it } from 'vitest';
import type { Event } from '@/db/schema';
import { buildCalendar, escapeText, foldLine, formatUtc } from '@/lib/calendar/ics';
import type { ProgrammeSession } from '@/lib/programme/queries';
import { sessionCalendar } from '@/lib/programme/session-calendar';

const now = new Date('2030-01-10T12:00:00Z');
const octets = (s: string) => Buffer.byteLength(s, 'utf8');
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('buildCalendar', () => {
  const text = buildCalendar(
    [
      {
        uid: 'a@example.org',
        title: 'Glutamate',
        start: new Date('2030-03-29T08:00:00.000Z'),
        end: new Date('2030-03-29T09:30:45.123Z'),
      },
    ],
    { now },
  );

  it('ends every line, including the last, with CRLF and never a bare LF or CR', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes DTSTART, DTEND and DTSTAMP as UTC basic format without milliseconds', () => {
    const lines = text.split('\r\n');
    expect(lines).toContain('DTSTART:20300329T080000Z');
    expect(lines).toContain('DTEND:20300329T093045Z');
    expect(lines).toContain('DTSTAMP:20300110T120000Z');
  });

  it('wraps each entry in a VEVENT inside one VCALENDAR', () => {
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
    expect(lines).toContain('SUMMARY:Glutamate');
  });
});

describe('formatUtc', () => {
  it('formats an instant in UTC whatever the offset it was created with', () => {
    expect(formatUtc(new Date('2030-07-01T01:02:03+02:00'))).toBe('20300630T230203Z');
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds a longer one with CRLF and a space', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    const folded = foldLine(`DESCRIPTION:${'a'.repeat(200)}`);
    expect(folded).toContain('\r\n ');
    for (const line of folded.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(`DESCRIPTION:${'a'.repeat(200)}`);
  });

  it('never splits a multi-byte character across physical lines', () => {
    const original = `SUMMARY:${'é'.repeat(60)}${'🧠'.repeat(30)}Nováková`;
    const folded = foldLine(original);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A split character would not survive a UTF-8 round trip (it turns into U+FFFD).
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(unfold(folded)).toBe(original);
  });
});

describe('escapeText', () => {
  it('escapes backslash, semicolon and comma', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d');
  });

  it('turns every kind of line break into an escaped \\n', () => {
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour');
  });

  it('removes control characters that could break the line structure', () => {
    expect(escapeText('a\u0000b\u0007c\u001bd\u007fe')).toBe('abcde');
  });

  it('keeps a title with every special character intact after unescaping in a calendar', () => {
    const text = buildCalendar(
      [
        {
          uid: 'u',
          title: 'Stress; cues, and \\ relapse\nPart 2',
          start: now,
          end: new Date(now.getTime() + 3_600_000),
        },
      ],
      { now },
    );
    expect(unfold(text)).toContain('SUMMARY:Stress\\; cues\\, and \\\\ relapse\\nPart 2\r\n');
  });
});

describe('sessionCalendar', () => {
  // sessionCalendar reads only the name and venue of the event row.
  const event = {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'iac',
    name: 'Integrative Addiction Conference',
    tagline: '',
    description: '',
    timezone: 'Europe/Amsterdam',
    startsOn: '2030-03-28',
    endsOn: '2030-03-30',
    venueName: 'Zeeburg Waterfront Centre',
    venueAddress: 'Veelaan 12, Amsterdam',
    currency: 'EUR',
    holdMinutes: 15,
    createdAt: now,
    updatedAt: now,
  } as Event;
  const session: ProgrammeSession = {
    id: '00000000-0000-4000-8000-000000000002',
    slug: 'talk-1',
    title: 'Stress and relapse in early recovery',
    abstract: 'How stress systems interact with glutamate signalling.',
    format: 'talk',
    startsAt: new Date('2030-03-28T09:00:00Z'),
    endsAt: new Date('2030-03-28T09:45:00Z'),
    day: '2030-03-28',
    capacity: null,
    contentNote: null,
    track: { slug: 'neuroscience', name: 'Neuroscience' },
    room: { name: 'Amstel Room', location: 'First floor' },
    speakers: [{ slug: 'marie', name: 'Dr. Marie Dubois', affiliation: 'Lyon', role: 'speaker' }],
  };
  const options = { appUrl: 'https://tickets.example.org/', now };

  it('names the session and includes its speakers, abstract and place in the normal variant', () => {
    const text = unfold(sessionCalendar(event, session, { ...options, discreet: false }));
    expect(text).toContain('SUMMARY:Stress and relapse in early recovery\r\n');
    expect(text).toContain('How stress systems interact with glutamate signalling.');
    expect(text).toContain('With Dr. Marie Dubois');
    expect(text).toContain('LOCATION:Amstel Room\\, Zeeburg Waterfront Centre\r\n');
    expect(text).toContain('URL:https://tickets.example.org/sessions/talk-1\r\n');
  });

  it('calls the entry "Conference session" and leaves out the title, abstract and speakers in the discreet variant', () => {
    const text = unfold(sessionCalendar(event, session, { ...options, discreet: true }));
    expect(text).toContain('SUMMARY:Conference session\r\n');
    expect(text).toContain('X-WR-CALNAME:Conference\r\n');
    expect(text).not.toContain('Stress and relapse');
    expect(text).not.toContain('glutamate');
    expect(text).not.toContain('Marie Dubois');
    expect(text).not.toContain('Integrative Addiction Conference');
  });

  it('uses the same times in both variants', () => {
    for (const discreet of [false, true]) {
      const lines = sessionCalendar(event, session, { ...options, discreet }).split('\r\n');
      expect(lines).toContain('DTSTART:20300328T090000Z');
      expect(lines).toContain('DTEND:20300328T094500Z');
    }
  });
});
