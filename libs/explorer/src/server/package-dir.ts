import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The explorer package's folder, from `src/server` (tests) and `dist/src/server` alike. */
export function packageDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'proto', 'opentelemetry'))) return dir;
  }
  throw new Error('the explorer package folder (with its proto/ files) was not found');
}
