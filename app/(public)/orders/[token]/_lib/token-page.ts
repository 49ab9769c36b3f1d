// What the pages reached through a secret link (the order's, the attendee's own) read from their address: the
// token, and the confirmation to show after a change (?done=...).

export interface TokenPageProps {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The notice named by ?done=, when it is one of `notices`. */
export function doneNotice(notices: Record<string, string>, done: string | string[] | undefined): string | undefined {
  return typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done] : undefined;
}
