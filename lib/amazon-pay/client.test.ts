import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  buyerFixture,
  chargeFixture,
  chargePermissionFixture,
  checkoutSessionFixture,
  refundFixture,
  reportFixture,
  reportScheduleFixture,
} from '@/test/amazon-pay-fixtures';
import { createAmazonPayClient, type AmazonPayClient } from './index';
import {
  buildCanonicalRequest,
  buildStringToSign,
  decodeWirePath,
  parseAuthorizationHeader,
  parseQueryPairs,
  verifySignature,
} from './signing';
import { testKeyPair } from '@/test/keys';

interface Seen {
  method: string;
  pathname: string;
  search: string;
  body: string;
  headers: Headers;
}

const keys = testKeyPair();
const seen: Seen[] = [];
let reply: { status: number; body: unknown } = { status: 200, body: {} };

const server = setupServer(
  http.all('https://pay-api.amazon.com/*', async ({ request }) => {
    const url = new URL(request.url);
    seen.push({
      method: request.method,
      pathname: url.pathname,
      search: url.search,
      body: await request.text(),
      headers: request.headers,
    });
    return HttpResponse.json(reply.body as Record<string, unknown>, {
      status: reply.status,
      headers: { 'x-amz-pay-request-id': 'req-1' },
    });
  }),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  seen.length = 0;
  server.resetHandlers();
});
afterAll(() => server.close());

const client = createAmazonPayClient({ publicKeyId: 'AKEY123', privateKey: keys.pkcs8, region: 'us', sandbox: true });
const price = { amount: '14.00', currencyCode: 'USD' };

type Idempotency = 'generated' | 'given' | 'none';
interface Case {
  name: keyof AmazonPayClient;
  call: (c: AmazonPayClient) => Promise<unknown>;
  method: string;
  path: string;
  search?: string;
  body?: unknown;
  idempotency: Idempotency;
  status: number;
  response: unknown;
}

