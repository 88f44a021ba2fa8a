/** A remote service's `server.address` and `server.port`, as the semantic conventions record them. */
export interface ServerEndpoint {
  address: string;
  port: number;
}

const SCHEME_PORTS: Readonly<Record<string, number>> = { 'http:': 80, 'https:': 443, 'postgres:': 5432, 'postgresql:': 5432 };

/** The endpoint a URL points at (the scheme's port when it names none); undefined for a URL without a host. */
export function serverEndpoint(url: string): ServerEndpoint | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const address = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = parsed.port === '' ? SCHEME_PORTS[parsed.protocol] : Number(parsed.port);
  return address === '' || port === undefined ? undefined : { address, port };
}
