import { createHash, createHmac, scrypt } from 'node:crypto';
import { SCRYPT_PARAMS } from './password';

let cached: { source: string; digest: Promise<string> } | undefined;

/**
 * A digest of the admin credentials a session was opened with. A session whose digest is
 * not the configured credentials' one has ended: that is how changing ADMIN_PASSWORD signs
 * every admin out. It is slow to compute (scrypt, once per process), so the digest kept in
 * the database does not let anyone test guesses at the password quickly.
 */
export function adminCredentialDigest(secret: string, email: string, password: string): Promise<string> {
  const source = `${secret}\n${email.toLowerCase()}\n${password}`;
  if (cached?.source !== source) {
    const salt = createHmac('sha256', secret).update(`admin-credential\n${email.toLowerCase()}`).digest();
    cached = {
      source,
      digest: new Promise((resolve, reject) =>
        scrypt(password, salt, 32, SCRYPT_PARAMS, (error, key) =>
          error ? reject(error) : resolve(createHash('sha256').update(key).digest('hex').slice(0, 32)),
        ),
      ),
    };
  }
  return cached.digest;
}
