#!/usr/bin/env node
import { spawnSync } from 'node:child_process';

const say = (text) => process.stdout.write(`${text}\n`);
const complain = (text) => process.stderr.write(`${text}\n`);

/** `npm test`: every check, in the order that fails fastest. */
const steps = [
  ['lint', ['run', 'lint']],
  ['typecheck', ['run', 'typecheck']],
  ['unit and integration tests', ['run', 'test:unit']],
  ['end-to-end tests', ['run', 'test:e2e']],
];

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
for (const [name, args] of steps) {
  say(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(npm, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    complain(`\n✗ ${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  say(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
}
say('\nAll checks passed.');
