import { SandboxHttpError } from './http';

const COMPLETE_CODES = ['BuyerCanceled', 'AmazonCanceled', 'Declined', 'AuthorizationInitiated'] as const;

/**
 * `x-amz-pay-simulation-code` per operation (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html).
 * This is the subset integrations rely on (docs/amazon-pay-decisions.md) plus pending variants
 * (AuthorizationInitiated, CaptureInitiated, RefundInitiated) that hold the object
 * in its pending state until the clock resolves it. A code outside an operation's
 * list, or on an operation without simulations, is 400 InvalidSandboxSimulationSpecified.
 */
export const SIMULATIONS = {
  completeCheckoutSession: COMPLETE_CODES,
  // Remembered by the session and applied by Complete when Complete brings no code of its own.
  updateCheckoutSession: COMPLETE_CODES,
  // Finalize completes through the same code, so it takes the same codes.
  finalizeCheckoutSession: COMPLETE_CODES,
  createCharge: [
    'SoftDeclined',
    'HardDeclined',
    'AmazonRejected',
    'TransactionTimedOut',
    'AuthorizationInitiated',
    'CaptureInitiated',
  ],
  captureCharge: ['CaptureInitiated', 'AmazonRejected'],
  closeChargePermission: ['AmazonClosed'],
  createRefund: ['AmazonRejected', 'RefundInitiated'],
} as const;

export type SimulatedOperation = keyof typeof SIMULATIONS;
export type SimulationCode<O extends SimulatedOperation> = (typeof SIMULATIONS)[O][number];

export function simulationFor<O extends SimulatedOperation>(operation: O, header: string | null): SimulationCode<O> | null {
  if (header === null || header.trim() === '') return null;
  const code = header.trim();
  const allowed: readonly string[] = SIMULATIONS[operation];
  if (!allowed.includes(code)) throw invalidSimulation(code);
  return code as SimulationCode<O>;
}

/** For operations that take no simulation at all. */
export function rejectSimulation(header: string | null): void {
  if (header !== null && header.trim() !== '') throw invalidSimulation(header.trim());
}

function invalidSimulation(code: string): SandboxHttpError {
  return new SandboxHttpError(
    400,
    'InvalidSandboxSimulationSpecified',
    `The simulation code '${code}' is not valid for this operation.`,
  );
}

/** Magic wallet cards (https://developer.amazon.com/docs/amazon-pay-checkout/sandbox-simulations.html). */
export type CardBehaviour = 'Approve' | 'BuyerCanceled' | 'Declined' | 'PendingAuthorized' | 'PendingDeclined';

export function cardBehaviour(last4: string): CardBehaviour {
  switch (last4) {
    case '3064':
      return 'BuyerCanceled';
    case '3434':
      return 'Declined';
    case '0701':
      return 'PendingAuthorized';
    case '4354':
      return 'PendingDeclined';
    default:
      return 'Approve';
  }
}
