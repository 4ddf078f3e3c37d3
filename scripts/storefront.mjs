import { spawn } from 'node:child_process';
import path from 'node:path';
import nextEnv from '@next/env';
import { buildIfNeeded } from './build-if-needed.mjs';
import { ensureOfflineMerchantKey } from './offline-key.mjs';
import { startOfflineSandbox } from './offline-sandbox.mjs';

const complain = (text) => process.stderr.write(`${text}\n`);

/**
 * Builds when needed, starts the offline Amazon Pay sandbox when no Amazon Pay
 * credentials are configured, then serves the storefront. Shared by `npm start`
 * and the Playwright web server, so e2e runs exercise exactly what merchants run.
 */
export async function runStorefront({ env = process.env, buildEnv = {}, fingerprintExtra = '' } = {}) {
  // Read .env* as Next.js will, so the offline-or-Amazon decision below sees the same settings.
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: (message) => complain(String(message)) });
  const port = env.PORT ?? '3000';
  const children = [];
  const shutdown = (code) => {
    for (const child of children) child.kill('SIGTERM');
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(130));
  process.on('SIGTERM', () => shutdown(143));

  try {
    buildIfNeeded({ env: { ...env, ...buildEnv }, fingerprintExtra });
    const serverEnv = { ...env, PORT: port };
    // next-auth builds its callback URLs from NEXTAUTH_URL.
    serverEnv.NEXTAUTH_URL ??= env.APP_URL ?? `http://localhost:${port}`;
    if (!env.AMAZON_PAY_PUBLIC_KEY_ID) {
      const key = ensureOfflineMerchantKey();
      const sandbox = await startOfflineSandbox({
        key,
        appUrl: env.APP_URL ?? `http://localhost:${port}`,
        port: env.SANDBOX_PORT ?? '4010',
        env,
      });
      if (sandbox) {
        children.push(sandbox.child);
        serverEnv.AMAZON_PAY_ENDPOINT ??= sandbox.url;
      }
    }
    const next = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', port], {
      stdio: 'inherit',
      env: serverEnv,
    });
    children.push(next);
    next.on('exit', (code) => shutdown(code ?? 1));
  } catch (error) {
    complain(error instanceof Error ? error.message : String(error));
    shutdown(1);
  }
}
