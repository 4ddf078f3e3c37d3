import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import probes from './fixtures/secret-probes.json' with { type: 'json' };

/** Everything a browser can download from the build. */
function* staticFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const file = path.join(dir, entry);
    if (statSync(file).isDirectory()) yield* staticFiles(file);
    else yield file;
  }
}

function needles(): Array<[string, string]> {
  const keyBody = probes.AMAZON_PAY_PRIVATE_KEY.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
  return [
    ['AMAZON_PAY_PRIVATE_KEY', keyBody],
    ['ECOMCHARGE_SECRET_KEY', probes.ECOMCHARGE_SECRET_KEY],
    ['ADMIN_PASSWORD', probes.ADMIN_PASSWORD],
    ['AUTH_SECRET', probes.AUTH_SECRET],
  ];
}

test('the production build made with secrets in the environment ships none of them to browsers', () => {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  const marker = JSON.parse(readFileSync(path.join(distDir, 'e2e-build.json'), 'utf8')) as { probes: string[] };
  expect(marker.probes.sort()).toEqual(Object.keys(probes).sort());
  const staticDir = path.join(distDir, 'static');
  expect(existsSync(staticDir)).toBe(true);

  const files = [...staticFiles(staticDir)];
  expect(files.some((file) => file.endsWith('.js'))).toBe(true);
  const leaks: string[] = [];
  for (const file of files) {
    const content = readFileSync(file, 'latin1');
    for (const [name, value] of needles()) if (content.includes(value)) leaks.push(`${name} in ${file}`);
  }
  expect(leaks).toEqual([]);
});
