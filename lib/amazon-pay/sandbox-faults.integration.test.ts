import { beforeEach, describe, expect, it } from 'vitest';
import {
  attemptsAt,
  checkoutUntilReturn,
  createHarness,
  generateRsaKeys,
  rejectionOf,
  sharedShippingAddress,
  TINY_RETRY,
  usd,
  type Harness,
} from '@/test/sandbox-harness';

/**
 * Every fault /__sandbox/faults can inject (429, 408, 5xx, other statuses, latency,
 * per operation or for any, N times) meets our client's retry rules,
 * and every refusal arrives as a typed AmazonPayError with Amazon's reasonCode.
 */

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function injectFault(fault: { operation?: string; status?: number; count?: number; delayMs?: number }): Promise<void> {
  const res = await h.control('POST', 'faults', fault);
  expect(res.status).toBe(201);
}

async function chargePermission(): Promise<string> {
  const id = await checkoutUntilReturn(h, { paymentIntent: 'Confirm', amount: '100.00' });
  return (await h.client.completeCheckoutSession(id, { chargeAmount: usd('100.00') })).chargePermissionId ?? '';
}

describe('faults the client retries', () => {
  it('429 then success is one logical createCharge: same idempotency key, fresh signature, one charge', async () => {
    const chargePermissionId = await chargePermission();
    await injectFault({ operation: 'createCharge', status: 429 });
    const charge = await h.client.createCharge({ chargePermissionId, chargeAmount: usd('10.00') });
    expect(charge.statusDetails.state).toBe('Authorized');

    const tries = attemptsAt(h, 'POST', /^charges$/);
    expect(tries.map((a) => a.status)).toEqual([429, 201]);
    expect(tries[0]?.idempotencyKey).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    expect(tries[1]?.idempotencyKey).toBe(tries[0]?.idempotencyKey);
    // PSS is randomized: a re-signed attempt never repeats the signature.
    expect(tries[1]?.authorization).not.toBe(tries[0]?.authorization);
    expect([...h.sandbox.store.charges.values()].filter((c) => c.chargePermissionId === chargePermissionId)).toHaveLength(1);
  });

  it('several 429s in a row on createCheckoutSession, with a caller-given key kept verbatim', async () => {
    await injectFault({ operation: 'createCheckoutSession', status: 429, count: 2 });
    await h.client.createCheckoutSession(
      { storeId: 'amzn1.s', webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r' } },
      { idempotencyKey: 'cart-7_session' },
    );
    const tries = attemptsAt(h, 'POST', /^checkoutSessions$/);
    expect(tries.map((a) => [a.status, a.idempotencyKey])).toEqual([
      [429, 'cart-7_session'],
      [429, 'cart-7_session'],
      [201, 'cart-7_session'],
    ]);
    expect(h.sandbox.store.sessions.size).toBe(1);
  });

  it.each([500, 502, 503, 504, 408])('%i is retried until it succeeds', async (status) => {
    const id = await checkoutUntilReturn(h);
    await injectFault({ operation: 'getCheckoutSession', status, count: 2 });
    expect((await h.client.getCheckoutSession(id)).checkoutSessionId).toBe(id);
    expect(attemptsAt(h, 'GET', /^checkoutSessions\/[^/]+$/).map((a) => a.status)).toEqual([status, status, 200]);
  });

  it('a 5xx on a money-moving POST is retried with the same key and captures once', async () => {
    const chargePermissionId = await chargePermission();
    const charge = await h.client.createCharge({ chargePermissionId, chargeAmount: usd('40.00') });
    await injectFault({ operation: 'captureCharge', status: 500 });
    const captured = await h.client.captureCharge(charge.chargeId, { captureAmount: usd('40.00') });
    expect(captured.statusDetails.state).toBe('Captured');
    const tries = attemptsAt(h, 'POST', /\/capture$/);
    expect(tries.map((a) => a.status)).toEqual([500, 200]);
    expect(new Set(tries.map((a) => a.idempotencyKey)).size).toBe(1);
    expect((await h.client.getChargePermission(chargePermissionId)).limits?.amountBalance).toEqual(usd('60.00'));
  });

  it('a fault without an operation hits whatever call comes next', async () => {
    const id = await checkoutUntilReturn(h);
    await injectFault({ status: 502 });
    const completed = await h.client.completeCheckoutSession(id, { chargeAmount: usd('50.00') });
    expect(completed.statusDetails.state).toBe('Completed');
    expect(attemptsAt(h, 'POST', /\/complete$/).map((a) => a.status)).toEqual([502, 200]);
  });

  it('finalizeCheckoutSession is retried through a 503 as one logical call', async () => {
    const id = await checkoutUntilReturn(h);
    const shippingAddress = await sharedShippingAddress(h, id);
    await injectFault({ operation: 'finalizeCheckoutSession', status: 503 });
    const finalized = await h.client.finalizeCheckoutSession(id, {
      shippingAddress,
      chargeAmount: usd('50.00'),
      paymentIntent: 'Authorize',
    });
    expect(finalized.statusDetails.state).toBe('Completed');
    const tries = attemptsAt(h, 'POST', /\/finalize$/);
    expect(tries.map((a) => a.status)).toEqual([503, 200]);
    expect(tries[1]?.idempotencyKey).toBe(tries[0]?.idempotencyKey);
    expect(h.sandbox.store.charges.size).toBe(1);
  });
});

describe('faults the client gives up on', () => {
  it('5xx beyond the retry budget: AmazonPayError retryable=true after 1 + maxRetries attempts; the rest stay queued', async () => {
    const { chargeId } = await h.client.completeCheckoutSession(await checkoutUntilReturn(h), { chargeAmount: usd('50.00') });
    await injectFault({ operation: 'getCharge', status: 503, count: 10 });
    const error = await rejectionOf(h.client.getCharge(chargeId ?? ''));
    expect([error.status, error.reasonCode, error.retryable, error.operation]).toEqual([
      503,
      'ServiceUnavailable',
      true,
      'getCharge',
    ]);
    expect(error.requestId).toBeTruthy();
    expect(attemptsAt(h, 'GET', /^charges\//)).toHaveLength(1 + TINY_RETRY.maxRetries);

    const queued = await h.control('GET', 'faults');
    expect(queued.body['faults']).toEqual([
      expect.objectContaining({ operation: 'getCharge', status: 503, remaining: 10 - (1 + TINY_RETRY.maxRetries) }),
    ]);
    expect((await h.control('DELETE', 'faults')).status).toBe(200);
    expect((await h.client.getCharge(chargeId ?? '')).chargeId).toBe(chargeId);
  });

  it('429s beyond the budget surface as TooManyRequests, retryable', async () => {
    await injectFault({ operation: 'getReports', status: 429, count: 1 + TINY_RETRY.maxRetries });
    const error = await rejectionOf(h.client.getReports());
    expect([error.status, error.reasonCode, error.retryable]).toEqual([429, 'TooManyRequests', true]);
  });

  it('with retries off, the first 5xx is the answer', async () => {
    const client = h.clientWith({ retry: { ...TINY_RETRY, maxRetries: 0 } });
    await injectFault({ operation: 'getReportSchedules', status: 500 });
    const error = await rejectionOf(client.getReportSchedules());
    expect([error.status, error.reasonCode, error.retryable]).toEqual([500, 'InternalServerError', true]);
    expect(h.attempts).toHaveLength(1);
  });

  it('an injected non-retryable status (400) is not retried', async () => {
    await injectFault({ operation: 'getReports', status: 400 });
    const error = await rejectionOf(h.client.getReports());
    expect([error.status, error.retryable]).toEqual([400, false]);
    expect(h.attempts).toHaveLength(1);
  });

  it('the control API refuses a misspelt operation instead of never firing', async () => {
    const res = await h.control('POST', 'faults', { operation: 'createCharges', status: 500 });
    expect([res.status, res.body['reasonCode']]).toEqual([400, 'InvalidParameterValue']);
  });
});

describe('latency', () => {
  it('a delay alone slows the call but it succeeds in one attempt', async () => {
    const id = await checkoutUntilReturn(h);
    await injectFault({ operation: 'getCheckoutSession', delayMs: 20 });
    expect((await h.client.getCheckoutSession(id)).checkoutSessionId).toBe(id);
    expect(attemptsAt(h, 'GET', /^checkoutSessions\//).map((a) => a.status)).toEqual([200]);
  });

  it('a delay with a success status is latency only; a delay with a 5xx is retried', async () => {
    await injectFault({ operation: 'getReports', status: 200, delayMs: 5 });
    await injectFault({ operation: 'getReports', status: 503, delayMs: 5 });
    expect((await h.client.getReports()).reports).toEqual([]);
    await h.client.getReports();
    expect(attemptsAt(h, 'GET', /^reports$/).map((a) => a.status)).toEqual([200, 503, 200]);
  });
});

describe('timeouts', () => {
  it('an attempt slower than the timeout is abandoned and retried with the same idempotency key', async () => {
    const chargePermissionId = await chargePermission();
    await injectFault({ operation: 'createCharge', delayMs: 400 });
    const client = h.clientWith({ timeoutMs: 100 });
    const charge = await client.createCharge({ chargePermissionId, chargeAmount: usd('10.00') });
    expect(charge.statusDetails.state).toBe('Authorized');
    const attempts = attemptsAt(h, 'POST', /^charges$/);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((attempt) => attempt.idempotencyKey)).size).toBe(1);
  });

  it('says which call timed out once the retries are spent', async () => {
    const id = await checkoutUntilReturn(h);
    await injectFault({ operation: 'getCheckoutSession', delayMs: 400, count: 5 });
    const error = await rejectionOf(
      h.clientWith({ timeoutMs: 100, retry: { ...TINY_RETRY, maxRetries: 1 } }).getCheckoutSession(id),
    );
    expect([error.status, error.reasonCode, error.retryable, error.operation]).toEqual([
      0,
      'Timeout',
      true,
      'getCheckoutSession',
    ]);
    expect(error.message).toBe('getCheckoutSession timed out after 100 ms');
  });
});

describe('the budget across attempts', () => {
  it('cuts a slow attempt short at the end of the budget, well inside its own timeout', async () => {
    const id = await checkoutUntilReturn(h, { paymentIntent: 'Confirm', amount: '100.00' });
    // Far slower than the budget; the 10 s attempt timeout alone would wait it out and succeed.
    await injectFault({ operation: 'completeCheckoutSession', delayMs: 2000 });
    const error = await rejectionOf(
      h.clientWith({ timeoutMs: 10_000, budgetMs: 150 }).completeCheckoutSession(id, { chargeAmount: usd('100.00') }),
    );
    expect([error.status, error.reasonCode, error.retryable, error.operation]).toEqual([
      0,
      'Timeout',
      true,
      'completeCheckoutSession',
    ]);
    expect(error.message).toBe('completeCheckoutSession timed out after 150 ms budget');
    expect(attemptsAt(h, 'POST', /\/complete$/)).toHaveLength(1);
  });

  it("does not wait out a Retry-After longer than what is left, and keeps Amazon's reasonCode", async () => {
    const id = await checkoutUntilReturn(h);
    // The sandbox's 429 asks for Retry-After: 1 (1000 ms); the budget has 500 ms.
    await injectFault({ operation: 'getCheckoutSession', status: 429, count: 5 });
    const error = await rejectionOf(
      h.clientWith({ budgetMs: 500, retry: { ...TINY_RETRY, maxDelayMs: 5000 } }).getCheckoutSession(id),
    );
    expect([error.status, error.reasonCode, error.retryable]).toEqual([429, 'TooManyRequests', true]);
    expect(error.message).toBe('getCheckoutSession timed out after 500 ms budget');
    expect(attemptsAt(h, 'GET', /^checkoutSessions\//)).toHaveLength(1);
  });
});

describe('refusals are typed AmazonPayErrors, never retried', () => {
  it('over-capture: 400 TransactionAmountExceeded', async () => {
    const chargePermissionId = await chargePermission();
    const charge = await h.client.createCharge({ chargePermissionId, chargeAmount: usd('30.00') });
    const error = await rejectionOf(h.client.captureCharge(charge.chargeId, { captureAmount: usd('30.01') }));
    expect([error.status, error.reasonCode, error.retryable, error.operation]).toEqual([
      400,
      'TransactionAmountExceeded',
      false,
      'captureCharge',
    ]);
    expect(error.requestId).toBeTruthy();
    expect(attemptsAt(h, 'POST', /\/capture$/)).toHaveLength(1);
  });

  it('over-refund: 400 TransactionAmountExceeded, also across two refunds', async () => {
    const { chargeId } = await h.client.completeCheckoutSession(
      await checkoutUntilReturn(h, { paymentIntent: 'AuthorizeWithCapture' }),
      { chargeAmount: usd('50.00') },
    );
    const single = await rejectionOf(h.client.createRefund({ chargeId: chargeId ?? '', refundAmount: usd('50.01') }));
    expect([single.status, single.reasonCode]).toEqual([400, 'TransactionAmountExceeded']);
    await h.client.createRefund({ chargeId: chargeId ?? '', refundAmount: usd('40.00') });
    const second = await rejectionOf(h.client.createRefund({ chargeId: chargeId ?? '', refundAmount: usd('10.01') }));
    expect([second.status, second.reasonCode, second.retryable]).toEqual([400, 'TransactionAmountExceeded', false]);
  });

  it('capture after cancel: 422 InvalidChargeStatus', async () => {
    const { chargeId } = await h.client.completeCheckoutSession(await checkoutUntilReturn(h), { chargeAmount: usd('50.00') });
    await h.client.cancelCharge(chargeId ?? '', { cancellationReason: 'buyer changed mind' });
    const error = await rejectionOf(h.client.captureCharge(chargeId ?? '', { captureAmount: usd('50.00') }));
    expect([error.status, error.reasonCode, error.retryable]).toEqual([422, 'InvalidChargeStatus', false]);
  });

  it('the same idempotency key with another body: 400 DuplicateIdempotencyKey; with the same body: the first answer again', async () => {
    const chargePermissionId = await chargePermission();
    const first = await h.client.createCharge(
      { chargePermissionId, chargeAmount: usd('10.00') },
      { idempotencyKey: 'order-9_charge' },
    );
    const replay = await h.client.createCharge(
      { chargePermissionId, chargeAmount: usd('10.00') },
      { idempotencyKey: 'order-9_charge' },
    );
    expect(replay.chargeId).toBe(first.chargeId);
    const error = await rejectionOf(
      h.client.createCharge({ chargePermissionId, chargeAmount: usd('20.00') }, { idempotencyKey: 'order-9_charge' }),
    );
    expect([error.status, error.reasonCode, error.retryable]).toEqual([400, 'DuplicateIdempotencyKey', false]);
    expect([...h.sandbox.store.charges.values()].filter((c) => c.chargePermissionId === chargePermissionId)).toHaveLength(1);
  });

  it('complete before the buyer returns: 422 InvalidCheckoutSessionStatus', async () => {
    const created = await h.client.createCheckoutSession({
      storeId: 'amzn1.s',
      webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r' },
    });
    await h.control('POST', `checkout-sessions/${created.checkoutSessionId}/buyer`, { buyer: 'jane', card: '1111' });
    const error = await rejectionOf(h.client.completeCheckoutSession(created.checkoutSessionId, { chargeAmount: usd('50.00') }));
    expect([error.status, error.reasonCode, error.retryable, error.operation]).toEqual([
      422,
      'InvalidCheckoutSessionStatus',
      false,
      'completeCheckoutSession',
    ]);
  });

  it('an unknown simulation code, or one on an operation without simulations: 400 InvalidSandboxSimulationSpecified', async () => {
    const chargePermissionId = await chargePermission();
    const unknown = await rejectionOf(
      h.client.createCharge({ chargePermissionId, chargeAmount: usd('10.00') }, { simulationCode: 'NoSuchOutcome' }),
    );
    expect([unknown.status, unknown.reasonCode, unknown.retryable]).toEqual([400, 'InvalidSandboxSimulationSpecified', false]);
    const misplaced = await rejectionOf(
      h.client.updateChargePermission(
        chargePermissionId,
        { merchantMetadata: { noteToBuyer: 'x' } },
        { simulationCode: 'HardDeclined' },
      ),
    );
    expect([misplaced.status, misplaced.reasonCode]).toEqual([400, 'InvalidSandboxSimulationSpecified']);
  });

  it('a request signed by the wrong private key: 401 InvalidRequestSignature; an unregistered key id: 401 UnauthorizedAccess', async () => {
    const impostor = h.clientWith({ privateKey: generateRsaKeys().privateKeyPem });
    const bad = await rejectionOf(
      impostor.createCheckoutSession({
        storeId: 'amzn1.s',
        webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/r' },
      }),
    );
    expect([bad.status, bad.reasonCode, bad.retryable]).toEqual([401, 'InvalidRequestSignature', false]);
    expect(bad.message).toMatch(/^Unable to verify signature, signing String \[AMZN-PAY-RSASSA-PSS-V2\n[0-9a-f]{64}\]/);
    expect(h.sandbox.store.sessions.size).toBe(0);

    const stranger = h.clientWith({ publicKeyId: 'ANOTREGISTERED' });
    const unknown = await rejectionOf(stranger.getReports());
    expect([unknown.status, unknown.reasonCode, unknown.retryable]).toEqual([401, 'UnauthorizedAccess', false]);
  });

  it('the legacy algorithm name (salt 20) verifies too; an object that does not exist is 404 ResourceNotFound', async () => {
    const legacy = h.clientWith({ algorithm: 'AMZN-PAY-RSASSA-PSS' });
    const missing = await rejectionOf(legacy.getRefund('S01-0000000-0000000-R000000'));
    expect([missing.status, missing.reasonCode, missing.retryable]).toEqual([404, 'ResourceNotFound', false]);
  });
});
