// Programme admin rules that need no database: form parsing (blanks, numbers, addresses, speakers), moving an
// item in an order, and the wall-clock value an edit form starts from.
import { describe, expect, it } from 'vitest';
import { toLocalInput } from '@/lib/programme/staff-queries';
import { moveWithin } from '@/lib/programme/reorder';
import { roomFormSchema, sessionFormSchema, trackFormSchema } from '@/lib/programme/staff-schemas';
import { zonedTimeToUtc } from '@/lib/time';

const ID_A = '0b9c2f7e-3a51-4a39-9d7b-5f3c1c3d2a10';
const ID_B = '6f1e0d2c-8b7a-4c69-a5e4-3d2c1b0a9f8e';

describe('moveWithin', () => {
  it('swaps an item with its neighbour', () => {
    expect(moveWithin(['a', 'b', 'c'], 'b', 'up')).toEqual(['b', 'a', 'c']);
    expect(moveWithin(['a', 'b', 'c'], 'b', 'down')).toEqual(['a', 'c', 'b']);
  });

  it('leaves the order alone at either end and for an unknown id, without touching the input', () => {
    const ids = ['a', 'b', 'c'] as const;
    expect(moveWithin(ids, 'a', 'up')).toEqual(['a', 'b', 'c']);
    expect(moveWithin(ids, 'c', 'down')).toEqual(['a', 'b', 'c']);
    expect(moveWithin(ids, 'x', 'up')).toEqual(['a', 'b', 'c']);
    expect(ids).toEqual(['a', 'b', 'c']);
  });
});

describe('programme form schemas', () => {
  it('reads blanks as "none": no address, no capacity, no track, no content note', () => {
    const s = sessionFormSchema.parse({
      title: ' Peer support ',
      slug: '',
      format: 'support_meeting',
      trackId: '',
      roomId: '  ',
      capacity: '',
      contentNote: ' ',
      startsAt: '2030-03-29T09:00',
      endsAt: '2030-03-29T10:00:00',
    });
    expect(s).toMatchObject({
      title: 'Peer support',
      slug: undefined,
      trackId: null,
      roomId: null,
      capacity: null,
      contentNote: null,
      visibility: 'public',
      speakers: [],
      endsAt: '2030-03-29T10:00',
    });
  });

  it('takes capacities as whole positive numbers only', () => {
    expect(roomFormSchema.parse({ name: 'Hall', capacity: ' 120 ' }).capacity).toBe(120);
    expect(roomFormSchema.parse({ name: 'Hall', capacity: 40 }).capacity).toBe(40);
    for (const bad of ['0', '1.5', '-3', 'ten', 2.5])
      expect(roomFormSchema.safeParse({ name: 'Hall', capacity: bad }).success).toBe(false);
  });

  it('lowercases typed addresses and refuses ones that are not words joined by single dashes', () => {
    expect(trackFormSchema.parse({ name: 'Neuro', slug: 'Neuro-Science' }).slug).toBe('neuro-science');
    for (const bad of ['neuro science', 'neuro--science', '-neuro', 'neuro/../x', 'é']) {
      expect(trackFormSchema.safeParse({ name: 'Neuro', slug: bad }).success).toBe(false);
    }
  });

  it('keeps speakers in the order given, with a role, and refuses one listed twice', () => {
    const base = { title: 'Panel', format: 'panel', startsAt: '2030-03-29T09:00', endsAt: '2030-03-29T10:00' };
    expect(
      sessionFormSchema.parse({
        ...base,
        speakers: [{ speakerId: ID_B, role: 'moderator' }, { speakerId: ID_A.toUpperCase() }],
      }).speakers,
    ).toEqual([
      { speakerId: ID_B, role: 'moderator' },
      { speakerId: ID_A, role: 'speaker' },
    ]);
    const twice = sessionFormSchema.safeParse({
      ...base,
      speakers: [{ speakerId: ID_A }, { speakerId: ID_A, role: 'chair' }],
    });
    expect(twice.success).toBe(false);
    expect(twice.error?.issues.map((i) => i.message)).toEqual(['Each speaker can be listed only once']);
    expect(sessionFormSchema.safeParse({ ...base, speakers: [{ speakerId: ID_A, role: 'keynoter' }] }).success).toBe(
      false,
    );
  });

  it('refuses times that are not a date and time', () => {
    const r = sessionFormSchema.safeParse({ title: 'X', format: 'talk', startsAt: '2030-03-29', endsAt: '9:00' });
    expect(r.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['endsAt', 'startsAt']);
    const rolled = sessionFormSchema.safeParse({
      title: 'X',
      format: 'talk',
      startsAt: '2030-02-30T09:00',
      endsAt: '2030-03-29T24:00',
    });
    expect(rolled.error?.issues.map((i) => i.message)).toEqual([
      'The start is not a real date and time',
      'The end is not a real date and time',
    ]);
  });
});

describe('toLocalInput', () => {
  it('shows an instant as the wall-clock time of the event zone, the inverse of zonedTimeToUtc', () => {
    const instant = zonedTimeToUtc('2030-10-27', '01:30', 'Europe/Amsterdam');
    expect(toLocalInput(instant, 'Europe/Amsterdam')).toBe('2030-10-27T01:30');
    expect(toLocalInput(new Date('2030-03-29T23:30:00Z'), 'Asia/Tokyo')).toBe('2030-03-30T08:30');
    expect(toLocalInput(new Date('2030-03-29T23:30:00Z'), 'America/New_York')).toBe('2030-03-29T19:30');
  });
});
