import { describe, expect, it } from 'vitest';
import { environmentOf, environmentPathPrefix, resolveBase } from './endpoints';
import { hostForRegion, resolveRegion } from './regions';
import { createAmazonPayClient } from './index';
import { testKeyPair } from '@/test/keys';

describe('regions', () => {
  it.each([
    ['na', 'na'],
    ['US', 'na'],
    ['eu', 'eu'],
    ['De', 'eu'],
    ['uk', 'eu'],
    ['JP', 'jp'],
  ])('%s → %s', (alias, region) => {
    expect(resolveRegion(alias)).toBe(region);
  });

  it('rejects unknown regions', () => {
    expect(resolveRegion('fe')).toBeNull();
  });

  it('maps hosts', () => {
    expect(hostForRegion('na')).toBe('pay-api.amazon.com');
    expect(hostForRegion('eu')).toBe('pay-api.amazon.eu');
    expect(hostForRegion('jp')).toBe('pay-api.amazon.jp');
  });
});

describe('environment prefix (Node SDK clientHelperTest vectors)', () => {
  it.each([
    ['LIVE-ABC', false, '/v2'],
    ['SANDBOX-AFVX7ULWSGBZ5535PCUQOY7B', false, '/v2'],
    ['sandbox-abc', true, '/v2'],
    ['AKEY', true, '/sandbox/v2'],
    ['AKEY', false, '/live/v2'],
  ])('%s sandbox=%s → %s', (keyId, sandbox, prefix) => {
    expect(environmentPathPrefix(keyId, sandbox)).toBe(prefix);
  });

  it('tells the verifier the environment', () => {
    expect(environmentOf('SANDBOX-A', '/v2/charges')).toBe('sandbox');
    expect(environmentOf('LIVE-A', '/v2/charges')).toBe('live');
    expect(environmentOf('A', '/live/v2/charges')).toBe('live');
    expect(environmentOf('A', '/v2/charges')).toBeNull();
  });
});

describe('endpoint override', () => {
  it('resolves host:port and a base path', () => {
    expect(resolveBase('eu', 'http://127.0.0.1:4010')).toEqual({
      origin: 'http://127.0.0.1:4010',
      host: '127.0.0.1:4010',
      basePath: '',
    });
    expect(resolveBase('eu', 'http://localhost:4010/amazon/')).toEqual({
      origin: 'http://localhost:4010',
      host: 'localhost:4010',
      basePath: '/amazon',
    });
    expect(resolveBase('jp')).toEqual({ origin: 'https://pay-api.amazon.jp', host: 'pay-api.amazon.jp', basePath: '' });
  });

  it('sends to the override and signs its host:port', async () => {
    const requests: Request[] = [];
    const client = createAmazonPayClient({
      publicKeyId: 'AKEY',
      privateKey: testKeyPair().pkcs8,
      region: 'uk',
      sandbox: true,
      endpoint: 'http://127.0.0.1:4010',
      fetch: async (url, init) => {
        requests.push(new Request(url, init));
        return Response.json({ refundId: 'R', statusDetails: { state: 'Refunded' } });
      },
    });
    await client.getRefund('R');
    const request = requests[0]!;
    expect(request.url).toBe('http://127.0.0.1:4010/sandbox/v2/refunds/R');
    expect(request.headers.get('x-amz-pay-host')).toBe('127.0.0.1:4010');
    expect(request.headers.get('x-amz-pay-region')).toBe('eu');
  });
});