const CASES: Case[] = [
  {
    name: 'createCheckoutSession',
    call: (c) =>
      c.createCheckoutSession({ storeId: 'amzn1.s', webCheckoutDetails: { checkoutReviewReturnUrl: 'https://s.test/r' } }),
    method: 'POST',
    path: 'checkoutSessions',
    body: { storeId: 'amzn1.s', webCheckoutDetails: { checkoutReviewReturnUrl: 'https://s.test/r' } },
    idempotency: 'generated',
    status: 201,
    response: checkoutSessionFixture,
  },
  {
    name: 'getCheckoutSession',
    call: (c) => c.getCheckoutSession('cs-1'),
    method: 'GET',
    path: 'checkoutSessions/cs-1',
    idempotency: 'none',
    status: 200,
    response: checkoutSessionFixture,
  },
  {
    name: 'updateCheckoutSession',
    call: (c) => c.updateCheckoutSession('cs-1', { paymentDetails: { chargeAmount: price } }),
    method: 'PATCH',
    path: 'checkoutSessions/cs-1',
    body: { paymentDetails: { chargeAmount: price } },
    idempotency: 'none',
    status: 200,
    response: checkoutSessionFixture,
  },
  {
    name: 'completeCheckoutSession',
    call: (c) => c.completeCheckoutSession('cs-1', { chargeAmount: price }, { idempotencyKey: 'order-42' }),
    method: 'POST',
    path: 'checkoutSessions/cs-1/complete',
    body: { chargeAmount: price },
    idempotency: 'given',
    status: 200,
    response: checkoutSessionFixture,
  },
  {
    name: 'finalizeCheckoutSession',
    call: (c) => c.finalizeCheckoutSession('cs-1', { chargeAmount: price, paymentIntent: 'Authorize' }),
    method: 'POST',
    path: 'checkoutSessions/cs-1/finalize',
    body: { chargeAmount: price, paymentIntent: 'Authorize' },
    idempotency: 'generated',
    status: 200,
    response: checkoutSessionFixture,
  },
  {
    name: 'getChargePermission',
    call: (c) => c.getChargePermission('S01-0000000-0000000'),
    method: 'GET',
    path: 'chargePermissions/S01-0000000-0000000',
    idempotency: 'none',
    status: 200,
    response: chargePermissionFixture,
  },
  {
    name: 'updateChargePermission',
    call: (c) => c.updateChargePermission('S01-0000000-0000000', { merchantMetadata: { merchantReferenceId: 'o-1' } }),
    method: 'PATCH',
    path: 'chargePermissions/S01-0000000-0000000',
    body: { merchantMetadata: { merchantReferenceId: 'o-1' } },
    idempotency: 'none',
    status: 200,
    response: chargePermissionFixture,
  },
  {
    name: 'closeChargePermission',
    call: (c) => c.closeChargePermission('S01-0000000-0000000', { closureReason: 'done', cancelPendingCharges: false }),
    method: 'DELETE',
    path: 'chargePermissions/S01-0000000-0000000/close',
    body: { closureReason: 'done', cancelPendingCharges: false },
    idempotency: 'none',
    status: 200,
    response: chargePermissionFixture,
  },
  {
    name: 'createCharge',
    call: (c) =>
      c.createCharge(
        { chargePermissionId: 'S01-0000000-0000000', chargeAmount: price, captureNow: true },
        { simulationCode: 'HardDeclined' },
      ),
    method: 'POST',
    path: 'charges',
    body: { chargePermissionId: 'S01-0000000-0000000', chargeAmount: price, captureNow: true },
    idempotency: 'generated',
    status: 201,
    response: chargeFixture,
  },
  {
    name: 'getCharge',
    call: (c) => c.getCharge('S01-C1'),
    method: 'GET',
    path: 'charges/S01-C1',
    idempotency: 'none',
    status: 200,
    response: chargeFixture,
  },
  {
    name: 'captureCharge',
    call: (c) => c.captureCharge('S01-C1', { captureAmount: price }, { idempotencyKey: 'cap-1' }),
    method: 'POST',
    path: 'charges/S01-C1/capture',
    body: { captureAmount: price },
    idempotency: 'given',
    status: 200,
    response: chargeFixture,
  },
  {
    name: 'cancelCharge',
    call: (c) => c.cancelCharge('S01-C1', { cancellationReason: 'out of stock' }),
    method: 'DELETE',
    path: 'charges/S01-C1/cancel',
    body: { cancellationReason: 'out of stock' },
    idempotency: 'none',
    status: 200,
    response: chargeFixture,
  },
  {
    name: 'createRefund',
    call: (c) => c.createRefund({ chargeId: 'S01-C1', refundAmount: price }),
    method: 'POST',
    path: 'refunds',
    body: { chargeId: 'S01-C1', refundAmount: price },
    idempotency: 'generated',
    status: 201,
    response: refundFixture,
  },
  {
    name: 'getRefund',
    call: (c) => c.getRefund('S01-R1'),
    method: 'GET',
    path: 'refunds/S01-R1',
    idempotency: 'none',
    status: 200,
    response: refundFixture,
  },
  {
    name: 'getBuyer',
    call: (c) => c.getBuyer('tok en'),
    method: 'GET',
    path: 'buyers/tok%20en',
    idempotency: 'none',
    status: 200,
    response: buyerFixture,
  },
  {
    name: 'getReports',
    call: (c) =>
      c.getReports({
        reportTypes: ['A_', 'B_'],
        processingStatuses: ['COMPLETED'],
        createdSince: '20240101T000000Z',
        pageSize: 10,
      }),
    method: 'GET',
    path: 'reports',
    search: '?reportTypes=A_%2CB_&processingStatuses=COMPLETED&createdSince=20240101T000000Z&pageSize=10',
    idempotency: 'none',
    status: 200,
    response: { reports: [reportFixture], nextToken: 'n' },
  },
  {
    name: 'getReportById',
    call: (c) => c.getReportById('R1'),
    method: 'GET',
    path: 'reports/R1',
    idempotency: 'none',
    status: 200,
    response: reportFixture,
  },
  {
    name: 'getReportDocument',
    call: (c) => c.getReportDocument('D1'),
    method: 'GET',
    path: 'report-documents/D1',
    idempotency: 'none',
    status: 200,
    response: { reportDocumentId: 'D1', url: 'https://s3.test/x', compressionAlgorithm: 'N/A' },
  },
  {
    name: 'getReportSchedules',
    call: (c) => c.getReportSchedules(['A_', 'B_']),
    method: 'GET',
    path: 'report-schedules',
    search: '?reportTypes=A_%2CB_',
    idempotency: 'none',
    status: 200,
    response: { reportSchedules: [reportScheduleFixture] },
  },
  {
    name: 'getReportScheduleById',
    call: (c) => c.getReportScheduleById('RS1'),
    method: 'GET',
    path: 'report-schedules/RS1',
    idempotency: 'none',
    status: 200,
    response: reportScheduleFixture,
  },
  {
    name: 'createReport',
    call: (c) => c.createReport({ reportType: 'T', startTime: '20240101T000000Z', endTime: '20240102T000000Z' }),
    method: 'POST',
    path: 'reports',
    body: { reportType: 'T', startTime: '20240101T000000Z', endTime: '20240102T000000Z' },
    idempotency: 'generated',
    status: 201,
    response: { reportId: 'R1' },
  },
  {
    name: 'createReportSchedule',
    call: (c) => c.createReportSchedule({ reportType: 'T', scheduleFrequency: 'P1D', deleteExistingSchedule: true }),
    method: 'POST',
    path: 'report-schedules',
    body: { reportType: 'T', scheduleFrequency: 'P1D', deleteExistingSchedule: true },
    idempotency: 'generated',
    status: 201,
    response: { reportScheduleId: 'RS1' },
  },
  {
    name: 'cancelReportSchedule',
    call: (c) => c.cancelReportSchedule('RS1'),
    method: 'DELETE',
    path: 'report-schedules/RS1',
    idempotency: 'none',
    status: 200,
    response: {},
  },
  {
    name: 'deliveryTrackers',
    call: (c) =>
      c.deliveryTrackers({ chargePermissionId: 'S01-1', deliveryDetails: [{ trackingNumber: '1Z', carrierCode: 'UPS' }] }),
    method: 'POST',
    path: 'deliveryTrackers',
    body: { chargePermissionId: 'S01-1', deliveryDetails: [{ trackingNumber: '1Z', carrierCode: 'UPS' }] },
    idempotency: 'generated',
    status: 200,
    response: { chargePermissionId: 'S01-1' },
  },
  {
    name: 'getAuthorizationToken',
    call: (c) => c.getAuthorizationToken('amzn.mws.0000', 'M1'),
    method: 'GET',
    path: 'authorizationTokens/amzn.mws.0000',
    search: '?merchantId=M1',
    idempotency: 'none',
    status: 200,
    response: { authorizationToken: 'Atza|x' },
  },
];

