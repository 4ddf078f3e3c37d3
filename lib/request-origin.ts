import 'server-only';
import { headers } from 'next/headers';
import { getConfig } from '@/lib/config';

/** The storefront's public origin for Amazon Pay return URLs: APP_URL, else the request's host. */
export async function appOrigin(): Promise<string> {
  const configured = getConfig().store.appUrl;
  if (configured) return configured.replace(/\/$/, '');
  const requestHeaders = await headers();
  const host = requestHeaders.get('x-forwarded-host') ?? requestHeaders.get('host') ?? 'localhost:3000';
  const protocol =
    requestHeaders.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${protocol}://${host}`;
}
