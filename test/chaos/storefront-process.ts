import type { AmazonPayClient } from '@/lib/amazon-pay';
import type { Database } from '@/lib/db/connection';
import type { Harness } from '@/test/sandbox-harness';
import type { Prng } from './prng';

/**
 * Test-only: one storefront process (an instance of the app) for the chaos run. It has
 * its own Amazon Pay client and reaches the shared database through a handle that dies
 * with it: once the process crashes, neither Amazon nor the database hears from it again.
 * The emulator, being Amazon, keeps whatever it already received.
 */

/** The process died at this point; nothing after it ran. */
export class SimulatedCrash extends Error {
  override readonly name = 'SimulatedCrash';
}

/**
 * Where the process dies: at its n-th call to Amazon, either before the request leaves
 * (Amazon never hears of it) or after Amazon processed it but before the answer arrives.
 */
export interface CrashPlan {
  atCall: number;
  when: 'before-request' | 'after-processing';
}

export interface StorefrontProcess {
  readonly id: number;
  readonly amazon: AmazonPayClient;
  readonly db: Database;
  readonly crashed: boolean;
  /** Calls to Amazon this process made (or tried to make). */
  readonly calls: number;
}

/** The wire between our processes and the emulator, counting what is still travelling. */
export interface Wire {
  fetch(input: string, init: RequestInit): Promise<Response>;
  /** Waits until every request sent so far has been handled, also those their sender gave up on. */
  settle(): Promise<void>;
}

export function createWire(h: Harness): Wire {
  const travelling = new Set<Promise<unknown>>();
  return {
    fetch(input, init) {
      const sent = h.sandbox.fetch(input, init);
      const handled = sent.then(
        (response) => response.clone().arrayBuffer(),
        () => undefined,
      );
      travelling.add(handled);
      void handled.finally(() => travelling.delete(handled));
      return sent;
    },
    async settle() {
      while (travelling.size > 0) await Promise.all([...travelling]);
    },
  };
}

/** True when the error is, or was caused by, a simulated crash. */
export function isCrash(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if (current instanceof SimulatedCrash) return true;
    current = current.cause;
  }
  return false;
}

export interface ProcessOptions {
  h: Harness;
  db: Database;
  wire: Wire;
  prng: Prng;
  /** Per-attempt timeout of the client; delays injected above it make the client give up. */
  timeoutMs: number;
}

let processCount = 0;

export function startProcess(options: ProcessOptions, crash: CrashPlan | null = null): StorefrontProcess {
  const id = ++processCount;
  let crashed = false;
  let calls = 0;
  const die = (where: string) => {
    crashed = true;
    return new SimulatedCrash(`process ${id} crashed ${where}`);
  };

  const fetch = async (input: string, init: RequestInit): Promise<Response> => {
    if (crashed) throw new SimulatedCrash(`process ${id} is down`);
    calls += 1;
    if (crash && crash.atCall === calls && crash.when === 'before-request') throw die(`before call ${calls} reached Amazon`);
    const sent = options.wire.fetch(input, init);
    if (crash && crash.atCall === calls && crash.when === 'after-processing') {
      // Dead from now on; the request is already on its way and Amazon handles it.
      const error = die(`after Amazon processed call ${calls}`);
      await sent.catch(() => undefined);
      throw error;
    }
    return sent;
  };

  const amazon = options.h.clientWith({
    fetch,
    timeoutMs: options.timeoutMs,
    retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 2, random: options.prng.next },
  });

  return {
    id,
    amazon,
    db: deadWith(options.db, () => crashed, id),
    get crashed() {
      return crashed;
    },
    get calls() {
      return calls;
    },
  };
}

/**
 * The database as a process sees it: after the crash every new statement or
 * transaction fails, as the connection would have gone with the process.
 */
function deadWith(db: Database, isDead: () => boolean, id: number): Database {
  return new Proxy(db, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (isDead()) throw new SimulatedCrash(`process ${id} is down (database)`);
        return (value as (...callArgs: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
