import { describe, expect, it } from 'vitest';
import { call, completed, control, newSandbox, sessionPayload } from '@/test/sandbox-sdk';

describe('idempotency', () => {
  it('replays the first response for the same key and body', async () => {
    const sandbox = newSandbox();
    const headers = { 'x-amz-pay-idempotency-key': 'order-42-create' };
    const first = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload(), headers });
    const second = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload(), headers });
    expect(second.status).toBe(201);
    expect(second.body['checkoutSessionId']).toBe(first.body['checkoutSessionId']);
    expect(sandbox.store.sessions.size).toBe(1);
  });

  it('refuses the same key with another body (400 DuplicateIdempotencyKey)', async () => {
    const sandbox = newSandbox();
    const headers = { 'x-amz-pay-idempotency-key': 'order-43-create' };
    await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload(), headers });
    const other = await call(sandbox, 'POST', 'checkoutSessions', {
      payload: sessionPayload({ merchantMetadata: { merchantReferenceId: 'OTHER' } }),
      headers,
    });
    expect([other.status, other.body['reasonCode']]).toEqual([400, 'DuplicateIdempotencyKey']);
  });

  it('requires the key on create/charge/capture/refund, and validates its format', async () => {
    const sandbox = newSandbox();
    const missing = await call(sandbox, 'POST', 'checkoutSessions', {
      payload: sessionPayload(),
      headers: { 'x-amz-pay-idempotency-key': '' },
    });
    expect([missing.status, missing.body['reasonCode']]).toEqual([400, 'MissingHeader']);
    const tooLong = await call(sandbox, 'POST', 'checkoutSessions', {
      payload: sessionPayload(),
      headers: { 'x-amz-pay-idempotency-key': 'x'.repeat(33) },
    });
    expect([tooLong.status, tooLong.body['reasonCode']]).toEqual([400, 'InvalidHeaderValue']);
    const { chargePermissionId } = await completed(sandbox, { paymentIntent: 'Confirm' });
    const charge = await call(sandbox, 'POST', 'charges', {
      payload: { chargePermissionId, chargeAmount: { amount: '1.00', currencyCode: 'USD' } },
      headers: { 'x-amz-pay-idempotency-key': '' },
    });
    expect(charge.status).toBe(400);
  });

  it('replays errors too, but not injected server faults', async () => {
    const sandbox = newSandbox();
    const headers = { 'x-amz-pay-idempotency-key': 'fault-then-ok' };
    sandbox.injectFault({ operation: 'createCheckoutSession', status: 503, count: 1 });
    const failed = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload(), headers });
    expect([failed.status, failed.body['reasonCode']]).toEqual([503, 'ServiceUnavailable']);
    const retried = await call(sandbox, 'POST', 'checkoutSessions', { payload: sessionPayload(), headers });
    expect(retried.status).toBe(201);
  });
});

describe('control API and faults', () => {
  it('injects 429s into the next N matching calls only', async () => {
    const sandbox = newSandbox();
    const set = await control(sandbox, 'POST', 'faults', { operation: 'getReports', status: 429, count: 2 });
    expect(set.status).toBe(201);
    expect((await call(sandbox, 'GET', 'reports')).status).toBe(429);
    expect((await call(sandbox, 'GET', 'report-schedules')).status).toBe(200);
    expect((await call(sandbox, 'GET', 'reports')).status).toBe(429);
    expect((await call(sandbox, 'GET', 'reports')).status).toBe(200);
  });

  it('registers keys, advances the clock, resets, and exposes state', async () => {
    const sandbox = newSandbox();
    const bad = await control(sandbox, 'POST', 'keys', { publicKeyId: 'K', publicKey: 'not a pem' });
    expect(bad.status).toBe(400);
    const { id } = await completed(sandbox);
    const snapshot = await control(sandbox, 'GET', 'state');
    expect((snapshot.body['checkoutSessions'] as unknown[]).length).toBe(1);
    expect((await control(sandbox, 'GET', `checkout-sessions/${id}`)).body['checkoutSessionId']).toBe(id);
    const before = sandbox.clock.nowMs();
    await control(sandbox, 'POST', 'clock', { advanceSeconds: 60 });
    expect(sandbox.clock.nowMs() - before).toBe(60_000);
    await control(sandbox, 'POST', 'reset', {});
    expect((await control(sandbox, 'GET', 'state')).body['checkoutSessions']).toEqual([]);
    expect((await control(sandbox, 'GET', `checkout-sessions/${id}`)).status).toBe(404);
  });
});

describe('getBuyer, deliveryTrackers, getAuthorizationToken', () => {
  it('getBuyer answers for a buyerToken from sign-in, 404 otherwise', async () => {
    const sandbox = newSandbox();
    sandbox.store.signIns.set('flow', {
      signInReturnUrl: 'https://shop.test/r',
      storeId: 's',
      scopes: ['name', 'email', 'postalCode'],
    });
    const token = sandbox.store.signInBuyer('flow', 'amzn1.account.SANDBOXBUYERJANEDOE0000000001');
    const buyer = await call(sandbox, 'GET', `buyers/${token}`);
    expect(buyer.status).toBe(200);
    expect(buyer.body).toMatchObject({ name: 'Jane Doe', email: 'jane.doe@example.com', countryCode: 'US', postalCode: '98109' });
    expect((await call(sandbox, 'GET', 'buyers/nope')).status).toBe(404);
  });

  it('deliveryTrackers echoes the tracker for a known charge permission', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox);
    const ok = await call(sandbox, 'POST', 'deliveryTrackers', {
      payload: { chargePermissionId, trackingNumber: '1Z999', carrierCode: 'UPS' },
    });
    expect([ok.status, ok.body]).toEqual([200, { chargePermissionId, trackingNumber: '1Z999', carrierCode: 'UPS' }]);
    const unknown = await call(sandbox, 'POST', 'deliveryTrackers', {
      payload: { chargePermissionId: 'S01-0000000-0000000', trackingNumber: '1', carrierCode: 'UPS' },
    });
    expect(unknown.status).toBe(404);
  });

  it('deliveryTrackers takes the SDK README form, deliveryDetails[], and echoes it', async () => {
    const sandbox = newSandbox();
    const { chargePermissionId } = await completed(sandbox);
    const deliveryDetails = [{ trackingNumber: '1Z999AA10123456789', carrierCode: 'UPS' }];
    const ok = await call(sandbox, 'POST', 'deliveryTrackers', {
      payload: { amazonOrderReferenceId: chargePermissionId, deliveryDetails },
    });
    expect([ok.status, ok.body]).toEqual([200, { amazonOrderReferenceId: chargePermissionId, deliveryDetails }]);
    const none = await call(sandbox, 'POST', 'deliveryTrackers', { payload: { chargePermissionId } });
    expect([none.status, none.body['reasonCode']]).toEqual([400, 'MissingParameterValue']);
  });

  it('getAuthorizationToken is refused in Sandbox, as the live-only call it is', async () => {
    const sandbox = newSandbox();
    const res = await call(sandbox, 'GET', 'authorizationTokens/amzn.mws.123', { queryParams: { merchantId: 'M1' } });
    expect([res.status, res.body['reasonCode']]).toEqual([400, 'UnsupportedOperation']);
  });

  it('answers unknown resources with 404 and wrong methods with 405', async () => {
    const sandbox = newSandbox();
    expect((await call(sandbox, 'GET', 'nothingHere')).status).toBe(404);
    expect((await call(sandbox, 'PATCH', 'charges', { payload: {} })).status).toBe(405);
  });
});
