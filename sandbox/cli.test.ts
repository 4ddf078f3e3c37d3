import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('sandbox/cli.ts', () => {
  it('starts on SANDBOX_PORT (0 here), answers the health probe, serves the control API, and stops on SIGTERM', async () => {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/cli.ts'], {
      cwd: root,
      env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_MERCHANT_ID: 'CLITEST' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening at (http:\/\/\S+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`cli exited early (${code}): ${output}`)));
      });
      const health = await fetch(`${url}/__sandbox/health`);
      expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
      const state = await fetch(`${url}/__sandbox/state`);
      expect(state.status).toBe(200);
      const script = await fetch(`${url}/checkout.js`);
      expect(await script.text()).toContain(`var BASE = "${url}"`);
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
    }
  });
});
