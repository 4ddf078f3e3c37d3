import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Must match OFFLINE_KEY_DIR in lib/config.ts. */
export const OFFLINE_KEY_DIR = path.join(process.cwd(), '.data', 'sandbox');

/**
 * The offline sandbox plays Amazon, so the storefront needs a merchant key pair
 * that the sandbox knows. It is generated once and kept in .data/ (never committed).
 */
export function ensureOfflineMerchantKey() {
  const metaFile = path.join(OFFLINE_KEY_DIR, 'merchant-key.json');
  const privateFile = path.join(OFFLINE_KEY_DIR, 'merchant-private.pem');
  const publicFile = path.join(OFFLINE_KEY_DIR, 'merchant-public.pem');
  if (!existsSync(metaFile) || !existsSync(privateFile) || !existsSync(publicFile)) {
    mkdirSync(OFFLINE_KEY_DIR, { recursive: true, mode: 0o700 });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const publicKeyId = `SANDBOX-OFFLINE${randomBytes(8).toString('hex').toUpperCase()}`;
    writeFileSync(privateFile, privateKey, { mode: 0o600 });
    writeFileSync(publicFile, publicKey);
    writeFileSync(metaFile, JSON.stringify({ publicKeyId }, null, 2));
  }
  // The owner's alone, also when an earlier version created them with wider modes.
  chmodSync(OFFLINE_KEY_DIR, 0o700);
  chmodSync(privateFile, 0o600);
  const { publicKeyId } = JSON.parse(readFileSync(metaFile, 'utf8'));
  return { publicKeyId, publicKey: readFileSync(publicFile, 'utf8') };
}
