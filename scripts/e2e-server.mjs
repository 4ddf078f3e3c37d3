#!/usr/bin/env node
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runStorefront } from './storefront.mjs';

/**
 * The Playwright web server. It builds with secret probe values in the environment
 * (e2e/secrets.spec.ts then proves none reached the browser bundles) and runs on a
 * fresh database, so every e2e run starts from the seeded catalog.
 */

const probes = JSON.parse(readFileSync(path.join('e2e', 'fixtures', 'secret-probes.json'), 'utf8'));
const port = process.env.E2E_PORT ?? '3210';
const distDir = process.env.NEXT_DIST_DIR ?? '.next';
const dataDir = path.join('.data', `e2e-${port}`);
rmSync(dataDir, { recursive: true, force: true });

// The build needs a key id beside the key; only the key text itself is the secret.
const buildEnv = {
  AMAZON_PAY_PUBLIC_KEY_ID: 'SANDBOX-SECRETPROBE',
  AMAZON_PAY_MERCHANT_ID: 'PROBE',
  AMAZON_PAY_STORE_ID: 'probe',
  ECOMCHARGE_SHOP_ID: 'probe',
  ...probes,
};
const runtimeEnv = {
  ...process.env,
  PORT: port,
  APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}`,
  SANDBOX_PORT: process.env.E2E_SANDBOX_PORT ?? '4210',
  DATABASE_URL: `pglite:${path.join(dataDir, 'pglite')}`,
  STORAGE_DIR: path.join(dataDir, 'storage'),
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@example.com',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? probes.ADMIN_PASSWORD,
  AUTH_SECRET: process.env.AUTH_SECRET ?? probes.AUTH_SECRET,
};
const fingerprintExtra = `secret-probes:${Object.keys(probes).sort().join(',')}`;

await runStorefront({ env: runtimeEnv, buildEnv, fingerprintExtra });
writeFileSync(path.join(distDir, 'e2e-build.json'), JSON.stringify({ probes: Object.keys(probes) }));
