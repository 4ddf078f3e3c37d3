import { describe, expect, it } from 'vitest';
import { transactionsToCsvStream, TRANSACTION_CSV_COLUMNS } from './csv-export';
import type { EcomchargeTransaction } from './transactions';

function tx(overrides: Partial<EcomchargeTransaction>): EcomchargeTransaction {
  return {
    id: 1,
    uid: '00001-abc',
    type: 'payment',
    status: 'successful',
    message: null,
    amount: { amount: 1050, currency: 'USD' },
    fee: { amount: 26, currency: 'USD' },
    payToMerchant: null,
    description: null,
    trackingId: null,
    orderId: '42',
    paymentMethodType: 'credit_card',
    test: true,
    createdAt: '2024-03-01T10:00:00Z',
    paidAt: null,
    settledAt: null,
    manuallyCorrectedAt: null,
    card: { brand: 'visa', last4: '0000' },
    recipientCard: null,
    ...overrides,
  };
}

async function* pages(...list: EcomchargeTransaction[][]) {
  for (const page of list)
    yield { transactions: page, firstObjectId: page[0]?.id ?? null, lastObjectId: page.at(-1)?.id ?? null };
}

describe('transactionsToCsvStream', () => {
  it('streams a header and one escaped line per transaction', async () => {
    const stream = transactionsToCsvStream(
      pages(
        [tx({ description: 'Shoes, "red"\nsize 42' })],
        [],
        [tx({ id: 2, amount: { amount: 1500, currency: 'JPY' }, fee: null, description: '=HYPERLINK("x")', message: ' padded' })],
      ),
    );
    const text = await new Response(stream).text();
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(TRANSACTION_CSV_COLUMNS.join(','));
    expect(text).toContain('10.50,0.26,,USD,visa,0000,42,,"Shoes, ""red""\nsize 42",,true\r\n');
    expect(text).toContain(
      `2,00001-abc,2024-03-01T10:00:00Z,,,payment,successful,1500,,,JPY,visa,0000,42,,"'=HYPERLINK(""x"")"," padded",true\r\n`,
    );
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('stops pulling pages when the download is cancelled', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield [tx({ id: pulled })];
      }
    }
    const reader = transactionsToCsvStream(endless()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const before = pulled;
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pulled).toBe(before);
    expect(pulled).toBeLessThan(5);
  });
});
