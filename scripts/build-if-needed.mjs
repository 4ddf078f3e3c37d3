import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const say = (text) => process.stdout.write(`${text}\n`);

/**
 * `npm start` builds only when the sources changed since the last build. The
 * fingerprint covers every file the build reads, by path, size and mtime.
 */

const ROOT = process.cwd();
const BUILD_INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.mjs',
  'tailwind.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
];
const distDir = () => path.join(ROOT, process.env.NEXT_DIST_DIR ?? '.next');

function* walk(entry) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    for (const child of readdirSync(entry).sort()) yield* walk(path.join(entry, child));
  } else {
    yield `${path.relative(ROOT, entry)}:${stat.size}:${stat.mtimeMs}`;
  }
}

export function sourceFingerprint(extra = '') {
  const hash = createHash('sha256').update(extra);
  for (const input of BUILD_INPUTS) for (const line of walk(path.join(ROOT, input))) hash.update(line).update('\n');
  return hash.digest('hex');
}

export function buildIfNeeded({ env = process.env, force = false, fingerprintExtra = '' } = {}) {
  const fingerprint = sourceFingerprint(fingerprintExtra);
  const fingerprintFile = path.join(distDir(), 'source-fingerprint');
  const built = existsSync(path.join(distDir(), 'BUILD_ID')) && existsSync(fingerprintFile);
  if (!force && built && readFileSync(fingerprintFile, 'utf8') === fingerprint) return false;
  say('▶ Building the storefront (next build)…');
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    stdio: 'inherit',
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed with exit code ${result.status}`);
  writeFileSync(fingerprintFile, fingerprint);
  return true;
}
