'use client';

import { useRef, useState } from 'react';
import { DOCUMENT_LENGTH_HEADER } from '@/lib/reports/document-stream';
import { formatProgress, progressPercent } from './format';
import { BUTTON } from './ui';

type Progress =
  | { phase: 'idle' }
  | { phase: 'loading'; received: number; total: number | null }
  | { phase: 'done'; received: number; total: number | null }
  | { phase: 'cancelled' }
  | { phase: 'error'; message: string; received: number; total: number | null };

function filenameFrom(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
}

/** The document's size as the route declares it; null when Amazon's storage did not say (or the file is compressed). */
function declaredSize(response: Response): number | null {
  const size = Number(response.headers.get(DOCUMENT_LENGTH_HEADER) ?? response.headers.get('content-length'));
  return Number.isSafeInteger(size) && size > 0 ? size : null;
}

/**
 * Reads the streamed document with a reader to show progress, then saves it as
 * a Blob. The plain link next to it is the fallback (no JS, or a file too large
 * for the tab's memory: the browser then streams it to disk itself).
 */
export function DownloadButton({ href, fallbackName }: { href: string; fallbackName: string }) {
  const [progress, setProgress] = useState<Progress>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  async function download() {
    abort.current = new AbortController();
    setProgress({ phase: 'loading', received: 0, total: null });
    let received = 0;
    let total: number | null = null;
    try {
      const response = await fetch(href, { signal: abort.current.signal, cache: 'no-store' });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `The server answered HTTP ${response.status}.`);
      }
      total = declaredSize(response);
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.byteLength;
        setProgress({ phase: 'loading', received, total });
      }
      // A connection cut mid-file ends the stream early without an error: saving it would save half a report.
      if (total !== null && received !== total) throw new Error('The connection ended before the whole file arrived.');
      const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get('content-type') ?? 'text/plain' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = filenameFrom(response.headers.get('content-disposition'), fallbackName);
      anchor.click();
      // Revoked after the click has been handled, so the save dialog still has the data.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ phase: 'done', received, total });
    } catch (error) {
      setProgress(
        abort.current?.signal.aborted
          ? { phase: 'cancelled' }
          : {
              phase: 'error',
              message: error instanceof Error ? error.message : 'The download failed.',
              received,
              total,
            },
      );
    }
  }

  const loading = progress.phase === 'loading';
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={BUTTON} onClick={() => void download()} disabled={loading}>
          {loading ? 'Downloading…' : progress.phase === 'error' ? 'Try the download again' : 'Download document'}
        </button>
        {loading && (
          <button type="button" className="text-sm text-ink-muted underline" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        )}
        <a href={href} download className="text-sm text-brand-700 underline">
          or download directly
        </a>
      </div>
      <div aria-live="polite" className="text-sm text-ink-muted">
        {loading && (
          <span data-testid="download-progress">
            <progress
              className="h-2 w-64 align-middle"
              max={100}
              value={progressPercent(progress.received, progress.total) ?? undefined}
              aria-label="Download progress"
            />{' '}
            {formatProgress(progress.received, progress.total)}
            {progress.total === null && ' (total size not given)'}
          </span>
        )}
        {progress.phase === 'done' && (
          <span className="font-medium text-emerald-700" data-testid="download-done">
            Download complete: {formatProgress(progress.received, progress.total)}.
          </span>
        )}
        {progress.phase === 'cancelled' && <span data-testid="download-cancelled">Download cancelled.</span>}
        {progress.phase === 'error' && (
          <span className="font-medium text-red-700" role="alert" data-testid="download-failed">
            Download failed
            {progress.received > 0 && ` after ${formatProgress(progress.received, progress.total)}`}: {progress.message}
          </span>
        )}
      </div>
    </div>
  );
}
