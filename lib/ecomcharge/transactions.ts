import { decimalToMinor, minorAmount, type EcomchargeMoney } from './amounts';
import { maskCard, scrubNullable, type MaskedCard } from './masking';
import type { RawTransaction } from './schemas';

/** Open unions: eComCharge adds types and states (the fields differ by transaction type and payment method). */
export type EcomchargeTransactionType =
  'authorization' | 'payment' | 'capture' | 'void' | 'refund' | 'p2p' | 'payout' | 'credit' | (string & {});
export type EcomchargeTransactionStatus = 'successful' | 'failed' | 'pending' | 'incomplete' | 'expired' | (string & {});

/** What the admin sees of one transaction: amounts in minor units, the card as brand + last four. */
export interface EcomchargeTransaction {
  readonly id: number;
  readonly uid: string | null;
  readonly type: EcomchargeTransactionType | null;
  readonly status: EcomchargeTransactionStatus | null;
  readonly message: string | null;
  readonly amount: EcomchargeMoney;
  readonly fee: EcomchargeMoney | null;
  readonly payToMerchant: EcomchargeMoney | null;
  readonly description: string | null;
  readonly trackingId: string | null;
  readonly orderId: string | null;
  readonly paymentMethodType: string | null;
  readonly test: boolean;
  /** ISO 8601 UTC as eComCharge sends it, or null. */
  readonly createdAt: string | null;
  readonly paidAt: string | null;
  readonly settledAt: string | null;
  readonly manuallyCorrectedAt: string | null;
  readonly card: MaskedCard | null;
  /** p2p transfers carry the receiving card too. */
  readonly recipientCard: MaskedCard | null;
}

/** The adapter at the boundary: nothing of the raw payload survives except these fields. */
export function toTransaction(raw: RawTransaction): EcomchargeTransaction {
  const fee = raw.transaction_fee;
  const payout = raw.pay_to_merchant;
  return {
    id: raw.id,
    uid: raw.uid ?? null,
    type: raw.type ?? null,
    status: raw.status ?? null,
    message: scrubNullable(raw.message),
    amount: minorAmount(raw.amount, raw.currency),
    fee: fee === null || fee === undefined ? null : decimalToMinor(fee, raw.currency),
    payToMerchant: payout === null || payout === undefined ? null : decimalToMinor(payout, raw.currency),
    description: scrubNullable(raw.description),
    trackingId: scrubNullable(raw.tracking_id),
    orderId: raw.order_id === null || raw.order_id === undefined ? null : String(raw.order_id),
    paymentMethodType: raw.payment_method_type ?? null,
    test: raw.test ?? false,
    createdAt: raw.created_at ?? null,
    paidAt: raw.paid_at ?? null,
    settledAt: raw.settled_at ?? null,
    manuallyCorrectedAt: raw.manually_corrected_at ?? null,
    card: maskCard(raw.credit_card),
    recipientCard: maskCard(raw.recipient_card),
  };
}
