import type { EcomchargeTransaction } from './transactions';

/** One page of a transaction listing, with the ids that page on to the neighbours. */
export interface EcomchargePage {
  readonly transactions: readonly EcomchargeTransaction[];
  readonly firstObjectId: number | string | null;
  readonly lastObjectId: number | string | null;
}
