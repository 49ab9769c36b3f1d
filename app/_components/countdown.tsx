'use client';
// A visible mm:ss countdown to a hold's expiry. The seconds are hidden from screen readers; a polite live region
// speaks only at a few thresholds and at the end. Measured from the server's clock, so a device whose clock is
// off (or the test clock) does not change it. Without JavaScript nothing renders: the page states the time.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const ANNOUNCE_AT_MINUTES = [10, 5, 2, 1];

function mmss(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function announcement(ms: number): string {
  if (ms <= 0) return 'Time is up. The seats are no longer held.';
  const minutes = ANNOUNCE_AT_MINUTES.find((m) => ms <= m * 60_000 && ms > m * 60_000 - 60_000);
  return minutes ? `Less than ${minutes} minute${minutes === 1 ? '' : 's'} left to complete this order.` : '';
}

export function Countdown({
  expiresAt,
  serverNow,
  label = 'Time left',
}: {
  expiresAt: string;
  serverNow: string;
  label?: string;
}) {
  const router = useRouter();
  const [left, setLeft] = useState<number | null>(null);
  const [spoken, setSpoken] = useState('');

  useEffect(() => {
    const deadline = Date.now() + (new Date(expiresAt).getTime() - new Date(serverNow).getTime());
    // The page already states the time; speak only when a threshold is crossed while it is open.
    let last = announcement(deadline - Date.now());
    let refreshed = false;
    const tick = () => {
      const ms = deadline - Date.now();
      setLeft(ms);
      const say = announcement(ms);
      if (say && say !== last) {
        last = say;
        setSpoken(say);
      }
      if (ms <= 0 && !refreshed) {
        refreshed = true;
        // Let the server say what the order's state is now.
        setTimeout(() => router.refresh(), 1500);
      }
    };
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [expiresAt, serverNow, router]);

  return (
    <>
      {left !== null && (
        <p className="flex items-baseline gap-2" aria-hidden="true">
          <span className="text-muted">{label}:</span>
          <span className="text-2xl font-bold tabular-nums text-brand-strong">{mmss(left)}</span>
        </p>
      )}
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {spoken}
      </p>
    </>
  );
}
