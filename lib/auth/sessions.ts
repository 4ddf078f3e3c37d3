import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/connection';
import { authSessions } from '@/lib/db/schema';
import type { Role } from './types';

/** How often a session's lastSeenAt is written: often enough to list, rarely enough to cost nothing. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export interface OpenSessionInput {
  subject: string;
  role: Role;
  credential: string | null;
  userAgent: string | null;
  clientIp: string | null;
  maxAgeSeconds: number;
}

export type ActiveSession = Pick<typeof authSessions.$inferSelect, 'id' | 'userAgent' | 'clientIp' | 'createdAt' | 'lastSeenAt'>;

export const adminSubject = (email: string) => `admin:${email.toLowerCase()}`;
export const shopperSubject = (buyerId: string) => `shopper:${buyerId}`;

export async function openSession(db: Database, input: OpenSessionInput, now = new Date()): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({
      subject: input.subject,
      role: input.role,
      credential: input.credential,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      clientIp: input.clientIp,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + input.maxAgeSeconds * 1000),
    })
    .returning({ id: authSessions.id });
  return row!.id;
}

/**
 * Whether the session named by a token is still open: not signed out, not expired, and for
 * the admin opened with the credentials configured now. Marks it seen.
 */
export async function isSessionOpen(
  db: Database,
  sessionId: string,
  expected: { credential: string | null },
  now = new Date(),
): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return false;
  const [row] = await db.select().from(authSessions).where(eq(authSessions.id, sessionId)).limit(1);
  if (!row || row.revokedAt || row.expiresAt <= now) return false;
  if (row.role === 'admin' && row.credential !== expected.credential) {
    await revokeSession(db, sessionId, now);
    return false;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sessionId));
  }
  return true;
}

export async function revokeSession(db: Database, sessionId: string, now = new Date()): Promise<void> {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return;
  await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Signs a person out everywhere: every open session of theirs ends. Returns how many did. */
export async function revokeSubject(db: Database, subject: string, now = new Date()): Promise<number> {
  const ended = await db
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.subject, subject), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return ended.length;
}

/** A person's open sessions, most recently seen first (for the admin, those of the current credentials). */
export async function listOpenSessions(
  db: Database,
  subject: string,
  credential: string | null,
  now = new Date(),
): Promise<ActiveSession[]> {
  return db
    .select({
      id: authSessions.id,
      userAgent: authSessions.userAgent,
      clientIp: authSessions.clientIp,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
    })
    .from(authSessions)
    .where(
      and(
        eq(authSessions.subject, subject),
        isNull(authSessions.revokedAt),
        gt(authSessions.expiresAt, now),
        credential === null ? sql`true` : eq(authSessions.credential, credential),
      ),
    )
    .orderBy(desc(authSessions.lastSeenAt))
    .limit(50);
}
