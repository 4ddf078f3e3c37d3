import { randomInt } from 'node:crypto';
import { z } from 'zod';
import { OPERATION_NAMES } from './api/amazon-pay';
import { TEST_BUYERS, findBuyerBySlug } from './buyers';
import type { SandboxContext } from './context';
import { faultSchema } from './faults';
import { json, parseJsonBody, SandboxHttpError, type RawRequest } from './http';
import { SIGNING_CERT_PATH, SUBSCRIBE_PATH, type IpnEvent } from './ipn';
import { serializeReport, serializeSchedule } from './reports';
import { parseBody } from './schemas';
import { serializeCharge, serializeChargePermission, serializeCheckoutSession, serializeRefund } from './serialize';
import { snsIdentity } from './sns-cert';
import { associateBuyer, processAtRedirect } from './state/checkout-session';

/**
 * Test and demo controls under /__sandbox/ (documented in sandbox/README.md).
 * Not part of Amazon's surface: nothing here is signed.
 */
const keySchema = z.object({ publicKeyId: z.string().min(1), publicKey: z.string().min(1) });
const clockSchema = z.object({ advanceSeconds: z.number().min(0) });
const configSchema = z.object({
  ipnUrl: z.string().url().nullable().optional(),
  ipnSignatureVersion: z.enum(['1', '2']).optional(),
});
const resetSchema = z.object({ keys: z.boolean().optional() });
// Up to 2 GB: enough for any benchmark, and a typo cannot ask for a petabyte.
const syntheticReportSchema = z.object({
  sizeBytes: z
    .number()
    .int()
    .min(1)
    .max(2 * 1024 ** 3),
});
const notificationTypeSchema = z.enum(['STATE_CHANGE', 'ATTRIBUTE_CHANGE']).default('STATE_CHANGE');
// An IPN on demand: for an existing object, or a chargeback on an existing charge.
const notificationSchema = z.discriminatedUnion('objectType', [
  z.object({
    objectType: z.enum(['CHARGE_PERMISSION', 'CHARGE', 'REFUND']),
    objectId: z.string().min(1),
    notificationType: notificationTypeSchema,
  }),
  z.object({ objectType: z.literal('CHARGEBACK'), chargeId: z.string().min(1), notificationType: notificationTypeSchema }),
]);
const buyerSchema = z.object({ buyer: z.string().min(1), card: z.string().min(1), address: z.number().int().min(0).optional() });

export interface ControlHooks {
  reset(options: { keys: boolean }): void;
  advance(seconds: number): void;
}

export function snapshot(ctx: SandboxContext) {
  const { store } = ctx;
  return {
    now: ctx.clock.now().toISOString(),
    checkoutSessions: [...store.sessions.values()].map((s) => serializeCheckoutSession(s, ctx.publicBaseUrl())),
    chargePermissions: [...store.permissions.values()].map((p) => serializeChargePermission(store, p)),
    charges: [...store.charges.values()].map(serializeCharge),
    refunds: [...store.refunds.values()].map(serializeRefund),
    reports: [...ctx.reports.reports.values()].map(serializeReport),
    reportSchedules: [...ctx.reports.schedules.values()].map(serializeSchedule),
    pendingTasks: store.pendingTaskCount(),
  };
}

export async function handleControl(
  ctx: SandboxContext,
  hooks: ControlHooks,
  request: RawRequest,
  path: string,
): Promise<Response> {
  try {
    const method = request.method;
    const body = () => parseJsonBody(request);
    // Readiness probe for scripts and the e2e runner: answers as soon as the server listens.
    if (path === 'health' && method === 'GET') return json(200, { ok: true });
    if (path === 'keys' && method === 'POST') {
      const input = parseBody(keySchema, body());
      try {
        ctx.keys.register(input.publicKeyId, input.publicKey);
      } catch {
        throw new SandboxHttpError(400, 'InvalidParameterValue', 'publicKey is not a PEM public (or private) key.');
      }
      return json(201, { publicKeyId: input.publicKeyId });
    }
    if (path === 'keys' && method === 'GET') return json(200, { publicKeyIds: ctx.keys.ids() });
    if (path === 'reset' && method === 'POST') {
      hooks.reset({ keys: parseBody(resetSchema, body()).keys ?? false });
      return json(200, { reset: true });
    }
    if (path === 'clock' && method === 'POST') {
      hooks.advance(parseBody(clockSchema, body()).advanceSeconds);
      return json(200, { now: ctx.clock.now().toISOString() });
    }
    if (path === 'clock' && method === 'GET') return json(200, { now: ctx.clock.now().toISOString() });
    if (path === 'faults' && method === 'POST') {
      const fault = parseBody(faultSchema, body());
      // A misspelt operation would never match, and the test using it would pass for the wrong reason.
      if (fault.operation !== undefined && !OPERATION_NAMES.includes(fault.operation)) {
        throw new SandboxHttpError(
          400,
          'InvalidParameterValue',
          `Unknown operation '${fault.operation}'; one of ${OPERATION_NAMES.join(', ')}.`,
        );
      }
      ctx.faults.add(fault);
      return json(201, { faults: ctx.faults.list() });
    }
    if (path === 'faults' && method === 'GET') return json(200, { faults: ctx.faults.list() });
    if (path === 'faults' && method === 'DELETE') {
      ctx.faults.clear();
      return json(200, { faults: [] });
    }
    if (path === 'notifications' && method === 'GET') {
      if (request.url.searchParams.get('wait') === 'true') await ctx.ipn.flush();
      return json(200, { notifications: ctx.ipn.sent });
    }
    if (path === 'notifications' && method === 'POST') {
      const record = ctx.ipn.notify(ipnEvent(ctx, parseBody(notificationSchema, body())));
      return json(201, record);
    }
    if (path === 'subscriptions' && method === 'GET') {
      if (request.url.searchParams.get('wait') === 'true') await ctx.ipn.flush();
      return json(200, { subscriptions: ctx.ipn.subscriptions });
    }
    if (path === SUBSCRIBE_PATH.replace('/__sandbox/', '') && method === 'GET') return confirmSubscription(ctx, request.url);
    if (path === 'config' && method === 'POST') {
      const input = parseBody(configSchema, body());
      if (input.ipnUrl !== undefined) ctx.ipn.setUrl(input.ipnUrl);
      if (input.ipnSignatureVersion) ctx.ipn.setSignatureVersion(input.ipnSignatureVersion);
      return json(200, { ok: true });
    }
    if (path === 'state' && method === 'GET') {
      ctx.store.tick();
      return json(200, snapshot(ctx));
    }
    if (path === 'buyers' && method === 'GET') return json(200, { buyers: TEST_BUYERS });
    if (path === SIGNING_CERT_PATH.replace('/__sandbox/', '') && method === 'GET') {
      return new Response(snsIdentity().certificatePem, { headers: { 'content-type': 'application/x-pem-file' } });
    }
    if (path === 'reports/synthetic' && method === 'POST') {
      return json(201, serializeReport(ctx.reports.createSyntheticReport(parseBody(syntheticReportSchema, body()).sizeBytes)));
    }
    const doc = /^report-documents\/([^/]+)$/.exec(path);
    if (doc && method === 'GET') {
      ctx.store.tick();
      return ctx.reports.download(
        doc[1] ?? '',
        request.url.searchParams.get('expires'),
        request.url.searchParams.get('signature'),
      );
    }
    return objectRoutes(ctx, method, path, body);
  } catch (error) {
    if (error instanceof SandboxHttpError) return json(error.status, { reasonCode: error.reasonCode, message: error.message });
    throw error;
  }
}

