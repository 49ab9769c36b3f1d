// The pure parts of check-in: what a scanner typed reduced to a token, and the words every outcome shows.
import { describe, expect, it } from 'vitest';
import {
  checkinMessage,
  describeCheckin,
  OUTCOME_TITLES,
  type CheckinOutcome,
  type CheckinResult,
} from '@/lib/checkin/result';
import { normalizeScannedToken } from '@/lib/checkin/token';
import { newSecretToken } from '@/lib/tokens';

describe('normalizeScannedToken', () => {
  const token = newSecretToken();

  it('keeps a bare token and strips what scanners add around it (newline, tab, spaces, control characters)', () => {
    expect(normalizeScannedToken(token)).toBe(token);
    expect(normalizeScannedToken(`  ${token}\r\n`)).toBe(token);
    expect(normalizeScannedToken(`\u0002${token}\u0003\t`)).toBe(token);
  });

  it('takes the token out of a pasted ticket link', () => {
    expect(normalizeScannedToken(`https://conf.example/tickets/${token}/qr.png`)).toBe(token);
    expect(normalizeScannedToken(`/tickets/${token}`)).toBe(token);
    expect(normalizeScannedToken(`https://conf.example/tickets/${token}?x=1`)).toBe(token);
  });

  it('answers null for what cannot be a token', () => {
    for (const input of [
      '',
      '   ',
      'short',
      'x'.repeat(129),
      '<script>alert(1)</script>',
      "' or 1=1 --",
      'https://conf.example/orders/abc',
      'a/b/c',
    ]) {
      expect(normalizeScannedToken(input), input).toBeNull();
    }
  });
});

describe('describeCheckin', () => {
  const base = { listId: 'l', listName: 'Entrance', timezone: 'Europe/Amsterdam' };

  it('has a distinct title for every outcome', () => {
    const titles = Object.values(OUTCOME_TITLES);
    expect(new Set(titles).size).toBe(titles.length);
    expect(Object.keys(OUTCOME_TITLES).sort()).toEqual([
      'already_checked_in',
      'cancelled',
      'not_valid_for_list',
      'transferred',
      'unknown',
      'valid',
      'wrong_event',
    ]);
  });

  it("says when (in the event's zone) and by whom a ticket was already checked in", () => {
    const result: CheckinResult = {
      ...base,
      outcome: 'already_checked_in',
      badgeName: 'Robin',
      ticketType: 'Full pass',
      checkedInAt: new Date('2030-03-28T08:12:00Z'),
      checkedInBy: 'Desk Helper',
    };
    expect(describeCheckin(result)).toEqual({
      title: 'Already checked in',
      detail: 'Checked in at 09:12 CET, Thu 28 Mar by Desk Helper. Do not admit twice without checking.',
    });
    expect(describeCheckin({ ...result, checkedInAt: '2030-03-28T08:12:00.000Z' }).detail).toContain('09:12 CET');
    expect(checkinMessage(result)).toBe(
      'Already checked in: Robin, Full pass. Checked in at 09:12 CET, Thu 28 Mar by Desk Helper. Do not admit twice without checking.',
    );
  });

  it('words each refusal, naming nobody when the code is not theirs', () => {
    const cases: [CheckinOutcome, string | undefined, string][] = [
      ['valid', undefined, 'Admitted: checked in now at Entrance.'],
      [
        'transferred',
        'This QR code was replaced: the ticket was transferred.',
        'This QR code was replaced: the ticket was transferred.',
      ],
      ['cancelled', 'This registration was refunded.', 'This registration was refunded.'],
      ['not_valid_for_list', 'No seat booked in “Workshop 1”.', 'No seat booked in “Workshop 1”.'],
      ['wrong_event', undefined, 'This ticket is for another event.'],
      ['unknown', undefined, 'No ticket has this code. Check it, or search by name or order reference.'],
    ];
    for (const [outcome, reason, detail] of cases) {
      expect(describeCheckin({ ...base, outcome, reason }), outcome).toEqual({
        title: OUTCOME_TITLES[outcome],
        detail,
      });
    }
    expect(checkinMessage({ ...base, outcome: 'unknown' })).toBe(
      'Unknown ticket: No ticket has this code. Check it, or search by name or order reference.',
    );
  });
});
