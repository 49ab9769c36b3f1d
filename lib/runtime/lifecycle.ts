// Who stops what on SIGTERM. The custom server (scripts/server.ts) and the code Next.js bundles (instrumentation,
// the app context) load separate copies of this module, so the registry lives on globalThis under a symbol both
// copies share. Background work (the email worker, housekeeping) stops first, then the connection pools.
export type ShutdownStage = 'work' | 'connections';

/** Stops one thing; `deadline` (epoch ms) is when the server stops waiting for it. */
export type Stopper = (deadline: number) => Promise<void>;

interface Entry {
  name: string;
  stage: ShutdownStage;
  stop: Stopper;
}
interface Registry {
  entries: Set<Entry>;
  shuttingDown: boolean;
}

const KEY = Symbol.for('conference.lifecycle');

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[KEY] ??= { entries: new Set(), shuttingDown: false });
}

/** Registers a stopper; the returned function unregisters it (when the thing stopped by itself). */
export function onShutdown(name: string, stage: ShutdownStage, stop: Stopper): () => void {
  const entry: Entry = { name, stage, stop };
  registry().entries.add(entry);
  return () => void registry().entries.delete(entry);
}

/** True once the server began to shut down: nothing new should be started. */
export function isShuttingDown(): boolean {
  return registry().shuttingDown;
}

export interface StageOutcome {
  name: string;
  ok: boolean;
  ms: number;
}

/**
 * Runs every stopper of a stage at once and waits for them, never past `deadline` (a stopper still running then is
 * reported as not ok and left behind: the process is about to exit).
 */
export async function runShutdownStage(stage: ShutdownStage, deadline: number): Promise<StageOutcome[]> {
  const reg = registry();
  reg.shuttingDown = true;
  const entries = [...reg.entries].filter((e) => e.stage === stage);
  return Promise.all(
    entries.map(async (entry): Promise<StageOutcome> => {
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), Math.max(0, deadline - Date.now()));
      });
      try {
        const ok = await Promise.race([
          entry.stop(deadline).then(
            () => true,
            () => false,
          ),
          late,
        ]);
        if (ok) reg.entries.delete(entry);
        return { name: entry.name, ok, ms: Date.now() - started };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
}
