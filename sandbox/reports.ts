import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { formatAmazonTimestamp, parseAmazonTimestamp } from '@/lib/amazon-pay/signing';
import { SandboxHttpError } from './http';
import { buildDocumentLines, SETTLEMENT_TYPES, syntheticSettlementLines, TRANSACTION_TYPES } from './report-format';
import type { Store } from './state/store';

/** https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html */
export type ProcessingStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | (string & {});

export interface ReportRecord {
  reportId: string;
  reportType: string;
  startMs: number;
  endMs: number;
  createdMs: number;
  processingStatus: ProcessingStatus;
  processingStartMs: number;
  processingEndMs: number | null;
  reportDocumentId: string | null;
}

export interface ScheduleRecord {
  reportScheduleId: string;
  reportType: string;
  scheduleFrequency: string;
  nextMs: number;
}

/** The .NET SDK's Types/ScheduleFrequency.cs. */
export const FREQUENCY_MS: Record<string, number> = Object.fromEntries(
  Object.entries({
    PT5M: 5,
    PT15M: 15,
    PT30M: 30,
    PT1H: 60,
    PT2H: 120,
    PT4H: 240,
    PT8H: 480,
    PT12H: 720,
    PT24H: 1440,
    PT84H: 5040,
    P1D: 1440,
    P2D: 2880,
    P3D: 4320,
    P7D: 10080,
    P14D: 20160,
    P15D: 21600,
    P18D: 25920,
    P30D: 43200,
  }).map(([key, minutes]) => [key, minutes * 60_000]),
);

/** A report document's pre-signed URL is valid for 30 seconds (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html). */
export const DOCUMENT_URL_TTL_MS = 30_000;
const RETENTION_MS = 90 * 24 * 60 * 60 * 1000;

const CREATABLE = new Set<string>([SETTLEMENT_TYPES[0], ...TRANSACTION_TYPES]);

export function parseReportTime(value: string, field: string): number {
  // Accepts an Amazon doc sample's 2022-08-04T00-00-00Z too (docs/amazon-pay-decisions.md).
  const fixed = value.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}Z)$/, '$1:$2:$3');
  const date = parseAmazonTimestamp(fixed);
  if (!date) throw new SandboxHttpError(400, 'InvalidParameterValue', `The value provided for '${field}' is invalid.`);
  return date.getTime();
}

const newId = (prefix: string) => `${prefix}${randomBytes(8).toString('hex').toUpperCase()}`;
/** Amazon's document ids look like amzn1.tortuga.3.<uuid>.<suffix> (https://github.com/amzn/amazon-pay-api-sdk-nodejs, tst/). */
const newDocumentId = () => `amzn1.tortuga.3.${randomUUID()}.T${randomBytes(7).toString('hex').toUpperCase().slice(0, 13)}`;

export class ReportService {
  readonly reports = new Map<string, ReportRecord>();
  readonly schedules = new Map<string, ScheduleRecord>();
  /** Each document as a source of lines (built ones from an array, synthetic ones generated as they stream) and its size. */
  private readonly documents = new Map<string, StoredDocument>();
  private readonly urlSecret = randomBytes(32);

  constructor(
    private readonly store: Store,
    private readonly merchantId: () => string,
  ) {}

  reset(): void {
    this.reports.clear();
    this.schedules.clear();
    this.documents.clear();
  }

  createReport(reportType: string, startMs: number, endMs: number): ReportRecord {
    if (!CREATABLE.has(reportType))
      throw new SandboxHttpError(400, 'InvalidParameterValue', `Reports of type ${reportType} cannot be created in Sandbox.`);
    if (endMs <= startMs) throw new SandboxHttpError(400, 'InvalidParameterValue', 'endTime must be after startTime.');
    const now = this.store.nowMs();
    const report: ReportRecord = {
      reportId: newId('R'),
      reportType,
      startMs,
      endMs,
      createdMs: now,
      processingStatus: 'IN_PROGRESS',
      processingStartMs: now,
      processingEndMs: null,
      reportDocumentId: null,
    };
    this.reports.set(report.reportId, report);
    this.store.schedule(this.store.timings.reportSeconds, () => this.finish(report));
    return report;
  }

