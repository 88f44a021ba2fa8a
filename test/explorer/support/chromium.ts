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
