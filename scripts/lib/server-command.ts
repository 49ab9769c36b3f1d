// How to run the production web server (scripts/server.ts) as a child process: node with tsx's loader in the
// same process (the tsx CLI would add a parent process, which signals and kill -9 would have to get through).
import path from 'node:path';

export function serverCommand(
  root: string,
  options: { port: number; hostname?: string; nodeArgs?: string[] },
): { command: string; args: string[] } {
  const args = [
    ...(options.nodeArgs ?? []),
    '--import',
    'tsx',
    path.join(root, 'scripts/server.ts'),
    '-p',
    String(options.port),
  ];
  if (options.hostname) args.push('-H', options.hostname);
  return { command: process.execPath, args };
}
