import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DatabaseHandle } from '@/lib/db/connection';
import { testDatabaseTargets } from '@/test/databases';
import { defineJob } from './definitions';
import type { JobRunner } from './runner';
import { loadJobOverviews } from './status';
import { jobInState, startTestRunner } from '@/test/jobs';

describe.each(testDatabaseTargets)('the job runner on $name', (target) => {
  let handle: DatabaseHandle;
  let runner: JobRunner;
  const runs: string[] = [];
  const failuresLeft = new Map<string, number>();

  const echo = defineJob({
    name: 'test-echo',
    title: 'Echo',
    description: 'Records its payload; fails the first times it is told to.',
    payload: z.object({ word: z.string().max(20) }),
    policy: 'standard',
    retryLimit: 2,
    retryDelay: 1,
    retryBackoff: false,
    expireInSeconds: 60,
    async run({ word }) {
      runs.push(word);
      const left = failuresLeft.get(word) ?? 0;
      if (left > 0) {
        failuresLeft.set(word, left - 1);
        throw new Error(`${word} is not ready yet`);
      }
      return { word, length: word.length };
    },
  });
  const ticking = defineJob({
    ...echo,
    name: 'test-ticking',
    payload: z.object({ trigger: z.literal('schedule') }),
    cron: '*/5 * * * *',
    run: async () => ({ ticked: true }),
  });

  beforeAll(async () => {
    handle = await target.open();
    runner = await startTestRunner(handle, [echo, ticking]);
  });
  afterAll(async () => {
    await runner?.stop(5_000);
    await handle?.close();
  });

  it('runs a job and keeps its summary as the output', async () => {
    const id = await runner.enqueue(echo, { word: 'hello' });
    expect(id).toBeTruthy();
    const job = await jobInState(runner.boss, echo.name, id!, 'completed');
    expect(job?.state).toBe('completed');
    expect(job?.output).toEqual({ word: 'hello', length: 5 });
  });

  it('retries a failing job and succeeds once the cause is gone', async () => {
    failuresLeft.set('flaky', 1);
    const id = await runner.enqueue(echo, { word: 'flaky' });
    const job = await jobInState(runner.boss, echo.name, id!, 'completed');
    expect(job?.state).toBe('completed');
    expect(job?.retryCount).toBe(1);
    expect(runs.filter((word) => word === 'flaky')).toHaveLength(2);
  });

  it('keeps a job that failed every attempt, with its error, and retries it on request', async () => {
    failuresLeft.set('broken', 3);
    const id = await runner.enqueue(echo, { word: 'broken' });
    const failed = await jobInState(runner.boss, echo.name, id!, 'failed');
    expect(failed?.state).toBe('failed');
    expect(failed?.output).toMatchObject({ message: 'broken is not ready yet' });
    expect(runs.filter((word) => word === 'broken')).toHaveLength(3);
    await runner.boss.retry(echo.name, id!);
    const retried = await jobInState(runner.boss, echo.name, id!, 'completed');
    expect(retried?.state).toBe('completed');
  });

  it('fails a job whose payload is invalid once, without retrying it', async () => {
    const id = await runner.boss.send(echo.name, { word: 'x'.repeat(50) });
    const job = await jobInState(runner.boss, echo.name, id!, 'failed');
    expect(job?.state).toBe('failed');
    expect(job?.retryCount).toBe(0);
    expect(job?.output).toMatchObject({ name: 'InvalidJobPayloadError' });
    expect(runs).not.toContain('x'.repeat(50));
  });

  it('refuses to send a payload that fails its schema', async () => {
    await expect(runner.enqueue(echo, { word: 'y'.repeat(50) })).rejects.toThrow();
  });

  it('keeps one schedule per scheduled job', async () => {
    const schedules = await runner.boss.getSchedules();
    expect(schedules.filter((schedule) => schedule.name === ticking.name)).toEqual([
      expect.objectContaining({ name: ticking.name, cron: '*/5 * * * *' }),
    ]);
    expect(schedules.some((schedule) => schedule.name === echo.name)).toBe(false);
  });

  it("shows each job's last run, queue depth and kept failures", async () => {
    const [echoView, tickingView] = await loadJobOverviews(handle.db, [echo, ticking]);
    expect(echoView).toMatchObject({ name: echo.name, cron: null, active: 0 });
    expect(echoView?.lastRun?.state).toMatch(/completed|failed/);
    expect(echoView?.lastRun?.durationMs).toBeGreaterThanOrEqual(0);
    expect(echoView?.failedCount).toBe(1);
    expect(echoView?.failed).toEqual([
      expect.objectContaining({ attempts: 1, error: expect.stringContaining('invalid payload') }),
    ]);
    expect(tickingView).toMatchObject({ cron: '*/5 * * * *', failedCount: 0 });
    await runner.boss.send(echo.name, { word: 'later' }, { startAfter: 3600 });
    const [withQueued] = await loadJobOverviews(handle.db, [echo]);
    expect(withQueued?.queued).toBe(1);
  });
});
