/**
 * Display helpers shared by server and client components. Amazon sends times
 * in the basic form 20221118T150630Z
 * (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html); the admin reads UTC.
 */
const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function formatAmazonTime(value: string | null | undefined): string {
  if (!value) return '—';
  const match = BASIC.exec(value);
  if (match) return `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]} UTC`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const STATUS_STYLES: Readonly<Record<string, string>> = {
  COMPLETED: 'bg-emerald-100 text-emerald-800',
  IN_PROGRESS: 'bg-amber-100 text-amber-800',
  FAILED: 'bg-red-100 text-red-800',
  CANCELLED: 'bg-slate-200 text-slate-700',
};
