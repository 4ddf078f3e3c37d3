import type { EcomchargePage } from './types';
import { invalidArgument } from './errors';
import type { EcomchargeListParams, EcomchargePeriodParams } from './requests';

export interface EcomchargeIterateParams extends EcomchargePeriodParams {
  /** `forward` follows starting_after = last_object_id; `backward` follows ending_before = first_object_id. */
  direction?: 'forward' | 'backward';
  /** Where to start. Forward may omit it (the period's first page); backward needs `endingBefore`, as the API has no "last page" request. */
  startingAfter?: number | string;
  endingBefore?: number | string;
}

/**
 * Walks the paginated report (https://doc.ecomcharge.com/en/payment_management/reports/paginated_report/).
 * eComCharge documents neither the page size nor a `has_more` flag
 * (docs/ecomcharge-decisions.md), so the walk stops on an empty page, a page
 * shorter than an earlier one, or a cursor that does not move.
 */
export async function* iteratePages(
  fetchPage: (params: EcomchargeListParams) => Promise<EcomchargePage>,
  params: EcomchargeIterateParams,
): AsyncGenerator<EcomchargePage, void, undefined> {
  const { direction = 'forward', startingAfter, endingBefore, ...period } = params;
  if (direction === 'backward' && endingBefore === undefined)
    throw invalidArgument('iterateTransactions', 'a backward walk needs endingBefore (a firstObjectId)');
  let cursor: number | string | undefined = direction === 'forward' ? startingAfter : endingBefore;
  let largest = 0;
  for (;;) {
    const page = await fetchPage(
      direction === 'forward'
        ? { ...period, ...(cursor !== undefined && { startingAfter: cursor }) }
        : { ...period, ...(cursor !== undefined && { endingBefore: cursor }) },
    );
    if (page.transactions.length === 0) return;
    yield page;
    const next = direction === 'forward' ? page.lastObjectId : page.firstObjectId;
    if (next === null || next === cursor || page.transactions.length < largest) return;
    largest = Math.max(largest, page.transactions.length);
    cursor = next;
  }
}
