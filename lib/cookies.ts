import 'server-only';
import { cookies } from 'next/headers';

const DAY_SECONDS = 60 * 60 * 24;

export interface CookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  maxAge: number;
}

/**
 * Our cookies: never readable by scripts, https-only in production, and `lax` so they still
 * arrive when Amazon's pages send the shopper back with a top-level redirect.
 */
export function cookieOptions({ maxAgeDays }: { maxAgeDays: number }): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    path: '/',
    maxAge: maxAgeDays * DAY_SECONDS,
  };
}

export async function readCookie(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value;
}

/** Server actions and route handlers only: https://nextjs.org/docs/app/api-reference/functions/cookies */
export async function setCookie(name: string, value: string, options: { maxAgeDays: number }): Promise<void> {
  (await cookies()).set(name, value, cookieOptions(options));
}
