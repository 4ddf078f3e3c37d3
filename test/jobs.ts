import type PgBoss from 'pg-boss';

/** Reads until `done` holds or the time is up, then returns the last read (the test's assertion says why). */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A queued job once it has reached `state` (or the last state seen when time ran out). */
export function jobInState(boss: PgBoss, queue: string, id: string, state: string) {
  return until(
    () => boss.getJobById(queue, id),
    (found) => found?.state === state,
  );
}