/** What the emulator does (sandbox/README.md, "Request verification"): rebuild the canonical request from the wire and verify. */
function verifiesAsReceived(request: Seen): boolean {
  const authorization = parseAuthorizationHeader(request.headers.get('authorization') ?? '');
  if (!authorization) return false;
  const headers = Object.fromEntries(authorization.signedHeaders.map((name) => [name, request.headers.get(name) ?? '']));
  const canonical = buildCanonicalRequest({
    method: request.method,
    path: decodeWirePath(request.pathname),
    query: parseQueryPairs(request.search),
    headers,
    signedHeaders: authorization.signedHeaders,
    body: request.body,
  });
  return verifySignature(
    keys.publicKeyPem,
    authorization.algorithm,
    buildStringToSign(authorization.algorithm, canonical),
    authorization.signature,
  );
}

describe('every operation', () => {
  it('covers the whole operation list', () => {
    const methods = Object.entries(client)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name);
    const untested = methods.filter((name) => !CASES.some((c) => c.name === name) && !name.startsWith('generateButton'));
    expect(untested).toEqual([]);
  });

  it.each(CASES)('$name: $method $path', async (testCase) => {
    reply = { status: testCase.status, body: testCase.response };
    const result = await testCase.call(client);
    expect(seen).toHaveLength(1);
    const request = seen[0]!;
    expect(request.method).toBe(testCase.method);
    expect(request.pathname).toBe(`/sandbox/v2/${testCase.path}`);
    expect(request.search).toBe(testCase.search ?? '');
    expect(request.body === '' ? undefined : JSON.parse(request.body)).toEqual(testCase.body);

    const key = request.headers.get('x-amz-pay-idempotency-key');
    const signed = parseAuthorizationHeader(request.headers.get('authorization') ?? '')?.signedHeaders ?? [];
    if (testCase.idempotency === 'none') {
      expect(key).toBeNull();
    } else {
      expect(key).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
      if (testCase.idempotency === 'given') expect(key).not.toMatch(/^[0-9a-f]{32}$/);
      expect(signed).toContain('x-amz-pay-idempotency-key');
    }
    expect(signed.filter((name) => name !== 'x-amz-pay-idempotency-key')).toEqual([
      'accept',
      'content-type',
      'x-amz-pay-date',
      'x-amz-pay-host',
      'x-amz-pay-region',
    ]);
    expect(request.headers.get('x-amz-pay-host')).toBe('pay-api.amazon.com');
    expect(request.headers.get('x-amz-pay-region')).toBe('na');
    expect(verifiesAsReceived(request)).toBe(true);
    // shippingAddressList comes back decoded; the request-details tests check it.
    const { shippingAddressList: _decoded, ...expected } = testCase.response as Record<string, unknown>;
    expect(result).toMatchObject(expected);
  });
});

