/**
 * Byte sources for the report tests: a document split into chunks, with a count
 * of how many chunks were pulled, to prove a reader stopped early.
 */
export function chunkedSource(
  text: string,
  chunkSize: number,
): { source: AsyncIterable<Uint8Array>; pulled: () => number; total: number; closed: () => boolean } {
  const bytes = new TextEncoder().encode(text);
  const total = Math.ceil(bytes.byteLength / chunkSize);
  let pulled = 0;
  let closed = false;
  async function* generate() {
    try {
      for (let offset = 0; offset < bytes.byteLength; offset += chunkSize) {
        pulled++;
        yield bytes.subarray(offset, offset + chunkSize);
      }
    } finally {
      closed = true;
    }
  }
  return { source: generate(), pulled: () => pulled, total, closed: () => closed };
}

export function streamOf(text: string, chunkSize = 64): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) controller.close();
      else controller.enqueue(bytes.slice(offset, (offset += chunkSize)));
    },
  });
}
