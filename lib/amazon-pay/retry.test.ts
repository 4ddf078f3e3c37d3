import { describe, expect, it } from 'vitest';
import { AmazonPayError } from './errors';
import { chargeFixture } from '@/test/amazon-pay-fixtures';
import { createAmazonPayClient } from './index';
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter } from './retry';
import { testKeyPair } from '@/test/keys';

type Step = Response | Error;

/** A client whose fetch replays `steps`, whose clock ticks a second per read, and whose sleeps are recorded. */
function harness(steps: Step[]) {
  const requests: Request[] = [];
  const sleeps: number[] = [];
  let tick = Date.parse('2024-01-01T00:00:00Z');
  const client = createAmazonPayClient({
    publicKeyId: 'SANDBOX-AKEY',
    privateKey: testKeyPair().pkcs1,
    region: 'eu',
    fetch: async (url, init) => {
      requests.push(new Request(url, init));
      const step = steps.shift();
      if (!step) throw new Error('no more steps');
      if (step instanceof Error) throw step;
      return step;
    },
    clock: () => new Date((tick += 1000)),
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  });
  return { client, requests, sleeps };
}

const status = (code: number, headers: Record<string, string> = {}) =>
  Response.json(
    { reasonCode: code === 429 ? 'TooManyRequests' : 'ServiceUnavailable', message: 'try later' },
    { status: code, headers },
  );
const ok = () => Response.json(chargeFixture, { status: 201 });
const price = { amount: '1.00', currencyCode: 'EUR' };

describe('retries', () => {
  it('429 twice then success is one logical call: same idempotency key, fresh dates and signatures', async () => {
    const { client, requests } = harness([status(429), status(429), ok()]);
    const charge = await client.createCharge({ chargePermissionId: 'S01-1', chargeAmount: price });
    expect(charge.chargeId).toBe(chargeFixture.chargeId);
    expect(requests).toHaveLength(3);
    const keys = new Set(requests.map((r) => r.headers.get('x-amz-pay-idempotency-key')));
    expect(keys.size).toBe(1);
    expect([...keys][0]).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    const dates = new Set(requests.map((r) => r.headers.get('x-amz-pay-date')));
    expect(dates.size).toBe(3);
    const signatures = new Set(requests.map((r) => r.headers.get('authorization')));
    expect(signatures.size).toBe(3);
  });

  it('500 four times ends in a retryable AmazonPayError after 4 attempts', async () => {
    const { client, requests, sleeps } = harness([
      status(500),
      status(500),
      status(500),
      status(500, { 'x-amz-pay-request-id': 'rid-9' }),
    ]);
    const error = await client.getCharge('S01-C1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonPayError);
    expect(error).toMatchObject({
      status: 500,
      retryable: true,
      reasonCode: 'ServiceUnavailable',
      requestId: 'rid-9',
      operation: 'getCharge',
    });
    expect(requests).toHaveLength(4);
    expect(sleeps).toHaveLength(3);
  });

  it('does not retry a 400', async () => {
    const { client, requests } = harness([
      Response.json({ reasonCode: 'InvalidParameterValue', message: 'bad' }, { status: 400 }),
    ]);
    await expect(client.getCharge('S01-C1')).rejects.toMatchObject({
      status: 400,
      retryable: false,
      reasonCode: 'InvalidParameterValue',
    });
    expect(requests).toHaveLength(1);
  });

  it('retries 408 and 425 as well', async () => {
    const { client, requests } = harness([status(408), status(425), Response.json(chargeFixture)]);
    await client.getCharge('S01-C1');
    expect(requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds and as an HTTP date', async () => {
    const { client, sleeps } = harness([
      status(429, { 'retry-after': '3' }),
      status(503, { 'retry-after': 'Mon, 01 Jan 2024 00:00:10 GMT' }),
      ok(),
    ]);
    await client.createCharge({ chargePermissionId: 'S01-1', chargeAmount: price });
    // The second Retry-After is read at tick 00:00:04 (each clock read adds a second): 6 s remain.
    expect(sleeps).toEqual([3000, 6000]);
  });

  it('retries a network error', async () => {
    const { client, requests } = harness([new TypeError('fetch failed'), Response.json(chargeFixture)]);
    await expect(client.getCharge('S01-C1')).resolves.toMatchObject({ chargeId: chargeFixture.chargeId });
    expect(requests).toHaveLength(2);
  });

  it('surfaces a persistent network error as retryable NetworkError', async () => {
    const failure = () => new TypeError('fetch failed');
    const { client } = harness([failure(), failure(), failure(), failure()]);
    await expect(client.getCharge('S01-C1')).rejects.toMatchObject({ status: 0, reasonCode: 'NetworkError', retryable: true });
  });

  it('does not retry after the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const { client, requests } = harness([new DOMException('aborted', 'AbortError')]);
    await expect(client.getCharge('S01-C1', { signal: controller.signal })).rejects.toMatchObject({
      reasonCode: 'Aborted',
      retryable: false,
    });
    expect(requests).toHaveLength(1);
  });
});

describe('backoff', () => {
  const config = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles per retry, with jitter inside [step/2, step], capped', () => {
    expect(backoffDelay(0, { ...config, random: () => 0 })).toBe(50);
    expect(backoffDelay(0, { ...config, random: () => 0.999 })).toBeLessThanOrEqual(100);
    expect(backoffDelay(2, { ...config, random: () => 0 })).toBe(200);
    expect(backoffDelay(10, { ...config, random: () => 0.999 })).toBeLessThanOrEqual(1000);
  });

  it('reads Retry-After forms', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Mon, 01 Jan 2024 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});
