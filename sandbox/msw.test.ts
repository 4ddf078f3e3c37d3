import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxMswHandlers } from './msw';
import { newSandbox, sdkSign, sessionPayload, idemKey } from '@/test/sandbox-sdk';

describe('msw wrapping the same core', () => {
  const sandbox = newSandbox();
  const server = setupServer(...sandboxMswHandlers(sandbox, ['https://pay-api.amazon.com', 'https://gateway.ecomcharge.com']));
  beforeAll(() => server.listen({ onUnhandledRequest: 'bypass' }));
  afterAll(() => server.close());

  it('answers fetches to the real Amazon host from the in-memory sandbox', async () => {
    const signed = sdkSign(
      {
        method: 'POST',
        urlFragment: 'checkoutSessions',
        payload: sessionPayload(),
        headers: { 'x-amz-pay-idempotency-key': idemKey() },
      },
      {},
      sandbox.clock.nowMs(),
    );
    const res = await fetch(`https://pay-api.amazon.com${signed.path}`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    expect(res.status).toBe(201);
    expect(sandbox.store.sessions.size).toBe(1);
  });

  it('injected latency delays but does not fail the call', async () => {
    sandbox.injectFault({ operation: 'getReports', delayMs: 5, count: 1 });
    const signed = sdkSign({ method: 'GET', urlFragment: 'reports' }, {}, sandbox.clock.nowMs());
    const res = await fetch(`https://pay-api.amazon.com${signed.path}`, { headers: signed.headers });
    expect(res.status).toBe(200);
  });
});
