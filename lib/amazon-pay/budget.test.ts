import { describe, expect, it } from 'vitest';
import { chargeFixture } from '@/test/amazon-pay-fixtures';
import { testKeyPair } from '@/test/keys';
import { resolveConfig } from './config';
import { AmazonPayError } from './errors';
import { createAmazonPayClient } from './index';

/**
 * The budget is measured on the client's injectable clock, which these tests move by hand:
 * a sleep advances it by what it was asked to wait (or more), a fetch by what it "took".
 */

type Step = { takesMs: number; then: Response | Error | 'hang' };

function harness(steps: Step[], options: { budgetMs: number; timeoutMs?: number; oversleepMs?: number; baseDelayMs?: number }) {
  let now = 0;
  const sleeps: number[] = [];
  const attempts: number[] = [];
  const client = createAmazonPayClient({
    publicKeyId: 'SANDBOX-AKEY',
    privateKey: testKeyPair().pkcs1,
    region: 'eu',
    budgetMs: options.budgetMs,
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    now: () => now,
    fetch: async (_url, init) => {
      attempts.push(now);
      const step = steps.shift();
      if (!step) throw new Error('no more steps');
      now += step.takesMs;
      if (step.then === 'hang') {
        return new Promise<never>((_, reject) =>
          init.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
        );
      }
      if (step.then instanceof Error) throw step.then;
      return step.then;
    },
    retry: {
      baseDelayMs: options.baseDelayMs ?? 1000,
      maxDelayMs: 30_000,
      random: () => 0,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms + (options.oversleepMs ?? 0);
      },
    },
  });
  return { client, sleeps, attempts };
}

const unavailable = () => Response.json({ reasonCode: 'ServiceUnavailable', message: 'try later' }, { status: 503 });
const tooMany = (retryAfterSeconds: number) =>
  Response.json(
    { reasonCode: 'TooManyRequests', message: 'slow down' },
    { status: 429, headers: { 'retry-after': String(retryAfterSeconds), 'x-amz-pay-request-id': 'rid-429' } },
  );

async function rejection(promise: Promise<unknown>): Promise<AmazonPayError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AmazonPayError)) throw new Error(`expected an AmazonPayError, got ${String(error)}`);
  return error;
}

describe('the budget of one call', () => {
  it('defaults to 20 s and rejects a budget of zero', () => {
    const base = { publicKeyId: 'SANDBOX-AKEY', privateKey: testKeyPair().pkcs1, region: 'eu' };
    expect(resolveConfig(base).budgetMs).toBe(20_000);
    expect(() => resolveConfig({ ...base, budgetMs: 0 })).toThrow(/budgetMs/);
  });

  it('skips a backoff wait that would overrun it, keeping the answer Amazon last gave', async () => {
    // Backoff with random 0: 500 ms, then 1000 ms. After the first wait 700 ms are left, fewer than 1000.
    const { client, sleeps, attempts } = harness(
      [
        { takesMs: 0, then: unavailable() },
        { takesMs: 0, then: unavailable() },
        { takesMs: 0, then: unavailable() },
      ],
      { budgetMs: 1200 },
    );
    const error = await rejection(client.getCharge('S01-C1'));
    expect(sleeps).toEqual([500]);
    expect(attempts).toEqual([0, 500]);
    expect([error.status, error.reasonCode, error.retryable, error.operation]).toEqual([
      503,
      'ServiceUnavailable',
      true,
      'getCharge',
    ]);
    expect(error.message).toBe('getCharge timed out after 1200 ms budget');
  });

  it('skips a Retry-After wait that would overrun it', async () => {
    const { client, sleeps, attempts } = harness(
      [
        { takesMs: 0, then: tooMany(5) },
        { takesMs: 0, then: Response.json(chargeFixture, { status: 201 }) },
      ],
      { budgetMs: 3000 },
    );
    const error = await rejection(
      client.createCharge({ chargePermissionId: 'S01-1', chargeAmount: { amount: '1.00', currencyCode: 'EUR' } }),
    );
    expect(sleeps).toEqual([]);
    expect(attempts).toHaveLength(1);
    expect([error.status, error.reasonCode, error.requestId]).toEqual([429, 'TooManyRequests', 'rid-429']);
    expect(error.message).toBe('createCharge timed out after 3000 ms budget');
  });

  it('takes a wait that fits, and the call still succeeds inside it', async () => {
    const { client, sleeps } = harness(
      [
        { takesMs: 100, then: tooMany(1) },
        { takesMs: 100, then: Response.json(chargeFixture, { status: 201 }) },
      ],
      { budgetMs: 1500 },
    );
    const charge = await client.createCharge({
      chargePermissionId: 'S01-1',
      chargeAmount: { amount: '1.00', currencyCode: 'EUR' },
    });
    expect(charge.chargeId).toBe(chargeFixture.chargeId);
    expect(sleeps).toEqual([1000]);
  });

  it('gives the last attempt only what is left of it, then times the call out', async () => {
    // The first attempt uses 19 950 ms of 20 000 and fails; the 1 ms backoff leaves 49 ms for
    // the second, far less than the 10 s attempt timeout, so it is abandoned after 49 ms.
    const { client, attempts } = harness(
      [
        { takesMs: 19_950, then: new TypeError('fetch failed') },
        { takesMs: 0, then: 'hang' },
      ],
      { budgetMs: 20_000, timeoutMs: 10_000, baseDelayMs: 2 },
    );
    const error = await rejection(
      client.completeCheckoutSession('S01-session', { chargeAmount: { amount: '1.00', currencyCode: 'EUR' } }),
    );
    expect(attempts).toHaveLength(2);
    expect([error.status, error.reasonCode, error.retryable]).toEqual([0, 'Timeout', true]);
    expect(error.message).toBe('completeCheckoutSession timed out after 20000 ms budget');
  });

  it('is checked again before each attempt, after the wait', async () => {
    const { client, attempts } = harness(
      [
        { takesMs: 0, then: unavailable() },
        { takesMs: 0, then: unavailable() },
      ],
      { budgetMs: 1000, oversleepMs: 5000 },
    );
    const error = await rejection(client.getCharge('S01-C1'));
    expect(attempts).toHaveLength(1);
    expect([error.status, error.reasonCode]).toEqual([503, 'ServiceUnavailable']);
    expect(error.message).toBe('getCharge timed out after 1000 ms budget');
  });
});
