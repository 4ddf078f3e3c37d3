import { describe, expect, it } from 'vitest';
import { parseConfig } from '@/lib/config';
import { contentSecurityPolicy, securityHeaders } from './security-headers';
import { LIVE_ENV as live } from '@/test/config-fixtures';

const directive = (policy: string, name: string) =>
  policy
    .split('; ')
    .find((entry) => entry.startsWith(`${name} `))
    ?.split(' ')
    .slice(1);

describe('the Content-Security-Policy', () => {
  it('admits scripts by nonce, and exactly the region’s checkout.js host and Amazon’s frames', () => {
    const policy = contentSecurityPolicy(parseConfig({ ...live, AMAZON_PAY_REGION: 'eu', STORE_CURRENCY: 'EUR' }), 'n0nce', {
      development: false,
    });
    expect(directive(policy, 'script-src')).toEqual([
      "'self'",
      "'nonce-n0nce'",
      "'strict-dynamic'",
      'https://static-eu.payments-amazon.com',
    ]);
    expect(directive(policy, 'frame-src')).toContain('https://*.amazon.de');
    expect(policy).not.toMatch(/static-na|static-fe|127\.0\.0\.1|unsafe-eval/);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(policy).toContain('upgrade-insecure-requests');
  });

  it('admits the offline sandbox’s origin alone when there are no Amazon credentials', () => {
    const policy = contentSecurityPolicy(parseConfig({ SANDBOX_PORT: '4321' }), 'n0nce', { development: false });
    expect(directive(policy, 'script-src')).toContain('http://127.0.0.1:4321');
    expect(directive(policy, 'frame-src')).toEqual(['http://127.0.0.1:4321']);
    expect(policy).not.toMatch(/amazon\.com|payments-amazon/);
    expect(policy).not.toContain('upgrade-insecure-requests');
  });
});

describe('securityHeaders', () => {
  it('sends HSTS only when APP_URL is https, and a Permissions-Policy always', () => {
    expect(securityHeaders(parseConfig(live), 'p')).toMatchObject({
      'Strict-Transport-Security': expect.stringMatching(/^max-age=\d+/),
      'Permissions-Policy': expect.stringContaining('camera=()'),
    });
    expect(securityHeaders(parseConfig({}), 'p')).not.toHaveProperty('Strict-Transport-Security');
  });
});
