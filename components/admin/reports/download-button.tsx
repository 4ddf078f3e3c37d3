'use client';

import { useRef, useState } from 'react';
import { formatBytes } from './format';
import { BUTTON } from './ui';

type Progress =
  | { phase: 'idle' }
  | { phase: 'loading'; received: number; total: number | null }
  | { phase: 'done'; received: number }
  | { phase: 'error'; message: string };

function filenameFrom(disposition: string | null, fallback: string): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? fallback;
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
    try {
      const response = await fetch(href, { signal: abort.current.signal, cache: 'no-store' });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => null)) as { message?: string } | null;
        throw new Error(body?.message ?? `The download failed (HTTP ${response.status}).`);
      }
      const total = Number(response.headers.get('content-length')) || null;
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let received = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        received += value.byteLength;
        setProgress({ phase: 'loading', received, total });
      }
      const url = URL.createObjectURL(new Blob(parts, { type: response.headers.get('content-type') ?? 'text/plain' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = filenameFrom(response.headers.get('content-disposition'), fallbackName);
      anchor.click();
      // Revoked after the click has been handled, so the save dialog still has the data.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setProgress({ phase: 'done', received });
    } catch (error) {
      setProgress(
        abort.current?.signal.aborted
          ? { phase: 'idle' }
          : { phase: 'error', message: error instanceof Error ? error.message : 'The download failed.' },
      );
    }
  }

  const loading = progress.phase === 'loading';
  const percent = loading && progress.total ? Math.min(100, Math.round((progress.received / progress.total) * 100)) : null;
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" className={BUTTON} onClick={() => void download()} disabled={loading}>
          {loading ? 'Downloading…' : 'Download document'}
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
          <>
            <progress className="h-2 w-64 align-middle" max={100} value={percent ?? undefined} aria-label="Download progress" />{' '}
            {formatBytes(progress.received)}
            {progress.total ? ` of ${formatBytes(progress.total)} (${percent}%)` : ''}
          </>
        )}
        {progress.phase === 'done' && <span data-testid="download-done">Saved {formatBytes(progress.received)}.</span>}
        {progress.phase === 'error' && (
          <span className="text-red-700" role="alert">
            {progress.message}
          </span>
        )}
      </div>
    </div>
  );
}
