// One app server (scripts/server.ts on the .next-test build) as a child process of a chaos run: started and
// waited for until /api/health answers, killed with SIGKILL (its whole process group: it runs in a group of its
// own), or stopped with SIGTERM (its graceful shutdown, exit code kept). Where util-linux's setpriv exists the
// server gets a parent-death signal, so that even a kill -9 of the chaos script takes the app with it (setpriv
// execs node: the pid stays the server's).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serverCommand } from './server-command';

const SETPRIV = '/usr/bin/setpriv';
const HOST = '127.0.0.1';
const ROOT = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What a load balancer asks a new instance before sending it traffic: every kind of route, loaded once. */
const WARM_UP = ['/api/live', '/', '/programme', '/register', '/api/v1/ticket-types', '/api/v1/sessions'];

export class AppProcess {
  child: ChildProcess | null = null;
  /** Whether the chaos run's "load balancer" sends it traffic: after its warm-up, until it is seen dead. */
  inRotation = false;
  private exited: Promise<number | null> = Promise.resolve(null);
  private readonly stderrTail: string[] = [];
  healthySince = 0;
  restarts = 0;
  private stopped = false;
  readonly killedPids: number[] = [];

  constructor(
    readonly port: number,
    private readonly env: Record<string, string>,
    private readonly options: { requireHealthy?: boolean } = {},
  ) {}

  get baseUrl(): string {
    return `http://${HOST}:${this.port}`;
  }

  get tail(): string {
    return this.stderrTail.join('');
  }

  get running(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  private spawnOnce(): ChildProcess {
    const server = serverCommand(ROOT, { port: this.port, hostname: HOST });
    const command = [server.command, ...server.args];
    if (process.platform === 'linux' && existsSync(SETPRIV)) command.unshift(SETPRIV, '--pdeathsig', 'KILL', '--');
    const child = spawn(command[0]!, command.slice(1), {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...this.env },
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      this.stderrTail.push(chunk.toString('utf8'));
      if (this.stderrTail.length > 40) this.stderrTail.shift();
    });
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    this.child = child;
    return child;
  }

  /**
   * Starts the server on the port and waits until it answers: /api/health 200 (the database answers), or with
   * `requireHealthy: false` any answer at all (an app started before its database).
   */
  async start(timeoutMs = 60_000): Promise<number> {
    const started = performance.now();
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.stopped) throw new Error('the run is stopping');
      const child = this.spawnOnce();
      let gone = false;
      void this.exited.then(() => (gone = true));
      while (!gone && Date.now() < deadline) {
        try {
          const r = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
          if ((r.ok || this.options.requireHealthy === false) && !gone) {
            // A fresh process loads each route's code on its first request, which takes seconds on a busy
            // machine: as behind a load balancer with a warm-up, it gets traffic once it has answered each kind.
            for (const route of WARM_UP)
              await fetch(`${this.baseUrl}${route}`, { signal: AbortSignal.timeout(30_000) }).then(
                (x) => x.text(),
                () => '',
              );
            this.healthySince = Date.now();
            this.inRotation = true;
            return performance.now() - started;
          }
        } catch {
          // not listening yet
        }
        await sleep(100);
      }
      if (Date.now() >= deadline) {
        this.killGroup(child);
        throw new Error(`the app server did not become ready on port ${this.port}:\n${this.tail}`);
      }
      // It exited before becoming healthy (the port still closing, say): try again.
      await sleep(250);
    }
  }

  private killGroup(child: ChildProcess | null): void {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }

  /** kill -9 of the server's process group; resolves when the server has exited. */
  async kill(): Promise<number> {
    const child = this.child;
    if (!child?.pid) throw new Error('no app to kill');
    this.killedPids.push(child.pid);
    this.killGroup(child);
    await this.exited;
    this.child = null;
    this.inRotation = false;
    return child.pid;
  }

  /** SIGTERM to the server alone; resolves with its exit code (null: it did not exit within `timeoutMs`). */
  async terminate(timeoutMs = 30_000): Promise<number | null> {
    const child = this.child;
    if (!child?.pid) throw new Error('no app to stop');
    child.kill('SIGTERM');
    const code = await Promise.race([this.exited, sleep(timeoutMs).then(() => undefined)]);
    if (code === undefined) this.killGroup(child);
    await this.exited;
    this.child = null;
    this.inRotation = false;
    return code ?? null;
  }

  async restart(): Promise<number> {
    this.restarts++;
    return this.start();
  }

  /** Synchronous, for exit handlers. */
  stopNow(): void {
    this.stopped = true;
    this.killGroup(this.child);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (!this.child) return;
    this.killGroup(this.child);
    await this.exited;
    this.child = null;
  }
}
