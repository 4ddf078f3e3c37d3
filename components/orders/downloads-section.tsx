import { formatUtcMinute } from '@/components/ui/format-time';
import type { DownloadLink } from '@/lib/downloads';

/**
 * The files a paid order delivers. Plain anchors, not <Link>: each click counts a download,
 * so nothing may prefetch them, and the browser saves the attachment instead of navigating.
 */
export function DownloadsSection({
  downloads,
  showOrderNumber = false,
}: {
  downloads: DownloadLink[];
  showOrderNumber?: boolean;
}) {
  if (downloads.length === 0) return null;
  const expiresAt = downloads[0]?.expiresAt;
  return (
    <section aria-labelledby="downloads-heading" className="card p-6" data-testid="downloads">
      <h2 id="downloads-heading" className="mb-3 font-serif text-lg text-ink">
        Downloads
      </h2>
      <ul className="divide-y divide-black/5 text-sm">
        {downloads.map((download) => (
          <li key={download.lineId} className="flex items-center justify-between gap-4 py-2" data-testid="download">
            <span>
              {download.name}
              {showOrderNumber ? <span className="ml-2 font-mono text-ink-muted">{download.orderNumber}</span> : null}
            </span>
            {download.href ? (
              <span className="flex items-center gap-3">
                <span className="text-ink-muted">
                  {download.remaining} {download.remaining === 1 ? 'download' : 'downloads'} left
                </span>
                <a href={download.href} download className="btn-secondary" data-testid="download-link">
                  Download
                </a>
              </span>
            ) : (
              <span className="text-ink-muted">No downloads left</span>
            )}
          </li>
        ))}
      </ul>
      {expiresAt ? (
        <p className="mt-3 text-xs text-ink-muted">
          These links work in this browser or when signed in with your Amazon account, until {formatUtcMinute(expiresAt)}. Open
          this page again for fresh ones.
        </p>
      ) : null}
    </section>
  );
}
