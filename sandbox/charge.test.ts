import { describe, expect, it } from 'vitest';
import { call, completed, newSandbox, reasonCode, state } from '@/test/sandbox-sdk';

const DAY = 86_400;
const usd = (amount: string) => ({ amount, currencyCode: 'USD' });

describe('Charge', () => {
  it('captures up to the authorized amount, and no more', async () => {
    const sandbox = newSandbox();
    const { chargeId } = await completed(sandbox, { amount: '50.00' });
    const over = await call(sandbox, 'POST', `charges/${chargeId}/capture`, { payload: { captureAmount: usd('50.01') } });
    expect([over.status, over.body['reasonCode']]).toEqual([400, 'TransactionAmountExceeded']);
    const ok = await call(sandbox, 'POST', `charges/${chargeId}/capture`, { payload: { captureAmount: usd('30.00') } });
    expect(ok.status).toBe(200);
    expect([state(ok.body), ok.body['captureAmount']]).toEqual(['Captured', usd('30.00')]);
    const twice = await call(sandbox, 'POST', `charges/${chargeId}/capture`, { payload: { captureAmount: usd('1.00') } });
    expect([twice.status, twice.body['reasonCode']]).toEqual([422, 'InvalidChargeStatus']);
  });

  it('cancels an Authorized charge; a captured one cannot be canceled', async () => {
    const sandbox = newSandbox();
    const first = await completed(sandbox);
    const canceled = await call(sandbox, 'DELETE', `charges/${first.chargeId}/cancel`, {
      payload: { cancellationReason: 'Out of stock' },
    });
    expect([state(canceled.body), reasonCode(canceled.body)]).toEqual(['Canceled', 'MerchantCanceled']);
    const second = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const refused = await call(sandbox, 'DELETE', `charges/${second.chargeId}/cancel`, { payload: {} });
    expect([refused.status, refused.body['reasonCode']]).toEqual([422, 'InvalidChargeStatus']);
  });

  it('cancels Authorized charges 30 days after authorization (ExpiredUnused)', async () => {
    const sandbox = newSandbox();
    const { chargeId } = await completed(sandbox);
    sandbox.advance(29 * DAY);
    expect(state((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('Authorized');
    sandbox.advance(DAY);
    const charge = await call(sandbox, 'GET', `charges/${chargeId}`);
    expect([state(charge.body), reasonCode(charge.body)]).toEqual(['Canceled', 'ExpiredUnused']);
  });

  it('creates further charges on a one-time permission within its limit', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm', amount: '50.00' });
    const first = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: usd('20.00'), captureNow: true },
    });
    expect([first.status, state(first.body)]).toEqual([201, 'Captured']);
    const permission = await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`);
    expect(permission.body['limits']).toEqual({ amountLimit: usd('50.00'), amountBalance: usd('30.00') });
    const over = await call(sandbox, 'POST', 'charges', { payload: { chargePermissionId, chargeAmount: usd('30.01') } });
    expect([over.status, over.body['reasonCode']]).toEqual([400, 'TransactionAmountExceeded']);
    const rest = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: usd('30.00'), captureNow: true },
    });
    expect(state(rest.body)).toBe('Captured');
    const closed = await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`);
    expect(state(closed.body)).toBe('Closed');
    const after = await call(sandbox, 'POST', 'charges', { payload: { chargePermissionId, chargeAmount: usd('1.00') } });
    expect([after.status, after.body['reasonCode']]).toEqual([422, 'InvalidChargePermissionStatus']);
  });

  it('recurring permissions have no overall limit and no fixed expiry', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm', chargePermissionType: 'Recurring' });
    const permission = await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`);
    expect(permission.body).toMatchObject({
      chargePermissionType: 'Recurring',
      expirationTimestamp: null,
      limits: { amountLimit: null },
    });
    const big = await call(sandbox, 'POST', 'charges', { payload: { chargePermissionId, chargeAmount: usd('500.00') } });
    expect(big.status).toBe(201);
  });

  it('createCharge simulations decline synchronously with 422, or pend then decline when pending is allowed', async () => {
    const sandbox = newSandbox();
    for (const code of ['SoftDeclined', 'HardDeclined', 'AmazonRejected', 'TransactionTimedOut']) {
      const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
      const sync = await call(sandbox, 'POST', 'charges', {
        payload: { chargePermissionId, chargeAmount: usd('10.00') },
        simulation: code,
      });
      expect([sync.status, sync.body['reasonCode']]).toEqual([422, code]);
      const permission = await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`);
      expect(state(permission.body)).toBe(code === 'HardDeclined' || code === 'AmazonRejected' ? 'NonChargeable' : 'Chargeable');
    }
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    const pending = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: usd('10.00'), canHandlePendingAuthorization: true },
      simulation: 'SoftDeclined',
    });
    expect([pending.status, state(pending.body)]).toEqual([201, 'AuthorizationInitiated']);
    sandbox.advance(30);
    const declined = await call(sandbox, 'GET', `charges/${String(pending.body['chargeId'])}`);
    expect([state(declined.body), reasonCode(declined.body)]).toEqual(['Declined', 'SoftDeclined']);
  });

  it('createCharge AuthorizationInitiated and CaptureInitiated pend, then settle on the clock', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    const auth = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: usd('10.00'), canHandlePendingAuthorization: true },
      simulation: 'AuthorizationInitiated',
    });
    expect(state(auth.body)).toBe('AuthorizationInitiated');
    const cap = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: usd('10.00'), captureNow: true },
      simulation: 'CaptureInitiated',
    });
    expect(state(cap.body)).toBe('CaptureInitiated');
    sandbox.advance(30);
    expect(state((await call(sandbox, 'GET', `charges/${String(auth.body['chargeId'])}`)).body)).toBe('Authorized');
    expect(state((await call(sandbox, 'GET', `charges/${String(cap.body['chargeId'])}`)).body)).toBe('Captured');
  });

  it('captureCharge simulations: CaptureInitiated then Captured; AmazonRejected then Declined', async () => {
    const sandbox = newSandbox();
    const a = await completed(sandbox);
    const pending = await call(sandbox, 'POST', `charges/${a.chargeId}/capture`, {
      payload: { captureAmount: usd('50.00') },
      simulation: 'CaptureInitiated',
    });
    expect(state(pending.body)).toBe('CaptureInitiated');
    const b = await completed(sandbox);
    await call(sandbox, 'POST', `charges/${b.chargeId}/capture`, {
      payload: { captureAmount: usd('50.00') },
      simulation: 'AmazonRejected',
    });
    sandbox.advance(30);
    expect(state((await call(sandbox, 'GET', `charges/${a.chargeId}`)).body)).toBe('Captured');
    const rejected = await call(sandbox, 'GET', `charges/${b.chargeId}`);
    expect([state(rejected.body), reasonCode(rejected.body)]).toEqual(['Declined', 'AmazonRejected']);
  });
});

