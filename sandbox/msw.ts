import { http, passthrough } from 'msw';
import type { Sandbox } from './sandbox';

/**
 * msw handlers that route every request for `origins` (e.g. https://pay-api.amazon.com)
 * through the same sandbox core, for `setupServer(...sandboxMswHandlers(sandbox, [...]))`.
 * Requests to other origins pass through untouched.
 */
export function sandboxMswHandlers(sandbox: Sandbox, origins: readonly string[]) {
  const wanted = new Set(origins.map((origin) => new URL(origin).origin));
  return [
    http.all('*', async ({ request }) => {
      if (!wanted.has(new URL(request.url).origin)) return passthrough();
      return sandbox.handle(request);
    }),
  ];
}
