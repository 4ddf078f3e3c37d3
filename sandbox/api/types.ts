import type { SandboxContext } from '../context';
import type { RawRequest } from '../http';
import type { IdempotencyRule } from '../idempotency';

export interface OperationCall {
  ctx: SandboxContext;
  request: RawRequest;
  params: string[];
  simulationHeader: string | null;
  body(): unknown;
}

export interface Operation {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matched against the resource path after `/v2/`, trailing slashes removed. */
  pattern: RegExp;
  idempotency: IdempotencyRule;
  /** false: the operation takes no simulation header at all. */
  simulations?: boolean;
  run(call: OperationCall): Response;
}
