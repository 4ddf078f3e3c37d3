import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/lib/db/connection';
import { testDatabaseTargets } from '@/test/databases';
import { crashingJob } from '@/test/fixtures/crashing-job';
import { jobInState, startTestRunner } from '@/test/jobs';
import { defineJob } from './definitions';
import type { JobRunner } from './runner';

const postgresTarget = testDatabaseTargets.find((target) => target.name === 'postgres');

// A second process needs a database both can open: PostgreSQL (a PGlite folder belongs to one process).
describe.runIf(postgresTarget)('a worker killed with SIGKILL mid-job', () => {
  let handle: DatabaseHandle;
  let runner: JobRunner | undefined;
  beforeAll(async () => {
    handle = await postgresTarget!.open();
  });
  afterAll(async () => {
    await runner?.stop(5_000);
    await handle?.close();
  });

  it('loses no job: once its time-out passes, another worker runs it again', async () => {
    if (handle.driver !== 'postgres') throw new Error('needs PostgreSQL');
    const sender = await startTestRunner(handle, [crashingJob], { work: false });
    const id = await sender.enqueue(crashingJob, { order: 'NW-100001' });
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const worker = spawn(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', 'test/fixtures/job-crash-worker.mts', handle.url],
      { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      worker.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
      worker.once('exit', (code) => reject(new Error(`the worker exited early (${code})`)));
    });
    expect((await sender.boss.getJobById(crashingJob.name, id!))?.state).toBe('active');
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    await sender.stop(5_000);

    runner = await startTestRunner(handle, [
      defineJob({ ...crashingJob, run: async ({ order }) => ({ order, recovered: true }) }),
    ]);
    // pg-boss fails jobs past their expiry in its maintenance pass (every two minutes); run it now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await runner.boss.maintain();
    const job = await jobInState(runner.boss, crashingJob.name, id!, 'completed');
    expect(job).toMatchObject({ state: 'completed', retryCount: 1, output: { order: 'NW-100001', recovered: true } });
  });
});
