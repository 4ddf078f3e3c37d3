import { csvLine, numericCell } from '@/lib/reports/csv-writer';
import { formatMinor } from './amounts';
import type { EcomchargePage } from './client';
import type { EcomchargeTransaction } from './transactions';

/**
 * Streams transactions as CSV for a route handler (`new Response(stream)`): one
 * page is pulled only when the consumer wants more, so memory stays flat and a
 * cancelled download stops fetching pages.
 */
export const TRANSACTION_CSV_COLUMNS = [
  'id',
  'uid',
  'created_at',
  'paid_at',
  'settled_at',
  'type',
  'status',
  'amount',
  'fee',
  'pay_to_merchant',
  'currency',
  'card_brand',
  'card_last4',
  'order_id',
  'tracking_id',
  'description',
  'message',
  'test',
] as const;

export function transactionToCsvLine(tx: EcomchargeTransaction): string {
  return csvLine([
    numericCell(String(tx.id)),
    tx.uid,
    tx.createdAt,
    tx.paidAt,
    tx.settledAt,
    tx.type,
    tx.status,
    numericCell(formatMinor(tx.amount)),
    tx.fee && numericCell(formatMinor(tx.fee)),
    tx.payToMerchant && numericCell(formatMinor(tx.payToMerchant)),
    tx.amount.currency,
    tx.card?.brand,
    tx.card?.last4,
    tx.orderId,
    tx.trackingId,
    tx.description,
    tx.message,
    tx.test,
  ]);
}

type PageLike = EcomchargePage | readonly EcomchargeTransaction[];

function transactionsOf(page: PageLike): readonly EcomchargeTransaction[] {
  return 'transactions' in page ? page.transactions : page;
}

export function transactionsToCsvStream(pages: AsyncIterable<PageLike>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<PageLike> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine(TRANSACTION_CSV_COLUMNS)));
    },
    async pull(controller) {
      iterator ??= pages[Symbol.asyncIterator]();
      // Skips empty pages so every pull delivers bytes or ends the stream.
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        const lines = transactionsOf(next.value).map(transactionToCsvLine).join('');
        if (lines !== '') {
          controller.enqueue(encoder.encode(lines));
          return;
        }
      }
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}
