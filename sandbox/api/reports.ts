import { z } from 'zod';
import { SandboxHttpError } from '../http';
import { parseReportTime, serializeReport, serializeSchedule } from '../reports';
import { parseBody } from '../schemas';
import type { Operation } from './types';

const createReportSchema = z.strictObject({
  reportType: z.string().min(1),
  startTime: z.string().min(1),
  endTime: z.string().min(1),
});
const createScheduleSchema = z.strictObject({
  reportType: z.string().min(1),
  scheduleFrequency: z.string().min(1),
  nextReportCreationTime: z.string().optional(),
  deleteExistingSchedule: z.boolean().optional(),
});

const list = (value: string | null) =>
  value
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : undefined;

interface PageToken {
  reportTypes?: string[];
  processingStatuses?: string[];
  createdSinceMs?: number;
  createdUntilMs?: number;
  pageSize: number;
  offset: number;
}

const pageTokenSchema = z.object({
  reportTypes: z.array(z.string()).optional(),
  processingStatuses: z.array(z.string()).optional(),
  createdSinceMs: z.number().optional(),
  createdUntilMs: z.number().optional(),
  pageSize: z.number().int(),
  offset: z.number().int(),
});

const encodeToken = (token: PageToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

function decodeToken(value: string): PageToken {
  try {
    return pageTokenSchema.parse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
  } catch {
    throw new SandboxHttpError(400, 'InvalidParameterValue', "The value provided for 'nextToken' is invalid.");
  }
}

export const reportRoutes: Operation[] = [
  {
    name: 'getReports',
    method: 'GET',
    pattern: /^reports$/,
    idempotency: 'none',
    run: ({ ctx, request }) => {
      const q = request.url.searchParams;
      let token: PageToken;
      const next = q.get('nextToken');
      if (next) {
        // Reports API doc: "include this token as the only parameter".
        if ([...q.keys()].some((key) => key !== 'nextToken'))
          throw new SandboxHttpError(400, 'InvalidParameterCombination', 'nextToken must be the only parameter.');
        token = decodeToken(next);
      } else {
        const pageSize = q.get('pageSize') === null ? 10 : Number(q.get('pageSize'));
        if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
          throw new SandboxHttpError(400, 'InvalidParameterValue', "The value provided for 'pageSize' is invalid.");
        const since = q.get('createdSince');
        const until = q.get('createdUntil');
        token = {
          pageSize,
          offset: 0,
          ...(list(q.get('reportTypes')) ? { reportTypes: list(q.get('reportTypes')) } : {}),
          ...(list(q.get('processingStatuses')) ? { processingStatuses: list(q.get('processingStatuses')) } : {}),
          ...(since ? { createdSinceMs: parseReportTime(since, 'createdSince') } : {}),
          ...(until ? { createdUntilMs: parseReportTime(until, 'createdUntil') } : {}),
        };
      }
      const all = ctx.reports.listReports(token);
      const page = all.slice(token.offset, token.offset + token.pageSize);
      const more = token.offset + token.pageSize < all.length;
      return Response.json({
        reports: page.map(serializeReport),
        ...(more ? { nextToken: encodeToken({ ...token, offset: token.offset + token.pageSize }) } : {}),
      });
    },
  },
  {
    name: 'getReportById',
    method: 'GET',
    pattern: /^reports\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => Response.json(serializeReport(ctx.reports.report(params[0] ?? ''))),
  },
  {
    name: 'createReport',
    method: 'POST',
    pattern: /^reports$/,
    idempotency: 'optional',
    run: ({ ctx, body }) => {
      const input = parseBody(createReportSchema, body());
      const report = ctx.reports.createReport(
        input.reportType,
        parseReportTime(input.startTime, 'startTime'),
        parseReportTime(input.endTime, 'endTime'),
      );
      return Response.json({ reportId: report.reportId }, { status: 201 });
    },
  },
  {
    name: 'getReportDocument',
    method: 'GET',
    pattern: /^report-documents\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => {
      const id = params[0] ?? '';
      return Response.json({
        reportDocumentId: id,
        url: ctx.reports.documentUrl(id, ctx.publicBaseUrl()),
        compressionAlgorithm: 'N/A',
      });
    },
  },
  {
    name: 'getReportSchedules',
    method: 'GET',
    pattern: /^report-schedules$/,
    idempotency: 'none',
    run: ({ ctx, request }) => {
      const types = list(request.url.searchParams.get('reportTypes'));
      const schedules = [...ctx.reports.schedules.values()].filter((s) => !types || types.includes(s.reportType));
      return Response.json({ reportSchedules: schedules.map(serializeSchedule) });
    },
  },
  {
    name: 'getReportScheduleById',
    method: 'GET',
    pattern: /^report-schedules\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => Response.json(serializeSchedule(ctx.reports.schedule(params[0] ?? ''))),
  },
  {
    name: 'createReportSchedule',
    method: 'POST',
    pattern: /^report-schedules$/,
    idempotency: 'optional',
    run: ({ ctx, body, request }) => {
      const input = parseBody(createScheduleSchema, body());
      // The docs put deleteExistingSchedule in the query
      // (https://developer.amazon.com/docs/amazon-pay-reports/managing-report-schedules.html),
      // the SDKs in the body; accept both.
      const fromQuery = request.url.searchParams.get('deleteExistingSchedule') === 'true';
      const schedule = ctx.reports.createSchedule({
        ...input,
        deleteExistingSchedule: input.deleteExistingSchedule ?? fromQuery,
      });
      return Response.json({ reportScheduleId: schedule.reportScheduleId }, { status: 201 });
    },
  },
  {
    name: 'cancelReportSchedule',
    method: 'DELETE',
    pattern: /^report-schedules\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => {
      ctx.reports.cancelSchedule(params[0] ?? '');
      return Response.json({});
    },
  },
];
