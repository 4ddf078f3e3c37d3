/**
 * What the report screens poll, shared so a change made on one (a new report) refreshes the others.
 * Sandbox reports take 10 s (sandbox/README.md); Amazon's take minutes. Every 2 s is gentle on both.
 */
export const REPORT_POLL_MS = 2000;

/** Every filtered list of reports: the prefix of each list's query key. */
export const REPORT_LIST_KEY = ['admin-reports'] as const;

export const reportStatusKey = (reportId: string) => ['admin-report', reportId] as const;
