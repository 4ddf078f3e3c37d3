import type { Database } from '@/lib/db/connection';
import { orders, payments, refunds } from '@/lib/db/schema';
import { fromAmazonPrice, isCurrencyCode, money, toDecimalString, type Money } from '@/lib/money';
import type { Store } from '@/sandbox/state/store';

/**
 * Test-only: the invariants that say Amazon's money and our orders agree, checked
 * for every object in the emulator's store. Each violation names the object ids and
 * both sides' states, so a failing run says what broke without a debugger.
 */

export interface Expectations {
  /** Per checkout session: the total the shopper last confirmed with Place order, minor units. */
  confirmedTotal(checkoutSessionId: string): number | null;
  /** Per checkout session: what a renewal charges (the subscription line), or null without one. */
  renewalAmount(checkoutSessionId: string): number | null;
  /** Per charge permission: how many renewal periods were asked for. */
  renewalPeriods(chargePermissionId: string): number;
}

const show = (value: Money | null | undefined) => (value ? `${toDecimalString(value)} ${value.currency}` : 'none');
const showMinor = (amount: number) => toDecimalString(money(amount, 'USD'));

export async function checkInvariants(db: Database, store: Store, expect: Expectations): Promise<string[]> {
  const violations: string[] = [];
  const orderRows = await db.select().from(orders);
  const paymentRows = await db.select().from(payments);
  const refundRows = await db.select().from(refunds);
  const ordersById = new Map(orderRows.map((row) => [row.id, row]));
  const paymentsByCharge = new Map(paymentRows.map((row) => [row.chargeId, row]));
  const paymentsById = new Map(paymentRows.map((row) => [row.id, row]));
  const refundsById = new Map(refundRows.map((row) => [row.refundId, row]));
  const orderLabel = (row: (typeof orderRows)[number]) =>
    `${row.number} {status ${row.status}, payment ${row.paymentState}, permission ${row.chargePermissionId ?? 'none'} ${row.chargePermissionState ?? ''}, total ${showMinor(row.totalAmount)}}`;

  // 1. Exactly one order per completed checkout session, holding its charge permission and the confirmed total.
  for (const session of store.sessions.values()) {
    if (session.status.state !== 'Completed') continue;
    const mine = orderRows.filter((row) => row.checkoutSessionId === session.id);
    const amazon = `charge ${session.chargeId ?? 'none'}, permission ${session.chargePermissionId ?? 'none'}, amount ${show(session.chargeAmount)}`;
    if (mine.length !== 1) {
      violations.push(
        `one order per completed checkout: session ${session.id} is Completed at Amazon (${amazon}) but we hold ${mine.length} orders: [${mine.map(orderLabel).join('; ')}]`,
      );
      continue;
    }
    const [order] = mine;
    if (order && order.chargePermissionId !== session.chargePermissionId) {
      violations.push(
        `permission of a completed checkout: session ${session.id} (${amazon}) but order ${orderLabel(order)} records another permission`,
      );
    }
    const confirmed = expect.confirmedTotal(session.id);
    if (order && confirmed !== null && order.totalAmount !== confirmed) {
      violations.push(
        `order total: session ${session.id}: the shopper confirmed ${showMinor(confirmed)}, order ${orderLabel(order)} holds ${showMinor(order.totalAmount)}`,
      );
    }
  }

  // 2 and 3. Every charge has an order, and our payment row says what Amazon says.
  const renewalsByPermission = new Map<string, string[]>();
  for (const charge of store.charges.values()) {
    const amazon = `{state ${charge.status.state}${charge.status.reasonCode ? ` ${charge.status.reasonCode}` : ''}, charged ${show(charge.chargeAmount)}, captured ${show(charge.captureAmount)}, refunded ${show(charge.refundedAmount)}}`;
    const payment = paymentsByCharge.get(charge.id);
    const order = payment ? ordersById.get(payment.orderId) : undefined;
    if (!payment || !order) {
      const byPermission = orderRows.filter((row) => row.chargePermissionId === charge.chargePermissionId);
      violations.push(
        `no charge without an order: charge ${charge.id} ${amazon} on permission ${charge.chargePermissionId} has no payment row; orders with that permission: [${byPermission.map(orderLabel).join('; ')}]`,
      );
    } else {
      const ours = `{state ${payment.state}, charged ${showMinor(payment.authorizedAmount)}, captured ${showMinor(payment.capturedAmount)}, refunded ${showMinor(payment.refundedAmount)}}`;
      const same =
        payment.state === charge.status.state &&
        payment.authorizedAmount === charge.chargeAmount.amount &&
        payment.capturedAmount === (charge.captureAmount?.amount ?? 0) &&
        payment.refundedAmount === charge.refundedAmount.amount;
      if (!same) violations.push(`charge state: charge ${charge.id} of order ${order.number}: Amazon ${amazon}, ours ${ours}`);
    }

    // 4. Nobody is charged an amount they did not confirm.
    const permission = store.permissions.get(charge.chargePermissionId);
    const session = permission?.checkoutSessionId ? store.sessions.get(permission.checkoutSessionId) : undefined;
    if (!session) {
      violations.push(`confirmed amount: charge ${charge.id} ${amazon} belongs to no checkout session`);
      continue;
    }
    if (session.chargeId === charge.id) {
      const confirmed = expect.confirmedTotal(session.id);
      if (confirmed === null || confirmed !== charge.chargeAmount.amount) {
        violations.push(
          `confirmed amount: charge ${charge.id} of checkout session ${session.id} charges ${show(charge.chargeAmount)}, the shopper confirmed ${confirmed === null ? 'nothing' : showMinor(confirmed)}`,
        );
      }
    } else {
      // What Amazon showed the shopper as the recurring amount when they approved the subscription.
      const renewal = recurringAmountOf(session.recurringMetadata) ?? expect.renewalAmount(session.id);
      if (renewal === null || renewal !== charge.chargeAmount.amount) {
        violations.push(
          `confirmed amount: renewal charge ${charge.id} on permission ${charge.chargePermissionId} (${permission?.type}) charges ${show(charge.chargeAmount)}, the subscription renews at ${renewal === null ? 'nothing' : showMinor(renewal)}`,
        );
      }
      renewalsByPermission.set(charge.chargePermissionId, [
        ...(renewalsByPermission.get(charge.chargePermissionId) ?? []),
        charge.id,
      ]);
    }
  }
  for (const [chargePermissionId, chargeIds] of renewalsByPermission) {
    const asked = expect.renewalPeriods(chargePermissionId);
    if (chargeIds.length > asked) {
      violations.push(
        `confirmed amount: permission ${chargePermissionId} carries ${chargeIds.length} renewal charges [${chargeIds.join(', ')}] for ${asked} renewal period(s) asked for`,
      );
    }
  }

  // 3. Charge permissions and refunds.
  for (const permission of store.permissions.values()) {
    const mine = orderRows.filter((row) => row.chargePermissionId === permission.id);
    const state = permission.status.state;
    if (mine.length === 0) {
      violations.push(
        `charge permission state: permission ${permission.id} (${state}, checkout session ${permission.checkoutSessionId ?? 'none'}) is on no order`,
      );
    }
    for (const order of mine.filter((row) => row.chargePermissionState !== state)) {
      const ours = order.chargePermissionState === null ? 'never recorded' : order.chargePermissionState;
      violations.push(
        `charge permission state: permission ${permission.id}: Amazon ${state}, ours ${ours} on order ${orderLabel(order)}`,
      );
    }
  }
  for (const refund of store.refunds.values()) {
    const amazon = `{state ${refund.status.state}, amount ${show(refund.refundAmount)}, charge ${refund.chargeId}}`;
    const row = refundsById.get(refund.id);
    const payment = row ? paymentsById.get(row.paymentId) : undefined;
    if (!row || !payment) {
      violations.push(`refund state: refund ${refund.id} ${amazon} has no refund row`);
      continue;
    }
    if (row.state !== refund.status.state || row.amount !== refund.refundAmount.amount || payment.chargeId !== refund.chargeId) {
      violations.push(
        `refund state: refund ${refund.id}: Amazon ${amazon}, ours {state ${row.state}, amount ${showMinor(row.amount)}, charge ${payment.chargeId}}`,
      );
    }
  }

  // 5. Captured minus refunded, to the minor unit.
  const amazonNet = [...store.charges.values()].reduce(
    (sum, charge) => sum + (charge.captureAmount?.amount ?? 0) - charge.refundedAmount.amount,
    0,
  );
  const refundedInBooks = refundRows.filter((row) => row.state === 'Refunded').reduce((sum, row) => sum + row.amount, 0);
  const booksNet = paymentRows.reduce((sum, row) => sum + row.capturedAmount, 0) - refundedInBooks;
  if (amazonNet !== booksNet) {
    violations.push(
      `captured minus refunded: Amazon ${showMinor(amazonNet)} USD, our books (payments captured minus refunds Refunded) ${showMinor(booksNet)} USD`,
    );
  }
  return violations;
}

function recurringAmountOf(metadata: unknown): number | null {
  const price = (metadata as { amount?: { amount?: unknown; currencyCode?: unknown } } | null)?.amount;
  if (typeof price?.amount !== 'string' || typeof price.currencyCode !== 'string' || !isCurrencyCode(price.currencyCode))
    return null;
  return fromAmazonPrice({ amount: price.amount, currencyCode: price.currencyCode }).amount;
}
