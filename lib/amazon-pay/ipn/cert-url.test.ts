import { describe, expect, it } from 'vitest';
import { AMAZON_SNS_HOST, checkCertUrl, isAllowedHost } from './cert-url';
import { InvalidNotificationError } from './errors';

const production = { allowedCertHosts: AMAZON_SNS_HOST };

function refusal(url: string, policy: Parameters<typeof checkCertUrl>[1] = production): string {
  try {
    checkCertUrl(url, policy);
  } catch (error) {
    if (error instanceof InvalidNotificationError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('certificate URL rule', () => {
  it.each([
    'https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem',
    'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem',
    'https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-3250158c6da5e8d5f1b3c4f9c0df2c58.pem',
    'https://SNS.US-EAST-1.AMAZONAWS.COM/cert.pem',
  ])('accepts %s in production', (url) => {
    expect(refusal(url)).toBe('accepted');
  });

  it.each([
    ['http', 'http://sns.us-east-1.amazonaws.com/cert.pem'],
    ['a look-alike suffix', 'https://sns.us-east-1.amazonaws.com.evil.test/cert.pem'],
    ['a look-alike prefix', 'https://evilsns.us-east-1.amazonaws.com/cert.pem'],
    ['no region', 'https://sns.amazonaws.com/cert.pem'],
    ['another AWS service', 'https://s3.us-east-1.amazonaws.com/cert.pem'],
    ['an explicit port', 'https://sns.us-east-1.amazonaws.com:8443/cert.pem'],
    ['userinfo', 'https://sns.us-east-1.amazonaws.com@evil.test/cert.pem'],
    ['credentials on the right host', 'https://user:pw@sns.us-east-1.amazonaws.com/cert.pem'],
    ['not .pem', 'https://sns.us-east-1.amazonaws.com/cert.pem.txt'],
    ['.pem in the fragment', 'https://sns.us-east-1.amazonaws.com/cert#.pem'],
  ])('refuses %s', (_case, url) => {
    expect(refusal(url)).toBe('bad-cert-url');
  });

  it('allows http only when asked, and only http', () => {
    const offline = { allowedCertHosts: ['127.0.0.1:4010'], allowInsecureCertUrl: true };
    expect(refusal('http://127.0.0.1:4010/__sandbox/sns-cert.pem', offline)).toBe('accepted');
    expect(refusal('http://127.0.0.1:4010/__sandbox/sns-cert.pem', { ...offline, allowInsecureCertUrl: false })).toBe(
      'bad-cert-url',
    );
    expect(refusal('ftp://127.0.0.1:4010/__sandbox/sns-cert.pem', offline)).toBe('bad-cert-url');
  });

  it('matches a host list exactly, port included', () => {
    expect(isAllowedHost('127.0.0.1:4010', ['127.0.0.1:4010'])).toBe(true);
    expect(isAllowedHost('127.0.0.1:4011', ['127.0.0.1:4010'])).toBe(false);
    expect(isAllowedHost('127.0.0.1', ['127.0.0.1:4010'])).toBe(false);
    expect(isAllowedHost('Sandbox.Test', ['sandbox.test'])).toBe(true);
  });

  it('gives the same answer every time for a global RegExp', () => {
    const sticky = /^sns\.[a-z0-9-]{3,}\.amazonaws\.com$/g;
    const answers = [1, 2, 3].map(() => isAllowedHost('sns.us-east-1.amazonaws.com', sticky));
    expect(answers).toEqual([true, true, true]);
  });
});
