import { chmodSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db/connection';
import { publishControlAddress } from '@/lib/jobs/local-control';

const modeOf = (entry: string) => statSync(entry).mode & 0o777;

describe('secrets at rest', () => {
  it('creates the PGlite data folder for its owner only, and narrows one that was wider', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'private-'));
    const fresh = path.join(root, 'fresh');
    const handle = await openDatabase(`pglite:${fresh}`);
    await handle.close();
    expect(modeOf(fresh)).toBe(0o700);

    const existing = path.join(root, 'existing');
    mkdirSync(existing, { mode: 0o755 });
    chmodSync(existing, 0o755);
    const again = await openDatabase(`pglite:${existing}`);
    await again.close();
    expect(modeOf(existing)).toBe(0o700);
  });

  it('writes the control token file 0600, even over a wider file', () => {
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'private-')), 'pglite');
    writeFileSync(`${dataDir}.control.json`, '{}', { mode: 0o644 });
    chmodSync(`${dataDir}.control.json`, 0o644);
    publishControlAddress(dataDir, 'http://127.0.0.1:3000');
    expect(modeOf(`${dataDir}.control.json`)).toBe(0o600);
  });
});
