import { existsSync } from 'node:fs';

/** Debian's Chromium first (Playwright's own download cannot reach the network here), then Playwright's. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const chromiumLaunchOptions = {
  executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
