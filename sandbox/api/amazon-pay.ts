import { z } from 'zod';
import { verifyRequest } from '../auth';
import type { SandboxContext } from '../context';
import { errorResponse, json, missingField, parseJsonBody, SandboxHttpError, type RawRequest } from '../http';

import {
  cancelChargeSchema,
  captureChargeSchema,
  closeChargePermissionSchema,
  completeCheckoutSessionSchema,
  createChargeSchema,
  createCheckoutSessionSchema,
  createRefundSchema,
  deliveryTrackerSchema,
  finalizeCheckoutSessionSchema,
  parseBody,
  toMoney,
  updateChargePermissionSchema,
  updateCheckoutSessionSchema,
} from '../schemas';
import {
  serializeBuyer,
  serializeCharge,
  serializeChargePermission,
  serializeCheckoutSession,
  serializeRefund,
} from '../serialize';
import { rejectSimulation, simulationFor } from '../simulations';
import { authorize, cancel, capture, outcomeForCreateCharge } from '../state/charge';
import { closeChargePermission, updateChargePermission } from '../state/charge-permission';
import { completeCheckoutSession, createCheckoutSession, updateCheckoutSession } from '../state/checkout-session';
import { finalizeCheckoutSession } from '../state/finalize';
import { createRefund } from '../state/refund';
import { reportRoutes } from './reports';
import { errorFields, log } from '@/lib/log';
import type { Operation } from './types';

export type { Operation, OperationCall } from './types';

const ok = (body: unknown, status = 200) => json(status, body);

