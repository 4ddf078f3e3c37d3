import { createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { pssKeyOptions, type SignatureAlgorithm } from './signing';

export interface Signer {
  readonly algorithm: SignatureAlgorithm;
  /** Base64 RSASSA-PSS signature of the string to sign. */
  sign(stringToSign: string): Promise<string>;
}

export class InvalidPrivateKeyError extends Error {
  override readonly name = 'InvalidPrivateKeyError';
}

/**
 * Parses the PEM once (PKCS#1 or PKCS#8, as the official SDKs accept): OpenSSL 3's PEM decoder
 * costs more than the signature itself, which is why the official SDK is slow.
 * The error never quotes the key.
 */
export function parsePrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new InvalidPrivateKeyError('privateKey is not a readable PEM private key (PKCS#1 or PKCS#8)');
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new InvalidPrivateKeyError(`privateKey must be an RSA key, got ${key.asymmetricKeyType ?? 'unknown'}`);
  }
  return key;
}

/**
 * The callback form of crypto.sign runs on libuv's thread pool, so a burst of
 * signatures does not stall the event loop and spreads over the cores.
 */
export function createSigner(key: KeyObject, algorithm: SignatureAlgorithm): Signer {
  const options = pssKeyOptions(key, algorithm);
  return {
    algorithm,
    sign: (stringToSign) =>
      new Promise((resolve, reject) => {
        sign('sha256', Buffer.from(stringToSign), options, (error, signature) => {
          if (error) reject(error);
          else resolve(signature.toString('base64'));
        });
      }),
  };
}
