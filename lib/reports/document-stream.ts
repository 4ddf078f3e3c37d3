import { detectDelimiter, type Delimiter } from './delimiter';

/**
 * Streams a report document from its pre-signed URL
 * (https://developer.amazon.com/docs/amazon-pay-reports/downloading-reports.html). The URL lives for 30 seconds, so
 * it is asked for right before
 * the download; if it has expired anyway (S3 answers 403 before any byte) one
 * fresh URL is asked for. The body is passed through, never buffered: only the
 * first few KB are held to detect the delimiter for the file name.
 */
export type DocumentErrorCode = 'NotReady' | 'Expired' | 'Upstream' | 'Network';

export class ReportDocumentError extends Error {
  override readonly name = 'ReportDocumentError';
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
    readonly upstreamStatus: number | null = null,
  ) {
    super(message);
  }
}

export interface OpenDocumentOptions {
  /** Returns a fresh pre-signed URL (getReportDocument) and its compression. */
  getUrl: () => Promise<{ url: string; compressionAlgorithm?: string | null }>;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

export interface OpenedDocument {
  readonly body: ReadableStream<Uint8Array>;
  /** Only when the bytes pass through unchanged (no decompression). */
  readonly contentLength: number | null;
  readonly delimiter: Delimiter;
  /** How many URLs were asked for: 2 after an expired one. */
  readonly urlRequests: number;
}

/** Enough for a preamble and the header row: what detectDelimiter looks at. */
const SNIFF_BYTES = 4096;

async function fetchOnce(options: OpenDocumentOptions): Promise<{ response: Response; gzip: boolean }> {
  const { url, compressionAlgorithm } = await options.getUrl();
  const doFetch = options.fetch ?? globalThis.fetch;
  try {
    // A pre-signed URL is single-use in spirit: never cached. The signal (always one) also keeps React's
    // render-time fetch memoization from cloning the body, which would hold a copy of the whole document.
    const response = await doFetch(url, { cache: 'no-store', signal: options.signal ?? new AbortController().signal });
    return { response, gzip: compressionAlgorithm?.toUpperCase() === 'GZIP' };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ReportDocumentError(
      'Network',
      `The report document could not be reached: ${error instanceof Error ? error.message : 'network error'}.`,
    );
  }
}

export async function openReportDocument(options: OpenDocumentOptions): Promise<OpenedDocument> {
  let urlRequests = 1;
  let { response, gzip } = await fetchOnce(options);
  if (response.status === 403) {
    // Nothing was sent to the browser yet, so a second URL is safe; a second 403 is not retried.
    await response.body?.cancel().catch(() => undefined);
    urlRequests++;
    ({ response, gzip } = await fetchOnce(options));
    if (response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      throw new ReportDocumentError('Expired', 'The report document link expired twice in a row; try the download again.', 403);
    }
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    throw new ReportDocumentError('Upstream', `The report document answered HTTP ${response.status}.`, response.status);
  }
  const declared = Number(response.headers.get('content-length'));
  const contentLength = !gzip && Number.isSafeInteger(declared) && declared > 0 ? declared : null;
  const raw = gzip ? response.body.pipeThrough(new DecompressionStream('gzip')) : response.body;
  const { delimiter, body } = await sniffDelimiter(raw);
  return { body, contentLength, delimiter, urlRequests };
}

/** Reads the first few KB, then hands out a stream that replays them and pulls the rest on demand. */
async function sniffDelimiter(
  source: ReadableStream<Uint8Array>,
): Promise<{ delimiter: Delimiter; body: ReadableStream<Uint8Array> }> {
  const reader = source.getReader();
  const head: Uint8Array[] = [];
  let bytes = 0;
  let done = false;
  const decoder = new TextDecoder();
  let text = '';
  while (bytes < SNIFF_BYTES) {
    const next = await reader.read();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    bytes += next.value.byteLength;
    text += decoder.decode(next.value, { stream: true });
  }
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const queued = head.shift();
        if (queued) return controller.enqueue(queued);
        if (done) return controller.close();
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // A few chunks of read-ahead (upstream chunks are ~64 KB) keep both sockets busy; memory stays bounded.
    { highWaterMark: 4 },
  );
  return { delimiter: detectDelimiter(text), body };
}

/** `<type>-<id>.tsv`: the type without Amazon's framing underscores, both reduced to safe characters. */
export function documentFilename(reportType: string, reportId: string, delimiter: Delimiter): string {
  const safe = (value: string) => value.replace(/^_+|_+$/g, '').replace(/[^A-Za-z0-9_-]/g, '') || 'report';
  return `${safe(reportType)}-${safe(reportId)}.${delimiter === ',' ? 'csv' : 'tsv'}`;
}

/** The document's size in bytes, as Amazon's storage declared it. */
export const DOCUMENT_LENGTH_HEADER = 'x-document-length';

/** The browser response for an opened document: an attachment, streamed. */
export function documentResponse(opened: OpenedDocument, filename: string): Response {
  const headers = new Headers({
    'content-type': opened.delimiter === ',' ? 'text/csv; charset=utf-8' : 'text/tab-separated-values; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    // Reports hold the merchant's transactions: nothing in between may keep a copy.
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  });
  if (opened.contentLength !== null) {
    headers.set('content-length', String(opened.contentLength));
    // Next.js drops Content-Length from a route handler's response (it may re-frame or gzip the body), so the
    // size also travels under a name of its own for the download's progress. It counts the document's bytes,
    // which is what the browser's reader sees even when the body reaches it gzipped.
    headers.set(DOCUMENT_LENGTH_HEADER, String(opened.contentLength));
  }
  return new Response(opened.body, { status: 200, headers });
}

/** The two report operations the download needs; the Amazon Pay client has them (lib/amazon-pay). */
export interface ReportDocumentApi {
  getReportById(
    reportId: string,
  ): Promise<{ reportId: string; reportType: string; processingStatus: string; reportDocumentId?: string | null | undefined }>;
  getReportDocument(reportDocumentId: string): Promise<{ url: string; compressionAlgorithm?: string | null | undefined }>;
}

/** Looks the report up, then opens its document with a URL fetched just in time (and once more if it expired). */
export async function openReportDocumentById(
  api: ReportDocumentApi,
  reportId: string,
  options: Pick<OpenDocumentOptions, 'fetch' | 'signal'> = {},
): Promise<{ opened: OpenedDocument; filename: string; reportType: string }> {
  const report = await api.getReportById(reportId);
  const documentId = report.reportDocumentId;
  if (report.processingStatus !== 'COMPLETED' || !documentId) {
    throw new ReportDocumentError('NotReady', `Report ${reportId} has no document (status ${report.processingStatus}).`);
  }
  const opened = await openReportDocument({ ...options, getUrl: () => api.getReportDocument(documentId) });
  return {
    opened,
    filename: documentFilename(report.reportType, report.reportId, opened.delimiter),
    reportType: report.reportType,
  };
}
