// What the custom server needs to know about a request after Next.js handled it: whether it failed because the
// database could not be reached (then its 500 becomes a 503 with Retry-After). The server runs each request in an
// AsyncLocalStorage it puts on globalThis, where the bundled app code (which loads its own copy of this module)
// finds it; without the custom server (`next dev`) there is none and marking does nothing.
import type { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestState {
  databaseUnavailable: boolean;
}

const KEY = Symbol.for('conference.requestState');
type Holder = Record<symbol, AsyncLocalStorage<RequestState> | undefined>;

/** Called once by the server with the storage it runs requests in. */
export function installRequestStorage(storage: AsyncLocalStorage<RequestState>): void {
  (globalThis as unknown as Holder)[KEY] = storage;
}

const LAST_UNAVAILABLE = Symbol.for('conference.databaseLastUnavailableAt');
type Clock = Record<symbol, number | undefined>;

/**
 * Marks the current request as failed for want of the database, and notes when, for the whole process: a cached
 * page's render is shared by every request waiting for it, and Next.js reports its error to the first of them
 * only (a prefetch, say); the others learn of the outage from the note.
 */
export function markDatabaseUnavailable(now = Date.now()): void {
  (globalThis as unknown as Clock)[LAST_UNAVAILABLE] = now;
  const state = (globalThis as unknown as Holder)[KEY]?.getStore();
  if (state) state.databaseUnavailable = true;
}

/** How long after the database was last found unreachable a 500 is taken to be the same outage. */
export const OUTAGE_WINDOW_MS = 5_000;

/** Whether the database was found unreachable within OUTAGE_WINDOW_MS. */
export function databaseRecentlyUnavailable(now = Date.now()): boolean {
  const at = (globalThis as unknown as Clock)[LAST_UNAVAILABLE];
  return at !== undefined && now - at >= 0 && now - at < OUTAGE_WINDOW_MS;
}
