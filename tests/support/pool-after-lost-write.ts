// Run as a process of its own by tests/integration/outage/pool-after-lost-write.test.ts. Makes postgres.js 3.4.9
// write on a connection whose socket is gone (a reserved connection whose backend was terminated:
// porsager/postgres#1208): the write throws from a timer (an uncaught exception, which the app server's Next.js
// logs and survives, as this process does) and leaves that pool slot's write buffer stuck. Then uses the pool,
// whose only slot it is, and prints each query's outcome and time as JSON.
import postgres from 'postgres';
import { createDb } from '@/db/client';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function main() {
  const url = process.env.POOL_TEST_URL!;
  let uncaught = 0;
  process.on('uncaughtException', () => {
    uncaught++;
  });
  const handle = createDb(url, { max: 1 });
  const killer = postgres(url, { max: 1, onnotice: () => {} });
  const reserved = await handle.sql.reserve();
  const [row] = await reserved<{ pid: number }[]>`select pg_backend_pid() as pid`;
  await killer`select pg_terminate_backend(${row!.pid})`;
  await sleep(300);
  // Never settles: the driver's defect, not ours to wait for.
  void reserved`select 1`.catch(() => undefined);
  await sleep(300);
  const outcomes: { outcome: string; ms: number }[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const outcome = await handle.sql`select 1`.then(
      () => 'ok',
      (e: { code?: string }) => e.code ?? 'error',
    );
    outcomes.push({ outcome, ms: Math.round(performance.now() - started) });
  }
  process.stdout.write(`${JSON.stringify({ uncaught, outcomes })}\n`);
  process.exit(0);
}

void main();
