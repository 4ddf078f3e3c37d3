import { constants, createHash, verify } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAmazonPayClient } from './index';
import {
  buildButtonStringToSign,
  buildCanonicalRequest,
  buildStringToSign,
  parseAuthorizationHeader,
  SIGNATURE_ALGORITHMS,
  verifySignature,
  type SignatureAlgorithm,
} from './signing';
import { testKeyPair } from '@/test/keys';

/**
 * The official Node SDK as an oracle (none of its code is copied). Its string to
 * sign is captured by wrapping the CommonJS crypto.createSign it calls.
 */
const require = createRequire(import.meta.url);
type SdkHelper = {
  prepareOptions(config: object, options: object): SdkOptions;
  signHeaders(config: object, options: SdkOptions): Record<string, string>;
  signPayload(config: object, payload: unknown): string;
};
interface SdkOptions {
  method: string;
  urlFragment: string;
  payload?: string;
  headers?: Record<string, string>;
  queryParams?: Record<string, string>;
}
const helper = require('@amazonpay/amazon-pay-api-sdk-nodejs/src/clientHelper') as SdkHelper;
const cjsCrypto = require('crypto') as { createSign: (alg: string) => { update(data: string): unknown } };

function captureSdkStringToSign<T>(run: () => T): { result: T; stringToSign: string } {
  const original = cjsCrypto.createSign;
  let stringToSign = '';
  cjsCrypto.createSign = (alg) => {
    const signer = original(alg);
    const update = signer.update.bind(signer);
    signer.update = (data: string) => {
      stringToSign = data;
      return update(data);
    };
    return signer;
  };
  try {
    return { result: run(), stringToSign };
  } finally {
    cjsCrypto.createSign = original;
  }
}

const keys = testKeyPair();
const FIXED = new Date('2024-03-05T07:08:09.000Z');

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FIXED);
});
afterEach(() => vi.useRealTimers());

// Cases where encodeURIComponent (the SDK) and RFC 3986 (us) agree: no !'()* anywhere.
const CASES: Array<{ name: string; options: SdkOptions; query: Array<[string, string]> }> = [
  { name: 'GET without query', options: { method: 'GET', urlFragment: 'checkoutSessions/abc-123' }, query: [] },
  {
    name: 'GET with a comma list and a date',
    options: { method: 'GET', urlFragment: 'reports', queryParams: { reportTypes: 'A_,B_', createdSince: '20240101T000000Z' } },
    query: [
      ['reportTypes', 'A_,B_'],
      ['createdSince', '20240101T000000Z'],
    ],
  },
  {
    name: 'POST with body and idempotency key',
    options: {
      method: 'POST',
      urlFragment: 'charges',
      payload: '{"chargeAmount":{"amount":"14.00","currencyCode":"USD"}}',
      headers: { 'x-amz-pay-idempotency-key': 'abc_DEF-123' },
    },
    query: [],
  },
  {
    name: 'DELETE with body',
    options: { method: 'DELETE', urlFragment: 'charges/S01-1/cancel', payload: '{"cancellationReason":"x y"}' },
    query: [],
  },
];

