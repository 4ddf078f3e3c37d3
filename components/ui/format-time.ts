/**
 * Times as people read them in the shop and the admin: always UTC and one fixed format,
 * so a server-rendered page and its hydrated copy never disagree about a time zone.
 */

// Amazon sends report times in the basic ISO 8601 form, e.g. 20221118T150630Z
// (https://developer.amazon.com/docs/amazon-pay-api-v2/reports.html).
const AMAZON_BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** An ISO 8601 text cut to the minute, as it stands. */
function minuteOf(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2026-01-15 10:30 UTC". */
export function formatUtcMinute(value: Date | string): string {
  return minuteOf(new Date(value).toISOString());
}

/** "2026-01-15 10:30:05 UTC" for a time we stored as an ISO string; "—" when there is none. */
export function formatUtcSecond(iso: string | null): string {
  if (!iso) return '—';
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** "2026-01-15", as a date input holds it. */
export function formatUtcDay(value: Date | number): string {
  return new Date(value).toISOString().slice(0, 10);
}

/** "Jan 15" for the calendar day "2026-01-15". */
export function formatShortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** A UTC time another service sent as ISO 8601 text, to the minute as it stands; "—" when there is none. */
export function formatStampMinute(value: string | null): string {
  return value ? minuteOf(value) : '—';
}

/** Amazon's times, in the basic form or ISO 8601; "—" when there is none, the text itself when it is neither. */
export function formatAmazonTime(value: string | null | undefined): string {
  if (!value) return '—';
  const match = AMAZON_BASIC.exec(value);
  if (match) return `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]} UTC`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : formatUtcMinute(new Date(ms));
}
