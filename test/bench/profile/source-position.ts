import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const maps = new Map<string, SourceMap | undefined>();

/** `libs/observability/src/…ts:line` for a frame in the library's build, via the `.js.map` beside it. */
export function originalPosition(frame: { url: string; lineNumber: number; columnNumber: number }, repoRoot: string): string {
  const file = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  const map = sourceMapFor(file);
  const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry === undefined || !('originalSource' in entry)) return `${relative(repoRoot, file)}:${frame.lineNumber + 1}`;
  const source = entry.originalSource.startsWith('file:')
    ? fileURLToPath(entry.originalSource)
    : join(dirname(file), entry.originalSource);
  return `${relative(repoRoot, source)}:${entry.originalLine + 1}`;
}

function sourceMapFor(file: string): SourceMap | undefined {
  if (!maps.has(file)) {
    const mapFile = `${file}.map`;
    maps.set(
      file,
      existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapPayload) : undefined,
    );
  }
  return maps.get(file);
}
