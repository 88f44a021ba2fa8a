import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium (installed by .ci/run when missing); never a browser download. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Headless in a container, with nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh profile in `profileDir`, for the explorer's tests, bench and screenshots. */
export function launchChromium(profileDir: string, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(viewport ? { viewport } : {}),
  });
}