function ipnEvent(ctx: SandboxContext, input: z.infer<typeof notificationSchema>): IpnEvent {
  const { store } = ctx;
  if (input.objectType === 'CHARGEBACK') {
    const charge = store.charge(input.chargeId);
    // Amazon shows no chargeback id format; this follows its -C/-R suffixes (sandbox/README.md).
    return {
      objectType: 'CHARGEBACK',
      objectId: `${charge.chargePermissionId}-B${randomInt(100000, 1000000)}`,
      chargePermissionId: charge.chargePermissionId,
      notificationType: input.notificationType,
    };
  }
  const chargePermissionId =
    input.objectType === 'CHARGE_PERMISSION'
      ? store.permission(input.objectId).id
      : input.objectType === 'CHARGE'
        ? store.charge(input.objectId).chargePermissionId
        : store.charge(store.refund(input.objectId).chargeId).chargePermissionId;
  return { objectType: input.objectType, objectId: input.objectId, chargePermissionId, notificationType: input.notificationType };
}

const xml = (status: number, body: string) =>
  new Response(body, { status, headers: { 'content-type': 'text/xml; charset=utf-8' } });

/** SubscribeURL, answered in SNS's XML (https://docs.aws.amazon.com/sns/latest/api/API_ConfirmSubscription.html). */
function confirmSubscription(ctx: SandboxContext, url: URL): Response {
  const q = url.searchParams;
  const record =
    q.get('Action') === 'ConfirmSubscription' ? ctx.ipn.confirmSubscription(q.get('TopicArn'), q.get('Token')) : null;
  if (!record?.subscriptionArn) {
    return xml(
      400,
      '<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><Error><Type>Sender</Type><Code>InvalidParameter</Code><Message>Invalid token</Message></Error></ErrorResponse>',
    );
  }
  return xml(
    200,
    `<ConfirmSubscriptionResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><ConfirmSubscriptionResult><SubscriptionArn>${record.subscriptionArn}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`,
  );
}

/** Per-object getters, plus shortcuts that play the buyer's part without a browser (integration tests). */
function objectRoutes(ctx: SandboxContext, method: string, path: string, body: () => unknown): Response {
  const { store } = ctx;
  store.tick();
  const [kind, id = '', action] = path.split('/');
  if (method === 'GET' && action === undefined) {
    if (kind === 'checkout-sessions') return json(200, serializeCheckoutSession(store.session(id), ctx.publicBaseUrl()));
    if (kind === 'charge-permissions') return json(200, serializeChargePermission(store, store.permission(id)));
    if (kind === 'charges') return json(200, serializeCharge(store.charge(id)));
    if (kind === 'refunds') return json(200, serializeRefund(store.refund(id)));
  }
  if (method === 'POST' && kind === 'checkout-sessions' && action === 'buyer') {
    const session = store.session(id);
    const input = parseBody(buyerSchema, body());
    const buyer = findBuyerBySlug(input.buyer);
    const card = buyer?.cards.find((c) => c.last4 === input.card || c.id === input.card);
    if (!buyer || !card) throw new SandboxHttpError(400, 'InvalidParameterValue', 'Unknown buyer or card.');
    const address = session.productType === 'PayOnly' ? null : (buyer.addresses[input.address ?? 0] ?? null);
    associateBuyer(session, buyer.buyerId, address, card);
    return json(200, serializeCheckoutSession(session, ctx.publicBaseUrl()));
  }
  if (method === 'POST' && kind === 'checkout-sessions' && action === 'redirect') {
    const session = store.session(id);
    processAtRedirect(store, session);
    return json(200, serializeCheckoutSession(session, ctx.publicBaseUrl()));
  }
  throw new SandboxHttpError(404, 'ResourceNotFound', `No sandbox control at /__sandbox/${path}.`);
}
