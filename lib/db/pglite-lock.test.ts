import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { lockPgliteFolder, PgliteLockedError } from './pglite-lock';

describe('one process per PGlite folder', () => {
  const folders: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'));
    folders.push(dir);
    return path.join(dir, 'db');
  };
  afterEach(() => {
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second opener while the first holds the folder, and lets go on close', async () => {
    const dataDir = folder();
    const first = await openDatabase(`pglite:${dataDir}`);
    await expect(openDatabase(`pglite:${dataDir}`)).rejects.toThrow(PgliteLockedError);
    await expect(openDatabase(`pglite:${dataDir}`)).rejects.toThrow(/Only one process may open a PGlite folder/);
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    const again = await openDatabase(`pglite:${dataDir}`);
    await again.close();
  });

  it('refuses while another live process on this host holds the lock, naming what to do', async () => {
    const dataDir = folder();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: other.pid, host: hostname() }));
      let thrown: unknown;
      try {
        lockPgliteFolder(dataDir);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PgliteLockedError);
      expect((thrown as Error).message).toContain(`pid ${other.pid}`);
      expect((thrown as Error).message).toContain('npm run resync');
      expect((thrown as Error).message).toContain('DATABASE_URL');
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dataDir = folder();
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.on('exit', resolve));
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: dead.pid, host: hostname() }));
    const lock = lockPgliteFolder(dataDir);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
});
