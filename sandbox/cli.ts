import { readFileSync } from 'node:fs';
import { startSandboxServer } from './server';
import { errorFields, log } from '@/lib/log';

/**
 * `npm run sandbox`: the emulator on 127.0.0.1:$SANDBOX_PORT (default 4010).
 * Env: SANDBOX_IPN_URL, SANDBOX_MERCHANT_ID, ECOMCHARGE_SHOP_ID / ECOMCHARGE_SECRET_KEY,
 * SANDBOX_PUBLIC_BASE_URL, SANDBOX_PUBLIC_KEY_ID + SANDBOX_PUBLIC_KEY_FILE (pre-register a key),
 * SANDBOX_ECOMCHARGE_SEED.
 */
const env = process.env;
const port = Number(env['SANDBOX_PORT'] ?? 4010);
const keyId = env['SANDBOX_PUBLIC_KEY_ID'];
const keyFile = env['SANDBOX_PUBLIC_KEY_FILE'];

async function main(): Promise<void> {
  const server = await startSandboxServer({
    port,
    host: env['SANDBOX_HOST'] ?? '127.0.0.1',
    ...(env['SANDBOX_PUBLIC_BASE_URL'] ? { publicBaseUrl: env['SANDBOX_PUBLIC_BASE_URL'] } : {}),
    ipnUrl: env['SANDBOX_IPN_URL'] ?? null,
    ...(env['SANDBOX_MERCHANT_ID'] ? { merchantId: env['SANDBOX_MERCHANT_ID'] } : {}),
    ecomcharge: {
      ...(env['ECOMCHARGE_SHOP_ID'] ? { shopId: env['ECOMCHARGE_SHOP_ID'] } : {}),
      ...(env['ECOMCHARGE_SECRET_KEY'] ? { secretKey: env['ECOMCHARGE_SECRET_KEY'] } : {}),
      ...(env['SANDBOX_ECOMCHARGE_SEED'] ? { seed: Number(env['SANDBOX_ECOMCHARGE_SEED']) } : {}),
    },
    ...(keyId && keyFile ? { keys: [{ publicKeyId: keyId, publicKey: readFileSync(keyFile, 'utf8') }] } : {}),
  });
  // The line scripts/offline-sandbox.mjs waits for: the command's output, not a log line.
  process.stdout.write(`Amazon Pay sandbox listening at ${server.url}\n`);

  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// No top-level await: tsx runs this file as CommonJS (package.json has no "type": "module").
main().catch((error: unknown) => {
  log.fatal({ context: 'sandbox', ...errorFields(error) }, 'failed to start');
  process.exit(1);
});
