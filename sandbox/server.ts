import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { RawRequest } from './http';
import { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
import { errorFields, log } from '@/lib/log';

export interface SandboxServerOptions extends SandboxOptions {
  /** 0 picks a free port (tests must use 0). */
  port: number;
  host?: string;
  /** Serve an existing sandbox instead of creating one. */
  sandbox?: Sandbox;
  /** How often real time is turned into sandbox ticks, so pending charges settle and IPNs fire without requests. */
  tickIntervalMs?: number;
}

export interface SandboxServer {
  url: string;
  sandbox: Sandbox;
  close(): Promise<void>;
}

async function toRaw(req: IncomingMessage): Promise<RawRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] ?? '', req.rawHeaders[i + 1] ?? '');
  // Only the path and query matter; the host is whatever the client connected to.
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  return { method: (req.method ?? 'GET').toUpperCase(), url, headers, body: new Uint8Array(Buffer.concat(chunks)) };
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string[]> = {};
  response.headers.forEach((value, name) => {
    (headers[name] ??= []).push(value);
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  // Streams large report documents instead of buffering them.
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject);
  });
}

export async function startSandboxServer(options: SandboxServerOptions): Promise<SandboxServer> {
  const host = options.host ?? '127.0.0.1';
  const sandbox = options.sandbox ?? createSandbox(options);
  const server = createServer((req, res) => {
    toRaw(req)
      .then((raw) => sandbox.handleRaw(raw))
      .then((response) => send(res, response))
      .catch((error: unknown) => {
        log.error({ context: 'sandbox', ...errorFields(error) }, 'request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ reasonCode: 'InternalServerError', message: 'The sandbox failed unexpectedly.' }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  if (!options.publicBaseUrl) sandbox.setPublicBaseUrl(url);
  const ticker = setInterval(() => sandbox.store.tick(), options.tickIntervalMs ?? 1000);
  ticker.unref();
  return {
    url,
    sandbox,
    close: async () => {
      clearInterval(ticker);
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
