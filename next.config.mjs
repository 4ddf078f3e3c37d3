/** @type {import('next').NextConfig} */
const nextConfig = {
  // Parallel e2e runs on one machine each build into their own folder.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // PGlite loads its WebAssembly and data files from its own package folder at run time; pg-boss loads pg.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'pino', 'pino-pretty'],
  poweredByHeader: false,
  // `npm test` type-checks the whole repository once (tsc); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  images: { unoptimized: true },
  // Next.js answers 413 past it; route handlers that read a body apply the same limit (lib/request-body.ts).
  experimental: { serverActions: { bodySizeLimit: '1mb' } },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ];
  },
};

export default nextConfig;
