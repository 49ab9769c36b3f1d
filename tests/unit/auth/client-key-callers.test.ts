// Every per-client limit must key on the one trusted reading of the client address (lib/auth/client-key.ts):
// a second place that reads X-Forwarded-For would bring back spoofed keys. These checks read the sources.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sources(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

const files = [...sources('app'), ...sources('lib'), 'proxy.ts'];

describe('client address callers', () => {
  it('reads address headers only in lib/auth/client-key.ts', () => {
    const readers = files
      .filter((f) => f !== path.join('lib', 'auth', 'client-key.ts'))
      .filter((f) =>
        /['"`](x-forwarded-for|x-real-ip|x-conference-socket-address)['"`]/i.test(
          readFileSync(path.join(root, f), 'utf8'),
        ),
      );
    expect(readers).toEqual([]);
  });

  it('passes only keys from clientKey()/getClientKey() (or none) from app/ into the domain', () => {
    const offenders = sources('app').flatMap((f) =>
      readFileSync(path.join(root, f), 'utf8')
        .split('\n')
        .filter((line) => /\bclientKey:/.test(line) && !/getClientKey\(\)|\bclientKey\(|clientKey: null/.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
    const callers = sources('app').filter((f) =>
      /getClientKey\(\)|\bclientKey\(/.test(readFileSync(path.join(root, f), 'utf8')),
    );
    expect(callers.length).toBeGreaterThanOrEqual(5);
  });
});
