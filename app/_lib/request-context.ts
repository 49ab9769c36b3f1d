// The context for one request: the shared server context, with the clock shifted when the test clock is
// allowed (ALLOW_TEST_CLOCK, refused by lib/env.ts when APP_ENV=production) and the request carries its cookie.
import 'server-only';
import { cookies, headers } from 'next/headers';
import { createOffsetClock, parseClockOffset, TEST_CLOCK_COOKIE } from '@/lib/adapters/offset-clock';
import { clientKey } from '@/lib/auth/client-key';
import type { AppContext } from '@/lib/context';
import { getContext } from './context';

export async function getRequestContext(): Promise<AppContext> {
  const ctx = getContext();
  if (!ctx.config.ALLOW_TEST_CLOCK) return ctx;
  const offset = parseClockOffset((await cookies()).get(TEST_CLOCK_COOKIE)?.value);
  return offset === null ? ctx : { ...ctx, clock: createOffsetClock(ctx.clock, offset) };
}

/** A pseudonymous key for the requesting client (never the raw address), for hold caps and rate limits. */
export async function getClientKey(): Promise<string> {
  return clientKey(await headers(), getContext().config);
}
