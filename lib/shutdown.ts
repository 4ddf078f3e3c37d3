import 'server-only';

type Cleanup = () => Promise<void>;

const cleanups: Cleanup[] = [];
let installed = false;
let stopping: Promise<void> | undefined;

function runCleanups(timeoutMs: number): Promise<void> {
  stopping ??= Promise.race([
    Promise.allSettled(cleanups.map((cleanup) => cleanup())).then(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref()),
  ]);
  return stopping;
}

/**
 * Graceful shutdown under `next start`. On SIGTERM Next.js stops accepting connections,
 * lets the requests in flight finish, then calls process.exit. We start our cleanups
 * (stop taking jobs, let running ones finish) as soon as the signal arrives, and hold
 * that exit until they are done or the bound passes, so the database is closed last.
 * Anything cut short by a kill -9 is safe too: jobs are idempotent and run again.
 */
export function onShutdown(cleanup: Cleanup, timeoutMs = 25_000): void {
  cleanups.push(cleanup);
  if (installed) return;
  installed = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    void runCleanups(timeoutMs).finally(() => exit(code ?? undefined));
    return undefined as never;
  }) as typeof process.exit;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      void runCleanups(timeoutMs);
      // Without Next.js's own handler (a custom server, or NEXT_MANUAL_SIG_HANDLE), exit ourselves.
      if (process.listenerCount(signal) === 1) void runCleanups(timeoutMs).finally(() => exit(signal === 'SIGTERM' ? 143 : 130));
    });
  }
}
