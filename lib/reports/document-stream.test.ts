import { beforeEach, describe, expect, it } from 'vitest';
import { formatAmazonTimestamp } from '@/lib/amazon-pay';
import { checkoutUntilReturn, createHarness, START, usd, type Harness } from '@/test/sandbox-harness';
import {
  DOCUMENT_LENGTH_HEADER,
  documentFilename,
  documentResponse,
  openReportDocument,
  openReportDocumentById,
  ReportDocumentError,
  type ReportDocumentApi,
} from './document-stream';

/** The download route's streaming core against the in-process sandbox (sandbox/README.md "Reports"). */
const SETTLEMENT = '_GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA_';
const HOUR_MS = 3_600_000;
const period = {
  startTime: formatAmazonTimestamp(new Date(START - HOUR_MS)),
  endTime: formatAmazonTimestamp(new Date(START + HOUR_MS)),
};

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

async function completedSettlement(): Promise<string> {
  const id = await checkoutUntilReturn(h, { paymentIntent: 'AuthorizeWithCapture', amount: '100.00' });
  await h.client.completeCheckoutSession(id, { chargeAmount: usd('100.00') });
  const { reportId } = await h.client.createReport({ reportType: SETTLEMENT, ...period });
  h.sandbox.advance(10);
  return reportId;
}

/** The client, counting document URLs; `beforeUrl` runs before each one is handed out (to let it expire). */
function countingApi(beforeUrl: (call: number) => void = () => {}): ReportDocumentApi & { urls: () => number } {
  let urls = 0;
  return {
    getReportById: (id) => h.client.getReportById(id),
    getReportDocument: async (documentId) => {
      const document = await h.client.getReportDocument(documentId);
      beforeUrl(++urls);
      return document;
    },
    urls: () => urls,
  };
}

describe('openReportDocumentById', () => {
  it('streams the sandbox document unchanged, as a .tsv attachment', async () => {
    const reportId = await completedSettlement();
    const report = await h.client.getReportById(reportId);
    const direct = await (await h.page((await h.client.getReportDocument(report.reportDocumentId ?? '')).url)).text();

    const { opened, filename } = await openReportDocumentById(countingApi(), reportId, { fetch: h.sandbox.fetch });
    expect([opened.delimiter, opened.urlRequests]).toEqual(['\t', 1]);
    expect(filename).toBe(`GET_FLAT_FILE_OFFAMAZONPAYMENTS_SANDBOX_SETTLEMENT_DATA-${reportId}.tsv`);
    const response = documentResponse(opened, filename);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
    // The size the sandbox (like S3) declares reaches the browser, also under the name Next.js leaves alone.
    const size = String(new TextEncoder().encode(direct).byteLength);
    expect([response.headers.get('content-length'), response.headers.get(DOCUMENT_LENGTH_HEADER)]).toEqual([size, size]);
    expect(await response.text()).toBe(direct);
  });

  it('asks for a fresh URL once when the pre-signed one has expired (403 before any byte)', async () => {
    const reportId = await completedSettlement();
    // The first URL is 31 s old when used: past its 30 s life.
    const api = countingApi((call) => call === 1 && h.sandbox.advance(31));
    const { opened } = await openReportDocumentById(api, reportId, { fetch: h.sandbox.fetch });
    expect([opened.urlRequests, api.urls()]).toEqual([2, 2]);
    expect(await new Response(opened.body).text()).toContain('SettlementFileFormatVersion\tsandbox-1');
  });

  it('gives up after the second expired URL, and refuses a report without a document', async () => {
    const reportId = await completedSettlement();
    const api = countingApi(() => h.sandbox.advance(31));
    const error = await openReportDocumentById(api, reportId, { fetch: h.sandbox.fetch }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportDocumentError);
    expect([(error as ReportDocumentError).code, api.urls()]).toEqual(['Expired', 2]);

    const { reportId: pending } = await h.client.createReport({ reportType: SETTLEMENT, ...period });
    await expect(openReportDocumentById(countingApi(), pending, { fetch: h.sandbox.fetch })).rejects.toMatchObject({
      code: 'NotReady',
    });
  });
});

describe('openReportDocument', () => {
  it('does not buffer: chunks are pulled from upstream only as the consumer reads, and cancelling stops upstream', async () => {
    const CHUNKS = 1000;
    let pulled = 0;
    let cancelled = false;
    const line = new TextEncoder().encode(`${'a\tb\tc\t'.repeat(170)}\n`); // ~1 KB
    const upstream = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled >= CHUNKS) return controller.close();
          pulled++;
          controller.enqueue(line);
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const fakeFetch = (async () =>
      new Response(upstream, { headers: { 'content-length': String(CHUNKS * line.byteLength) } })) as typeof fetch;
    const opened = await openReportDocument({ getUrl: async () => ({ url: 'https://s3.test/doc' }), fetch: fakeFetch });
    expect(opened.contentLength).toBe(CHUNKS * line.byteLength);
    // Only the delimiter sniff (4 KB) has been read.
    expect(pulled).toBeLessThanOrEqual(6);

    const reader = opened.body.getReader();
    for (let i = 0; i < 20; i++) await reader.read();
    expect(pulled).toBeLessThanOrEqual(26);
    await reader.cancel();
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(CHUNKS);
  });

  it('reports a non-403 upstream failure without retrying', async () => {
    let urls = 0;
    const fakeFetch = (async () => new Response('nope', { status: 500 })) as typeof fetch;
    const error = await openReportDocument({
      getUrl: async () => ({ url: `https://s3.test/${++urls}` }),
      fetch: fakeFetch,
    }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'Upstream', upstreamStatus: 500 });
    expect(urls).toBe(1);
  });

  it('names comma-separated documents .csv', () => {
    expect(documentFilename('_GET_CSV_CUSTOM_X_', 'R1/../x', ',')).toBe('GET_CSV_CUSTOM_X-R1x.csv');
  });
});
