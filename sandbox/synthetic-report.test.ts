import { describe, expect, it } from 'vitest';
import { parseSettlementText } from '@/lib/reports/settlement';
import { call, newSandbox } from '@/test/sandbox-sdk';

/** POST /__sandbox/reports/synthetic: a large settlement document for download benchmarks, generated as it streams. */
describe('synthetic settlement report', () => {
  it('is COMPLETED at once, its document is about sizeBytes, and it parses as a settlement file', async () => {
    const sandbox = newSandbox();
    const control = await sandbox.handle(
      new Request('http://sandbox.test/__sandbox/reports/synthetic', {
        method: 'POST',
        body: JSON.stringify({ sizeBytes: 200_000 }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(control.status).toBe(201);
    const report = (await control.json()) as { reportId: string; processingStatus: string; reportDocumentId: string };
    expect(report.processingStatus).toBe('COMPLETED');

    const document = await call(sandbox, 'GET', `report-documents/${report.reportDocumentId}`);
    const text = await (await sandbox.fetch(String(document.body['url']))).text();
    const bytes = new TextEncoder().encode(text).byteLength;
    expect(bytes).toBeGreaterThanOrEqual(200_000);
    expect(bytes).toBeLessThan(200_400);
    const parsed = await parseSettlementText(text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.length).toBeGreaterThan(1000);
    expect(parsed.rows[0]).toMatchObject({ transactionType: 'Capture', currency: 'USD' });
    expect(parsed.rows.every((row) => row.net === row.amount + row.fees)).toBe(true);
  });

  it('refuses a size over 2 GB', async () => {
    const response = await newSandbox().handle(
      new Request('http://sandbox.test/__sandbox/reports/synthetic', {
        method: 'POST',
        body: JSON.stringify({ sizeBytes: 3 * 1024 ** 3 }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(response.status).toBe(400);
  });
});
