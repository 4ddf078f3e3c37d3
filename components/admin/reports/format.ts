export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Whole percent, never past 100; null when the size is unknown. */
export function progressPercent(received: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.floor((received / total) * 100));
}

/** "1.5 MB of 3.0 MB (50 %)" when the size is known, else just the bytes read. */
export function formatProgress(received: number, total: number | null): string {
  const percent = progressPercent(received, total);
  return percent === null || total === null
    ? formatBytes(received)
    : `${formatBytes(received)} of ${formatBytes(total)} (${percent} %)`;
}
