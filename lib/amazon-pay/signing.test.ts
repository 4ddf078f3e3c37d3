import { describe, expect, it } from 'vitest';
import {
  buildButtonStringToSign,
  buildCanonicalRequest,
  buildStringToSign,
  canonicalHeaderValue,
  canonicalQueryString,
  canonicalUri,
  encodeRfc3986,
  formatAmazonTimestamp,
  decodeWirePath,
  formatAuthorizationHeader,
  parseAmazonTimestamp,
  parseAuthorizationHeader,
  parseQueryPairs,
  saltLengthFor,
  sha256Hex,
  SIGNATURE_ALGORITHMS,
} from './signing';

const SIGNED = ['accept', 'content-type', 'x-amz-pay-date', 'x-amz-pay-host', 'x-amz-pay-region'];

function headersFor(region: string): Record<string, string> {
  return {
    accept: 'application/json',
    'content-type': 'application/json',
    'x-amz-pay-date': '20180524T223710Z',
    'x-amz-pay-host': 'pay-api.amazon.eu',
    'x-amz-pay-region': region,
  };
}

const RESERVED = '@#$%^&+=/,?><`";:\\|][{} ';
const UNRESERVED = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

type Pairs = ReadonlyArray<readonly [string, string]>;
interface Vector {
  name: string;
  method: string;
  path: string;
  query: Pairs;
  dotnet?: string;
  java?: string;
}

// The official SDKs' vectors: .NET Amazon.Pay.API.SDK.Tests/CreateStringToSignTest.cs (`eu`) and Java's testdata.js (`EU`).
const VECTORS: Vector[] = [
  {
    name: 'SimpleGet',
    method: 'GET',
    path: '/',
    query: [],
    dotnet: '13fdf6db844bdfb9e9c0e27a4251ca04e60c29ca2132249c5dd1cb09c26e22f5',
    java: 'bb49552975c396f1e49d5510e1555b8b0627dc491bc61aaefdb561f202ad8020',
  },
  {
    name: 'slashes',
    method: 'GET',
    path: '///foo//',
    query: [],
    dotnet: 'd8e13e1857bc9b5056cc8ccb2699812faa2c68960e00483b1390fdaf4a991cc4',
  },
  {
    name: 'unreserved path',
    method: 'GET',
    path: `/${UNRESERVED}`,
    query: [],
    dotnet: '585e034d38ed3d64c0cd77a9f357a4b4a0fc093eebe06f4b06f66845e3543038',
    java: 'a0e5dd63e175587f29d51c6b08be5c746a568209ac66ab1f967e0ba515aa80bc',
  },
  {
    name: 'utf8 path',
    method: 'GET',
    path: '/\u1234',
    query: [],
    java: '77f6544c8fb336d430895659da1e30415a1558b4b013f4d7926bb3a6275f701d',
  },
  {
    name: 'utf8 query key',
    method: 'GET',
    path: '/',
    query: [['\u1234', 'bar']],
    dotnet: 'f0597d2fdcf97baf28002461796e916a74e35073b44042296d2ed45bacf6ecf0',
    java: 'ef1007307504f2ca9f0b6310b04056f5d3d6d18e7bf3d90663133f19ec132ecc',
  },
  {
    name: 'SimplePost',
    method: 'POST',
    path: '/',
    query: [],
    dotnet: '322307b5dae22c3d59350c3de9202a488f337f674c8f430b186282008264bd2b',
    java: '54156f5badd6da7fa630b2c334c808ad376530001d334ae9960457215aa626d3',
  },
  {
    name: 'PostWithQuery',
    method: 'POST',
    path: '/',
    query: [['foo', 'bar']],
    dotnet: '9d61b5abddbfdcaf7810a8e83dfffe0a5d5f272d2676c0550d974d5383e94cd5',
    java: 'cc82525870b2d03666c287fd8b2c0d2fc6fa1693d9f357d27f7cac8cbcc12832',
  },
  {
    name: 'GET foo=bar',
    method: 'GET',
    path: '/',
    query: [['foo', 'bar']],
    java: '6837f80baf1801c75db8119cffbadc26a89d20adb9cf3f3de4ce0fac31b4ae52',
  },
  {
    name: 'multi value',
    method: 'GET',
    path: '/',
    query: [
      ['foo', 'b'],
      ['foo', 'a'],
    ],
    dotnet: '937de37fb8aed8af4214c373580c72f40c525202d1975df6836ba6ed0062b902',
    java: 'a33266ec31c7f0ca8a0738eb49fb8c81319f14374a0b86d52e6911a9748a6d42',
  },
  {
    name: 'keys a,b',
    method: 'GET',
    path: '/',
    query: [
      ['b', 'foo'],
      ['a', 'foo'],
    ],
    dotnet: '457de2535eedbd6ef25f5c8ec4653ee885b99838d722189928f4fdf8d3c3ef4f',
    java: '6615ba7ca3734e97b35013f77c74d111ce2fa63ab52be161ad41bcd4b010120f',
  },
  {
    name: 'ordinal sort',
    method: 'GET',
    path: '/',
    query: [
      ['A.10', 'foo'],
      ['A.2', 'foo'],
      ['A.1', 'foo'],
    ],
    dotnet: '43ae5290e6742d30e3822b62b6d759afedafbe01534f778175c336b455d632e7',
    java: '29d908d70c4bb50d62272976787245b52ed52e569fdae56ef3aa6d8979978ee7',
  },
  {
    name: 'case sort',
    method: 'GET',
    path: '/',
    query: [
      ['foo', 'Zoo'],
      ['foo', 'aha'],
    ],
    dotnet: '7a4d89bd832cb93f2102f66bc8d3a0bc5f224c0bb758eab261dcd34a8ed2f117',
    java: 'f379cbd2e2fc9d5d50667a07ec22996335f731b474bb8bd366647d05d958c9d5',
  },
  {
    name: 'space',
    method: 'POST',
    path: '/',
    query: [['f oo', 'b ar']],
    dotnet: '79481e4e38a053f7be8bda701c0d302d39df18bf468578b133c3be8e93fea86a',
    java: '99be3aeb19b5a1aebafc807d59f3740d3e604ae31cf928592fa70739ea64bb32',
  },
  {
    name: 'reserved chars',
    method: 'POST',
    path: '/',
    query: [[RESERVED, RESERVED]],
    dotnet: '50709f5220d06911feee2d6aa8bf8453c8517f44527c0912e62b905d26c7e08f',
    java: '66bbbf2b5d6d297a9393abbc0b4f9d62e30666bb0ec0dea8f1d4e45551440e4c',
  },
  {
    name: 'unreserved query',
    method: 'GET',
    path: '/',
    query: [[UNRESERVED, UNRESERVED]],
    dotnet: 'aa69ca06d93d9220f9aa16314d8556e18e1b0ae39802cd169bd3af6c08cd7164',
    java: '892abddd6e79db3feb5695b318af639c3e863494f6b4df32ec24fff4c1562a73',
  },
];

