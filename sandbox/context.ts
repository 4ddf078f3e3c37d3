import type { KeyRegistry } from './auth';
import type { SandboxClock } from './clock';
import type { FaultInjector } from './faults';
import type { IdempotencyStore } from './idempotency';
import type { IpnDispatcher } from './ipn';
import type { ReportService } from './reports';
import type { Store } from './state/store';

/** Everything a route needs; built once by createSandbox. */
export interface SandboxContext {
  clock: SandboxClock;
  store: Store;
  keys: KeyRegistry;
  idempotency: IdempotencyStore;
  faults: FaultInjector;
  ipn: IpnDispatcher;
  reports: ReportService;
  merchantId: string;
  ecomcharge: { shopId: string; secretKey: string; seed: number };
  /** Origin the browser and the app reach the sandbox at; used in redirect, document and cert URLs. */
  publicBaseUrl(): string;
}
