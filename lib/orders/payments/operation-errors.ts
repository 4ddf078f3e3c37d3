import { UserFacingError } from '@/lib/errors';
import { adminMessageFor } from '@/lib/auth/admin-errors';

/** We refused before calling Amazon: our stored state says the operation cannot work. */
export class OperationRefusedError extends UserFacingError {
  constructor(message: string) {
    super(message, 'operation_refused');
  }
}

/** Amazon refused; the message carries its reasonCode in words. */
export class AmazonRefusedError extends UserFacingError {
  constructor(readonly reasonCode: string) {
    super(adminMessageFor(reasonCode), 'amazon_refused');
  }
}

/** A twin request (double click, second tab) holds the same key and has not finished yet. */
export class OperationInProgressError extends UserFacingError {
  constructor() {
    super('This operation is already being processed. Refresh in a moment to see the result.', 'operation_in_progress');
  }
}

/** Amazon did not answer (a timeout, throttling, a 5xx): the operation is kept and finished by the resync. */
export class AmazonUnavailableError extends UserFacingError {
  constructor() {
    super(
      'Amazon Pay did not answer in time. The operation is kept and checked again automatically; refresh in a minute to see the result.',
      'amazon_unavailable',
    );
  }
}
