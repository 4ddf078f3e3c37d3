import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { textInput } from '@/lib/text-input';
import { logFailure } from '@/lib/action-result';
import type { AmazonPayClient } from '@/lib/amazon-pay';
import { getConfig } from '@/lib/config';
import { getDb } from '@/lib/db';
import { getAmazonPay } from '@/lib/amazon-pay/server';
import { clientIpFrom } from '@/lib/client-ip';
import { adminAccountFrom, attemptAdminLogin, type AdminLoginResult } from './admin-login';
import { ownOriginRedirect } from './auth-request';
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

let cachedSecret: Promise<string> | undefined;

async function authSecret(): Promise<string> {
  const configured = getConfig().auth.secret;
  if (configured) return configured;
  cachedSecret ??= getDb().then(loadOrCreateAuthSecret);
  return cachedSecret;
}

export async function getAuthOptions(): Promise<NextAuthOptions> {
  const config = getConfig();
  // next-auth builds its redirects and callback URLs on NEXTAUTH_URL: unless one is set,
  // that is the shop's configured origin, so no request header ever picks a redirect.
  process.env.NEXTAUTH_URL ??= config.store.appUrl;
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
          let result: AdminLoginResult;
          try {
            result = await attemptAdminLogin(await getDb(), adminAccountFrom(config.auth.adminEmail, config.auth.adminPassword), {
              ...parsed.data,
              ip: clientIpFrom(request.headers?.['x-forwarded-for'], config.network.trustedProxyHops),
            });
          } catch (error) {
            logFailure(error, 'auth.admin-sign-in');
            result = { ok: false, reason: 'unavailable' };
          }
          if (result.ok) return { id: `admin:${result.email}`, email: result.email, name: 'Store admin', role: 'admin' };
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
        async authorize(credentials) {
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
          };
        },
      }),
    ],
    callbacks: {
      redirect: ownOriginRedirect,
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
