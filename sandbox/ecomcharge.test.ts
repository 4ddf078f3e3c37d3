import { describe, expect, it } from 'vitest';
import { newSandbox } from '@/test/sandbox-sdk';

const auth = `Basic ${Buffer.from('1:sandbox-secret').toString('base64')}`;

function post(
  sandbox: ReturnType<typeof newSandbox>,
  path: string,
  version: string,
  reportParams: Record<string, unknown>,
  authorization = auth,
) {
  return sandbox.handle(
    new Request(`http://sandbox.test/ecomcharge/api/${path}`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', accept: 'application/json', 'x-api-version': version },
      body: JSON.stringify({ report_params: reportParams }),
    }),
  );
}

const base = { date_type: 'created_at', status: 'all', payment_method_type: 'credit_card', time_zone: 'Etc/UTC' };
interface Tx {
  id: number;
  uid: string;
  status: string;
  amount: number;
  created_at: string;
  credit_card: { last_4: string };
}
interface Page {
  transactions: Tx[];
  first_object_id: number | null;
  last_object_id: number | null;
}

describe('eComCharge reports', () => {
  it('refuses missing or wrong Basic credentials with 401', async () => {
    const sandbox = newSandbox();
    expect((await post(sandbox, 'reports', '2', { ...base, date: '2024-03-01' }, '')).status).toBe(401);
    expect(
      (await post(sandbox, 'reports', '2', { ...base, date: '2024-03-01' }, `Basic ${Buffer.from('1:wrong').toString('base64')}`))
        .status,
    ).toBe(401);
  });

  it('X-Api-Version 2: one day, seed-shaped transactions, deterministic for a seed', async () => {
    const a = (await (await post(newSandbox(), 'reports', '2', { ...base, date: '2024-03-01' })).json()) as {
      transactions: Tx[];
      count: number;
    };
    const b = (await (await post(newSandbox(), 'reports', '2', { ...base, date: '2024-03-01' })).json()) as {
      transactions: Tx[];
      count: number;
    };
    expect(a.count).toBe(a.transactions.length);
    expect(a.count).toBeGreaterThan(0);
    expect(a).toEqual(b);
    const other = (await (
      await post(newSandbox({ ecomcharge: { seed: 7 } }), 'reports', '2', { ...base, date: '2024-03-01' })
    ).json()) as { transactions: Tx[] };
    expect(other.transactions).not.toEqual(a.transactions);
    const tx = a.transactions[0];
    expect(tx).toMatchObject({ payment_method_type: 'credit_card', shop: { id: 1 }, currency: expect.any(String) });
    expect(Number.isInteger(tx?.amount)).toBe(true);
    expect(tx?.uid).toMatch(/^\d{5}-[0-9a-f]{10}$/);
    expect(a.transactions.every((t) => t.created_at.startsWith('2024-03-01'))).toBe(true);
    const failed = (await (
      await post(newSandbox(), 'reports', '2', { ...base, date: '2024-03-01', status: 'failed' })
    ).json()) as { transactions: Tx[] };
    expect(failed.transactions.every((t) => t.status === 'failed')).toBe(true);
  });

  it('X-Api-Version 3: paginates with starting_after / ending_before; count matches', async () => {
    const sandbox = newSandbox({ ecomcharge: { pageSize: 10 } });
    const period = { ...base, from: '2024-03-01 00:00:00', to: '2024-03-03 23:59:59' };
    const count = (await (await post(sandbox, 'reports/count', '3', period)).json()) as { transactions: { count: number } };
    const seen: Tx[] = [];
    let page = (await (await post(sandbox, 'reports', '3', period)).json()) as Page;
    const first = page;
    while (page.transactions.length > 0) {
      seen.push(...page.transactions);
      page = (await (await post(sandbox, 'reports', '3', { ...period, starting_after: page.last_object_id })).json()) as Page;
    }
    expect(seen.length).toBe(count.transactions.count);
    expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
    expect(first.transactions.length).toBe(10);
    const second = (await (
      await post(sandbox, 'reports', '3', { ...period, starting_after: first.last_object_id })
    ).json()) as Page;
    const back = (await (
      await post(sandbox, 'reports', '3', { ...period, ending_before: second.first_object_id })
    ).json()) as Page;
    expect(back).toEqual(first);
  });

  it('answers 422 for invalid parameters and the wrong X-Api-Version', async () => {
    const sandbox = newSandbox();
    const bad = await post(sandbox, 'reports', '2', { ...base, date: '01.03.2024' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ errors: { date: expect.any(Array) } });
    expect((await post(sandbox, 'reports', '2', { ...base, date: '2024-03-01', time_zone: 'Mars/Olympus' })).status).toBe(422);
    expect((await post(sandbox, 'reports', '2', { ...base, date: '2024-03-01', status: 'weird' })).status).toBe(422);
    expect((await post(sandbox, 'reports', '1', { ...base, date: '2024-03-01' })).status).toBe(422);
    expect(
      (await post(sandbox, 'reports/count', '2', { ...base, from: '2024-03-01 00:00:00', to: '2024-03-01 23:59:59' })).status,
    ).toBe(422);
  });

  it('interprets dates in the requested time zone', async () => {
    const sandbox = newSandbox();
    const utc = (await (await post(sandbox, 'reports', '2', { ...base, date: '2024-03-01' })).json()) as { transactions: Tx[] };
    const tokyo = (await (
      await post(sandbox, 'reports', '2', { ...base, date: '2024-03-01', time_zone: 'Asia/Tokyo' })
    ).json()) as { transactions: Tx[] };
    // Tokyo's 1 March starts at 15:00 UTC on 29 February.
    expect(tokyo.transactions.every((t) => t.created_at >= '2024-02-29T15:00:00Z' && t.created_at < '2024-03-01T15:00:00Z')).toBe(
      true,
    );
    expect(tokyo.transactions).not.toEqual(utc.transactions);
  });
});
