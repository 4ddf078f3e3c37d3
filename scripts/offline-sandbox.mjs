import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const SANDBOX_CLI = path.join(process.cwd(), 'sandbox', 'cli.ts');

async function waitForSandbox(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The offline sandbox exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/__sandbox/notifications`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The offline sandbox did not answer at ${url} within ${timeoutMs / 1000}s`);
}

/**
 * Starts the offline Amazon Pay sandbox beside the storefront and registers the
 * merchant's public key with it. Returns undefined when this checkout has no sandbox.
 */
export async function startOfflineSandbox({ key, appUrl, port, env }) {
  if (!existsSync(SANDBOX_CLI)) return undefined;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), SANDBOX_CLI], {
    stdio: 'inherit',
    env: { ...env, SANDBOX_PORT: port, SANDBOX_IPN_URL: env.SANDBOX_IPN_URL ?? `${appUrl}/api/amazon-pay/ipn` },
  });
  await waitForSandbox(url, child);
  const registered = await fetch(`${url}/__sandbox/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ publicKeyId: key.publicKeyId, publicKey: key.publicKey }),
  });
  if (!registered.ok) throw new Error(`The offline sandbox refused the merchant key (${registered.status})`);
  return { url, child };
}
