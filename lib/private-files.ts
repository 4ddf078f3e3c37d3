import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';

/**
 * Folders and files that hold secrets (the PGlite database with its session secret and
 * sessions, keys, tokens) are the owner's alone. The mode is set again on every start,
 * because mkdir and writeFile honour a mode only when they create the entry.
 */
export function ensurePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

export function writePrivateFile(file: string, contents: string): void {
  writeFileSync(file, contents, { mode: 0o600 });
  chmodSync(file, 0o600);
}