const operations: Operation[] = [
  {
    name: 'getBuyer',
    method: 'GET',
    pattern: /^buyers\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => {
      const token = params[0] ?? '';
      const buyerId = ctx.store.buyerTokens.get(token);
      const buyer = buyerId ? serializeBuyer(buyerId, ctx.store.buyerTokenScopes.get(token) ?? []) : null;
      if (!buyer) throw new SandboxHttpError(404, 'ResourceNotFound', 'The buyerToken is invalid or has expired.');
      return ok(buyer);
    },
  },
  {
    name: 'createCheckoutSession',
    method: 'POST',
    pattern: /^checkoutSessions$/,
    idempotency: 'required',
    run: ({ ctx, body }) =>
      ok(
        serializeCheckoutSession(
          createCheckoutSession(ctx.store, parseBody(createCheckoutSessionSchema, body())),
          ctx.publicBaseUrl(),
        ),
        201,
      ),
  },
  {
    name: 'getCheckoutSession',
    method: 'GET',
    pattern: /^checkoutSessions\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => ok(serializeCheckoutSession(ctx.store.session(params[0] ?? ''), ctx.publicBaseUrl())),
  },
  {
    name: 'updateCheckoutSession',
    method: 'PATCH',
    pattern: /^checkoutSessions\/([^/]+)$/,
    idempotency: 'none',
    // WooCommerce and SFCC send CheckoutSession codes here; Complete applies them (sandbox/README.md).
    simulations: true,
    run: ({ ctx, params, body, simulationHeader }) => {
      const session = ctx.store.session(params[0] ?? '');
      const simulation = simulationFor('updateCheckoutSession', simulationHeader);
      updateCheckoutSession(session, parseBody(updateCheckoutSessionSchema, body()), simulation);
      return ok(serializeCheckoutSession(session, ctx.publicBaseUrl()));
    },
  },
  {
    name: 'completeCheckoutSession',
    method: 'POST',
    pattern: /^checkoutSessions\/([^/]+)\/complete$/,
    idempotency: 'optional',
    simulations: true,
    run: ({ ctx, params, body, simulationHeader }) => {
      const session = ctx.store.session(params[0] ?? '');
      const simulation = simulationFor('completeCheckoutSession', simulationHeader);
      completeCheckoutSession(ctx.store, session, parseBody(completeCheckoutSessionSchema, body()), simulation);
      return ok(serializeCheckoutSession(session, ctx.publicBaseUrl()));
    },
  },
  {
    name: 'finalizeCheckoutSession',
    method: 'POST',
    pattern: /^checkoutSessions\/([^/]+)\/finalize$/,
    idempotency: 'optional',
    simulations: true,
    run: ({ ctx, params, body, simulationHeader }) => {
      const session = ctx.store.session(params[0] ?? '');
      const simulation = simulationFor('finalizeCheckoutSession', simulationHeader);
      finalizeCheckoutSession(ctx.store, session, parseBody(finalizeCheckoutSessionSchema, body()), simulation);
      return ok(serializeCheckoutSession(session, ctx.publicBaseUrl()));
    },
  },
  {
    name: 'getChargePermission',
    method: 'GET',
    pattern: /^chargePermissions\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => ok(serializeChargePermission(ctx.store, ctx.store.permission(params[0] ?? ''))),
  },
  {
    name: 'updateChargePermission',
    method: 'PATCH',
    pattern: /^chargePermissions\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params, body }) => {
      const record = ctx.store.permission(params[0] ?? '');
      updateChargePermission(record, parseBody(updateChargePermissionSchema, body()));
      return ok(serializeChargePermission(ctx.store, record));
    },
  },
  {
    name: 'closeChargePermission',
    method: 'DELETE',
    pattern: /^chargePermissions\/([^/]+)\/close$/,
    idempotency: 'none',
    simulations: true,
    run: ({ ctx, params, body, simulationHeader }) => {
      const record = ctx.store.permission(params[0] ?? '');
      const simulation = simulationFor('closeChargePermission', simulationHeader);
      closeChargePermission(ctx.store, record, parseBody(closeChargePermissionSchema, body()), simulation, (chargeId) =>
        cancel(ctx.store, ctx.store.charge(chargeId), 'Charge Permission closed', 'ChargePermissionCanceled'),
      );
      return ok(serializeChargePermission(ctx.store, record));
    },
  },
  {
    name: 'createCharge',
    method: 'POST',
    pattern: /^charges$/,
    idempotency: 'required',
    simulations: true,
    run: ({ ctx, body, simulationHeader }) => {
      const input = parseBody(createChargeSchema, body());
      const simulation = simulationFor('createCharge', simulationHeader);
      // "You can only use this parameter if CaptureNow is set to true" (https://developer.amazon.com/docs/amazon-pay-api-v2/charge.html).
      if (input.softDescriptor !== undefined && input.captureNow !== true)
        throw new SandboxHttpError(
          400,
          'InvalidParameterCombination',
          'softDescriptor can only be used when captureNow is set to true.',
        );
      const permission = ctx.store.permission(input.chargePermissionId);
      const charge = authorize(ctx.store, permission, {
        amount: toMoney(input.chargeAmount, 'chargeAmount'),
        captureNow: input.captureNow ?? false,
        softDescriptor: input.softDescriptor ?? null,
        merchantMetadata: input.merchantMetadata ?? {},
        platformId: input.platformId ?? permission.platformId,
        providerReferenceId: input.providerMetadata?.providerReferenceId ?? null,
        checkoutResultReturnUrl: input.webCheckoutDetails?.checkoutResultReturnUrl ?? null,
        ...(input.channel ? { channel: input.channel } : {}),
        ...(input.chargeInitiator ? { chargeInitiator: input.chargeInitiator } : {}),
        outcome: outcomeForCreateCharge(simulation, input.canHandlePendingAuthorization ?? false),
        pendingCapture: simulation === 'CaptureInitiated',
      });
      // A synchronous decline is an error to the caller: SoftDeclined, HardDeclined… answer 422 (docs/amazon-pay-decisions.md).
      if (charge.status.state === 'Declined')
        throw new SandboxHttpError(422, charge.status.reasonCode ?? 'Declined', `The charge ${charge.id} was declined.`);
      return ok(serializeCharge(charge), 201);
    },
  },
  {
    name: 'getCharge',
    method: 'GET',
    pattern: /^charges\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => ok(serializeCharge(ctx.store.charge(params[0] ?? ''))),
  },
  {
    name: 'captureCharge',
    method: 'POST',
    pattern: /^charges\/([^/]+)\/capture$/,
    idempotency: 'required',
    simulations: true,
    run: ({ ctx, params, body, simulationHeader }) => {
      const charge = ctx.store.charge(params[0] ?? '');
      const input = parseBody(captureChargeSchema, body());
      capture(ctx.store, charge, toMoney(input.captureAmount, 'captureAmount'), simulationFor('captureCharge', simulationHeader));
      if (input.softDescriptor) charge.softDescriptor = input.softDescriptor;
      return ok(serializeCharge(charge));
    },
  },
  {
    name: 'cancelCharge',
    method: 'DELETE',
    pattern: /^charges\/([^/]+)\/cancel$/,
    idempotency: 'none',
    run: ({ ctx, params, body }) => {
      const charge = ctx.store.charge(params[0] ?? '');
      cancel(ctx.store, charge, parseBody(cancelChargeSchema, body()).cancellationReason ?? null);
      return ok(serializeCharge(charge));
    },
  },
  {
    name: 'createRefund',
    method: 'POST',
    pattern: /^refunds$/,
    idempotency: 'required',
    simulations: true,
    run: ({ ctx, body, simulationHeader }) => {
      const input = parseBody(createRefundSchema, body());
      const simulation = simulationFor('createRefund', simulationHeader);
      const charge = ctx.store.charge(input.chargeId);
      const refund = createRefund(
        ctx.store,
        charge,
        toMoney(input.refundAmount, 'refundAmount'),
        input.softDescriptor ?? null,
        simulation,
      );
      return ok(serializeRefund(refund), 201);
    },
  },
  {
    name: 'getRefund',
    method: 'GET',
    pattern: /^refunds\/([^/]+)$/,
    idempotency: 'none',
    run: ({ ctx, params }) => ok(serializeRefund(ctx.store.refund(params[0] ?? ''))),
  },
  {
    name: 'getAuthorizationToken',
    method: 'GET',
    pattern: /^authorizationTokens\/([^/]+)$/,
    idempotency: 'none',
    run: ({ request }) => {
      // A live-only call (solution providers): in Sandbox Amazon refuses it; the emulator is always Sandbox.
      if (!request.url.searchParams.get('merchantId')) throw missingField('merchantId');
      throw new SandboxHttpError(
        400,
        'UnsupportedOperation',
        'getAuthorizationToken is not supported in the Sandbox environment.',
      );
    },
  },
  {
    name: 'deliveryTrackers',
    method: 'POST',
    pattern: /^deliveryTrackers$/,
    idempotency: 'optional',
    run: ({ ctx, body }) => {
      const input = parseBody(deliveryTrackerSchema, body());
      const id = input.chargePermissionId ?? input.amazonOrderReferenceId;
      if (!id)
        throw new SandboxHttpError(
          400,
          'MissingParameterValue',
          "One of 'chargePermissionId' or 'amazonOrderReferenceId' is required.",
        );
      const idField = input.chargePermissionId ? { chargePermissionId: id } : { amazonOrderReferenceId: id };
      ctx.store.permission(id);
      // Echo the tracker in the form it came in.
      if (input.deliveryDetails) return ok({ ...idField, deliveryDetails: input.deliveryDetails });
      if (!input.trackingNumber || !input.carrierCode) throw missingField('deliveryDetails');
      return ok({ ...idField, trackingNumber: input.trackingNumber, carrierCode: input.carrierCode });
    },
  },
  ...reportRoutes,
];

