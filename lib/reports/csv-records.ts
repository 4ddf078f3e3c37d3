import { parse } from 'csv-parse/stream';
import { detectDelimiter, type Delimiter } from './delimiter';

/**
 * Report documents arrive as a byte stream (a fetch body from the pre-signed
 * URL, https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html). These helpers turn it into CSV records with
 * csv-parse in streaming mode, and release the source as soon as the consumer
 * stops, so a preview never downloads the whole document.
 */
export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

interface ChunkReader {
  next(): Promise<Uint8Array | null>;
  /** Cancels the underlying download. */
  close(): Promise<void>;
}

function chunkReader(source: ByteSource): ChunkReader {
  if (source instanceof ReadableStream) {
    const reader = source.getReader();
    return {
      next: async () => {
        const { value, done } = await reader.read();
        return done ? null : value;
      },
      close: () => reader.cancel().catch(() => undefined),
    };
  }
  const iterator = source[Symbol.asyncIterator]();
  return {
    next: async () => {
      const { value, done } = await iterator.next();
      return done ? null : value;
    },
    close: async () => {
      await iterator.return?.();
    },
  };
}

/** Sniffing stops after this many line breaks or bytes: enough for the preamble and the header. */
const SNIFF_LINES = 20;
const SNIFF_BYTES = 64 * 1024;

function countNewlines(chunk: Uint8Array): number {
  let count = 0;
  for (const byte of chunk) if (byte === 10) count++;
  return count;
}

export interface CsvRecord {
  /** String cells; rows may differ in width (preamble lines are two cells wide). */
  readonly cells: string[];
  /** 1-based line of the file on which the record ends (a quoted newline spans lines). */
  readonly line: number;
}

export interface CsvRecordStream {
  readonly delimiter: Delimiter;
  readonly records: AsyncGenerator<CsvRecord, void, undefined>;
}

/**
 * Reads the first lines to pick the delimiter, then parses everything with
 * csv-parse. Ending the `records` loop early (break/return) cancels the source.
 */
export async function openCsvRecords(source: ByteSource, options: { delimiter?: Delimiter } = {}): Promise<CsvRecordStream> {
  const reader = chunkReader(source);
  const head: Uint8Array[] = [];
  let delimiter = options.delimiter;
  if (delimiter === undefined) {
    const decoder = new TextDecoder();
    let text = '';
    let lines = 0;
    let bytes = 0;
    try {
      while (lines < SNIFF_LINES && bytes < SNIFF_BYTES) {
        const chunk = await reader.next();
        if (chunk === null) break;
        head.push(chunk);
        text += decoder.decode(chunk, { stream: true });
        lines += countNewlines(chunk);
        bytes += chunk.byteLength;
      }
    } catch (error) {
      await reader.close();
      throw error;
    }
    delimiter = detectDelimiter(text);
  }
  return { delimiter, records: parseRecords(reader, head, delimiter) };
}

async function* parseRecords(
  reader: ChunkReader,
  head: Uint8Array[],
  delimiter: Delimiter,
): AsyncGenerator<CsvRecord, void, undefined> {
  const parser = parse({
    delimiter,
    bom: true,
    // Preamble lines and the table differ in width (the settlement report header).
    relax_column_count: true,
    // Amazon's flat files are not strictly RFC 4180; a stray quote must not end the import.
    relax_quotes: true,
    skip_empty_lines: true,
    // Gives each record its line number, for messages an admin can find in the file.
    info: true,
  });
  const writer = parser.writable.getWriter();
  const records = parser.readable.getReader();
  let stopped = false;

  // Each write is awaited, so the pump stays at most one chunk ahead of the parser,
  // and the parser stops when its output queue is full: stopping early reads little.
  const pump = (async () => {
    try {
      for (const chunk of head) {
        if (stopped) return;
        await writer.write(toBuffer(chunk));
      }
      for (;;) {
        if (stopped) return;
        const chunk = await reader.next();
        if (chunk === null || stopped) break;
        await writer.write(toBuffer(chunk));
      }
      if (!stopped) await writer.close();
    } catch (error) {
      await writer.abort(error).catch(() => undefined);
    }
  })();

  try {
    for (;;) {
      const { value, done } = await records.read();
      if (done) return;
      const { record, info } = value as { record: string[]; info: { lines: number } };
      yield { cells: record, line: info.lines };
    }
  } finally {
    stopped = true;
    await records.cancel().catch(() => undefined);
    await reader.close();
    await pump;
  }
}

/** csv-parse works on Buffers; this is a view, not a copy. */
function toBuffer(chunk: Uint8Array): Buffer {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
