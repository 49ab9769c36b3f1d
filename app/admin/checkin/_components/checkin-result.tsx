// The answer to a scan, big enough to read at arm's length: colour, an icon AND a word say the same thing, so
// nobody depends on colour alone. Staff see the badge name and ticket type only, and whether the person has an
// access arrangement (never what it is).
import { describeCheckin, type CheckinOutcome, type PlainCheckinResult } from '@/lib/checkin/result';
import { LocalInstant } from '@/app/_components/local-time';

type Tone = 'ok' | 'warn' | 'stop';

const TONE: Record<CheckinOutcome, Tone> = {
  valid: 'ok',
  already_checked_in: 'warn',
  cancelled: 'stop',
  transferred: 'stop',
  not_valid_for_list: 'stop',
  wrong_event: 'stop',
  unknown: 'stop',
};

const ICON: Record<CheckinOutcome, string> = {
  valid: '✓',
  already_checked_in: '!',
  cancelled: '✕',
  transferred: '✕',
  not_valid_for_list: '✕',
  wrong_event: '✕',
  unknown: '?',
};

// Text colours reach 7:1 on their backgrounds.
const TONE_CLASSES: Record<Tone, string> = {
  ok: 'border-[#05603a] bg-[#e8f6ee] text-[#033d25]',
  warn: 'border-[#b7791f] bg-[#fff8e6] text-[#5c3400]',
  stop: 'border-[#b42318] bg-[#fdeceb] text-[#7a1a12]',
};

const ICON_CLASSES: Record<Tone, string> = {
  ok: 'bg-[#05603a] text-white',
  warn: 'bg-[#8a5a00] text-white',
  stop: 'bg-[#b42318] text-white',
};

export function CheckinResultPanel({ result }: { result: PlainCheckinResult }) {
  const tone = TONE[result.outcome];
  const { title, detail } = describeCheckin(result);
  return (
    <div className={`rounded-xl border-4 p-4 ${TONE_CLASSES[tone]}`} data-outcome={result.outcome}>
      <p className="flex items-center gap-3 text-2xl font-black tracking-wide uppercase sm:text-3xl">
        <span
          aria-hidden="true"
          className={`inline-flex size-12 shrink-0 items-center justify-center rounded-full text-3xl ${ICON_CLASSES[tone]}`}
        >
          {ICON[result.outcome]}
        </span>
        <span>{title}</span>
      </p>
      {result.badgeName ? (
        <p className="mt-3 text-3xl font-bold break-words">
          {result.badgeName}
          {result.ticketType ? <span className="block text-xl font-semibold">{result.ticketType}</span> : null}
        </p>
      ) : null}
      <p className="mt-3 text-lg font-medium">
        {detail}
        {result.outcome === 'already_checked_in' && result.checkedInAt ? (
          <LocalInstant at={result.checkedInAt} timeZone={result.timezone} />
        ) : null}
      </p>
      {result.orderReference ? (
        <p className="mt-1 text-base">
          Order <span className="font-mono">{result.orderReference}</span>
        </p>
      ) : null}
      {result.hasAccessArrangement ? (
        <div className="mt-3">
          <AccessArrangementNote />
        </div>
      ) : null}
    </div>
  );
}

/** All the door is told: there is an arrangement, and who knows what it is. */
export function AccessArrangementNote() {
  return (
    <p className="rounded-md border-2 border-[#1d4ed8] bg-white px-3 py-2 text-base font-semibold text-[#1e3a8a]">
      Has an access arrangement. The accessibility team has the details.
    </p>
  );
}
