// Metadata for every page behind an order's secret link: never indexed or cached, and no referrer to other
// sites. "same-origin" rather than "no-referrer": the latter makes browsers send `Origin: null` with form posts,
// which Next.js refuses for server actions (see lib/http/security-headers.ts, which sends the same policy).
import type { Metadata } from 'next';

export function privatePageMetadata(title: string): Metadata {
  return { title, robots: { index: false, follow: false, nocache: true }, referrer: 'same-origin' };
}
