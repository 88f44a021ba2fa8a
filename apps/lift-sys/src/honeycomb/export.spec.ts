import { renderDefinitionFiles } from '@lift-sys/honeycomb';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { liftSysDefinitions } from './definitions.js';

const EXPORT_DIR = 'docs/honeycomb';

describe('the committed Honeycomb export', () => {
  it('is exactly what the definitions generate (run `npm run honeycomb:export` after changing them)', () => {
    const generated = renderDefinitionFiles(liftSysDefinitions({}));
    const committed = Object.fromEntries(
      readdirSync(EXPORT_DIR).map((file) => [file, readFileSync(join(EXPORT_DIR, file), 'utf8')]),
    );
    expect(committed).toEqual(generated);
  });
});
