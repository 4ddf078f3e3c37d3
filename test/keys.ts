import { generateKeyPairSync } from 'node:crypto';

/** Test-only RSA key pairs, generated per run so no key ever sits in the tree. */
export interface TestKeyPair {
  publicKeyPem: string;
  /** The private key as PKCS#8, the form the official SDKs write. */
  privateKeyPem: string;
  pkcs1: string;
  pkcs8: string;
}

/** The one place tests make RSA keys: 2048 bits, as Amazon Pay's key pairs are. */
export function newRsaKeyPair(): TestKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: pkcs8,
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    pkcs8,
  };
}

let cached: TestKeyPair | undefined;

/** One key pair per test file: generating 2048-bit keys is the slow part. */
export function testKeyPair(): TestKeyPair {
  cached ??= newRsaKeyPair();
  return cached;
}
