import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEED_PRODUCTS } from '@/lib/catalog/seed-data';
import { findStoredFile, seedStorage, STORAGE_SEED_DIR, storedFileStream } from './storage';

const dir = mkdtempSync(path.join(tmpdir(), 'storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stored files', () => {
  it('stream in several chunks and arrive byte for byte', async () => {
    // Four times fs.createReadStream's 64 KiB chunk, and not a multiple of it.
    const bytes = randomBytes(4 * 64 * 1024 + 123);
    writeFileSync(path.join(dir, 'large.epub'), bytes);
    const file = await findStoredFile(dir, 'large.epub');
    expect(file).toMatchObject({ fileName: 'large.epub', contentType: 'application/epub+zip', size: bytes.length });

    const chunks: Uint8Array[] = [];
    const reader = storedFileStream(file!).getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('are never found outside the storage folder, nor when missing', async () => {
    writeFileSync(path.join(path.dirname(dir), 'outside.pdf'), 'secret');
    expect(await findStoredFile(dir, `../outside.pdf`)).toBeNull();
    expect(await findStoredFile(dir, path.join(path.dirname(dir), 'outside.pdf'))).toBeNull();
    expect(await findStoredFile(dir, 'missing.pdf')).toBeNull();
    expect(await findStoredFile(dir, '.')).toBeNull();
    rmSync(path.join(path.dirname(dir), 'outside.pdf'));
  });
});

describe('the storage seed', () => {
  const files = SEED_PRODUCTS.flatMap((product) => (product.downloadFile ? [product.downloadFile] : []));

  it('holds a real PDF for each demo product that names a file', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(path.join(STORAGE_SEED_DIR, file));
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.subarray(-6).toString().trim()).toBe('%%EOF');
    }
  });

  it('is copied into the storage folder, leaving a file already there alone', async () => {
    const target = mkdtempSync(path.join(tmpdir(), 'storage-seed-'));
    const [first, ...rest] = files;
    writeFileSync(path.join(target, first!), 'the merchant’s own file');
    await seedStorage(target);
    expect(readFileSync(path.join(target, first!), 'utf8')).toBe('the merchant’s own file');
    for (const file of rest) {
      expect(readFileSync(path.join(target, file)).equals(readFileSync(path.join(STORAGE_SEED_DIR, file)))).toBe(true);
    }
    rmSync(path.join(target, first!));
    await seedStorage(target);
    expect(readFileSync(path.join(target, first!)).equals(readFileSync(path.join(STORAGE_SEED_DIR, first!)))).toBe(true);
    rmSync(target, { recursive: true, force: true });
  });
});
