import { describe, expect, it } from 'vitest';
import { AmazonPayConfigError, AmazonPayError, createAmazonPayClient, InvalidPrivateKeyError } from './index';
import { errorFromResponse } from './errors';
import { testKeyPair } from '@/test/keys';

const keys = testKeyPair();

function clientAnswering(response: () => Response) {
  return createAmazonPayClient({ publicKeyId: 'LIVE-AKEY', privateKey: keys.pkcs8, region: 'na', fetch: async () => response() });
}

describe('AmazonPayError', () => {
  it('carries reasonCode, message, requestId, status and operation', async () => {
    const client = clientAnswering(() =>
      Response.json(
        {
          reasonCode: 'InvalidCheckoutSessionStatus',
          message: 'You tried to call an operation on a Checkout Session that is in a state where that operation is not allowed',
        },
        { status: 422, headers: { 'x-amz-pay-request-id': 'req-42' } },
      ),
    );
    const error = await client
      .completeCheckoutSession('cs-1', { chargeAmount: { amount: '1.00', currencyCode: 'USD' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmazonPayError);
    expect(error).toMatchObject({
      name: 'AmazonPayError',
      status: 422,
      reasonCode: 'InvalidCheckoutSessionStatus',
      requestId: 'req-42',
      operation: 'completeCheckoutSession',
      retryable: false,
    });
    expect((error as AmazonPayError).message).toMatch(/^You tried to call/);
  });

  it('keeps a non-JSON body (an HTML 502 page) out of the message', () => {
    const error = errorFromResponse('getCharge', 502, '<html><body>secret-ish upstream page</body></html>', undefined);
    expect(error.message).not.toContain('<html>');
    expect(error).toMatchObject({ reasonCode: 'HTTP502', retryable: true });
  });

  it('only carries Amazon fields from the body, truncated', () => {
    const error = errorFromResponse(
      'getCharge',
      400,
      JSON.stringify({ reasonCode: 'X', message: 'm'.repeat(5000), buyer: { email: 'a@b.c' } }),
      'r',
    );
    expect(error.message.length).toBeLessThan(400);
    expect(JSON.stringify(error)).not.toContain('a@b.c');
  });

  it('reports a schema mismatch by path, without the values', async () => {
    const client = clientAnswering(() =>
      Response.json({ chargeId: 42, statusDetails: { state: 'Open' }, buyerEmail: 'ada@example.com' }),
    );
    const error = (await client.getCharge('S01-C1').catch((e: unknown) => e)) as AmazonPayError;
    expect(error).toMatchObject({ reasonCode: 'UnexpectedResponse', status: 200 });
    expect(error.message).toContain('chargeId');
    expect(error.message).not.toContain('ada@example.com');
  });

  it('never puts the private key into any error or request', async () => {
    const seen: string[] = [];
    const client = createAmazonPayClient({
      publicKeyId: 'LIVE-AKEY',
      privateKey: keys.pkcs1,
      region: 'na',
      fetch: async (url, init) => {
        seen.push(url, JSON.stringify(init));
        return Response.json({ reasonCode: 'InvalidRequestSignature', message: 'Unable to verify signature' }, { status: 401 });
      },
    });
    const error = await client.getCharge('S01-C1').catch((e: unknown) => e);
    const keyBody = keys.pkcs1.split('\n')[1]!;
    for (const text of [...seen, String(error), JSON.stringify(error), (error as Error).stack ?? '']) {
      expect(text).not.toContain(keyBody);
    }
  });
});

describe('config errors', () => {
  it('names the field, not the value', () => {
    const bad = () => createAmazonPayClient({ publicKeyId: 'K', privateKey: keys.pkcs8, region: 'mars' });
    expect(bad).toThrow(AmazonPayConfigError);
    expect(bad).toThrow(/region/);
  });

  it('rejects an unreadable key without quoting it', () => {
    const garbage = '-----BEGIN PRIVATE KEY-----\nTOPSECRETBUTBROKEN\n-----END PRIVATE KEY-----';
    const attempt = () => createAmazonPayClient({ publicKeyId: 'K', privateKey: garbage, region: 'na' });
    expect(attempt).toThrow(InvalidPrivateKeyError);
    try {
      attempt();
    } catch (error) {
      expect(String(error)).not.toContain('TOPSECRET');
    }
  });

  it('rejects something that is not a PEM at all, without quoting it', () => {
    const attempt = () => createAmazonPayClient({ publicKeyId: 'K', privateKey: 'hunter2', region: 'na' });
    expect(attempt).toThrow(AmazonPayConfigError);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
