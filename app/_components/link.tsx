// next/link for the attendee pages, without prefetching unless asked for (`prefetch`). Prefetching every link in
// view as a page loads costs a phone main-thread work while it is still starting up (Lighthouse counts it as
// blocking time) and the server a render per link (the programme's day tabs and filters are rendered per
// request); a click fetches the page instead, still without a full reload.
import NextLink from 'next/link';
import type { ComponentProps } from 'react';

export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
