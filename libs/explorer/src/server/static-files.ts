import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { packageDir } from './package-dir.js';

const ASSETS: Record<string, string> = {
  '/app.js': 'text/javascript; charset=utf-8',
  '/app.css': 'text/css; charset=utf-8',
};

/**
 * The UI's bundle from `dist/ui`. Every other GET path (`/`, `/trace/<id>`, `/boards`) gets the
 * page, which routes on the client. The policy allows scripts from this origin only, so markup
 * smuggled into the page by a span attribute could not run even if it were ever parsed.
 */
export async function serveUi(path: string, response: ServerResponse): Promise<void> {
  const uiDir = join(packageDir(), 'dist', 'ui');
  const type = ASSETS[path];
  const file = type ? join(uiDir, path.slice(1)) : join(uiDir, 'index.html');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('The explorer UI is not built: run `npm run build -w @lift-sys/explorer`.\n');
    return;
  }
  response.writeHead(200, {
    'Content-Type': type ?? 'text/html; charset=utf-8',
    'Content-Security-Policy':
      "default-src 'self'; script-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  response.end(body);
}
