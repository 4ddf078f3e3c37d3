import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/**
 * PGlite keeps a whole PostgreSQL in one process's memory and writes its folder as it
 * pleases; a second process opening the same folder sees stale pages and can corrupt
 * it. So whoever opens a folder first holds `<folder>.lock` until it closes, and every
 * later opener stops with a message that says what to do instead.
 */
export class PgliteLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The PGlite database in ${dataDir} is already open in another process (pid ${holderPid}). ` +
        'Only one process may open a PGlite folder. Stop that process first; to re-read payments while the ' +
        'storefront runs, use `npm run resync`, which asks the running storefront to do it. To run several ' +
        'processes on one database, set DATABASE_URL to a PostgreSQL server.',
    );
    this.name = 'PgliteLockedError';
  }
}

interface LockHolder {
  pid: number;
  host: string;
}

export interface PgliteLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(lockPath, 'utf8'));
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && 'host' in parsed) {
      const { pid, host } = parsed as Record<string, unknown>;
      if (typeof pid === 'number' && typeof host === 'string') return { pid, host };
    }
  } catch {
    // Unreadable or half-written: treated as no holder, so it is taken over below.
  }
  return null;
}

/** Takes the folder's lock, or throws PgliteLockedError while a live process holds it. */
export function lockPgliteFolder(dataDir: string): PgliteLock {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        const holder = readHolder(lockPath);
        if (holder?.pid === process.pid) unlinkSync(lockPath);
      };
      process.on('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(lockPath);
      // A lock left by a process that died (kill -9, a crash) is taken over; one from another host is not ours to judge.
      if (holder && (holder.host !== hostname() || holder.pid === process.pid || isAlive(holder.pid))) {
        throw new PgliteLockedError(path.resolve(dataDir), holder.pid);
      }
      try {
        unlinkSync(lockPath);
      } catch (unlinkError) {
        if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
      }
    }
  }
  throw new Error(`Could not take the PGlite lock ${lockPath}; another process keeps taking it.`);
}
