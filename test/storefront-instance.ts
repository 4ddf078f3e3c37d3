import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * A production storefront instance (`next start`) for multi-instance tests and benchmarks,
 * on the given database and Amazon Pay endpoint. Needs a build in .next (or NEXT_DIST_DIR).
 */
export function startStorefrontInstance(options: {
  port: number;
  appUrl: string;
  databaseUrl: string;
  amazonPayEndpoint: string;
  env?: Record<string, string>;
}): ChildProcess {
  return spawn(
    process.execPath,
    [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(options.port)],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        PORT: String(options.port),
        DATABASE_URL: options.databaseUrl,
        AMAZON_PAY_ENDPOINT: options.amazonPayEndpoint,
        APP_URL: options.appUrl,
        NEXTAUTH_URL: `http://localhost:${options.port}`,
        AUTH_SECRET: 'storefront-instance-test-secret-0123456789',
        ADMIN_EMAIL: 'admin@example.com',
        ADMIN_PASSWORD: 'storefront-instance-admin',
        LOG_LEVEL: 'warn',
        ...options.env,
      },
    },
  );
}

/** Waits for /api/ready to answer 200, failing early if the instance exits. */
export async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with code ${child.exitCode}`);
    const ready = await fetch(`${url}/api/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} was not ready within ${timeoutMs / 1000} s`);
}