export const OPERATION_NAMES = operations.map((op) => op.name);

const API_PATH = /^\/(?:(sandbox|live)\/)?v2(?:\/(.*))?$/;

/** Collapses '//' and drops trailing '/' so .NET's trailing slashes route the same. */
export function apiResourcePath(pathname: string): string | null {
  const normalized = pathname.replace(/\/{2,}/g, '/');
  const match = API_PATH.exec(normalized);
  if (!match) return null;
  return (match[2] ?? '').replace(/\/+$/, '');
}

export async function handleAmazonPay(ctx: SandboxContext, request: RawRequest, resource: string): Promise<Response> {
  const requestId = crypto.randomUUID();
  const headers = { 'x-amz-pay-request-id': requestId };
  try {
    const candidates = operations.filter((op) => op.pattern.test(resource));
    if (candidates.length === 0) throw new SandboxHttpError(404, 'ResourceNotFound', `No operation at ${request.url.pathname}.`);
    const op = candidates.find((candidate) => candidate.method === request.method);
    if (!op)
      throw new SandboxHttpError(405, 'UnsupportedOperation', `${request.method} is not supported on ${request.url.pathname}.`);

    const verified = verifyRequest(request, ctx.keys, [ctx.clock.nowMs(), Date.now()]);
    const fault = await ctx.faults.apply(op.name);
    if (fault) return withHeaders(fault, headers);
    ctx.store.tick();

    const simulationHeader = request.headers.get('x-amz-pay-simulation-code') ?? request.headers.get('x-amz-simulation-code');
    if (!op.simulations) rejectSimulation(simulationHeader);
    const idem = ctx.idempotency.check(request, verified.publicKeyId, op.idempotency);
    if (idem && 'replay' in idem) return withHeaders(idem.replay, headers);

    const params = (op.pattern.exec(resource) ?? []).slice(1).map((p) => decodeURIComponent(p ?? ''));
    let response: Response;
    try {
      response = op.run({ ctx, request, params, simulationHeader, body: () => parseJsonBody(request) });
    } catch (error) {
      if (!(error instanceof SandboxHttpError)) throw error;
      response = errorResponse(error);
    }
    const final = idem ? await idem.save(response) : response;
    return withHeaders(final, headers);
  } catch (error) {
    if (error instanceof SandboxHttpError) return errorResponse(error, headers);
    if (error instanceof z.ZodError)
      return errorResponse(new SandboxHttpError(400, 'InvalidParameterValue', error.message), headers);
    log.error({ context: 'sandbox', ...errorFields(error) }, 'unexpected error');
    return errorResponse(new SandboxHttpError(500, 'InternalServerError', 'The sandbox failed unexpectedly.'), headers);
  }
}

function withHeaders(response: Response, extra: Record<string, string>): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  return new Response(response.body, { status: response.status, headers });
}
