import { z } from 'zod';
import { json } from './http';

/** Injected failures for the next N matching calls (429s, 5xx, latency). */
export const faultSchema = z.object({
  operation: z.string().optional(),
  status: z.number().int().min(200).max(599).optional(),
  count: z.number().int().min(1).default(1),
  delayMs: z.number().int().min(0).max(60_000).optional(),
});
export type FaultInput = z.infer<typeof faultSchema>;

interface Fault {
  operation: string | null;
  status: number | null;
  remaining: number;
  delayMs: number;
}

const REASON_BY_STATUS: Record<number, string> = {
  408: 'RequestTimeout',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export class FaultInjector {
  private faults: Fault[] = [];

  add(input: FaultInput): void {
    this.faults.push({
      operation: input.operation ?? null,
      status: input.status ?? null,
      remaining: input.count,
      delayMs: input.delayMs ?? 0,
    });
  }

  clear(): void {
    this.faults = [];
  }

  list(): ReadonlyArray<Readonly<Fault>> {
    return this.faults;
  }

  /** Consumes the first matching fault; waits its delay; returns an error response if it has a status. */
  async apply(operation: string): Promise<Response | null> {
    const fault = this.faults.find((f) => f.remaining > 0 && (f.operation === null || f.operation === operation));
    if (!fault) return null;
    fault.remaining -= 1;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.status === null || fault.status < 400) return null;
    const reasonCode = REASON_BY_STATUS[fault.status] ?? (fault.status >= 500 ? 'InternalServerError' : 'InvalidRequest');
    return json(
      fault.status,
      { reasonCode, message: `Injected fault (${operation}).` },
      fault.status === 429 ? { 'retry-after': '1' } : {},
    );
  }
}
