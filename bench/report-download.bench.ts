/**
 * Report document download: straight from the pre-signed URL vs through the
 * admin route's streaming code (lib/reports/document-stream.ts), 200 MB.
 *   direct - getReportDocument, then fetch the URL and read every byte
 *   route  - the same bytes through an HTTP server running exactly what the
 *            route runs (openReportDocumentById + documentResponse, minus the
 *            session check), read by a client in this process
 * Targets: route ≥ 0.8× direct throughput; peak RSS growth < 64 MB.
 * The sandbox runs in a child process on port 0, as S3 runs elsewhere, so this
 * process's RSS is the app side only. Its document comes from the control API
 * (POST /__sandbox/reports/synthetic), generated while it streams.
 * Run: npx tsx --conditions=react-server bench/report-download.bench.ts
 * Env: BENCH_SIZE_MB=200, BENCH_ROUNDS=3, BENCH_TIMEOUT_S=240 (whole run).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createAmazonPayClient } from '@/lib/amazon-pay/client';
import { documentResponse, openReportDocumentById } from '@/lib/reports/document-stream';
import { generateRsaKeys } from '@/test/sandbox-harness';

const SIZE = Number(process.env.BENCH_SIZE_MB ?? 200) * 1024 * 1024;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 240) * 1000;
const KEY_ID = 'ABENCHMARKREPORTS01';
const MB = 1024 * 1024;

function startSandbox(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts'], {
    env: { ...process.env, SANDBOX_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
}

async function control(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}/__sandbox/${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Reads a body to the end, counting bytes and nothing else. */
async function drain(response: Response): Promise<number> {
  if (!response.ok || !response.body) throw new Error(`download answered HTTP ${response.status}`);
  const reader = response.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

async function timed(run: () => Promise<number>): Promise<{ bytes: number; seconds: number }> {
  const started = performance.now();
  const bytes = await run();
  return { bytes, seconds: (performance.now() - started) / 1000 };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main(): Promise<void> {
  const { child, url } = await startSandbox();
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${TIMEOUT_MS / 1000} s`);
    child.kill();
    process.exit(1);
  }, TIMEOUT_MS);
  watchdog.unref();
  let app: Server | undefined;
  try {
    const keys = generateRsaKeys();
    await control(url, 'keys', { publicKeyId: KEY_ID, publicKey: keys.publicKeyPem });
    const report = await control(url, 'reports/synthetic', { sizeBytes: SIZE });
    const reportId = String(report['reportId']);
    const documentId = String(report['reportDocumentId']);
    const client = createAmazonPayClient({
      publicKeyId: KEY_ID,
      privateKey: keys.privateKeyPem,
      region: 'us',
      sandbox: true,
      endpoint: url,
    });

    // What app/api/admin/reports/[reportId]/document/route.ts does after its session check; Next.js pipes the Response the same way.
    app = createServer((req, res) => {
      openReportDocumentById(client, reportId)
        .then(({ opened, filename }) => {
          const response = documentResponse(opened, filename);
          res.writeHead(response.status, Object.fromEntries(response.headers));
          Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>).pipe(res);
        })
        .catch((error: unknown) => {
          console.error(error);
          res.writeHead(502).end();
        });
    });
    await new Promise<void>((resolve) => app?.listen(0, '127.0.0.1', resolve));
    const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}/document`;

    const direct = async () => drain(await fetch((await client.getReportDocument(documentId)).url));
    const route = async () => drain(await fetch(appUrl));

    // Warm up both paths (JIT, connections) on the real document, then measure from a settled heap.
    await Promise.all([direct(), route()]);
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const results = { direct: [] as number[], route: [] as number[] };
    let bytes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Interleaved, so a noisy neighbour slows both alike.
      for (const [name, run] of [
        ['direct', direct],
        ['route', route],
      ] as const) {
        const result = await timed(run);
        bytes = result.bytes;
        results[name].push(result.bytes / MB / result.seconds);
      }
    }
    clearInterval(sampler);
    const maxRss = process.resourceUsage().maxRSS * 1024;
    const directMBs = median(results.direct);
    const routeMBs = median(results.route);
    const ratio = routeMBs / directMBs;
    const growth = (Math.max(peak, maxRss) - baseline) / MB;
    console.log(`document       ${(bytes / MB).toFixed(1)} MB (${bytes} bytes), ${ROUNDS} rounds, medians`);
    console.log(`direct         ${directMBs.toFixed(1)} MB/s   [${results.direct.map((v) => v.toFixed(0)).join(', ')}]`);
    console.log(`through route  ${routeMBs.toFixed(1)} MB/s   [${results.route.map((v) => v.toFixed(0)).join(', ')}]`);
    console.log(`ratio          ${ratio.toFixed(2)}  (target ≥ 0.8) ${ratio >= 0.8 ? 'OK' : 'MISSED'}`);
    console.log(
      `peak RSS growth ${growth.toFixed(1)} MB over a ${(baseline / MB).toFixed(0)} MB baseline (target < 64 MB) ${growth < 64 ? 'OK' : 'MISSED'}`,
    );
  } finally {
    app?.close();
    child.kill();
    clearTimeout(watchdog);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