  /** The document is cut when processing ends; no rows means CANCELLED, as Amazon does
   * (https://developer.amazon.com/docs/amazon-pay-reports/requesting-sandbox-settlement-reports.html).
   */
  private finish(report: ReportRecord): void {
    const settlementId = String(randomInt(10_000_000, 99_999_999));
    const lines = buildDocumentLines(
      this.store,
      this.merchantId(),
      report.reportType,
      report.startMs,
      report.endMs,
      settlementId,
    );
    report.processingEndMs = this.store.nowMs();
    if (lines.length === 0) {
      report.processingStatus = 'CANCELLED';
      return;
    }
    const documentId = newDocumentId();
    this.documents.set(
      documentId,
      storedDocument(() => lines[Symbol.iterator]()),
    );
    report.reportDocumentId = documentId;
    report.processingStatus = 'COMPLETED';
  }

  /**
   * A COMPLETED settlement report of about `sizeBytes`, for download benchmarks.
   * Its rows are generated while the document streams, so the emulator's memory
   * stays flat however large it is (POST /__sandbox/reports/synthetic).
   */
  createSyntheticReport(sizeBytes: number): ReportRecord {
    // Whole seconds, as the API shows them: a client can regenerate the exact document from the report's period.
    const now = Math.floor(this.store.nowMs() / 1000) * 1000;
    const documentId = newDocumentId();
    const report: ReportRecord = {
      reportId: newId('R'),
      reportType: SETTLEMENT_TYPES[0],
      startMs: now - 3_600_000,
      endMs: now,
      createdMs: now,
      processingStatus: 'COMPLETED',
      processingStartMs: now,
      processingEndMs: now,
      reportDocumentId: documentId,
    };
    this.reports.set(report.reportId, report);
    const merchantId = this.merchantId();
    this.documents.set(
      documentId,
      storedDocument(() => syntheticSettlementLines(merchantId, report.startMs, report.endMs, sizeBytes)),
    );
    return report;
  }

  report(id: string): ReportRecord {
    const report = this.reports.get(id);
    if (!report) throw new SandboxHttpError(404, 'ResourceNotFound', `Report ${id} does not exist.`);
    return report;
  }

  listReports(filter: {
    reportTypes?: string[];
    processingStatuses?: string[];
    createdSinceMs?: number;
    createdUntilMs?: number;
  }): ReportRecord[] {
    const now = this.store.nowMs();
    const since = filter.createdSinceMs ?? now - RETENTION_MS;
    const until = filter.createdUntilMs ?? now;
    return [...this.reports.values()]
      .filter(
        (r) =>
          (!filter.reportTypes || filter.reportTypes.includes(r.reportType)) &&
          (!filter.processingStatuses || filter.processingStatuses.includes(r.processingStatus)),
      )
      .filter((r) => r.createdMs >= since && r.createdMs <= until)
      .sort((a, b) => b.createdMs - a.createdMs || a.reportId.localeCompare(b.reportId));
  }

  documentUrl(documentId: string, baseUrl: string): string {
    if (!this.documents.has(documentId))
      throw new SandboxHttpError(404, 'ResourceNotFound', `Report document ${documentId} does not exist.`);
    const expires = this.store.nowMs() + DOCUMENT_URL_TTL_MS;
    return `${baseUrl}/__sandbox/report-documents/${documentId}?expires=${expires}&signature=${this.sign(documentId, expires)}`;
  }

  private sign(documentId: string, expires: number): string {
    return createHmac('sha256', this.urlSecret).update(`${documentId}\n${expires}`).digest('hex');
  }

