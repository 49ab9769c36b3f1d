// A database restart must not leave pool slots broken. postgres.js 3.4.9 can leave a slot whose socket died under
// a write unable to send anything again: every later connection on it waited out the connect timeout, with the
// database healthy (porsager/postgres#1208). db/client.ts's startup parameters make the slot heal at its next
// connection. The defect is staged in a process of its own (tests/support/pool-after-lost-write.ts), since the
// driver throws from a timer there.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../../support/test-db';

const ROOT = path.resolve(__dirname, '../../..');
const t = useTestDb();

function runStaged(url: string): Promise<{ uncaught: number; outcomes: { outcome: string; ms: number }[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'tests/support/pool-after-lost-write.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, POOL_TEST_URL: url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim())) : reject(new Error(`exit ${code}`))));
  });
}

describe('a pool slot whose connection died under a write', () => {
  it('works again at its next connections', async () => {
    const result = await runStaged(t.url);
    // The defect was staged: the driver threw from its timer.
    expect(result.uncaught).toBe(1);
    expect(result.outcomes.map((o) => o.outcome).slice(1)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(result.outcomes.filter((o) => o.outcome === 'CONNECT_TIMEOUT')).toEqual([]);
  });
});
