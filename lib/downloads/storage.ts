import { constants, createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { SEED_PRODUCTS } from '@/lib/catalog/seed-data';

/** The demo catalog's sample files, committed with the code. */
export const STORAGE_SEED_DIR = path.join(process.cwd(), 'storage-seed');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
  '.zip': 'application/zip',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
};

export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

export interface StoredFile {
  path: string;
  /** The name the browser saves it under. */
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * The product's file inside the storage folder, or null when it is missing or its path would
 * leave the folder (a product row is merchant data, not a path the server may follow anywhere).
 */
export async function findStoredFile(storageDir: string, relativePath: string): Promise<StoredFile | null> {
  const root = path.resolve(storageDir);
  const full = path.resolve(root, relativePath);
  if (!full.startsWith(root + path.sep)) return null;
  const info = await stat(full).catch(() => null);
  if (!info?.isFile()) return null;
  const fileName = path.basename(full);
  return { path: full, fileName, contentType: contentTypeFor(fileName), size: info.size };
}

/** The file as a web stream, read in chunks as the client takes them: never whole in memory. */
export function storedFileStream(file: StoredFile): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(file.path)) as ReadableStream<Uint8Array>;
}

/** Copies the demo products' sample files into the storage folder, leaving any file already there alone. */
export async function seedStorage(storageDir: string, seedDir: string = STORAGE_SEED_DIR): Promise<void> {
  const files = SEED_PRODUCTS.flatMap((product) => (product.downloadFile ? [product.downloadFile] : []));
  for (const file of files) {
    const target = path.join(storageDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await copyFile(path.join(seedDir, file), target, constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