  /**
   * Serves the pre-signed URL: S3-style 403 once expired or tampered; the body streams line by line.
   * S3 answers a GET with the object's Content-Length
   * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html), so the emulator sends it too.
   */
  download(documentId: string, expiresParam: string | null, signature: string | null): Response {
    const source = this.documents.get(documentId);
    const expires = Number(expiresParam);
    const expected = Buffer.from(this.sign(documentId, expires));
    const given = Buffer.from(signature ?? '');
    if (!source || !Number.isFinite(expires) || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return s3Error('AccessDenied', 'Request signature does not match.');
    }
    if (this.store.nowMs() > expires) return s3Error('AccessDenied', 'Request has expired');
    const lines = source.lines();
    const encoder = new TextEncoder();
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // ~500 lines per chunk keeps memory flat for large documents.
        let text = '';
        for (let count = 0; count < 500; count++) {
          const next = lines.next();
          if (next.done) break;
          text += `${next.value}\n`;
        }
        if (text === '') controller.close();
        else controller.enqueue(encoder.encode(text));
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': String(source.sizeBytes) },
    });
  }

  createSchedule(input: {
    reportType: string;
    scheduleFrequency: string;
    nextReportCreationTime?: string;
    deleteExistingSchedule: boolean;
  }): ScheduleRecord {
    if (!CREATABLE.has(input.reportType))
      throw new SandboxHttpError(400, 'InvalidParameterValue', `Reports of type ${input.reportType} cannot be scheduled.`);
    const frequency = FREQUENCY_MS[input.scheduleFrequency];
    if (frequency === undefined)
      throw new SandboxHttpError(400, 'InvalidParameterValue', `The value provided for 'scheduleFrequency' is invalid.`);
    const existing = [...this.schedules.values()].find((s) => s.reportType === input.reportType);
    if (existing) {
      // One schedule per report type; replacing it must be asked for.
      if (!input.deleteExistingSchedule)
        throw new SandboxHttpError(
          409,
          'InvalidRequest',
          `A schedule for ${input.reportType} already exists; set deleteExistingSchedule to replace it.`,
        );
      this.schedules.delete(existing.reportScheduleId);
    }
    const now = this.store.nowMs();
    const nextMs = input.nextReportCreationTime
      ? parseReportTime(input.nextReportCreationTime, 'nextReportCreationTime')
      : now + frequency;
    const schedule: ScheduleRecord = {
      reportScheduleId: newId('S'),
      reportType: input.reportType,
      scheduleFrequency: input.scheduleFrequency,
      nextMs,
    };
    this.schedules.set(schedule.reportScheduleId, schedule);
    this.armSchedule(schedule, frequency);
    return schedule;
  }

  schedule(id: string): ScheduleRecord {
    const schedule = this.schedules.get(id);
    if (!schedule) throw new SandboxHttpError(404, 'ResourceNotFound', `Report schedule ${id} does not exist.`);
    return schedule;
  }

  cancelSchedule(id: string): void {
    this.schedule(id);
    this.schedules.delete(id);
  }

  /** Each run is a store task at nextReportCreationTime, so reports appear as the clock advances, in time order. */
  private armSchedule(schedule: ScheduleRecord, frequency: number): void {
    this.store.scheduleAt(schedule.nextMs, () => {
      // Canceled or replaced meanwhile: the chain stops here.
      if (this.schedules.get(schedule.reportScheduleId) !== schedule) return;
      this.createReport(schedule.reportType, schedule.nextMs - frequency, schedule.nextMs);
      schedule.nextMs += frequency;
      this.armSchedule(schedule, frequency);
    });
  }
}

interface StoredDocument {
  readonly lines: () => Iterator<string>;
  readonly sizeBytes: number;
}

/**
 * Measured once when the document is cut, not per download: one pass over a generated 200 MB
 * document took 2.7 s on a shared two-core machine, paid by `reports/synthetic` before any timing starts.
 */
function storedDocument(lines: () => Iterator<string>): StoredDocument {
  let sizeBytes = 0;
  const iterator = lines();
  for (let next = iterator.next(); !next.done; next = iterator.next()) sizeBytes += Buffer.byteLength(next.value) + 1;
  return { lines, sizeBytes };
}

export function serializeReport(report: ReportRecord) {
  const ts = (ms: number | null) => (ms === null ? null : formatAmazonTimestamp(new Date(ms)));
  return {
    reportId: report.reportId,
    reportType: report.reportType,
    startTime: ts(report.startMs),
    endTime: ts(report.endMs),
    createdTime: ts(report.createdMs),
    processingStatus: report.processingStatus,
    processingStartTime: ts(report.processingStartMs),
    processingEndTime: ts(report.processingEndMs),
    reportDocumentId: report.reportDocumentId,
  };
}

export function serializeSchedule(schedule: ScheduleRecord) {
  return {
    reportScheduleId: schedule.reportScheduleId,
    reportType: schedule.reportType,
    scheduleFrequency: schedule.scheduleFrequency,
    nextReportCreationTime: formatAmazonTimestamp(new Date(schedule.nextMs)),
  };
}

function s3Error(code: string, message: string): Response {
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    {
      status: 403,
      headers: { 'content-type': 'application/xml' },
    },
  );
}
