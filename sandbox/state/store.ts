import { randomInt, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../clock';
import type { CheckoutLanguage } from '../locales';
import { SandboxHttpError } from '../http';
import type {
  ChargePermissionRecord,
  ChargeRecord,
  CheckoutSessionRecord,
  LedgerEntry,
  RefundRecord,
  StateChange,
  StatusDetails,
} from './types';

export interface Timings {
  /** Pending authorizations (cards 0701/4354, pending simulations) resolve after this long; Amazon says 30 s. */
  pendingSeconds: number;
  /** Refunds are asynchronous (https://developer.amazon.com/docs/amazon-pay-api-v2/refund.html); 30 s by default. */
  refundSeconds: number;
  /** CaptureInitiated resolves after this long. */
  captureSeconds: number;
  /** createReport: IN_PROGRESS for this long, then COMPLETED. */
  reportSeconds: number;
}

export const DEFAULT_TIMINGS: Timings = { pendingSeconds: 30, refundSeconds: 30, captureSeconds: 30, reportSeconds: 10 };

interface ScheduledTask {
  dueMs: number;
  seq: number;
  run: () => void;
}

/** All in-memory state of the Amazon Pay half of the emulator. */
export class Store {
  readonly sessions = new Map<string, CheckoutSessionRecord>();
  readonly permissions = new Map<string, ChargePermissionRecord>();
  readonly charges = new Map<string, ChargeRecord>();
  readonly refunds = new Map<string, RefundRecord>();
  /** buyerToken → buyerId, from sign-in (https://developer.amazon.com/docs/amazon-pay-checkout/amazon-sign-in.html). */
  readonly buyerTokens = new Map<string, string>();
  /** buyerToken → the signInScopes of the sign-in that issued it (see signInBuyer). */
  readonly buyerTokenScopes = new Map<string, readonly string[]>();
  /** Sign-in button flows in progress: token → where to send the buyerToken. */
  readonly signIns = new Map<
    string,
    { signInReturnUrl: string; storeId: string; scopes: string[]; checkoutLanguage?: CheckoutLanguage }
  >();
  readonly ledger: LedgerEntry[] = [];
  private tasks: ScheduledTask[] = [];
  private seq = 0;
  /** While a due task runs, "now" is its due time, so what it records (and schedules) lands when it should have. */
  private virtualNow: number | null = null;
  private readonly listeners: Array<(change: StateChange) => void> = [];
  private readonly tickHooks: Array<(nowMs: number) => void> = [];

  constructor(
    readonly clock: SandboxClock,
    readonly timings: Timings,
  ) {}

  reset(): void {
    this.sessions.clear();
    this.permissions.clear();
    this.charges.clear();
    this.refunds.clear();
    this.buyerTokens.clear();
    this.buyerTokenScopes.clear();
    this.signIns.clear();
    this.ledger.length = 0;
    this.tasks = [];
  }

  onStateChange(listener: (change: StateChange) => void): void {
    this.listeners.push(listener);
  }

  /** Hooks run on every tick (expiry sweeps, report schedules). */
  onTick(hook: (nowMs: number) => void): void {
    this.tickHooks.push(hook);
  }

  emit(change: StateChange): void {
    for (const listener of this.listeners) listener(change);
  }

  nowMs(): number {
    return this.virtualNow ?? this.clock.nowMs();
  }

  /** Runs `run` once the clock reaches now + seconds; checked on every tick, never by a real timer. */
  schedule(seconds: number, run: () => void): void {
    this.scheduleAt(this.nowMs() + seconds * 1000, run);
  }

  scheduleAt(dueMs: number, run: () => void): void {
    this.tasks.push({ dueMs, seq: this.seq++, run });
  }

  /** Brings state up to the clock: due tasks one at a time in due order (they may schedule more), then the sweeps. */
  tick(): void {
    const now = this.clock.nowMs();
    for (;;) {
      let next: ScheduledTask | undefined;
      for (const task of this.tasks) {
        if (task.dueMs <= now && (!next || task.dueMs < next.dueMs || (task.dueMs === next.dueMs && task.seq < next.seq)))
          next = task;
      }
      if (!next) break;
      const running = next;
      this.tasks = this.tasks.filter((task) => task !== running);
      this.virtualNow = running.dueMs;
      try {
        running.run();
      } finally {
        this.virtualNow = null;
      }
    }
    for (const hook of this.tickHooks) hook(now);
  }

  pendingTaskCount(): number {
    return this.tasks.length;
  }

  status<S extends string>(
    state: S,
    reasonCode: string | null = null,
    reasonDescription: string | null = null,
  ): StatusDetails<S> {
    return { state, reasonCode, reasonDescription, lastUpdatedMs: this.nowMs() };
  }

  session(id: string): CheckoutSessionRecord {
    return found(this.sessions.get(id), 'CheckoutSession', id);
  }
  permission(id: string): ChargePermissionRecord {
    return found(this.permissions.get(id), 'ChargePermission', id);
  }
  charge(id: string): ChargeRecord {
    return found(this.charges.get(id), 'Charge', id);
  }
  refund(id: string): RefundRecord {
    return found(this.refunds.get(id), 'Refund', id);
  }

  /**
   * Ends a sign-in flow for `buyerId`: the buyerToken for signInReturnUrl, remembered with the
   * scopes the button's payload asked for, so getBuyer returns only those. Null for an unknown flow.
   */
  signInBuyer(signInToken: string, buyerId: string): string | null {
    const signIn = this.signIns.get(signInToken);
    if (!signIn) return null;
    this.signIns.delete(signInToken);
    const buyerToken = ids.token();
    this.buyerTokens.set(buyerToken, buyerId);
    this.buyerTokenScopes.set(buyerToken, signIn.scopes);
    return buyerToken;
  }
}

function found<T>(value: T | undefined, kind: string, id: string): T {
  if (value === undefined) throw new SandboxHttpError(404, 'ResourceNotFound', `${kind} ${id} does not exist.`);
  return value;
}

function digits(count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(randomInt(10));
  return out;
}

/** Amazon's id shapes (as the official SDKs' tests show them): S01-1234567-1234567, then -C123456 / -R123456 suffixes. */
export const ids = {
  checkoutSession: () => randomUUID(),
  chargePermission: () => `S01-${digits(7)}-${digits(7)}`,
  charge: (chargePermissionId: string) => `${chargePermissionId}-C${digits(6)}`,
  refund: (chargePermissionId: string) => `${chargePermissionId}-R${digits(6)}`,
  buyer: () => `amzn1.account.${randomUUID().replace(/-/g, '').toUpperCase().slice(0, 28)}`,
  token: () => randomUUID().replace(/-/g, ''),
};
