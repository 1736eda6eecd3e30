// Bundles entry.mjs into one file with a global `SteppeCodeMirror` (see build.sh).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const plainMarkdown = {
  name: 'plain-text-markdown',
  setup(b) {
    b.onResolve({ filter: /utils\/markdown(\.js)?$/ }, (args) =>
      args.importer.includes('codemirror-json-schema') ? { path: fileURLToPath(new URL('./plain-text-markdown.mjs', import.meta.url)) } : undefined);
  },
};

await build({
  entryPoints: ['entry.mjs'],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'SteppeCodeMirror',
  target: 'es2020',
  legalComments: 'none',
  metafile: true,
  outfile: process.argv[2],
  plugins: [plainMarkdown],
}).then((result) => import('node:fs').then((fs) => fs.writeFileSync('meta.json', JSON.stringify(result.metafile))));
