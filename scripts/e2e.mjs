#!/usr/bin/env node
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const complain = (text) => process.stderr.write(`${text}\n`);

/** Runs Playwright once a browser is found: Debian's Chromium, then Playwright's own. */
const candidates = ['/usr/bin/chromium', chromium.executablePath()];
if (!candidates.some((candidate) => candidate && existsSync(candidate))) {
  complain(
    'No Chromium found for the e2e tests: install one with `sudo apt-get install -y chromium` (Debian/Ubuntu) or `npx playwright install chromium`, then run `npm test` again.',
  );
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [path.join('node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
