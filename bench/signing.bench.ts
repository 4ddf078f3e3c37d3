/**
 * Button signatures per second, three signers in one run:
 *   ours  - our client's generateButtonSignature, 8 signatures in flight
 *   sdk   - the official Node SDK's clientHelper.signPayload (re-reads the PEM every call)
 *   bare  - synchronous node:crypto sign with a KeyObject parsed once (one core's ceiling)
 * Targets: ours ≥ 2× sdk and ≥ 0.9× bare.
 * The three run interleaved for BENCH_ROUNDS rounds and each reports its median,
 * so a noisy neighbour on a shared machine skews all three alike.
 * Run: npx tsx bench/signing.bench.ts   (BENCH_SECONDS=2, BENCH_ROUNDS=3 by default)
 */
import { availableParallelism } from 'node:os';
import { constants, createHash, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { createRequire } from 'node:module';
// The client module itself: the public entry adds `import 'server-only'`, which only a React Server bundle resolves.
import { createAmazonPayClient } from '@/lib/amazon-pay/client';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const IN_FLIGHT = 8;
const ALGORITHM = 'AMZN-PAY-RSASSA-PSS-V2';

const require = createRequire(import.meta.url);
const sdkHelper = require('@amazonpay/amazon-pay-api-sdk-nodejs/src/clientHelper') as {
  signPayload(config: object, payload: unknown): string;
};

const privateKeyPem = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();
const payload = JSON.stringify({
  webCheckoutDetails: { checkoutReviewReturnUrl: 'https://shop.example/checkout/review' },
  storeId: 'amzn1.application-oa2-client.0123456789abcdef0123456789abcdef',
  scopes: ['name', 'email', 'phoneNumber', 'billingAddress'],
});

async function measure(run: (deadline: number) => Promise<number> | number): Promise<number> {
  await run(performance.now() + 300); // warm-up
  const started = performance.now();
  const count = await run(started + SECONDS * 1000);
  return count / ((performance.now() - started) / 1000);
}

const client = createAmazonPayClient({
  publicKeyId: 'SANDBOX-BENCH',
  privateKey: privateKeyPem,
  region: 'us',
  algorithm: ALGORITHM,
});
async function ours(deadline: number): Promise<number> {
  let count = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await client.generateButtonSignature(payload);
      count++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return count;
}

const sdkConfig = { publicKeyId: 'SANDBOX-BENCH', privateKey: privateKeyPem, region: 'us', algorithm: ALGORITHM };
function sdk(deadline: number): number {
  let count = 0;
  while (performance.now() < deadline) {
    sdkHelper.signPayload(sdkConfig, payload);
    count++;
  }
  return count;
}

const keyObject = createPrivateKey(privateKeyPem);
function bare(deadline: number): number {
  let count = 0;
  while (performance.now() < deadline) {
    const stringToSign = `${ALGORITHM}\n${createHash('sha256').update(payload).digest('hex')}`;
    sign('sha256', Buffer.from(stringToSign), {
      key: keyObject,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    }).toString('base64');
    count++;
  }
  return count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const fmt = (n: number) => n.toFixed(0).padStart(7);
const ratio = (n: number) => n.toFixed(2);

// A function, not top-level await: package.json has no "type": "module", so tsx runs this as CommonJS.
async function main(): Promise<void> {
  const samples = { ours: [] as number[], sdk: [] as number[], bare: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    samples.ours.push(await measure(ours));
    samples.sdk.push(await measure(sdk));
    samples.bare.push(await measure(bare));
  }
  const results = { ours: median(samples.ours), sdk: median(samples.sdk), bare: median(samples.bare) };
  console.log(
    `button signatures/s (median of ${ROUNDS}), RSA-2048 ${ALGORITHM}, ${SECONDS}s each, ${availableParallelism()} cores, UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '4 (default)'}, node ${process.version}`,
  );
  console.log(`  ours (client, ${IN_FLIGHT} in flight) ${fmt(results.ours)}`);
  console.log(`  sdk signPayload              ${fmt(results.sdk)}`);
  console.log(`  bare sync KeyObject          ${fmt(results.bare)}`);
  console.log(`  ours / sdk  = ${ratio(results.ours / results.sdk)}  (target ≥ 2)`);
  console.log(`  ours / bare = ${ratio(results.ours / results.bare)}  (target ≥ 0.9)`);
}

void main();
