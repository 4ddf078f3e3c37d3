import { generateKeyPairSync } from 'node:crypto';

/** Test-only RSA key pairs, generated per run so no key ever sits in the tree. */
export interface TestKeyPair {
  publicKeyPem: string;
  pkcs1: string;
  pkcs8: string;
}

let cached: TestKeyPair | undefined;

export function testKeyPair(): TestKeyPair {
  if (cached) return cached;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  cached = {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  return cached;
}
