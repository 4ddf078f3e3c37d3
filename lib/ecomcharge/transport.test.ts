import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/sandbox';
import { createEcomchargeClient, EcomchargeError } from './index';

const SECRET = 'sandbox-secret';

/** The sandbox's fetch, except that the first `hangs` calls never answer (they only honour the abort signal). */
function flakyFetch(hangs: number, options: { ignoreSignal?: boolean } = {}) {
  const sandbox = createSandbox({ frozenClock: true });
  const calls: { headers: Headers; url: string }[] = [];
  const fetchStub = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ headers: new Headers(init?.headers), url: String(input) });
    if (calls.length <= hangs) {
      return new Promise<Response>((_, reject) => {
        if (!options.ignoreSignal) init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    return sandbox.fetch(input, init);
  }) as typeof fetch;
  return { fetchStub, calls };
}

describe('eComCharge transport', () => {
  it('retries a timed-out call and then succeeds, with the right headers', async () => {
    const { fetchStub, calls } = flakyFetch(1);
    const client = createEcomchargeClient({
      shopId: '1',
      secretKey: SECRET,
      apiUrl: 'http://sandbox.test/ecomcharge/',
      fetch: fetchStub,
      timeoutMs: 50,
      retries: 1,
      retryDelayMs: 1,
    });
    const report = await client.getDayReport({ date: '2024-03-01' });
    expect(report.count).toBeGreaterThan(0);
    expect(calls).toHaveLength(2);
    expect(calls[1]?.url).toBe('http://sandbox.test/ecomcharge/api/reports');
    expect(calls[1]?.headers.get('x-api-version')).toBe('2');
    expect(calls[1]?.headers.get('authorization')).toBe(`Basic ${Buffer.from(`1:${SECRET}`).toString('base64')}`);
  });

  it('gives up after the retries with a retryable Timeout error, even if fetch ignores the signal', async () => {
    const { fetchStub, calls } = flakyFetch(10, { ignoreSignal: true });
    const client = createEcomchargeClient({
      shopId: '1',
      secretKey: SECRET,
      apiUrl: 'http://sandbox.test/ecomcharge',
      fetch: fetchStub,
      timeoutMs: 30,
      retries: 2,
      retryDelayMs: 1,
    });
    const error = await client
      .countTransactions({ from: '2024-03-01 00:00:00', to: '2024-03-01 23:59:59' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EcomchargeError);
    expect(error).toMatchObject({ code: 'Timeout', status: 0, retryable: true });
    expect(calls).toHaveLength(3);
  });

  it('does not retry when the caller aborts', async () => {
    const { fetchStub, calls } = flakyFetch(10);
    const client = createEcomchargeClient({
      shopId: '1',
      secretKey: SECRET,
      apiUrl: 'http://sandbox.test/ecomcharge',
      fetch: fetchStub,
      timeoutMs: 5_000,
      retries: 2,
      retryDelayMs: 1,
    });
    const controller = new AbortController();
    const pending = client.getDayReport({ date: '2024-03-01' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'Aborted', retryable: false });
    expect(calls).toHaveLength(1);
  });

  it('retries 5xx, and never puts the secret into a network error', async () => {
    let calls = 0;
    const fetchStub = (async () => {
      calls++;
      if (calls === 1) return new Response('<html>Bad gateway</html>', { status: 502 });
      throw new TypeError(`fetch failed for 1:${SECRET} (${Buffer.from(`1:${SECRET}`).toString('base64')})`);
    }) as typeof fetch;
    const client = createEcomchargeClient({
      shopId: '1',
      secretKey: SECRET,
      apiUrl: 'http://sandbox.test/ecomcharge',
      fetch: fetchStub,
      retries: 1,
      retryDelayMs: 1,
    });
    const error = await client.getDayReport({ date: '2024-03-01' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NetworkError', retryable: true });
    expect(calls).toBe(2);
    const everything = JSON.stringify({ error, cause: (error as Error).cause, message: (error as Error).message });
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(Buffer.from(`1:${SECRET}`).toString('base64'));
  });

  it('reports an unreadable body as UnexpectedResponse without echoing values', async () => {
    const fetchStub = (async () =>
      Response.json({
        transactions: [{ id: 1, amount: 10.5, currency: 'USD', credit_card: { bin: '420000' } }],
        count: 1,
      })) as typeof fetch;
    const client = createEcomchargeClient({
      shopId: '1',
      secretKey: SECRET,
      apiUrl: 'http://sandbox.test/ecomcharge',
      fetch: fetchStub,
    });
    const error = await client.getDayReport({ date: '2024-03-01' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'UnexpectedResponse', retryable: false });
    expect((error as Error).message).toContain('transactions.0.amount');
    expect((error as Error).message).not.toContain('420000');
  });
});
