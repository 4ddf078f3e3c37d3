import { randomBytes, scrypt, timingSafeEqual, type BinaryLike } from 'node:crypto';

// scrypt with N=2^15 takes tens of milliseconds: cheap for one sign-in, costly for a guesser.
export const SCRYPT_PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const KEY_LENGTH = 32;

function derive(password: BinaryLike, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, SCRYPT_PARAMS, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export interface PasswordHash {
  salt: Buffer;
  hash: Buffer;
}

export async function hashPassword(password: string): Promise<PasswordHash> {
  const salt = randomBytes(16);
  return { salt, hash: await derive(password, salt) };
}

/** Always derives, even for an unknown account, so timing does not reveal which part was wrong. */
export async function verifyPassword(candidate: string, stored: PasswordHash): Promise<boolean> {
  const derived = await derive(candidate, stored.salt);
  return timingSafeEqual(derived, stored.hash);
}
