// Bundles entry.mjs into one file with a global `SteppeCodeMirror` (see build.sh).
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

const result = await build({
  entryPoints: ['entry.mjs'],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'SteppeCodeMirror',
  target: 'es2020',
  legalComments: 'none',
  metafile: true,
  outfile: process.argv[2],
});
writeFileSync('meta.json', JSON.stringify(result.metafile));