describe.each(SIGNATURE_ALGORITHMS)('SDK oracle, %s', (algorithm: SignatureAlgorithm) => {
  describe.each([
    ['PKCS#1', keys.pkcs1],
    ['PKCS#8', keys.pkcs8],
  ])('%s key', (_label, privateKey) => {
    const sdkConfig = { publicKeyId: 'AKEY123', privateKey, region: 'us', sandbox: true, algorithm };

    it.each(CASES)('$name: same string to sign, and its signature verifies under ours', ({ options, query }) => {
      const prepared = helper.prepareOptions(sdkConfig, { ...options, headers: { ...options.headers } });
      const { result: headers, stringToSign } = captureSdkStringToSign(() => helper.signHeaders(sdkConfig, prepared));
      const authorization = parseAuthorizationHeader(headers.authorization ?? '');
      expect(authorization).not.toBeNull();

      const { authorization: _omit, ...sent } = headers;
      const lowerCased = Object.fromEntries(Object.entries(sent).map(([name, value]) => [name.toLowerCase(), value]));
      const canonical = buildCanonicalRequest({
        method: options.method,
        path: `/${prepared.urlFragment}`,
        query,
        headers: lowerCased,
        signedHeaders: authorization!.signedHeaders,
        body: prepared.payload ?? '',
      });
      const ours = buildStringToSign(algorithm, canonical);
      expect(ours).toBe(stringToSign);
      expect(verifySignature(keys.publicKeyPem, algorithm, ours, authorization!.signature)).toBe(true);
    });

    it('button: SDK signature verifies under ours, ours under bare node:crypto', async () => {
      const payload = {
        storeId: 'amzn1.application-oa2-client.x',
        webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.test/review' },
      };
      const payloadJSON = JSON.stringify(payload);
      const { result: sdkSignature, stringToSign } = captureSdkStringToSign(() => helper.signPayload(sdkConfig, payload));
      expect(buildButtonStringToSign(algorithm, payloadJSON)).toBe(stringToSign);
      expect(verifySignature(keys.publicKeyPem, algorithm, stringToSign, sdkSignature)).toBe(true);

      const client = createAmazonPayClient({ publicKeyId: 'AKEY123', privateKey, region: 'us', algorithm });
      const config = await client.generateButtonConfig(payload);
      expect(config).toMatchObject({ payloadJSON, publicKeyId: 'AKEY123', algorithm });
      expect(bareVerify(algorithm, `${algorithm}\n${sha256(payloadJSON)}`, config.signature)).toBe(true);
      expect(
        bareVerify(algorithm, `${algorithm}\n${sha256(payloadJSON)}`, await client.generateButtonSignature(payloadJSON)),
      ).toBe(true);
    });

    it('a client request verifies under a canonical request written out by hand', async () => {
      const requests: Request[] = [];
      const client = createAmazonPayClient({
        publicKeyId: 'AKEY123',
        privateKey,
        region: 'us',
        sandbox: true,
        algorithm,
        fetch: async (url, init) => {
          requests.push(new Request(url, init));
          return Response.json({ chargeId: 'S01-1', statusDetails: { state: 'Authorized' } });
        },
      });
      await client.getCharge('S01-1');
      const request = requests[0]!;
      const header = (name: string) => request.headers.get(name) ?? '';
      const canonical = [
        'GET',
        '/sandbox/v2/charges/S01-1',
        '',
        `accept:application/json\ncontent-type:application/json\nx-amz-pay-date:20240305T070809Z\nx-amz-pay-host:pay-api.amazon.com\nx-amz-pay-region:na\n`,
        'accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region',
        sha256(''),
      ].join('\n');
      const signature = /Signature=(\S+)$/.exec(header('authorization'))?.[1] ?? '';
      expect(header('authorization')).toContain(
        `${algorithm} PublicKeyId=AKEY123, SignedHeaders=accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region, `,
      );
      expect(bareVerify(algorithm, `${algorithm}\n${sha256(canonical)}`, signature)).toBe(true);
    });
  });
});

describe('salt is bound to the algorithm name', () => {
  it('a V1 signature does not verify as V2', () => {
    const sdkConfig = { publicKeyId: 'AKEY123', privateKey: keys.pkcs1, region: 'eu', algorithm: 'AMZN-PAY-RSASSA-PSS' };
    const { result: signature, stringToSign } = captureSdkStringToSign(() => helper.signPayload(sdkConfig, '{}'));
    expect(verifySignature(keys.publicKeyPem, 'AMZN-PAY-RSASSA-PSS', stringToSign, signature)).toBe(true);
    expect(verifySignature(keys.publicKeyPem, 'AMZN-PAY-RSASSA-PSS-V2', stringToSign, signature)).toBe(false);
    expect(verifySignature(keys.publicKeyPem, 'AMZN-PAY-RSASSA-PSS', stringToSign, 'not-a-signature')).toBe(false);
  });
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function bareVerify(algorithm: SignatureAlgorithm, stringToSign: string, signature: string): boolean {
  return verify(
    'sha256',
    Buffer.from(stringToSign),
    {
      key: keys.publicKeyPem,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: algorithm === 'AMZN-PAY-RSASSA-PSS-V2' ? 32 : 20,
    },
    Buffer.from(signature, 'base64'),
  );
}