describe('request details', () => {
  it('sends the simulation code unsigned and keeps a given idempotency key verbatim', async () => {
    reply = { status: 201, body: chargeFixture };
    await client.createCharge(
      { chargePermissionId: 'S01-1', chargeAmount: price },
      { idempotencyKey: 'order-42_try-1', simulationCode: 'HardDeclined' },
    );
    const request = seen[0]!;
    expect(request.headers.get('x-amz-pay-simulation-code')).toBe('HardDeclined');
    expect(request.headers.get('x-amz-pay-idempotency-key')).toBe('order-42_try-1');
    expect(request.headers.get('authorization')).not.toContain('simulation');
  });

  // Amazon's field is authorizationToken (.NET SDK AuthorizationTokenResponse.cs, https://github.com/amzn/amazon-pay-api-sdk-dotnet).
  it('getAuthorizationToken reads authorizationToken, and an answer without it is UnexpectedResponse', async () => {
    reply = { status: 200, body: { authorizationToken: 'Atza|IwEBIA' } };
    expect((await client.getAuthorizationToken('amzn.mws.1', 'M1')).authorizationToken).toBe('Atza|IwEBIA');
    reply = { status: 200, body: { authToken: 'Atza|IwEBIA' } };
    await expect(client.getAuthorizationToken('amzn.mws.1', 'M1')).rejects.toMatchObject({ reasonCode: 'UnexpectedResponse' });
  });

  it('rejects a malformed idempotency key before sending', async () => {
    await expect(
      client.createRefund({ chargeId: 'c', refundAmount: price }, { idempotencyKey: 'x'.repeat(33) }),
    ).rejects.toMatchObject({
      name: 'AmazonPayError',
      reasonCode: 'InvalidArgument',
    });
    await expect(client.getCharge('')).rejects.toMatchObject({ reasonCode: 'InvalidArgument' });
    await expect(client.getCharge('../refunds/R1')).rejects.toMatchObject({ reasonCode: 'InvalidArgument' });
    expect(seen).toHaveLength(0);
  });

  it('decodes shippingAddressList and keeps unknown fields and amounts as strings', async () => {
    reply = { status: 200, body: checkoutSessionFixture };
    const session = await client.getCheckoutSession('cs-1');
    expect(session.shippingAddressList?.[0]).toEqual({ name: 'Ada', city: 'London', countryCode: 'GB' });
    expect(session.paymentDetails?.chargeAmount?.amount).toBe('14.00');
    expect(session).toHaveProperty('somethingAmazonAddedLater', { nested: true });
  });

  it('accepts states Amazon adds later', async () => {
    reply = { status: 200, body: { ...chargeFixture, statusDetails: { state: 'SomethingNew', reasonCode: 'BrandNewCode' } } };
    const charge = await client.getCharge('S01-C1');
    expect(charge.statusDetails.state).toBe('SomethingNew');
  });
});
