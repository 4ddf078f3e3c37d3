import 'server-only';
import { getServerSession, type Session } from 'next-auth';
import { redirect } from 'next/navigation';
import { UnauthorizedError } from '@/lib/errors';
import { getAuthOptions } from './options';

export { ADMIN_LOGIN_ERRORS, authOrigin, authSecret, currentAdminCredential, getAuthOptions } from './options';
export type { Role } from './types';
export { UnauthorizedError };

export async function getSession(): Promise<Session | null> {
  return getServerSession(await getAuthOptions());
}

export async function getAdminSession(): Promise<Session | null> {
  const session = await getSession();
  return session?.user.role === 'admin' ? session : null;
}

/** For admin pages: anyone but the admin is sent to the sign-in page. */
export async function requireAdminPage(): Promise<Session> {
  const session = await getAdminSession();
  if (!session) redirect('/admin/login');
  return session;
}

/** For admin server actions and route handlers: anyone but the admin is refused. */
export async function assertAdmin(): Promise<Session> {
  const session = await getAdminSession();
  if (!session) throw new UnauthorizedError();
  return session;
}
