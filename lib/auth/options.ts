import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { adminAccountFrom, attemptAdminLogin } from './admin-login';
import { loadOrCreateAuthSecret } from './secret';
import './types';

export const ADMIN_LOGIN_ERRORS = {
  rate_limited: 'Too many sign-in attempts. Wait 15 minutes and try again.',
  not_configured: 'Admin sign-in is not set up: set ADMIN_EMAIL and ADMIN_PASSWORD on the server.',
} as const;

const amazonCredentials = z.object({ buyerToken: z.string().min(8).max(2048) });

const adminCredentials = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

/**
 * The client address as our nearest proxy saw it: the last X-Forwarded-For entry is the
 * one a proxy appended, while earlier ones are whatever the client claimed.
 */
export function clientIp(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const value = Array.isArray(forwarded) ? forwarded.at(-1) : forwarded;
  return value?.split(',').at(-1)?.trim() || 'unknown';
}

let cachedSecret: Promise<string> | undefined;

/** The server's signing secret: AUTH_SECRET, or the one generated and kept in the database. */
export async function authSecret(): Promise<string> {
  const configured = getConfig().auth.secret;
  if (configured) return configured;
  cachedSecret ??= getDb().then(loadOrCreateAuthSecret);
  return cachedSecret;
}

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const config = getConfig();
  return {
    secret: await authSecret(),
    session: { strategy: 'jwt', maxAge: 8 * 60 * 60 },
    pages: { signIn: '/admin/login' },
    providers: [
      CredentialsProvider({
        id: 'admin',
        name: 'Admin',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = adminCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await attemptAdminLogin(
            await getDb(),
            adminAccountFrom(config.auth.adminEmail, config.auth.adminPassword),
            {
              ...parsed.data,
              ip: clientIp(request.headers),
            },
          );
          if (result.ok) return { id: `admin:${result.email}`, email: result.email, name: 'Store admin', role: 'admin' };
          // next-auth passes a thrown message to the sign-in form as `error`.
          if (result.reason !== 'invalid') throw new Error(result.reason);
          return null;
        },
      }),
      CredentialsProvider({
        id: 'amazon',
        name: 'Amazon',
        credentials: { buyerToken: { label: 'Buyer token', type: 'text' } },
        // Sign-In with Amazon returns a buyerToken; only Amazon can turn it into a buyer (getBuyer).
        async authorize(credentials) {
          const parsed = amazonCredentials.safeParse(credentials);
          if (!parsed.success) return null;
          const buyer = await getAmazonPay().getBuyer(parsed.data.buyerToken);
          return {
            id: buyer.buyerId,
            name: buyer.name ?? null,
            email: buyer.email ?? null,
            role: 'shopper',
            buyerId: buyer.buyerId,
          };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.role = user.role;
          token.buyerId = user.buyerId;
        }
        return token;
      },
      session({ session, token }) {
        session.user.role = token.role ?? 'shopper';
        if (token.buyerId) session.user.buyerId = token.buyerId;
        return session;
      },
    },
  };
}
