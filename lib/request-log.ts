import 'server-only';
import { headers } from 'next/headers';
import { withLogContext } from '@/lib/log';
import { requestIdFrom } from '@/lib/request-id';

/** Runs a route handler's work under its request's id (set by proxy.ts). */
export function inRequestScope<T>(request: Request, work: () => Promise<T>): Promise<T> {
  return withLogContext({ requestId: requestIdFrom(request.headers.get('x-request-id')) }, work);
}

/** Runs a server action's work under its request's id. */
export async function inActionScope<T>(work: () => Promise<T>): Promise<T> {
  let header: string | null = null;
  try {
    header = (await headers()).get('x-request-id');
  } catch {
    // Outside a request (a test calling the action) there are no headers: a fresh id then.
  }
  const requestId = requestIdFrom(header);
  return withLogContext({ requestId }, work);
}
