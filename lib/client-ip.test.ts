import { describe, expect, it } from 'vitest';
import { clientIpFrom } from './client-ip';

describe('clientIpFrom', () => {
  it('never reads X-Forwarded-For without a trusted proxy', () => {
    expect(clientIpFrom('203.0.113.9', 0)).toBeNull();
  });

  it('takes the entry the outermost trusted proxy appended, not what the client claimed', () => {
    expect(clientIpFrom('6.6.6.6, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientIpFrom('6.6.6.6, 203.0.113.9, 10.0.0.2', 2)).toBe('203.0.113.9');
    expect(clientIpFrom(['6.6.6.6', '2001:db8::1'], 1)).toBe('2001:db8::1');
  });

  it('knows nothing when the header is shorter than the proxy chain or not an address', () => {
    expect(clientIpFrom('203.0.113.9', 2)).toBeNull();
    expect(clientIpFrom(undefined, 1)).toBeNull();
    expect(clientIpFrom('not-an-ip', 1)).toBeNull();
  });
});