describe('ChargePermission', () => {
  it('closes with MerchantClosed, canceling pending charges when asked; AmazonClosed by simulation', async () => {
    const sandbox = newSandbox();
    const { chargeId, chargePermissionId } = await completed(sandbox);
    const closed = await call(sandbox, 'DELETE', `chargePermissions/${chargePermissionId}/close`, {
      payload: { closureReason: 'Done', cancelPendingCharges: true },
    });
    expect([state(closed.body), reasonCode(closed.body)]).toEqual(['Closed', 'MerchantClosed']);
    expect(reasonCode((await call(sandbox, 'GET', `charges/${chargeId}`)).body)).toBe('ChargePermissionCanceled');
    const other = await completed(sandbox, { paymentIntent: 'Confirm' });
    const amazon = await call(sandbox, 'DELETE', `chargePermissions/${other.chargePermissionId}/close`, {
      payload: { closureReason: 'x' },
      simulation: 'AmazonClosed',
    });
    expect(reasonCode(amazon.body)).toBe('AmazonClosed');
  });

  it('updates merchantMetadata, and refuses once closed', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    const updated = await call(sandbox, 'PATCH', `chargePermissions/${chargePermissionId}`, {
      payload: { merchantMetadata: { merchantReferenceId: 'ORDER-9' } },
    });
    expect(updated.body['merchantMetadata']).toMatchObject({ merchantReferenceId: 'ORDER-9' });
    await call(sandbox, 'DELETE', `chargePermissions/${chargePermissionId}/close`, { payload: { closureReason: 'x' } });
    const refused = await call(sandbox, 'PATCH', `chargePermissions/${chargePermissionId}`, {
      payload: { merchantMetadata: { merchantReferenceId: 'ORDER-10' } },
    });
    expect([refused.status, refused.body['reasonCode']]).toEqual([422, 'ChargePermissionNotModifiable']);
  });

  it('one-time permissions expire after 180 days', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    sandbox.advance(179 * DAY);
    expect(state((await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`)).body)).toBe('Chargeable');
    sandbox.advance(DAY);
    const expired = await call(sandbox, 'GET', `chargePermissions/${chargePermissionId}`);
    expect([state(expired.body), reasonCode(expired.body)]).toEqual(['Closed', 'Expired']);
  });
});

describe('Refund', () => {
  it('goes RefundInitiated, then Refunded on the clock, and updates refundedAmount', async () => {
    const sandbox = newSandbox();
    const { chargeId } = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const refund = await call(sandbox, 'POST', 'refunds', { payload: { chargeId, refundAmount: usd('20.00') } });
    expect([refund.status, state(refund.body)]).toEqual([201, 'RefundInitiated']);
    expect(String(refund.body['refundId'])).toMatch(/-R\d{6}$/);
    sandbox.advance(30);
    expect(state((await call(sandbox, 'GET', `refunds/${String(refund.body['refundId'])}`)).body)).toBe('Refunded');
    expect((await call(sandbox, 'GET', `charges/${chargeId}`)).body['refundedAmount']).toEqual(usd('20.00'));
  });

  it('never lets refunds exceed the captured amount, pending ones included', async () => {
    const sandbox = newSandbox();
    const { chargeId } = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    expect((await call(sandbox, 'POST', 'refunds', { payload: { chargeId, refundAmount: usd('30.00') } })).status).toBe(201);
    const over = await call(sandbox, 'POST', 'refunds', { payload: { chargeId, refundAmount: usd('20.01') } });
    expect([over.status, over.body['reasonCode']]).toEqual([400, 'TransactionAmountExceeded']);
    expect((await call(sandbox, 'POST', 'refunds', { payload: { chargeId, refundAmount: usd('20.00') } })).status).toBe(201);
  });

  it('refuses refunds on uncaptured charges; AmazonRejected declines asynchronously', async () => {
    const sandbox = newSandbox();
    const authorized = await completed(sandbox);
    const refused = await call(sandbox, 'POST', 'refunds', {
      payload: { chargeId: authorized.chargeId, refundAmount: usd('1.00') },
    });
    expect([refused.status, refused.body['reasonCode']]).toEqual([422, 'InvalidChargeStatus']);
    const captured = await completed(sandbox, { paymentIntent: 'AuthorizeWithCapture' });
    const rejected = await call(sandbox, 'POST', 'refunds', {
      payload: { chargeId: captured.chargeId, refundAmount: usd('5.00') },
      simulation: 'AmazonRejected',
    });
    sandbox.advance(30);
    const after = await call(sandbox, 'GET', `refunds/${String(rejected.body['refundId'])}`);
    expect([state(after.body), reasonCode(after.body)]).toEqual(['Declined', 'AmazonRejected']);
  });
});
