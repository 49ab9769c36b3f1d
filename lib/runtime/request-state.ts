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

/** Marks the current request as failed for want of the database. */
export function markDatabaseUnavailable(): void {
  const state = (globalThis as unknown as Holder)[KEY]?.getStore();
  if (state) state.databaseUnavailable = true;
}
