import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { z } from 'zod';
import { writePrivateFile } from '@/lib/private-files';

/**
 * On PGlite only the storefront's process may open the database, so a command such as
 * `npm run resync` asks the running storefront to do the work. The storefront publishes
 * its address and a random token beside the database folder, readable by its owner only;
 * the command proves it may ask by sending the token back.
 */
const controlFileSchema = z.object({ url: z.url(), token: z.string().regex(/^[A-Za-z0-9_-]{43}$/), pid: z.number().int() });
export type ControlAddress = z.output<typeof controlFileSchema>;

export const controlTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

const controlFile = (dataDir: string) => `${dataDir}.control.json`;
const globalForControl = globalThis as typeof globalThis & { __storefrontControlToken?: string };

export function publishControlAddress(dataDir: string, url: string): void {
  const token = randomBytes(32).toString('base64url');
  globalForControl.__storefrontControlToken = token;
  const file = controlFile(dataDir);
  writePrivateFile(file, JSON.stringify({ url, token, pid: process.pid } satisfies ControlAddress));
  process.on('exit', () => {
    try {
      const current = controlFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (current.success && current.data.pid === process.pid) unlinkSync(file);
    } catch {
      // Already gone.
    }
  });
}

export function readControlAddress(dataDir: string): ControlAddress | null {
  try {
    const parsed = controlFileSchema.safeParse(JSON.parse(readFileSync(controlFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether a request carries this process's control token (compared in constant time). */
export function isControlToken(authorization: string | null): boolean {
  const expected = globalForControl.__storefrontControlToken;
  const given = controlTokenSchema.safeParse(authorization?.replace(/^Bearer /, ''));
  if (!expected || !given.success) return false;
  return timingSafeEqual(Buffer.from(given.data), Buffer.from(expected));
}
