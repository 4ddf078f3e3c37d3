import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { appSettings } from '@/lib/db/schema';

const AUTH_SECRET_KEY = 'auth_secret';

/**
 * Without AUTH_SECRET (a local or offline run) the session secret is generated once
 * and kept in the database, so every instance and every restart signs alike.
 */
export async function loadOrCreateAuthSecret(db: Database): Promise<string> {
  await db
    .insert(appSettings)
    .values({ key: AUTH_SECRET_KEY, value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing({ target: appSettings.key });
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, AUTH_SECRET_KEY));
  if (!row) throw new Error('Could not load the session secret');
  return row.value;
}