function canonicalFor(vector: Vector, region: string): string {
  return buildCanonicalRequest({
    method: vector.method,
    path: vector.path,
    query: vector.query,
    headers: headersFor(region),
    signedHeaders: SIGNED,
    body: '',
  });
}

describe('canonical request vectors', () => {
  it('SimpleGet reproduces the exact .NET canonical string', () => {
    expect(canonicalFor(VECTORS[0]!, 'eu')).toBe(
      'GET\n/\n\naccept:application/json\ncontent-type:application/json\nx-amz-pay-date:20180524T223710Z\nx-amz-pay-host:pay-api.amazon.eu\nx-amz-pay-region:eu\n\naccept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-region\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  for (const vector of VECTORS) {
    if (vector.dotnet) {
      it(`${vector.name} (.NET, region eu)`, () => {
        const canonical = canonicalFor(vector, 'eu');
        expect(sha256Hex(canonical)).toBe(vector.dotnet);
        for (const algorithm of SIGNATURE_ALGORITHMS) {
          expect(buildStringToSign(algorithm, canonical)).toBe(`${algorithm}\n${vector.dotnet}`);
        }
      });
    }
    if (vector.java) {
      it(`${vector.name} (Java, region EU)`, () => {
        expect(sha256Hex(canonicalFor(vector, 'EU'))).toBe(vector.java);
      });
    }
  }

  it('button payload vector', () => {
    const payload =
      '{"storeId":"amzn1.application-oa2-client.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","webCheckoutDetails":{"checkoutReviewReturnUrl":"https://localhost/test/CheckoutReview.php","checkoutResultReturnUrl":"https://localhost/test/CheckoutResult.php"}}';
    const hash = '8dec52d799607be40f82d5c8e7ecb6c171e6591c41b1111a576b16076c89381c';
    expect(buildButtonStringToSign('AMZN-PAY-RSASSA-PSS', payload)).toBe(`AMZN-PAY-RSASSA-PSS\n${hash}`);
    expect(buildButtonStringToSign('AMZN-PAY-RSASSA-PSS-V2', payload)).toBe(`AMZN-PAY-RSASSA-PSS-V2\n${hash}`);
  });
});

describe('encoding', () => {
  it('encodes what encodeURIComponent leaves alone', () => {
    expect(encodeRfc3986("!'()*")).toBe('%21%27%28%29%2A');
    expect(encodeRfc3986('A,B')).toBe('A%2CB');
    expect(encodeRfc3986('é')).toBe('%C3%A9');
  });

  it('canonicalizes paths like .NET UtilTest', () => {
    expect(canonicalUri('///foo//')).toBe('/foo/');
    expect(canonicalUri('/ /foo')).toBe('/%20/foo');
    expect(canonicalUri('/\u1234')).toBe('/%E1%88%B4');
    expect(canonicalUri('')).toBe('/');
  });

  it('sorts query pairs by encoded key, then value', () => {
    expect(
      canonicalQueryString([
        ['b', '2'],
        ['a', 'y'],
        ['a', 'x'],
      ]),
    ).toBe('a=x&a=y&b=2');
    expect(canonicalQueryString([])).toBe('');
  });

  it('collapses header whitespace', () => {
    expect(canonicalHeaderValue('  a \t b  ')).toBe('a b');
  });

  it('fails loudly on a signed header that is absent', () => {
    expect(() =>
      buildCanonicalRequest({ method: 'GET', path: '/', query: [], headers: {}, signedHeaders: ['accept'], body: '' }),
    ).toThrow(/accept/);
  });
});

describe('authorization header', () => {
  it('round-trips', () => {
    const header = {
      algorithm: 'AMZN-PAY-RSASSA-PSS-V2' as const,
      publicKeyId: 'ADGUHQIH9988',
      signedHeaders: [...SIGNED, 'x-amz-pay-idempotency-key'].sort(),
      signature: 'BsnrBn7R+/Vrg==',
    };
    const text = formatAuthorizationHeader(header);
    expect(text).toBe(
      'AMZN-PAY-RSASSA-PSS-V2 PublicKeyId=ADGUHQIH9988, SignedHeaders=accept;content-type;x-amz-pay-date;x-amz-pay-host;x-amz-pay-idempotency-key;x-amz-pay-region, Signature=BsnrBn7R+/Vrg==',
    );
    expect(parseAuthorizationHeader(text)).toEqual(header);
  });

  it('rejects other schemes', () => {
    expect(parseAuthorizationHeader('Bearer abc')).toBeNull();
    expect(parseAuthorizationHeader('AMZN-PAY-RSASSA-PSS-V3 PublicKeyId=a, SignedHeaders=b, Signature=c')).toBeNull();
  });

  it('maps algorithms to salts', () => {
    expect(saltLengthFor('AMZN-PAY-RSASSA-PSS-V2')).toBe(32);
    expect(saltLengthFor('AMZN-PAY-RSASSA-PSS')).toBe(20);
  });
});

describe('timestamps', () => {
  it('formats the basic form', () => {
    expect(formatAmazonTimestamp(new Date('2020-10-23T21:19:09.123Z'))).toBe('20201023T211909Z');
  });

  it('parses both forms', () => {
    expect(parseAmazonTimestamp('20201023T211909Z')?.toISOString()).toBe('2020-10-23T21:19:09.000Z');
    expect(parseAmazonTimestamp('2024-01-01T00:00:00Z')?.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('rejects junk and impossible dates', () => {
    expect(parseAmazonTimestamp('2022-08-04T00-00-00Z')).toBeNull();
    expect(parseAmazonTimestamp('20210230T000000Z')).toBeNull();
    expect(parseAmazonTimestamp('')).toBeNull();
  });
});

describe('reading the wire', () => {
  it('percent-decodes the query without form decoding', () => {
    expect(parseQueryPairs('?a=1%202&b=x+y&flag&c=')).toEqual([
      ['a', '1 2'],
      ['b', 'x+y'],
      ['flag', ''],
      ['c', ''],
    ]);
    expect(parseQueryPairs('')).toEqual([]);
  });

  it('decodes path segments once', () => {
    expect(decodeWirePath('/v2/buyers/tok%20en')).toBe('/v2/buyers/tok en');
    expect(canonicalUri(decodeWirePath('/v2/a%2Fb'))).toBe('/v2/a/b');
    expect(decodeWirePath('/v2/100%')).toBe('/v2/100%');
  });
});
