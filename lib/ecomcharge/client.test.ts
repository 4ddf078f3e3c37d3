import { describe, expect, it } from 'vitest';
import { createSandbox } from '@/sandbox';
import {
  createEcomchargeClient,
  EcomchargeError,
  transactionsToCsvStream,
  type EcomchargeClientConfig,
  type EcomchargeTransaction,
} from './index';

const API_URL = 'http://sandbox.test/ecomcharge';
const SECRET = 'sandbox-secret';

function sandboxClient(options: { pageSize?: number; config?: Partial<EcomchargeClientConfig> } = {}) {
  const sandbox = createSandbox({
    frozenClock: true,
    start: Date.UTC(2026, 0, 15, 12),
    ...(options.pageSize ? { ecomcharge: { pageSize: options.pageSize } } : {}),
  });
  return createEcomchargeClient({
    shopId: '1',
    secretKey: SECRET,
    apiUrl: API_URL,
    fetch: sandbox.fetch,
    retryDelayMs: 1,
    ...options.config,
  });
}

const period = { from: '2024-03-01 00:00:00', to: '2024-03-03 23:59:59' };

async function caught(promise: Promise<unknown>): Promise<EcomchargeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EcomchargeError) return error;
    throw error;
  }
  throw new Error('expected an EcomchargeError');
}

describe('eComCharge client against the sandbox', () => {
  it('reads a day report with X-Api-Version 2, amounts in minor units, cards masked', async () => {
    const client = sandboxClient();
    const report = await client.getDayReport({ date: '2024-03-01' });
    expect(report.count).toBe(report.transactions.length);
    expect(report.count).toBeGreaterThan(0);
    for (const tx of report.transactions) {
      expect(tx.createdAt?.startsWith('2024-03-01')).toBe(true);
      expect(Number.isSafeInteger(tx.amount.amount)).toBe(true);
      expect(['USD', 'EUR', 'GBP']).toContain(tx.amount.currency);
      expect(Object.keys(tx.card ?? {}).sort()).toEqual(['brand', 'last4']);
      expect(tx.card?.last4).toMatch(/^\d{4}$/);
    }
    // Nothing card-like beyond brand + last four survives the boundary.
    const text = JSON.stringify(report);
    for (const leaked of ['bin', 'first_1', 'token', 'holder', 'exp_month', '420000', '515464', '401200'])
      expect(text).not.toContain(leaked);
    const failed = await client.getDayReport({ date: '2024-03-01', status: 'failed' });
    expect(failed.transactions.every((tx) => tx.status === 'failed')).toBe(true);
  });

  it('converts the fee decimals to minor units', async () => {
    const { transactions } = await sandboxClient().getDayReport({ date: '2024-03-01', status: 'successful' });
    const tx = transactions[0];
    expect(tx?.fee?.amount).toBe(Math.round(((tx?.amount.amount ?? 0) * 25) / 1000));
    expect((tx?.payToMerchant?.amount ?? 0) + (tx?.fee?.amount ?? 0)).toBe(tx?.amount.amount);
  });

  it('counts with X-Api-Version 3 and pages forwards and backwards', async () => {
    const client = sandboxClient({ pageSize: 10 });
    const count = await client.countTransactions(period);
    const first = await client.listTransactions(period);
    expect(first.transactions).toHaveLength(10);
    expect(first.firstObjectId).toBe(first.transactions[0]?.id);
    expect(first.lastObjectId).toBe(first.transactions.at(-1)?.id);

    const forward: EcomchargeTransaction[] = [];
    let pages = 0;
    for await (const page of client.iterateTransactions(period)) {
      forward.push(...page.transactions);
      pages++;
    }
    expect(forward).toHaveLength(count);
    expect(pages).toBe(Math.ceil(count / 10));
    expect(new Set(forward.map((tx) => tx.id)).size).toBe(count);

    const second = await client.listTransactions({ ...period, startingAfter: first.lastObjectId ?? undefined });
    const back = await client.listTransactions({ ...period, endingBefore: second.firstObjectId ?? undefined });
    expect(back).toEqual(first);

    const lastId = forward.at(-1)?.id;
    const backward: EcomchargeTransaction[] = [];
    for await (const page of client.iterateTransactions({ ...period, direction: 'backward', endingBefore: (lastId ?? 0) + 1 }))
      backward.unshift(...page.transactions);
    expect(backward.map((tx) => tx.id)).toEqual(forward.map((tx) => tx.id));
  });

  it('streams every page of a period as CSV', async () => {
    const client = sandboxClient({ pageSize: 7 });
    const count = await client.countTransactions(period);
    const csv = await new Response(transactionsToCsvStream(client.iterateTransactions(period))).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(count + 1);
    expect(lines[0]?.startsWith('id,uid,created_at')).toBe(true);
    expect(csv).not.toMatch(/420000|515464|401200/);
  });

  it('turns 401 into a plain message without the secret', async () => {
    const error = await caught(sandboxClient({ config: { secretKey: 'wrong-secret' } }).getDayReport({ date: '2024-03-01' }));
    expect(error).toMatchObject({ status: 401, code: 'Unauthorized', retryable: false });
    expect(error.message).toMatch(/shop id and secret key/);
    expect(JSON.stringify({ error, message: error.message, stack: error.stack, cause: error.cause })).not.toContain(
      'wrong-secret',
    );
  });

  it('turns 422 into a message with the field errors', async () => {
    const error = await caught(sandboxClient().getDayReport({ date: '2024-03-01', timeZone: 'Mars/Olympus' }));
    expect(error).toMatchObject({ status: 422, code: 'InvalidParameters', retryable: false });
    expect(error.fieldErrors).toEqual({ time_zone: ['is not a valid time zone'] });
    expect(error.message).toContain('time_zone is not a valid time zone');
    const range = await caught(sandboxClient().countTransactions({ from: '2024-01-01 00:00:00', to: '2024-12-31 23:59:59' }));
    expect(range.fieldErrors['to']).toEqual(['period must not exceed 92 days']);
  });

  it('refuses malformed parameters before calling', async () => {
    const client = sandboxClient({ config: { fetch: () => Promise.reject(new Error('must not be called')) } });
    await expect(client.getDayReport({ date: '01.03.2024' })).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(client.listTransactions({ ...period, startingAfter: 1, endingBefore: 2 })).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
    await expect(client.countTransactions({ from: '2024-03-01', to: '2024-03-02' })).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });
});
