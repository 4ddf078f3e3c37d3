import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { textInput } from '@/lib/text-input';
import { logFailure } from '@/lib/action-result';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import { getConfig } from '@/lib/config';
import { errorFields, log } from '@/lib/log';
import { getDb } from '@/lib/db';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { clientIpFrom } from '@/lib/client-ip';
import { adminAccountFrom, attemptAdminLogin, type AdminLoginResult } from './admin-login';
import { ownOriginRedirect } from './auth-request';
import { adminCredentialDigest } from './credential';
import { adminSubject, isSessionOpen, openSession, revokeSession, shopperSubject } from './sessions';
import { loadOrCreateAuthSecret } from './secret';
import './types';

export const ADMIN_LOGIN_ERRORS = {
  rate_limited: 'Too many sign-in attempts. Wait a little and try again.',
  not_configured: 'Admin sign-in is not set up: set ADMIN_EMAIL and ADMIN_PASSWORD on the server.',
  unavailable: 'Sign-in is unavailable right now. Please try again in a moment.',
} as const;

const amazonCredentials = z.object({ buyerToken: textInput(2048).min(8) });

const adminCredentials = z.object({
  email: textInput(320).trim().min(1),
  password: textInput(1024).min(1),
});

/** The origin next-auth builds its URLs on (see getAuthOptions). */
export function authOrigin(): string {
  return new URL(process.env.NEXTAUTH_URL ?? getConfig().store.appUrl).origin;
}

/** How long a session lasts at most; signing out or revocation ends it sooner. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

class SessionEndedError extends Error {
  override readonly name = 'SessionEndedError';
  constructor() {
    super('The session has ended.');
  }
}

/** What a session row records of where it was opened. */
function requestContext(
  headers: Record<string, string | string[] | undefined> | undefined,
  trustedProxyHops: number,
): { userAgent: string | null; clientIp: string | null } {
  const agent = headers?.['user-agent'];
  return {
    userAgent: (Array.isArray(agent) ? agent[0] : agent) ?? null,
    clientIp: clientIpFrom(headers?.['x-forwarded-for'], trustedProxyHops),
  };
}

/** The digest admin sessions must carry: of the credentials configured now (none: no admin session is valid). */
export async function currentAdminCredential(): Promise<string> {
  const { auth } = getConfig();
  if (!auth.adminEmail || !auth.adminPassword) return 'no-admin-configured';
  return adminCredentialDigest(await authSecret(), auth.adminEmail, auth.adminPassword);
}

let cachedSecret: Promise<string> | undefined;

/** The server's signing secret: AUTH_SECRET, or the one generated and kept in the database. */
export async function authSecret(): Promise<string> {
  const configured = getConfig().auth.secret;
  if (configured) return configured;
  cachedSecret ??= getDb().then(async (db) => {
    log.warn(
      { context: 'auth' },
      'AUTH_SECRET is not set: sessions are signed with a secret generated once and kept in the database (app_settings). Set AUTH_SECRET in production.',
    );
    return loadOrCreateAuthSecret(db);
  });
  return cachedSecret;
}

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const config = getConfig();
  // next-auth builds its redirects and callback URLs on NEXTAUTH_URL: unless one is set,
  // that is the shop's configured origin, so no request header ever picks a redirect.
  process.env.NEXTAUTH_URL ??= config.store.appUrl;
  return {
    secret: await authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/admin/login' },
    providers: [
      CredentialsProvider({
        id: 'admin',
        name: 'Admin',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = adminCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const origin = requestContext(request.headers, config.network.trustedProxyHops);
          let result: AdminLoginResult;
          try {
            result = await attemptAdminLogin(await getDb(), adminAccountFrom(config.auth.adminEmail, config.auth.adminPassword), {
              ...parsed.data,
              ip: origin.clientIp,
            });
          } catch (error) {
            logFailure(error, 'auth.admin-sign-in');
            result = { ok: false, reason: 'unavailable' };
          }
          if (result.ok) {
            return { id: adminSubject(result.email), email: result.email, name: 'Store admin', role: 'admin', ...origin };
          }
          // next-auth puts a thrown message in the sign-in URL as `error`: only our reason codes go there.
          if (result.reason !== 'invalid') throw new Error(result.reason);
          return null;
        },
      }),
      CredentialsProvider({
        id: 'amazon',
        name: 'Amazon',
        credentials: { buyerToken: { label: 'Buyer token', type: 'text' } },
        // Sign-In with Amazon returns a buyerToken; only Amazon can turn it into a buyer (getBuyer).
        async authorize(credentials, request) {
          const parsed = amazonCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          let buyer: Awaited<ReturnType<AmazonPayClient['getBuyer']>>;
          try {
            buyer = await getAmazonPay().getBuyer(parsed.data.buyerToken);
          } catch (error) {
            logFailure(error, 'auth.amazon-sign-in');
            throw new Error('unavailable');
          }
          return {
            id: buyer.buyerId,
            name: buyer.name ?? null,
            email: buyer.email ?? null,
            role: 'shopper',
            buyerId: buyer.buyerId,
            ...requestContext(request.headers, config.network.trustedProxyHops),
          };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(await getDb(), token.sid);
      },
    },
    logger: {
      error(code, metadata) {
        // A signed-out or revoked token is the expected end of a session, not a failure.
        const ended =
          metadata instanceof SessionEndedError || (metadata as { error?: unknown })?.error instanceof SessionEndedError;
        if (ended) log.info({ context: 'auth', code }, 'session ended');
        else log.error({ context: 'auth', code, ...errorFields(metadata) }, 'next-auth error');
      },
      warn(code) {
        log.warn({ context: 'auth', code }, 'next-auth warning');
      },
      debug() {},
    },
    callbacks: {
      redirect: ownOriginRedirect,
      // Runs on every read of the session: a token whose session row has ended is refused
      // (next-auth then clears the cookie and answers no session).
      async jwt({ token, user }) {
        const db = await getDb();
        if (user) {
          token.role = user.role;
          token.buyerId = user.buyerId;
          token.sid = await openSession(db, {
            subject: user.role === 'admin' ? adminSubject(user.email ?? '') : shopperSubject(user.buyerId ?? user.id),
            role: user.role,
            credential: user.role === 'admin' ? await currentAdminCredential() : null,
            userAgent: user.userAgent ?? null,
            clientIp: user.clientIp ?? null,
            maxAgeSeconds: SESSION_MAX_AGE_SECONDS,
          });
          return token;
        }
        const credential = token.role === 'admin' ? await currentAdminCredential() : null;
        if (!token.sid || !(await isSessionOpen(db, token.sid, { credential }))) throw new SessionEndedError();
        return token;
      },
      session({ session, token }) {
        if (token.sid) session.user.sessionId = token.sid;
        session.user.role = token.role ?? 'shopper';
        if (token.buyerId) session.user.buyerId = token.buyerId;
        return session;
      },
    },
  };
}
