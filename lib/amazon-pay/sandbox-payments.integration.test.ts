import { beforeEach, describe, expect, it } from 'vitest';
import { checkoutUntilReturn, createHarness, rejectionOf, usd, type BuyerChoice, type Harness } from '@/test/sandbox-harness';

/**
 * Charges, refunds and charge permissions through our client against the sandbox (state machines as
 * https://developer.amazon.com/docs/amazon-pay-api-v2/introduction.html describes them).
 */

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

/** A completed checkout; Confirm leaves a Chargeable permission and no charge. */
async function completedCheckout(choice: BuyerChoice = {}) {
  const id = await checkoutUntilReturn(h, choice);
  const session = await h.client.completeCheckoutSession(id, { chargeAmount: usd(choice.amount ?? '50.00') });
  return { chargePermissionId: session.chargePermissionId ?? '', chargeId: session.chargeId ?? '' };
}

describe('charges', () => {
  it('create, get, capture partially and fully; the permission balance follows and it closes when all is captured', async () => {
    const { chargePermissionId } = await completedCheckout({ paymentIntent: 'Confirm', amount: '100.00' });

    const first = await h.client.createCharge({ chargePermissionId, chargeAmount: usd('40.00') });
    expect([first.statusDetails.state, first.chargePermissionId, first.chargeAmount]).toEqual([
      'Authorized',
      chargePermissionId,
      usd('40.00'),
    ]);
    expect((await h.client.getChargePermission(chargePermissionId)).limits?.amountBalance).toEqual(usd('60.00'));

    const partial = await h.client.captureCharge(first.chargeId, { captureAmount: usd('25.00') });
    expect([partial.statusDetails.state, partial.captureAmount]).toEqual(['Captured', usd('25.00')]);
    // The 15.00 not captured is released: limit 100 − captured 25.
    expect((await h.client.getChargePermission(chargePermissionId)).limits).toEqual({
      amountLimit: usd('100.00'),
      amountBalance: usd('75.00'),
    });

    const immediate = await h.client.createCharge({ chargePermissionId, chargeAmount: usd('30.00'), captureNow: true });
    expect([immediate.statusDetails.state, immediate.captureAmount]).toEqual(['Captured', usd('30.00')]);

    const last = await h.client.createCharge({ chargePermissionId, chargeAmount: usd('45.00') });
    const full = await h.client.captureCharge(last.chargeId, { captureAmount: usd('45.00') });
    expect([full.statusDetails.state, full.captureAmount]).toEqual(['Captured', usd('45.00')]);
    const permission = await h.client.getChargePermission(chargePermissionId);
    expect(permission.statusDetails.state).toBe('Closed');
    expect(permission.statusDetails.reasons?.[0]?.reasonCode).toBe('AmazonClosed');
    expect(permission.limits?.amountBalance).toEqual(usd('0.00'));
  });

  it('cancel: Canceled with MerchantCanceled, and the amount is released', async () => {
    const { chargePermissionId, chargeId } = await completedCheckout({ amount: '50.00' });
    const canceled = await h.client.cancelCharge(chargeId, { cancellationReason: 'Out of stock' });
    expect([canceled.statusDetails.state, canceled.statusDetails.reasonCode, canceled.statusDetails.reasonDescription]).toEqual([
      'Canceled',
      'MerchantCanceled',
      'Out of stock',
    ]);
    expect((await h.client.getChargePermission(chargePermissionId)).limits?.amountBalance).toEqual(usd('50.00'));
  });

  it('pending simulations settle on the sandbox clock: AuthorizationInitiated → Authorized, CaptureInitiated → Captured', async () => {
    const { chargePermissionId } = await completedCheckout({ paymentIntent: 'Confirm' });
    const pending = await h.client.createCharge(
      { chargePermissionId, chargeAmount: usd('20.00'), canHandlePendingAuthorization: true },
      { simulationCode: 'AuthorizationInitiated' },
    );
    expect(pending.statusDetails.state).toBe('AuthorizationInitiated');
    h.sandbox.advance(30);
    expect((await h.client.getCharge(pending.chargeId)).statusDetails.state).toBe('Authorized');

    const capturing = await h.client.captureCharge(
      pending.chargeId,
      { captureAmount: usd('20.00') },
      { simulationCode: 'CaptureInitiated' },
    );
    expect(capturing.statusDetails.state).toBe('CaptureInitiated');
    h.sandbox.advance(30);
    const captured = await h.client.getCharge(pending.chargeId);
    expect([captured.statusDetails.state, captured.captureAmount]).toEqual(['Captured', usd('20.00')]);
  });

  it('a simulated hard decline is a typed 422 and makes the permission NonChargeable', async () => {
    const { chargePermissionId } = await completedCheckout({ paymentIntent: 'Confirm' });
    const declined = await rejectionOf(
      h.client.createCharge({ chargePermissionId, chargeAmount: usd('10.00') }, { simulationCode: 'HardDeclined' }),
    );
    expect([declined.status, declined.reasonCode, declined.retryable, declined.operation]).toEqual([
      422,
      'HardDeclined',
      false,
      'createCharge',
    ]);
    const permission = await h.client.getChargePermission(chargePermissionId);
    expect([permission.statusDetails.state, permission.statusDetails.reasons?.[0]?.reasonCode]).toEqual([
      'NonChargeable',
      'PaymentMethodInvalid',
    ]);
  });
});

