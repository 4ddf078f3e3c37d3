import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalQueryString, canonicalUri, decodeWirePath, encodeRfc3986, parseQueryPairs } from './signing';

// Strings without lone surrogates, which no URL can carry.
const text = fc.string({ unit: 'grapheme' });

describe('RFC 3986 encoding properties', () => {
  it('emits only unreserved characters and upper-case %XX, and decodes back', () => {
    fc.assert(
      fc.property(text, (value) => {
        const encoded = encodeRfc3986(value);
        expect(encoded).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-F]{2})*$/);
        expect(decodeURIComponent(encoded)).toBe(value);
      }),
    );
  });

  it('a canonical query does not depend on the order of its pairs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text)), (pairs) => {
        expect(canonicalQueryString([...pairs].reverse())).toBe(canonicalQueryString(pairs));
      }),
    );
  });

  it('what the client sends, a verifier reading the wire canonicalizes the same way', () => {
    fc.assert(
      fc.property(
        fc.array(
          text.filter((s) => s !== ''),
          { minLength: 1 },
        ),
        fc.array(fc.tuple(text, text)),
        (segments, pairs) => {
          const path = `/${segments.join('/')}`;
          const wirePath = canonicalUri(path);
          expect(canonicalUri(decodeWirePath(wirePath))).toBe(wirePath);
          const wireQuery = pairs.map(([k, v]) => `${encodeRfc3986(k)}=${encodeRfc3986(v)}`).join('&');
          expect(canonicalQueryString(parseQueryPairs(`?${wireQuery}`))).toBe(canonicalQueryString(pairs));
        },
      ),
    );
  });
});
