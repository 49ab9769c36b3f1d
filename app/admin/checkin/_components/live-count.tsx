'use client';
// A list's "N of M checked in", kept current while the page is open: the server's figure first, then the
// counts endpoint every few seconds (other staff are scanning too). Polling pauses while the page is hidden.
import { useEffect, useState } from 'react';

const POLL_MS = 10_000;

interface Count {
  listId: string;
  checkedIn: number;
  expected: number;
}

export function LiveCount({
  listId,
  checkedIn,
  expected,
  className,
  inline,
}: Count & { className?: string; inline?: boolean }) {
  const [polled, setPolled] = useState<Count | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState === 'hidden') return;
      try {
        const res = await fetch('/api/admin/checkin/counts', {
          cache: 'no-store',
          headers: { accept: 'application/json' },
        });
        if (!res.ok) return;
        const body = (await res.json()) as { lists?: Count[] };
        const mine = body.lists?.find((l) => l.listId === listId);
        if (mine && !stopped) setPolled({ listId, checkedIn: mine.checkedIn, expected: mine.expected });
      } catch {
        // Offline for a moment: the next poll tries again.
      }
    };
    // poll() handles its own errors, so the interval may drop its promise.
    const timer = window.setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [listId]);

  // Pages give this a key made of the server's figures, so a fresh server render (after this desk's own scan
  // or undo) starts it over from that render instead of an older poll.
  const shown = polled ?? { checkedIn, expected };
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className={className ?? 'text-lg'}>
      <span className={inline ? 'font-bold tabular-nums' : 'text-3xl font-bold tabular-nums'}>{shown.checkedIn}</span>{' '}
      of <span className="tabular-nums">{shown.expected}</span> checked in
    </Tag>
  );
}
