// Builds the server (tsc) and bundles the UI (esbuild) into dist/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, copyFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const tsc = new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname;
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

mkdirSync('dist/ui', { recursive: true });
await esbuild.build({
  entryPoints: { app: 'src/ui/main.tsx' },
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outdir: 'dist/ui',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'eof',
  logLevel: 'warning',
});
copyFileSync('src/ui/index.html', 'dist/ui/index.html');
for (const file of ['app.js', 'app.css']) {
  const bytes = readFileSync(`dist/ui/${file}`);
  console.log(`dist/ui/${file}: ${statSync(`dist/ui/${file}`).size} bytes, ${gzipSync(bytes).length} gzipped`);
}