describe('refunds', () => {
  it('create and get; RefundInitiated becomes Refunded once the clock passes 30 s; the charge shows the refund', async () => {
    const { chargeId } = await completedCheckout({ paymentIntent: 'AuthorizeWithCapture', amount: '80.00' });
    const refund = await h.client.createRefund({ chargeId, refundAmount: usd('30.00'), softDescriptor: 'REFUND*1' });
    expect([refund.statusDetails.state, refund.chargeId, refund.refundAmount, refund.releaseEnvironment]).toEqual([
      'RefundInitiated',
      chargeId,
      usd('30.00'),
      'Sandbox',
    ]);
    expect(refund.refundId).toMatch(/-R\d{6}$/);
    expect((await h.client.getRefund(refund.refundId)).statusDetails.state).toBe('RefundInitiated');

    h.sandbox.advance(29);
    expect((await h.client.getRefund(refund.refundId)).statusDetails.state).toBe('RefundInitiated');
    h.sandbox.advance(1);
    expect((await h.client.getRefund(refund.refundId)).statusDetails.state).toBe('Refunded');
    expect((await h.client.getCharge(chargeId)).refundedAmount).toEqual(usd('30.00'));
  });

  it('a second refund up to the captured amount is allowed; AmazonRejected ends Declined and refunds nothing', async () => {
    const { chargeId } = await completedCheckout({ paymentIntent: 'AuthorizeWithCapture', amount: '80.00' });
    await h.client.createRefund({ chargeId, refundAmount: usd('50.00') });
    const rejected = await h.client.createRefund({ chargeId, refundAmount: usd('30.00') }, { simulationCode: 'AmazonRejected' });
    h.sandbox.advance(30);
    const settled = await h.client.getRefund(rejected.refundId);
    expect([settled.statusDetails.state, settled.statusDetails.reasonCode]).toEqual(['Declined', 'AmazonRejected']);
    expect((await h.client.getCharge(chargeId)).refundedAmount).toEqual(usd('50.00'));
    // The declined 30.00 no longer counts against the capture.
    const last = await h.client.createRefund({ chargeId, refundAmount: usd('30.00') });
    expect(last.statusDetails.state).toBe('RefundInitiated');
  });
});

describe('charge permissions', () => {
  it('get, update merchant metadata, close with cancelPendingCharges; a closed permission cannot be updated', async () => {
    const { chargePermissionId, chargeId } = await completedCheckout({ amount: '50.00' });
    const permission = await h.client.getChargePermission(chargePermissionId);
    expect(permission).toMatchObject({ chargePermissionId, chargePermissionType: 'OneTime', releaseEnvironment: 'Sandbox' });
    expect([permission.statusDetails.state, permission.buyer?.name, permission.limits?.amountLimit]).toEqual([
      'Chargeable',
      'Jane Doe',
      usd('50.00'),
    ]);

    const updated = await h.client.updateChargePermission(chargePermissionId, {
      merchantMetadata: { merchantReferenceId: 'ORDER-INT-2', customInformation: 'gift' },
    });
    expect(updated.merchantMetadata).toMatchObject({
      merchantReferenceId: 'ORDER-INT-2',
      customInformation: 'gift',
      merchantStoreName: 'Integration Shop',
    });

    const closed = await h.client.closeChargePermission(chargePermissionId, {
      closureReason: 'Order fulfilled elsewhere',
      cancelPendingCharges: true,
    });
    expect([closed.statusDetails.state, closed.statusDetails.reasons?.[0]?.reasonCode]).toEqual(['Closed', 'MerchantClosed']);
    const charge = await h.client.getCharge(chargeId);
    expect([charge.statusDetails.state, charge.statusDetails.reasonCode]).toEqual(['Canceled', 'ChargePermissionCanceled']);

    const refused = await rejectionOf(
      h.client.updateChargePermission(chargePermissionId, { merchantMetadata: { merchantReferenceId: 'late' } }),
    );
    expect([refused.status, refused.reasonCode, refused.retryable]).toEqual([422, 'ChargePermissionNotModifiable', false]);
    // Closing twice is harmless, as on Amazon.
    expect((await h.client.closeChargePermission(chargePermissionId, { closureReason: 'again' })).statusDetails.state).toBe(
      'Closed',
    );
  });

  it('the AmazonClosed simulation on close', async () => {
    const { chargePermissionId } = await completedCheckout({ paymentIntent: 'Confirm' });
    const closed = await h.client.closeChargePermission(
      chargePermissionId,
      { closureReason: 'test' },
      { simulationCode: 'AmazonClosed' },
    );
    expect(closed.statusDetails.reasons?.[0]?.reasonCode).toBe('AmazonClosed');
  });
});
