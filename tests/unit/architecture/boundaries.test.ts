// The allowed direction between lib/ folders, and the few rules of the layout (docs/architecture.md): lib/ never
// imports app/, scripts/ or Next.js; db/ imports nothing above it; app/ never talks to the database driver or
// drizzle directly; only lib/capacity takes capacity-pool locks. Every import counts, type-only ones included, so
// the folders form layers: a folder may import only folders in lower layers (or files of its own folder).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');

// Top to bottom. A folder (or a single file directly in lib/) lives in exactly one layer.
export const LAYERS: string[][] = [
  ['housekeeping'],
  // The data-subject rights (export, erasure, retention) read and change everything held about a person.
  ['rights'],
  ['tickets'],
  ['agenda', 'attendees', 'email', 'payments', 'self-service'],
  ['orders', 'reporting'],
  ['catalogue', 'checkin'],
  ['access'],
  ['privacy'],
  ['staff'],
  ['auth', 'programme'],
  ['audit', 'health', 'waitlist'],
  ['context'],
  ['adapters'],
  ['capacity', 'env', 'http', 'links', 'outbox', 'runtime'],
  ['validation'],
  ['calendar', 'errors', 'like', 'money', 'rate-limit', 'slug', 'text', 'time', 'tokens', 'vault'],
];

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ts|tsx)$/.test(name)) out.push(full);
  }
  return out;
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].map((m) => m[1]!);
}

/** The repository path an import points at (without extension), or null for a package. */
function target(file: string, spec: string): string | null {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return path.relative(root, path.resolve(path.dirname(file), spec));
  return null;
}

/** "lib/orders/create-order/index.ts" -> "orders"; "lib/time.ts" or "lib/time" -> "time". */
function unitOf(repoPath: string): string {
  const parts = repoPath.split('/');
  return parts.length === 2 ? parts[1]!.replace(/\.(ts|tsx)$/, '') : parts[1]!;
}

const layerOf = new Map(LAYERS.flatMap((units, i) => units.map((u) => [u, i] as const)));
const rel = (file: string) => path.relative(root, file);

describe('layout boundaries', () => {
  const libFiles = filesUnder(path.join(root, 'lib'));

  it('places every lib/ folder and top-level file in exactly one layer', () => {
    const units = [...new Set(libFiles.map((f) => unitOf(rel(f))))].sort();
    expect(units.filter((u) => !layerOf.has(u))).toEqual([]);
    expect(LAYERS.flat().length).toBe(new Set(LAYERS.flat()).size);
  });

  it('lets a lib/ folder import only folders of lower layers', () => {
    const wrong: string[] = [];
    for (const file of libFiles) {
      const from = unitOf(rel(file));
      for (const spec of specifiers(file)) {
        const to = target(file, spec);
        if (!to?.startsWith('lib/')) continue;
        const unit = unitOf(to);
        if (unit !== from && !(layerOf.get(unit)! > layerOf.get(from)!))
          wrong.push(`${rel(file)} imports ${spec} (${from} -> ${unit})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps lib/ free of app/, scripts/ and Next.js, and db/ free of everything above it', () => {
    const wrong: string[] = [];
    for (const file of libFiles) {
      for (const spec of specifiers(file)) {
        const to = target(file, spec);
        const isTemplate = rel(file).startsWith('lib/email/templates/');
        if (to && !to.startsWith('lib/') && !to.startsWith('db/')) wrong.push(`${rel(file)} imports ${spec}`);
        if (!isTemplate && /^(next|next-auth|react|react-dom)(\/|$)/.test(spec))
          wrong.push(`${rel(file)} imports ${spec}`);
      }
    }
    for (const file of filesUnder(path.join(root, 'db'))) {
      for (const spec of specifiers(file)) {
        const to = target(file, spec);
        if (to && !to.startsWith('db/')) wrong.push(`${rel(file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lets only lib/capacity take capacity-pool locks; everything else goes through lib/capacity/seats.ts', () => {
    // Advisory locks that are not pool locks: the staff list, the first owner's set-up, the email rate gate's turn,
    // housekeeping's single runner, the email workers' liveness marks, one erasure per person and one retention pass.
    const keyedLocks = ['lib/email/rate-gate.ts', 'lib/rights/erasure.ts', 'lib/rights/retention.ts'];
    const otherLocks = new Set([
      'lib/staff/users.ts',
      'lib/auth/account-tokens.ts',
      'lib/housekeeping.ts',
      'lib/email/worker-recovery.ts',
      ...keyedLocks,
    ]);
    const code = ['app', 'lib', 'db', 'scripts', 'bench'].flatMap((d) => {
      try {
        return filesUnder(path.join(root, d));
      } catch {
        return [];
      }
    });
    const wrong: string[] = [];
    for (const file of [...code, ...filesUnder(path.join(root, 'tests'))]) {
      const name = rel(file);
      if (name.startsWith('lib/capacity/')) continue;
      for (const spec of specifiers(file)) {
        if (target(file, spec)?.replace(/\.ts$/, '') === 'lib/capacity/lock-pools')
          wrong.push(`${name} imports ${spec}`);
      }
      if (name.startsWith('tests/')) continue;
      const text = readFileSync(file, 'utf8');
      if (/pg_(try_)?advisory_(xact_)?lock/.test(text) && !otherLocks.has(name))
        wrong.push(`${name} takes an advisory lock`);
      if (/pg_advisory_xact_lock\(hashtextextended/.test(text) && !keyedLocks.includes(name))
        wrong.push(`${name} takes a pool-style lock`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps app/ away from drizzle-orm and the database driver: it calls lib/ use cases', () => {
    const wrong = filesUnder(path.join(root, 'app')).flatMap((file) =>
      specifiers(file)
        .filter((s) => /^(drizzle-orm|postgres)(\/|$)/.test(s))
        .map((s) => `${rel(file)} imports ${s}`),
    );
    expect(wrong).toEqual([]);
  });
});
